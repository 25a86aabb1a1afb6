/**
 * Shared fixtures for the search tests: clip metadata and highlights built in memory.
 */
import { clipMeta } from '../library/testHelpers';
import type { ClipMeta, Highlight } from '../model';

/** Clip metadata with plausible defaults. */
export function meta(id: string, title: string, extra: Partial<ClipMeta> = {}): ClipMeta {
  return clipMeta(id, { title, words: 0, clippedAt: '2024-05-01T00:00:00.000Z', origin: 'text', ...extra });
}

/** A highlight of `exact` (its first occurrence in `text`). */
export function highlight(clipId: string, id: string, text: string, exact: string, note = ''): Highlight {
  const start = text.indexOf(exact);
  return {
    id,
    clipId,
    createdAt: '2024-05-02T00:00:00.000Z',
    updatedAt: '2024-05-02T00:00:00.000Z',
    color: 'yellow',
    note,
    target: {
      source: `gloss:clip/${clipId}`,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
  };
}
