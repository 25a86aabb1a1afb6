/**
 * Saving changes to the open clip's highlights through the core, with the reader's list kept in step: update
 * (colour, note, tags), delete with Undo in a toast, and copying a quote with its citation line.
 */
import type { Dispatch, SetStateAction } from 'react';
import { useCallback } from 'react';
import type { AnchoredHighlight } from '@core/model';
import type { HighlightPatch } from '../components/HighlightPanel';
import { copyText } from '../lib/clipboard';
import { useNotify } from '../lib/notify';
import { useReportError } from '../lib/report';

export interface HighlightChanges {
  update: (h: AnchoredHighlight, patch: HighlightPatch) => Promise<void>;
  /** Deletes `h`; the toast's Undo puts it back exactly as it was. */
  remove: (h: AnchoredHighlight) => Promise<void>;
  /** Copies `quote` with the clip's citation (APA). */
  copyWithCitation: (quote: string) => Promise<void>;
}

/** The highlight actions of clip `clipId`; `onChanged` runs when the clip's highlight count changes. */
export function useHighlightChanges(
  clipId: string,
  setHighlights: Dispatch<SetStateAction<AnchoredHighlight[]>>,
  onChanged: () => void,
): HighlightChanges {
  const report = useReportError();
  const notify = useNotify();

  const copyWithCitation = useCallback(
    async (quote: string) => {
      try {
        await copyText(await window.gloss.citeClip({ id: clipId, style: 'apa', quote }));
      } catch (e) {
        report('Couldn’t copy the quote', e);
      }
    },
    [clipId, report],
  );

  const restore = useCallback(
    async (h: AnchoredHighlight) => {
      const { anchor: _anchor, ...stored } = h;
      try {
        const back = await window.gloss.restoreHighlight(stored);
        setHighlights((hs) => [...hs, back]);
        onChanged();
      } catch (e) {
        report('Couldn’t bring the highlight back', e);
      }
    },
    [setHighlights, onChanged, report],
  );

  const remove = useCallback(
    async (h: AnchoredHighlight) => {
      try {
        await window.gloss.deleteHighlight({ clipId, highlightId: h.id });
        setHighlights((hs) => hs.filter((x) => x.id !== h.id));
        onChanged();
        notify({
          title: 'Highlight deleted',
          message: h.target.selector[0].exact.slice(0, 80),
          action: { label: 'Undo', run: () => void restore(h) },
        });
      } catch (e) {
        report('Couldn’t delete the highlight', e);
      }
    },
    [clipId, setHighlights, onChanged, report, notify, restore],
  );

  const update = useCallback(
    async (h: AnchoredHighlight, patch: HighlightPatch) => {
      try {
        const next = await window.gloss.updateHighlight({ clipId, highlightId: h.id, ...patch });
        setHighlights((hs) => hs.map((x) => (x.id === h.id ? next : x)));
      } catch (e) {
        report('Couldn’t update the highlight', e);
      }
    },
    [clipId, setHighlights, report],
  );

  return { update, remove, copyWithCitation };
}
