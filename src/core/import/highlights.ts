/**
 * Attaching imported highlights to a clip. A quote found in the article text becomes a normal
 * highlight; one that is not found is still kept, as an orphan: its TextQuoteSelector holds the
 * quote (no context) and its TextPositionSelector is the empty range 0–0, which no quote can match
 * by position, so the reader lists it as "couldn't be placed" instead of guessing a place.
 */
import { randomUUID } from 'node:crypto';
import { describeRange, findQuote } from '../anchoring/describe';
import type { Highlight, TextPositionSelector, TextQuoteSelector } from '../model';
import type { ImportedHighlight } from './types';

/** The form quotes are compared in: whitespace runs as one space, ends trimmed, case folded. */
export function quoteKey(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().toLowerCase();
}

function selectorsFor(text: string, quote: string): [TextQuoteSelector, TextPositionSelector] | null {
  const range = findQuote(text, quote);
  return range ? describeRange(text, range.start, range.end) : null;
}

/** The selectors of a highlight that could not be placed (see the file comment). */
export function orphanSelectors(quote: string): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: 0 },
  ];
}

/** What adding imported highlights did. */
export interface MergeCounts {
  placed: number;
  orphaned: number;
  duplicates: number;
}

/**
 * Adds `incoming` to `highlights` (in place) for clip `clipId` with article `text`: a quote the clip
 * already has (compared by {@link quoteKey}) is a duplicate and skipped, so re-running an import
 * adds nothing twice.
 */
export function mergeHighlights(
  highlights: Highlight[],
  incoming: ImportedHighlight[],
  text: string,
  target: { clipId: string; source: string },
  now: Date = new Date(),
): MergeCounts {
  const counts: MergeCounts = { placed: 0, orphaned: 0, duplicates: 0 };
  const known = new Set(highlights.map((h) => quoteKey(h.target.selector[0].exact)));
  for (const item of incoming) {
    const key = quoteKey(item.quote);
    if (!key) continue;
    if (known.has(key)) {
      counts.duplicates++;
      continue;
    }
    known.add(key);
    const placed = selectorsFor(text, item.quote.trim());
    const created =
      item.createdAt && !Number.isNaN(Date.parse(item.createdAt))
        ? new Date(item.createdAt).toISOString()
        : now.toISOString();
    highlights.push({
      id: randomUUID().replace(/-/g, '').slice(0, 16),
      clipId: target.clipId,
      createdAt: created,
      updatedAt: created,
      color: item.color ?? 'yellow',
      note: item.note.trim(),
      target: { source: target.source, selector: placed ?? orphanSelectors(item.quote.trim()) },
    });
    counts[placed ? 'placed' : 'orphaned']++;
  }
  return counts;
}
