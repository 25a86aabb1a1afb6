/** What the library list shows of a clip, made from its metadata and its highlight count. */
import type { ClipMeta, ClipSummary } from '../model';

/** The list row of clip `meta` with `highlightCount` highlights. */
export function summarise(meta: ClipMeta, highlightCount: number): ClipSummary {
  const {
    id,
    title,
    site,
    byline,
    published,
    url,
    aliases,
    words,
    clippedAt,
    excerpt,
    placeholder,
    tags = [],
    collections = [],
  } = meta;
  return {
    id,
    title,
    site,
    byline,
    published,
    url,
    ...(aliases && { aliases }),
    words,
    clippedAt,
    excerpt,
    highlightCount,
    ...(placeholder && { placeholder }),
    tags,
    collections,
  };
}
