/** What the library list shows of a clip, made from its metadata and its highlight count. */
import type { ClipMeta, ClipSummary } from '../model';

/** The library's order: newest clipped first (ties by id, so the order is stable). */
export function newestFirst(a: Pick<ClipMeta, 'id' | 'clippedAt'>, b: Pick<ClipMeta, 'id' | 'clippedAt'>): number {
  return b.clippedAt.localeCompare(a.clippedAt) || b.id.localeCompare(a.id);
}

/** The list row of clip `meta` with `highlightCount` highlights. */
export function summarise(meta: ClipMeta, highlightCount: number): ClipSummary {
  const { aliases, placeholder, pdf } = meta;
  return {
    id: meta.id,
    title: meta.title,
    site: meta.site,
    byline: meta.byline,
    published: meta.published,
    url: meta.url,
    ...(aliases && { aliases }),
    words: meta.words,
    clippedAt: meta.clippedAt,
    excerpt: meta.excerpt,
    highlightCount,
    ...(placeholder && { placeholder }),
    ...(pdf && { pdfFile: { sha256: pdf.sha256, pages: pdf.pages } }),
    tags: meta.tags ?? [],
    collections: meta.collections ?? [],
  };
}
