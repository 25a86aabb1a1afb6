/**
 * Loads a clip (article, metadata, highlights) and the label taxonomy for the reader, reloading on
 * request (e.g. after its text was updated), and names the window after the clip while it is open.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnchoredHighlight, ReaderDocument, Taxonomy } from '@core/model';
import { errorMessage } from '../lib/format';
import { takeClip } from './clipPrefetch';

/**
 * The loaded clip, its load error, the taxonomy, and `reload`. Loaded highlights go to `onHighlights`, which
 * must be stable (a state setter) or every render reloads.
 */
export function useClipDocument(clipId: string, onHighlights: (highlights: AnchoredHighlight[]) => void) {
  const [doc, setDoc] = useState<ReaderDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    // The view is keyed by clip id, so it starts afresh for every clip.
    let live = true;
    // The taxonomy (tag suggestions) is asked for after the clip, so the core reads the clip first.
    const taxonomy = () =>
      window.gloss.getTaxonomy().then(
        (t) => live && setTaxonomy(t),
        () => undefined,
      );
    takeClip(clipId).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        onHighlights(d.highlights);
        void taxonomy();
      },
      (e) => {
        if (!live) return;
        setLoadError(errorMessage(e));
        void taxonomy();
      },
    );
    return () => {
      live = false;
    };
  }, [clipId, loads, onHighlights]);

  useEffect(() => {
    if (!doc) return;
    document.title = `${doc.meta.title} · Gloss`;
    return () => {
      document.title = 'Gloss';
    };
  }, [doc]);

  const reload = useCallback(() => setLoads((n) => n + 1), []);
  return { doc, setDoc, loadError, taxonomy, reload };
}
