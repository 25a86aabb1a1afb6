/**
 * Notebook pages in a Markdown export: the page's Markdown (see notebook/markdown.ts) with each quote
 * block linking, Obsidian style, to the quoted highlight in the clip's exported file:
 * `[[<clip file name>#^gloss-<highlight id>]]`, the block id the clip's file writes under the quote.
 */
import { pageMarkdown } from '../notebook/markdown';
import type { NotebookPage, QuoteBlockData } from '../notebook/types';
import { blockId } from './markdown';

/** The folder of an export that holds the notebook pages. */
export const NOTEBOOK_FOLDER = 'Notebook';

/** Where each exported clip went: its file name without `.md`, and the highlights its file holds. */
export type ExportedClips = ReadonlyMap<string, { stem: string; highlightIds: ReadonlySet<string> }>;

/**
 * The link under a quote block: to the highlight's block when the clip and highlight were exported,
 * to the clip's file when only the highlight is gone, else none (the stored title is written instead).
 */
export function quoteLink(quote: QuoteBlockData, clips: ExportedClips): string | null {
  const clip = clips.get(quote.clipId);
  if (!clip) return null;
  return clip.highlightIds.has(quote.highlightId)
    ? `[[${clip.stem}#^${blockId(quote.highlightId)}]]`
    : `[[${clip.stem}]]`;
}

/** A page's Markdown for an export whose clip files are `clips`. */
export function exportedPageMarkdown(page: NotebookPage, clips: ExportedClips): string {
  return pageMarkdown(page.title, page.doc, { quoteSource: (quote) => quoteLink(quote, clips) });
}
