/**
 * The search query language: words searched as you type, `"quoted phrases"` matched exactly, and
 * `key:value` filters (`title:`, `site:`, `author:`, `kind:`, `before:`, `after:`, `tag:`, `collection:`).
 * Parsing never fails: whatever is not understood is searched as words and explained in a hint.
 */
import type { ParsedQuery, QueryFilterKey } from '../model';
import { QUERY_FILTER_KEYS } from './vocabulary';

/** The kinds `kind:` accepts. */
export const QUERY_KINDS = ['article', 'highlight', 'note', 'page'] as const;

/** `key:"quoted value"`, `key:value`, `"a phrase"` (closed or still being typed), or a plain word. */
const PART = /([\p{L}][\p{L}\p{N}_-]*):(?:"([^"]*)"?|(\S*))|"([^"]*)("?)|(\S+)/gu;

const isFilterKey = (key: string): key is QueryFilterKey => (QUERY_FILTER_KEYS as readonly string[]).includes(key);

/** Why a filter value cannot be used, or null when it can. */
function badValue(key: QueryFilterKey, value: string): string | null {
  if (key === 'kind' && !(QUERY_KINDS as readonly string[]).includes(value)) {
    return `kind: takes ${QUERY_KINDS.join(', ')}; “${value}” was ignored.`;
  }
  if ((key === 'before' || key === 'after') && !dayRange(value)) {
    return `${key}: takes a date as YYYY, YYYY-MM or YYYY-MM-DD; “${value}” was ignored.`;
  }
  return null;
}

/**
 * Reads a search query. Filters are `key:value` (a value with spaces in quotes: `author:"Ann Lee"`);
 * a closed `"quoted phrase"` must match word for word; an unclosed one (still being typed) is searched
 * as words. Unknown filters (`foo:bar`) are searched as words and named in `hints`, as are bad values.
 *
 * @example parseQuery('site:example.org "territorial gains" ukr')
 *   // → { text: 'ukr', filters: [{ key: 'site', value: 'example.org' }], phrases: ['territorial gains'], hints: [] }
 */
export function parseQuery(query: string): ParsedQuery {
  const words: string[] = [];
  const parsed: ParsedQuery = { text: '', filters: [], phrases: [], hints: [] };
  for (const m of query.matchAll(PART)) {
    const [whole, rawKey, quotedValue, plainValue, phrase, closing, word] = m;
    if (word !== undefined) words.push(word);
    else if (phrase !== undefined) {
      if (closing && phrase.trim()) parsed.phrases.push(phrase.trim());
      else words.push(phrase);
    } else if (rawKey !== undefined) {
      const key = rawKey.toLowerCase();
      const value = (quotedValue ?? plainValue ?? '').trim();
      // "https://…" and the like are text that happens to hold a colon, not a filter.
      if (value.startsWith('//')) words.push(whole);
      else if (!isFilterKey(key)) {
        words.push(`${rawKey} ${value}`);
        parsed.hints.push(
          `“${rawKey}:” is not a filter, so it was searched as words. Filters: ${QUERY_FILTER_KEYS.map((k) => `${k}:`).join(' ')}`,
        );
      } else if (value) {
        const problem = badValue(key, key === 'kind' ? value.toLowerCase() : value);
        if (problem) parsed.hints.push(problem);
        else parsed.filters.push({ key, value: key === 'kind' ? value.toLowerCase() : value });
      }
      // A filter without a value yet ("site:" while typing) is simply not applied.
    }
  }
  parsed.text = words.join(' ').trim();
  return parsed;
}

/**
 * `query` without the filter `filter` (the first part that parses to it), spacing tidied; the query
 * unchanged when it holds no such filter. Removing a chip in the search view uses this.
 *
 * @example removeFilter('tides site:example.org after:2020', { key: 'site', value: 'example.org' }) // → 'tides after:2020'
 */
export function removeFilter(query: string, filter: { key: QueryFilterKey; value: string }): string {
  for (const m of query.matchAll(PART)) {
    const [whole, rawKey, quotedValue, plainValue] = m;
    if (rawKey === undefined || rawKey.toLowerCase() !== filter.key) continue;
    const value = (quotedValue ?? plainValue ?? '').trim();
    if ((filter.key === 'kind' ? value.toLowerCase() : value) !== filter.value) continue;
    return (query.slice(0, m.index) + query.slice(m.index + whole.length)).replace(/\s{2,}/g, ' ').trim();
  }
  return query;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The days a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value covers, as `[from, to)` ISO day strings,
 * or null if it is not such a date.
 */
export function dayRange(value: string): { from: string; to: string } | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const from = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || from.getUTCDate() !== day) return null;
  const to = new Date(from);
  if (mo === undefined) to.setUTCFullYear(year + 1);
  else if (d === undefined) to.setUTCMonth(month);
  else to.setUTCDate(day + 1);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return { from: iso(from), to: iso(to) };
}
