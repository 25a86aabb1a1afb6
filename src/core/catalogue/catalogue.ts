/**
 * The catalogue: the library's list and highlight queries answered from memory. It reads the store's
 * in-memory metadata and highlights (kept in step with every write by the store), derives sorted orders
 * once per change of the library, and hands out one page of rows at a time.
 */
import type { ClipMeta, Highlight } from '../model';
import { facetsOf, matchClip, type ClipEntry, type ClipFilter } from './clipFilters';
import { summarise } from './summary';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ClipPage,
  type ClipQuery,
  type ClipSort,
  type HighlightPage,
  type HighlightQuery,
  type ReadPositions,
} from './types';

/** What the catalogue reads: the store (see LibraryStore). */
export interface CatalogueSource {
  /** Changes whenever any clip's metadata or highlights change. */
  readonly version: number;
  /** Every clip, newest clipped first. */
  list(): ClipMeta[];
  /** A clip's highlights as last read or written (not copied: read only). */
  highlightsOf(id: string): readonly Highlight[];
}

/** Sorts with numbers read as numbers and case and accents folded, as people expect titles sorted. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts highest first unless asked otherwise: dates, progress and counts; titles and sites read A to Z. */
const DESC_BY_DEFAULT: Record<ClipSort, boolean> = {
  clipped: true,
  published: true,
  title: false,
  site: false,
  progress: true,
  highlights: true,
};

type HighlightEntry = { meta: ClipMeta; highlight: Highlight; tags: string[] };

function page(offset: number | undefined, limit: number | undefined) {
  const from = Math.max(0, Math.floor(offset ?? 0));
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit ?? DEFAULT_PAGE_SIZE)));
  return { from, to: from + size };
}

const lower = (names: readonly string[] | undefined) => (names ?? []).map((n) => n.toLocaleLowerCase());

export class Catalogue {
  private version = -1;
  private entries: ClipEntry[] = [];
  private readonly orders = new Map<string, ClipEntry[]>();
  private highlightOrder: HighlightEntry[] | null = null;

  constructor(private readonly source: CatalogueSource) {}

  /** One page of the library: sorted, filtered, with the facets' counts (see {@link ClipQuery}). */
  clipsPage(query: ClipQuery, read: ReadPositions = {}): ClipPage {
    const filter: ClipFilter = {
      site: query.site,
      tag: query.tag?.toLocaleLowerCase(),
      collection: query.collection?.toLocaleLowerCase(),
      hasHighlights: query.hasHighlights,
      unread: query.unread,
    };
    const sorted = this.sorted(query.sort ?? 'clipped', query.desc, read);
    const matching = sorted.filter((e) => matchClip(e, filter, read) === null);
    const { from, to } = page(query.offset, query.limit);
    return {
      total: matching.length,
      offset: from,
      rows: matching.slice(from, to).map((e) => summarise(e.meta, e.highlights)),
      facets: facetsOf(this.current(), filter, read),
    };
  }

  /** One page of the library's highlights, newest first (see {@link HighlightQuery}). */
  highlightsPage(query: HighlightQuery): HighlightPage {
    const tag = query.tag?.toLocaleLowerCase();
    const matching = this.highlights().filter(
      ({ meta, highlight, tags }) =>
        (query.clipId === undefined || meta.id === query.clipId) &&
        (query.site === undefined || meta.site === query.site) &&
        (query.color === undefined || highlight.color === query.color) &&
        (tag === undefined || tags.includes(tag)),
    );
    const { from, to } = page(query.offset, query.limit);
    return {
      total: matching.length,
      offset: from,
      rows: matching.slice(from, to).map(({ meta, highlight }) => ({
        clipId: meta.id,
        clipTitle: meta.title,
        clipSite: meta.site,
        highlight,
      })),
    };
  }

  /** The clips' entries for the library as it is now (rebuilt after any change). */
  private current(): ClipEntry[] {
    if (this.version === this.source.version) return this.entries;
    this.version = this.source.version;
    this.orders.clear();
    this.highlightOrder = null;
    this.entries = this.source.list().map((meta) => ({
      meta,
      highlights: this.source.highlightsOf(meta.id).length,
      tags: lower(meta.tags),
      collections: lower(meta.collections),
    }));
    return this.entries;
  }

  /** The entries in the order asked; cached per order until the library changes (progress: per call). */
  private sorted(sort: ClipSort, desc: boolean | undefined, read: ReadPositions): ClipEntry[] {
    const entries = this.current();
    const down = desc ?? DESC_BY_DEFAULT[sort];
    const key = `${sort}:${down}`;
    const cached = this.orders.get(key);
    if (cached) return cached;
    const sign = down ? -1 : 1;
    // Entries come newest clipped first, and the sort is stable: ties stay newest first.
    const by = <T>(value: (e: ClipEntry) => T | null, compare: (a: T, b: T) => number) =>
      [...entries].sort((a, b) => {
        const x = value(a);
        const y = value(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return sign * compare(x, y);
      });
    const text = (a: string, b: string) => collator.compare(a, b);
    const num = (a: number, b: number) => a - b;
    const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    let order: ClipEntry[];
    switch (sort) {
      case 'clipped':
        order = by((e) => e.meta.clippedAt, plain);
        break;
      case 'published':
        order = by((e) => e.meta.published, plain);
        break;
      case 'title':
        order = by((e) => e.meta.title, text);
        break;
      case 'site':
        order = by((e) => e.meta.site || null, text);
        break;
      case 'highlights':
        order = by((e) => e.highlights, num);
        break;
      case 'progress':
        // Read positions live in settings and change without the library changing: never cached.
        return by((e) => read[e.meta.id]?.fraction ?? 0, num);
    }
    this.orders.set(key, order);
    return order;
  }

  /** Every highlight with its clip, newest first (cached until the library changes). */
  private highlights(): HighlightEntry[] {
    const entries = this.current();
    if (this.highlightOrder) return this.highlightOrder;
    const all: HighlightEntry[] = [];
    for (const { meta, tags } of entries) {
      for (const highlight of this.source.highlightsOf(meta.id))
        all.push({ meta, highlight, tags: [...lower(highlight.tags), ...tags] });
    }
    all.sort((a, b) =>
      a.highlight.createdAt === b.highlight.createdAt
        ? a.highlight.id < b.highlight.id
          ? 1
          : -1
        : a.highlight.createdAt < b.highlight.createdAt
          ? 1
          : -1,
    );
    this.highlightOrder = all;
    return all;
  }
}
