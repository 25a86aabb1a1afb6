/**
 * The paged library and highlight lists: what the renderer asks (a query) and what it gets (one page of
 * rows with the total and the facets), so an IPC answer is a page, never the whole library.
 */
import type { ClipSummary, Highlight, HighlightColor } from '../model';

/** What the library can be sorted by: date clipped, date published, title, site, reading progress, highlight count. */
export const CLIP_SORTS = ['clipped', 'published', 'title', 'site', 'progress', 'highlights'] as const;
export type ClipSort = (typeof CLIP_SORTS)[number];

/**
 * One page of the library. Without `desc`, dates, progress and highlight counts run highest first and
 * title and site A to Z; clips without the sorted value (no published date, no site) come last either way.
 * Filters: `site` (exact), `tag` and `collection` (ignoring case), `hasHighlights`, `unread` (never opened:
 * no read position in settings' `lastRead`, which keeps the 300 most recent).
 */
export interface ClipQuery {
  sort?: ClipSort;
  desc?: boolean;
  site?: string;
  tag?: string;
  collection?: string;
  hasHighlights?: boolean;
  unread?: boolean;
  /** First row (0 by default). */
  offset?: number;
  /** Rows in the page (50 by default, at most 500). */
  limit?: number;
}

/** One value of a facet and how many clips have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * The facets of a library query. Each facet counts the clips matching every *other* filter of the query,
 * so choosing a site still shows the other sites with their counts; the longest lists keep their
 * {@link MAX_FACET_VALUES} most frequent values (and the chosen one).
 */
export interface ClipFacets {
  sites: FacetCount[];
  tags: FacetCount[];
  collections: FacetCount[];
  /** Clips with at least one highlight. */
  withHighlights: number;
  /** Clips never opened (see {@link ClipQuery.unread}). */
  unread: number;
}

export interface ClipPage {
  /** How many clips match the query. */
  total: number;
  offset: number;
  rows: ClipSummary[];
  facets: ClipFacets;
}

/** The most values a facet lists. */
export const MAX_FACET_VALUES = 200;

/**
 * One page of the library's highlights, newest first. `tag` matches the highlight's tags or its clip's
 * (ignoring case), `site` the clip's site exactly.
 */
export interface HighlightQuery {
  tag?: string;
  color?: HighlightColor;
  clipId?: string;
  site?: string;
  offset?: number;
  limit?: number;
}

/** A highlight with the clip it belongs to, as lists and the notebook's quote picker show it. */
export type HighlightListing = { clipId: string; clipTitle: string; clipSite: string | null; highlight: Highlight };

export interface HighlightPage {
  total: number;
  offset: number;
  rows: HighlightListing[];
}

/** Read positions by clip id (settings' `lastRead`). */
export type ReadPositions = Record<string, { fraction: number }>;

/** Rows in a page when the query does not say, and the most it may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
