/**
 * Each document's word pairs as a small Bloom filter: one bit set (two bits per pair) for every two words
 * that stand side by side in it. A phrase's candidates (the documents holding all its words) are first
 * checked for the phrase's pairs here, a few memory reads each; only the few that pass have their word
 * sequence searched. Without it a phrase of common words ("is the two") would search thousands of
 * documents' sequences on every keystroke. The filter's size follows from the sequence's length (about
 * three to six bits per word), so it needs no length of its own in the saved file.
 */

/** Bytes of the pair filter of a word sequence of `sequenceBytes` bytes (0 for none). */
export function pairBytes(sequenceBytes: number): number {
  if (sequenceBytes === 0) return 0;
  let bytes = 8;
  while (bytes * 4 < sequenceBytes) bytes *= 2;
  return bytes;
}

/** The two bit positions of the pair (a, b) of term ids, packed as `first | second << 16` within `mask`. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b + 0x632be5ab, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The filter of `pairs` (flat: first term id, second term id, …) in `bytes` bytes. */
export function pairFilter(pairs: readonly number[], bytes: number): Uint8Array {
  const bits = new Uint8Array(bytes);
  const mask = bytes * 8 - 1;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const h = mix(pairs[i]!, pairs[i + 1]!);
    const x = h & mask;
    const y = (Math.imul(h, 0x27d4eb2f) >>> 7) & mask;
    bits[x >>> 3]! |= 1 << (x & 7);
    bits[y >>> 3]! |= 1 << (y & 7);
  }
  return bits;
}

/**
 * Whether term `b` may follow term `a` in the document whose filter is `bits`: false means surely not,
 * true means the sequence must be searched to be sure (a few per cent are false alarms).
 */
export function mayHavePair(bits: Uint8Array, a: number, b: number): boolean {
  const mask = bits.length * 8 - 1;
  const h = mix(a, b);
  const x = h & mask;
  const y = (Math.imul(h, 0x27d4eb2f) >>> 7) & mask;
  return (bits[x >>> 3]! & (1 << (x & 7))) !== 0 && (bits[y >>> 3]! & (1 << (y & 7))) !== 0;
}
