/**
 * Tag and collection names: tidied the same way wherever they come from (the UI, the CLI, imports).
 */
import type { TaxonomyEntry } from '../model';

/** Trims, collapses inner spaces, drops empties and duplicates (ignoring case; the first spelling wins). */
export function tidyNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, 100);
    const key = name.toLocaleLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Counts how often each name occurs across lists, case-insensitively, most used first, then by name. */
export function countNames(lists: Iterable<readonly string[] | undefined>): TaxonomyEntry[] {
  const counts = new Map<string, TaxonomyEntry>();
  for (const list of lists) {
    for (const name of list ?? []) {
      const key = name.toLocaleLowerCase();
      const entry = counts.get(key) ?? { name, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
