/**
 * Paints a clip's highlights on its rendered article (CSS Custom Highlights, no DOM changes), checks that
 * the rendered text is the stored text the offsets refer to, and opens at a requested place.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { AnchoredHighlight, ReaderDocument } from '@core/model';
import { clearHighlights, flashRange, paintHighlights, scrollRangeIntoView } from '../lib/highlightPainter';
import { offsetsToRange } from '../lib/textOffsets';

/** Where the reader should open: a text position to scroll to and flash, or a highlight. */
export interface ReaderFocus {
  start: number;
  end: number;
  highlightId: string | null;
  /** Changes on every request so the same place can be asked for twice. */
  key: number;
}

/** Scrolls `range` into view inside `scroller` (when there is one) and flashes it. */
export function revealRange(scroller: HTMLElement | null, range: Range, behavior: ScrollBehavior): void {
  if (scroller) scrollRangeIntoView(scroller, range, behavior);
  flashRange(range);
}

/**
 * Keeps `highlights` painted on `article` (re-painting when the article's `html` changes). Returns the
 * painted ranges by highlight id and whether the rendered text differs from the stored one.
 */
export function usePaintedHighlights(opts: {
  doc: ReaderDocument | null;
  html: string;
  highlights: AnchoredHighlight[];
  article: RefObject<HTMLDivElement | null>;
  scroller: RefObject<HTMLDivElement | null>;
  focus: ReaderFocus | null;
  /** Called with the focus's highlight (if it names one) when the reader opens at a new focus. */
  onFocus: (highlightId: string) => void;
  /** Changes when the article's text nodes change without new HTML (a PDF's pages drawn or dropped). */
  version?: number;
}) {
  const { doc, html, highlights, article, scroller, focus, onFocus, version } = opts;

  const ranges = useRef(new Map<string, Range>());
  const [textMismatch, setTextMismatch] = useState(false);
  const focusDone = useRef<number | null>(null);

  // The offsets only mean something if the page's text is the core's text.
  useLayoutEffect(() => {
    const el = article.current;
    if (!doc || !el) return;
    const same = el.textContent === doc.text;
    // The rendered text is only known after layout, so this state cannot be derived during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTextMismatch(!same);
    if (!same && import.meta.env.DEV) {
      console.warn('Gloss: the rendered article text differs from the stored text; highlight offsets may drift.');
    }
  }, [doc, html, article]);

  useLayoutEffect(() => {
    const el = article.current;
    if (!doc || !el) return;
    ranges.current = paintHighlights(el, highlights);
  }, [doc, html, highlights, article, version]);

  useEffect(() => () => clearHighlights(), []);

  // Open at the requested place.
  useLayoutEffect(() => {
    const el = article.current;
    if (!doc || !el || !focus || focusDone.current === focus.key) return;
    focusDone.current = focus.key;
    if (focus.highlightId) onFocus(focus.highlightId);
    const range =
      (focus.highlightId ? ranges.current.get(focus.highlightId)?.cloneRange() : undefined) ??
      offsetsToRange(el, focus.start, focus.end);
    if (range) revealRange(scroller.current, range, 'auto');
  }, [doc, focus, article, scroller, onFocus]);

  return { ranges, textMismatch };
}
