import { useCallback, useEffect, useRef, useState } from 'react';
import type { OnDuplicate } from '@core/api';
import type { ClipSummary } from '@core/model';
import type { DuplicateChoice } from '../components/DuplicateOffer';
import { duplicateChoice } from '../components/DuplicateOffer';
import { clipFile } from './clipFile';
import { errorMessage } from './format';

/** One dropped file or link being clipped. */
export interface DropJob {
  id: number;
  name: string;
  /** `duplicate`: the library already holds the article and the person is asked what to do. */
  state: 'working' | 'done' | 'failed' | 'duplicate';
  /** The clip's title when done, the core's error message when failed. */
  message: string;
  clipId?: string;
  /** Set in the `duplicate` state. */
  duplicate?: DuplicateChoice;
}

/** Clips one dropped thing, settling an article already in the library as `onDuplicate` says. */
type DropWork = (onDuplicate: OnDuplicate) => Promise<ClipSummary>;

/** The links in a drop (text/uri-list), without its comment lines. */
function droppedLinks(data: DataTransfer): string[] {
  const list =
    data.getData('text/uri-list') ||
    (/^https?:\/\//.test(data.getData('text/plain').trim()) ? data.getData('text/plain') : '');
  return list
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Files and links dropped anywhere on the window are clipped, one progress row each. `enabled` is off while a
 * dialog is open; `onClipped` runs after each success.
 */
export function useFileDrop(
  enabled: boolean,
  onClipped: () => void,
): {
  dragging: boolean;
  jobs: DropJob[];
  dismiss: () => void;
  choose: (jobId: number, how: Exclude<OnDuplicate, 'ask'>) => void;
} {
  const [dragging, setDragging] = useState(false);
  const [jobs, setJobs] = useState<DropJob[]>([]);
  const nextId = useRef(0);
  const work = useRef(new Map<number, DropWork>());
  const onClippedRef = useRef(onClipped);
  useEffect(() => {
    onClippedRef.current = onClipped;
  }, [onClipped]);

  /** Runs (or re-runs, with the person's choice) the clipping of job `id`. */
  const attempt = useCallback((id: number, onDuplicate: OnDuplicate) => {
    const clip = work.current.get(id);
    if (!clip) return;
    const settle = (patch: Partial<DropJob>) => setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...patch } : j)));
    settle({ state: 'working', message: 'Clipping…', duplicate: undefined });
    clip(onDuplicate).then(
      (c) => {
        work.current.delete(id);
        settle({ state: 'done', message: c.title, clipId: c.id });
        onClippedRef.current();
      },
      (error: unknown) => {
        const duplicate = duplicateChoice(error);
        if (!duplicate) work.current.delete(id);
        settle(
          duplicate
            ? { state: 'duplicate', message: duplicate.message, duplicate }
            : { state: 'failed', message: errorMessage(error) },
        );
      },
    );
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const carriesSomething = (e: DragEvent) =>
      [...(e.dataTransfer?.types ?? [])].some((t) => t === 'Files' || t === 'text/uri-list');
    const run = (name: string, clip: DropWork) => {
      const id = ++nextId.current;
      work.current.set(id, clip);
      setJobs((js) => [...js, { id, name, state: 'working', message: 'Clipping…' }]);
      attempt(id, 'ask');
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
      if (files.length) for (const f of files) run(f.name, (onDuplicate) => clipFile(f, onDuplicate));
      else for (const url of droppedLinks(data)) run(url, (onDuplicate) => window.gloss.clipUrl({ url, onDuplicate }));
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
  }, [enabled, attempt]);

  const dismiss = () => {
    for (const j of jobs) if (j.state !== 'working') work.current.delete(j.id);
    setJobs((js) => js.filter((j) => j.state === 'working'));
  };
  return { dragging, jobs, dismiss, choose: attempt };
}
