/**
 * Paging through ranked hits without sorting them all: the hits up to the end of the page are picked
 * by a selection on their keys (linear time), and only those are sorted.
 */

/** Hits at or below this many are simply sorted. */
const SORT_ALL = 512;
/** Keys closer than this count as equal (scores of equally good matches differ in their last bits). */
const EPSILON = 1e-6;

/**
 * The documents at ranks `[offset, offset + limit)` of `ids` ordered by `key` (higher first), then by
 * `day` (newer first), then by short id (later first).
 */
export function rankedPage(
  ids: readonly number[],
  key: (doc: number) => number,
  day: Int32Array,
  offset: number,
  limit: number,
): number[] {
  const want = offset + limit;
  if (offset >= ids.length) return [];
  const keys = new Map<number, number>();
  const better = (a: number, b: number) => {
    const diff = keys.get(b)! - keys.get(a)!;
    if (Math.abs(diff) > EPSILON) return diff;
    return day[b]! - day[a]! || b - a;
  };
  let chosen: number[];
  if (ids.length <= SORT_ALL || want * 2 >= ids.length) chosen = [...ids];
  else {
    const values = Float64Array.from(ids, key);
    const cut = nthLargest(values.slice(), want - 1) - EPSILON;
    chosen = ids.filter((_, i) => values[i]! >= cut);
  }
  for (const doc of chosen) keys.set(doc, key(doc));
  return chosen.sort(better).slice(offset, want);
}

/** The `n`-th largest value (0-based) of `values`, which it reorders (Hoare's quickselect). */
export function nthLargest(values: Float64Array, n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (n <= j) hi = j;
    else if (n >= i) lo = i;
    else return values[n]!;
  }
  return values[n]!;
}
