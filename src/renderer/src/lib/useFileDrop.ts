import { useEffect, useRef, useState } from 'react';
import type { ClipSummary } from '../../../core/model';
import { clipFile } from './clipFile';
import { errorMessage } from './format';

/** One dropped file or link being clipped. */
export interface DropJob {
  id: number;
  name: string;
  state: 'working' | 'done' | 'failed';
  /** The clip's title when done, the core's error message when failed. */
  message: string;
  clipId?: string;
}


/** The links in a drop (text/uri-list), without its comment lines. */
function droppedLinks(data: DataTransfer): string[] {
  const list = data.getData('text/uri-list') || (/^https?:\/\//.test(data.getData('text/plain').trim()) ? data.getData('text/plain') : '');
  return list
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Files and links dropped anywhere on the window are clipped, one progress row each. `enabled` is off while a
 * dialog is open; `onClipped` runs after each success.
 */
export function useFileDrop(enabled: boolean, onClipped: () => void): { dragging: boolean; jobs: DropJob[]; dismiss: () => void } {
  const [dragging, setDragging] = useState(false);
  const [jobs, setJobs] = useState<DropJob[]>([]);
  const nextId = useRef(0);
  const onClippedRef = useRef(onClipped);
  useEffect(() => {
    onClippedRef.current = onClipped;
  }, [onClipped]);

  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const carriesSomething = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].some((t) => t === 'Files' || t === 'text/uri-list');
    const run = (name: string, work: () => Promise<ClipSummary>) => {
      const id = ++nextId.current;
      setJobs((js) => [...js, { id, name, state: 'working', message: 'Clipping…' }]);
      const settle = (patch: Partial<DropJob>) => setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...patch } : j)));
      work().then(
        (clip) => {
          settle({ state: 'done', message: clip.title, clipId: clip.id });
          onClippedRef.current();
        },
        (error) => settle({ state: 'failed', message: errorMessage(error) }),
      );
    };
    const onEnter = (e: DragEvent) => {
      if (!carriesSomething(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (carriesSomething(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      const data = e.dataTransfer;
      if (!data) return;
      e.preventDefault();
      const files = [...data.files];
      if (files.length) for (const f of files) run(f.name, () => clipFile(f));
      else for (const url of droppedLinks(data)) run(url, () => window.gloss.clipUrl({ url }));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);

  return { dragging, jobs, dismiss: () => setJobs((js) => js.filter((j) => j.state === 'working')) };
}
