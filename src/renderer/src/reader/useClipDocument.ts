/**
 * Loads a clip (article, metadata, highlights) and the label taxonomy for the reader, reloading on
 * request (e.g. after its text was updated), and names the window after the clip while it is open.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnchoredHighlight, ClipDocument, Taxonomy } from '@core/model';
import { errorMessage } from '../lib/format';

/**
 * The loaded clip, its load error, the taxonomy, and `reload`. Loaded highlights go to `onHighlights`, which
 * must be stable (a state setter) or every render reloads.
 */
export function useClipDocument(clipId: string, onHighlights: (highlights: AnchoredHighlight[]) => void) {
  const [doc, setDoc] = useState<ClipDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    // The view is keyed by clip id, so it starts afresh for every clip.
    let live = true;
    window.gloss.getClip(clipId).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        onHighlights(d.highlights);
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    window.gloss.getTaxonomy().then(
      (t) => live && setTaxonomy(t),
      () => undefined,
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
