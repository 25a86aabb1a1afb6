/**
 * The library query's filters and its facets. Facets are counted "disjunctively": a clip that fails only
 * the site filter still counts towards the site facet, so the facet shows what choosing another site gives.
 */
import type { ClipMeta } from '../model';
import { MAX_FACET_VALUES, type ClipFacets, type FacetCount, type ReadPositions } from './types';

/** A clip as the catalogue holds it: its metadata, highlight count, and names folded for matching. */
export interface ClipEntry {
  meta: ClipMeta;
  highlights: number;
  /** Tags, lower case. */
  tags: string[];
  /** Collections, lower case. */
  collections: string[];
}

/** The filters of a query; tag and collection already lower case. */
export interface ClipFilter {
  site?: string;
  tag?: string;
  collection?: string;
  hasHighlights?: boolean;
  unread?: boolean;
}

type FilterName = keyof ClipFilter;

/**
 * Which filter `entry` fails: `null` when it passes them all, the filter's name when it fails exactly
 * one, `'many'` when it fails more than one.
 */
export function matchClip(entry: ClipEntry, filter: ClipFilter, read: ReadPositions): FilterName | 'many' | null {
  let failed: FilterName | null = null;
  const fail = (name: FilterName) => {
    if (failed !== null) return true;
    failed = name;
    return false;
  };
  if (filter.site !== undefined && entry.meta.site !== filter.site && fail('site')) return 'many';
  if (filter.tag !== undefined && !entry.tags.includes(filter.tag) && fail('tag')) return 'many';
  if (filter.collection !== undefined && !entry.collections.includes(filter.collection) && fail('collection'))
    return 'many';
  if (filter.hasHighlights !== undefined && entry.highlights > 0 !== filter.hasHighlights && fail('hasHighlights'))
    return 'many';
  if (filter.unread !== undefined && !(entry.meta.id in read) !== filter.unread && fail('unread')) return 'many';
  return failed;
}

/** Counts per value, most frequent first (then A to Z), at most {@link MAX_FACET_VALUES} plus the chosen one. */
function ranked(counts: Map<string, { value: string; count: number }>, chosen: string | undefined): FacetCount[] {
  const all = [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const top = all.slice(0, MAX_FACET_VALUES);
  if (chosen !== undefined && !top.some((f) => f.value.toLocaleLowerCase() === chosen.toLocaleLowerCase())) {
    const found = all.find((f) => f.value.toLocaleLowerCase() === chosen.toLocaleLowerCase());
    if (found) top.push(found);
  }
  return top.map(({ value, count }) => ({ value, count }));
}

function add(counts: Map<string, { value: string; count: number }>, key: string, value: string): void {
  const found = counts.get(key);
  if (found) found.count++;
  else counts.set(key, { value, count: 1 });
}

/** The facets of `filter` over `entries` (see the module note). */
export function facetsOf(entries: readonly ClipEntry[], filter: ClipFilter, read: ReadPositions): ClipFacets {
  const sites = new Map<string, { value: string; count: number }>();
  const tags = new Map<string, { value: string; count: number }>();
  const collections = new Map<string, { value: string; count: number }>();
  let withHighlights = 0;
  let unread = 0;
  for (const entry of entries) {
    const failed = matchClip(entry, filter, read);
    if (failed === 'many') continue;
    const all = failed === null;
    if ((all || failed === 'site') && entry.meta.site) add(sites, entry.meta.site, entry.meta.site);
    if (all || failed === 'tag') (entry.meta.tags ?? []).forEach((t, i) => add(tags, entry.tags[i]!, t));
    if (all || failed === 'collection')
      (entry.meta.collections ?? []).forEach((c, i) => add(collections, entry.collections[i]!, c));
    if ((all || failed === 'hasHighlights') && entry.highlights > 0) withHighlights++;
    if ((all || failed === 'unread') && !(entry.meta.id in read)) unread++;
  }
  return {
    sites: ranked(sites, filter.site),
    tags: ranked(tags, filter.tag),
    collections: ranked(collections, filter.collection),
    withHighlights,
    unread,
  };
}
