/**
 * Query filters on their own postings ("facets"): every document is listed under its kind, the words of
 * its site's name and address, the words of its byline, its tags, collections and month, so a filter
 * reads the few lists it names instead of testing every document.
 */
import type { ClipMeta, ParsedQuery } from '../model';
import { dayRange } from '../common/searchQuery';
import type { CompactIndex } from './compactIndex';
import type { IntList } from './postings';
import { foldTerm, tokenize } from './terms';

/** Folds a filter value or field for comparison: case, accents and spacing do not matter. */
export function foldField(s: string): string {
  return foldTerm(s.trim().replace(/\s+/g, ' '));
}

/** An ISO date (or date-time) as the number YYYYMMDD; 0 when there is none. */
export function dayNumber(iso: string | null | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

/** The host of an address without `www.`, or '' when it has none. */
function domainOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

const words = (s: string) => tokenize(s).map(foldTerm).filter(Boolean);

/**
 * The facets a clip's article and highlights are found under (kinds apart): site name and address words,
 * byline words, tags, collections, month.
 */
export function clipFacets(meta: ClipMeta): string[] {
  const facets = new Set<string>();
  for (const w of words(`${meta.site ?? ''} ${domainOf(meta.url)}`)) facets.add(`s:${w}`);
  for (const w of words(meta.byline ?? '')) facets.add(`a:${w}`);
  for (const t of meta.tags ?? []) facets.add(`t:${foldField(t)}`);
  for (const c of meta.collections ?? []) facets.add(`c:${foldField(c)}`);
  const month = monthFacet(dayNumber(meta.published ?? meta.clippedAt));
  if (month) facets.add(month);
  return [...facets];
}

/** The month facet of a YYYYMMDD day (none for 0). */
export function monthFacet(day: number): string | null {
  return day ? `m:${Math.floor(day / 100)}` : null;
}

/** One condition every hit must meet: the documents it lists (possibly more than once) and about how many. */
interface Constraint {
  estimate: number;
  each(visit: (doc: number) => void): void;
  /** A test of one document, when it needs no lists (dates). */
  test?(doc: number): boolean;
}

/** The lists under `key`, or under every key it begins when `prefix`. */
function lists(index: CompactIndex, key: string, prefix: boolean): Int32Array[] {
  if (!prefix) {
    const list = index.facets.get(key);
    return list ? list.views() : [];
  }
  return [...index.facets.atPrefix(key)].flatMap(([, list]) => list.views());
}

const sizeOf = (views: Int32Array[]) => views.reduce((n, v) => n + v.length, 0);

/**
 * Documents holding every word of `value` under facet `tag` (`s:` or `a:`); the last word may be
 * the beginning of one, as the value may still be being typed.
 */
function wordsConstraint(index: CompactIndex, tag: string, values: string[]): Constraint {
  const perValue = values.map((value) => {
    const ws = words(value);
    return ws.map((w, i) => lists(index, tag + w, i === ws.length - 1));
  });
  return {
    estimate: perValue.reduce((n, v) => n + Math.min(...v.map(sizeOf)), 0),
    each(visit) {
      for (const tokenLists of perValue) {
        if (tokenLists.length === 0) continue;
        if (tokenLists.length === 1) {
          for (const view of tokenLists[0]!) for (const doc of view) visit(doc);
          continue;
        }
        const marks = new Map<number, number>();
        tokenLists.forEach((views, i) => {
          for (const view of views) for (const doc of view) if ((marks.get(doc) ?? 0) === i) marks.set(doc, i + 1);
        });
        for (const [doc, n] of marks) if (n === tokenLists.length) visit(doc);
      }
    },
  };
}

/** Documents under any of `keys`. */
function keysConstraint(index: CompactIndex, keys: string[]): Constraint {
  const views = keys.flatMap((k) => lists(index, k, false));
  return { estimate: sizeOf(views), each: (visit) => views.forEach((v) => v.forEach((doc) => visit(doc))) };
}

/** The month facets' lists by month (YYYYMM), remembered until the index changes (a tree walk of every month). */
const months = new WeakMap<CompactIndex, { version: number; lists: Array<[number, IntList]> }>();
function monthLists(index: CompactIndex): Array<[number, IntList]> {
  let known = months.get(index);
  if (!known || known.version !== index.version) {
    const lists: Array<[number, IntList]> = [];
    for (const [key, list] of index.facets.atPrefix('m:')) lists.push([Number(key.slice(2)), list]);
    months.set(index, (known = { version: index.version, lists }));
  }
  return known.lists;
}

/** Documents dated on or after `from` (`after`), or before it (YYYYMMDD numbers). */
function dateConstraint(index: CompactIndex, from: number, after: boolean): Constraint {
  const month = Math.floor(from / 100);
  const inside: Int32Array[] = [];
  const edge: Int32Array[] = [];
  for (const [m, list] of monthLists(index)) {
    if (m === month) edge.push(...list.views());
    else if (after ? m > month : m < month) inside.push(...list.views());
  }
  const day = index.day;
  return {
    estimate: sizeOf(inside) + sizeOf(edge),
    each(visit) {
      for (const view of inside) for (const doc of view) visit(doc);
      for (const view of edge) for (const doc of view) if (after === day[doc]! >= from) visit(doc);
    },
    test: (doc) => day[doc]! > 0 && after === day[doc]! >= from,
  };
}

/** The constraints of a query's filters (`title:` is a word filter, handled with the words). */
function constraints(index: CompactIndex, filters: ParsedQuery['filters']): Constraint[] {
  const byKey = new Map<string, string[]>();
  for (const { key, value } of filters) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  const out: Constraint[] = [];
  for (const [key, values] of byKey) {
    if (key === 'site') out.push(wordsConstraint(index, 's:', values));
    else if (key === 'author') out.push(wordsConstraint(index, 'a:', values));
    else if (key === 'tag')
      out.push(
        keysConstraint(
          index,
          values.map((v) => `t:${foldField(v)}`),
        ),
      );
    else if (key === 'collection')
      out.push(
        keysConstraint(
          index,
          values.map((v) => `c:${foldField(v)}`),
        ),
      );
    else if (key === 'kind')
      out.push(
        keysConstraint(
          index,
          values.map((v) => `k:${v}`),
        ),
      );
    else if (key === 'before' || key === 'after') {
      // Several dates of one key all hold: `after:2020 after:2022` is after 2022.
      for (const v of values) out.push(dateConstraint(index, dayNumber(dayRange(v)!.from), key === 'after'));
    }
  }
  return out;
}

/**
 * The live documents that pass every filter of the query (filters of one key are alternatives:
 * `site:a site:b`), or null when the query has no filters. Reads only the postings the filters name:
 * the most selective one first (its documents, once each, into a typed array), the others only to confirm.
 */
export function filteredDocs(index: CompactIndex, filters: ParsedQuery['filters']): Int32Array | null {
  const all = constraints(index, filters);
  if (all.length === 0) return null;
  all.sort((a, b) => a.estimate - b.estimate);
  const passed = new Uint8Array(index.size);
  // Each document goes in at most once, and the first constraint names at most `estimate` of them.
  const first = new Int32Array(Math.min(all[0]!.estimate, index.size));
  let n = 0;
  all[0]!.each((doc) => {
    if (passed[doc] !== 0) return;
    passed[doc] = 1;
    first[n++] = doc;
  });
  for (let k = 1; k < all.length; k++)
    all[k]!.each((doc) => {
      if (passed[doc] === k) passed[doc] = k + 1;
    });
  const live = index.live;
  const need = all.length;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const doc = first[i]!;
    if (passed[doc] === need && live[doc] === 1) first[kept++] = doc;
  }
  return first.subarray(0, kept);
}

/**
 * A test of whether a document passes every filter of the query, or null when it has none: for a query
 * with words, whose matches are checked one by one rather than the filters listing every document they
 * allow (`after:2015` allows half the library). Dates are read from the document; the other filters mark
 * the documents their lists name.
 */
export function filterTest(index: CompactIndex, filters: ParsedQuery['filters']): ((doc: number) => boolean) | null {
  const all = constraints(index, filters);
  if (all.length === 0) return null;
  const tests = all.map((constraint) => {
    if (constraint.test) return constraint.test;
    const marks = new Uint8Array(index.size);
    constraint.each((doc) => (marks[doc] = 1));
    return (doc: number) => marks[doc] === 1;
  });
  return (doc) => tests.every((test) => test(doc));
}
