/**
 * Paging through ranked hits without sorting them all: the hits up to the end of the page are kept in a
 * bounded heap (one comparison for most hits), and only those are sorted.
 */

/** Hits at or below this many are simply sorted. */
const SORT_ALL = 256;
/** Keys closer than this count as equal (scores of equally good matches differ in their last bits). */
const EPSILON = 1e-6;

/**
 * The positions in `ids` of the documents at ranks `[offset, offset + limit)` when ordered by `keys`
 * (parallel to `ids`, higher first), then by `day` (newer first), then by short id (later first).
 */
export function rankedPositions(
  ids: ArrayLike<number>,
  keys: Float64Array,
  day: Int32Array,
  offset: number,
  limit: number,
): number[] {
  const n = ids.length;
  const want = Math.min(n, offset + limit);
  if (offset >= n) return [];
  /** Negative when position `a` ranks before position `b`. */
  const compare = (a: number, b: number): number => {
    const diff = keys[b]! - keys[a]!;
    if (diff > EPSILON || diff < -EPSILON) return diff;
    const x = ids[a]!;
    const y = ids[b]!;
    return day[y]! - day[x]! || y - x;
  };
  let chosen: number[];
  if (n <= SORT_ALL || want * 2 >= n) chosen = Array.from({ length: n }, (_, i) => i);
  else {
    // A heap of the `want` best so far, the worst of them at the top.
    const heap: number[] = [];
    const worse = (a: number, b: number) => compare(heap[a]!, heap[b]!) > 0;
    const down = (at: number) => {
      for (;;) {
        const l = 2 * at + 1;
        if (l >= heap.length) return;
        const r = l + 1;
        const child = r < heap.length && worse(r, l) ? r : l;
        if (!worse(child, at)) return;
        [heap[at], heap[child]] = [heap[child]!, heap[at]!];
        at = child;
      }
    };
    for (let i = 0; i < n; i++) {
      // Most hits rank clearly below the worst kept so far: one comparison of keys rules them out.
      if (heap.length === want && keys[i]! < keys[heap[0]!]! - EPSILON) continue;
      if (heap.length < want) {
        heap.push(i);
        for (let at = heap.length - 1; at > 0;) {
          const parent = (at - 1) >> 1;
          if (!worse(at, parent)) break;
          [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
          at = parent;
        }
      } else if (compare(i, heap[0]!) < 0) {
        heap[0] = i;
        down(0);
      }
    }
    chosen = heap;
  }
  return chosen.sort(compare).slice(offset, want);
}
