/**
 * The seeded random numbers that generated benchmark and test data are made from: the same data on every run
 * and every machine (bench:search, bench:scale, the search equivalence test).
 */

/** Mulberry32: a small seeded PRNG, good enough for test data and identical on every machine. */
export function prng(seed: number): () => number {
  // Kept in int32 range throughout so V8 never boxes the state (a 30× difference here).
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
