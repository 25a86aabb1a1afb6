/**
 * The fixed vocabularies of the data model (highlight colours, kinds of work, query filter keys, the quote
 * block's node type): plain constants the core and the renderer share. `model.ts` derives its types from them.
 */

/** The highlight colours the reader offers. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** The kinds of work a clip can be, for citations (CSL item types). */
export const CLIP_WORK_TYPES = [
  'article-journal',
  'article-newspaper',
  'article-magazine',
  'post-weblog',
  'webpage',
  'report',
  'thesis',
  'paper-conference',
  'book',
  'chapter',
] as const;

/** The filters a search query may hold, as `key:value` words. */
export const QUERY_FILTER_KEYS = ['title', 'site', 'author', 'kind', 'before', 'after', 'tag', 'collection'] as const;

/** The Lexical node type of a quote block: a highlight quoted into a page. */
export const QUOTE_NODE_TYPE = 'gloss-quote';
