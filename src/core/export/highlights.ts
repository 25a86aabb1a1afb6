/**
 * A set of highlights (one query of the highlights view) as one Markdown file: newest first, each quote
 * as a blockquote with its clip's title, site and link, the date, its tags and its note.
 */
import { writeFileAtomic } from '../library/atomicWrite';
import { ioError } from '../library/checks';
import type { HighlightListing, HighlightPage, HighlightQuery } from '../catalogue/types';
import { MAX_PAGE_SIZE } from '../catalogue/types';

/** The filters of a highlight query, without paging. */
export type HighlightFilters = Omit<HighlightQuery, 'offset' | 'limit'>;

/** Reads one page of highlights (the service's `listHighlightsPage`). */
export type HighlightPager = (query: HighlightQuery) => Promise<HighlightPage>;

function quote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

/** What the file says it holds, e.g. "tag “ocean”, colour yellow". */
export function filtersText(filters: HighlightFilters): string {
  const parts = [
    filters.tag !== undefined && `tag “${filters.tag}”`,
    filters.color !== undefined && `colour ${filters.color}`,
    filters.site !== undefined && `site ${filters.site}`,
    filters.clipId !== undefined && `clip ${filters.clipId}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every highlight';
}

/** One highlight: the quote, then where it is from, then its tags and note. */
export function highlightEntry({ clipTitle, clipSite, highlight }: HighlightListing, url: string | null): string {
  const title = clipTitle.replace(/[[\]]/g, '');
  const source = url && /^https?:/i.test(url) ? `[${title}](<${url}>)` : title;
  const from = [source, clipSite, highlight.createdAt.slice(0, 10)].filter(Boolean).join(' · ');
  const parts = [quote(highlight.target.selector[0].exact), `— ${from}`];
  if (highlight.tags?.length) parts.push(highlight.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' '));
  if (highlight.note.trim()) parts.push(highlight.note.trim());
  return parts.join('\n\n');
}

/**
 * Writes every highlight matching `filters` to the Markdown file `out` (atomically), reading them a page
 * at a time; returns how many were written. Cancelling stops before the file is written.
 */
export async function exportHighlights(
  pageOf: HighlightPager,
  filters: HighlightFilters,
  out: string,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const entries: string[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += MAX_PAGE_SIZE) {
    options.signal?.throwIfAborted();
    const page = await pageOf({ ...filters, offset, limit: MAX_PAGE_SIZE });
    total = page.total;
    for (const row of page.rows) entries.push(highlightEntry(row, row.highlight.target.source));
    options.onProgress?.(entries.length, total);
    if (!page.rows.length) break;
  }
  options.signal?.throwIfAborted();
  const head = `# Highlights\n\n${entries.length} highlight${entries.length === 1 ? '' : 's'} (${filtersText(filters)}), newest first.`;
  await writeFileAtomic(out, [head, ...entries].join('\n\n---\n\n') + '\n').catch((e) => {
    throw ioError('Could not write the highlights file', e);
  });
  return entries.length;
}
