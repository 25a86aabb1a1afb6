/**
 * Query filters as a test on an indexed document: which site, author, kind and date a hit must have.
 */
import type { ParsedQuery, QueryFilterKey } from '../model';
import { dayRange } from '../common/searchQuery';
import { foldTerm } from './terms';

/** What a filter can see of an indexed document (a highlight sees its clip's site, author and date). */
export interface DocFacts {
  kind: 'article' | 'highlight' | 'page';
  /** For highlights: whether it carries a note. */
  hasNote: boolean;
  /** Site and byline as {@link foldField} leaves them. */
  site: string;
  byline: string;
  /** ISO date or date-time: published when known, else clipped. */
  date: string;
  /** Tags and collections as {@link foldField} leaves them. */
  tags: string[];
  collections: string[];
}

/** Folds a filter value or field for comparison: case, accents and spacing do not matter. */
export function foldField(s: string): string {
  return foldTerm(s.trim().replace(/\s+/g, ' '));
}

/**
 * A test for the filters of a parsed query. Filters of one key are alternatives (`site:a site:b`), filters
 * of different keys must all hold. `before:X` keeps what is dated before X began; `after:X` what is dated
 * in X or later, so `after:2023 before:2024` is the year 2023. `tag:` matches a clip's or a highlight's
 * tags, `collection:` a clip's collections (whole names, case and accents ignored). Returns null when there is nothing to test.
 */
export function compileFilters(filters: ParsedQuery['filters']): ((doc: DocFacts) => boolean) | null {
  if (filters.length === 0) return null;
  const byKey = new Map<QueryFilterKey, string[]>();
  for (const { key, value } of filters) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  const tests: Array<(doc: DocFacts) => boolean> = [];
  for (const [key, values] of byKey) {
    if (key === 'tag' || key === 'collection') {
      const wanted = values.map(foldField);
      tests.push((doc) => wanted.some((w) => (key === 'tag' ? doc.tags : doc.collections).includes(w)));
    } else if (key === 'site' || key === 'author') {
      const wanted = values.map(foldField);
      tests.push((doc) => wanted.some((w) => (key === 'site' ? doc.site : doc.byline).includes(w)));
    } else if (key === 'kind') {
      tests.push((doc) =>
        values.some((k) => (k === 'note' ? doc.kind === 'highlight' && doc.hasNote : k === doc.kind)),
      );
    } else {
      const ranges = values.map((v) => dayRange(v)!);
      tests.push((doc) => {
        const day = doc.date.slice(0, 10);
        return ranges.every((r) => (key === 'before' ? day < r.from : day >= r.from));
      });
    }
  }
  return (doc) => tests.every((t) => t(doc));
}
