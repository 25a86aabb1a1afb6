/**
 * Each document's word pairs and triples as a small Bloom filter: two bits set for every two words that
 * stand side by side in it, and two for every three. A phrase's candidates (the documents holding all its
 * words) are first checked for the phrase's pairs and triples here, a few memory reads each; only the few
 * that pass have their word sequence searched. Without it a phrase of common words ("is the two") would
 * search thousands of documents' sequences on every keystroke; with pairs alone, 3,000 of its 8,000
 * candidates hold both its pairs (common in themselves) but only 56 the phrase, and the triple sorts
 * them out. The filter's size follows from the sequence's length (about six to twelve bits per word), so
 * it needs no length of its own in the saved file.
 */

/** Bytes of the pair filter of a word sequence of `sequenceBytes` bytes (0 for none). */
export function pairBytes(sequenceBytes: number): number {
  if (sequenceBytes === 0) return 0;
  // The smallest power of two from 8 up whose double reaches the sequence's length.
  const half = Math.ceil(sequenceBytes / 2);
  return half <= 8 ? 8 : 1 << (32 - Math.clz32(half - 1));
}

/** A hash of the pair (a, b) of term ids; a triple is hashed as the pair (hash of its first two, third). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b + 0x632be5ab, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Bits of a block: both bits of an entry fall in one block of 64 bytes (one cache line, one memory read). */
const BLOCK_BITS = 512;

/** The first of the two bits of hash `h` in a filter of `size` bits; the second is at {@link second}. */
function first(h: number, size: number): number {
  if (size <= BLOCK_BITS) return h & (size - 1);
  return (((h >>> 16) & ((size >>> 9) - 1)) << 9) | (h & (BLOCK_BITS - 1));
}

/** The second bit of hash `h`, in the block of its first bit `x`. */
function second(h: number, x: number, size: number): number {
  const within = (Math.imul(h, 0x27d4eb2f) >>> 7) & (Math.min(size, BLOCK_BITS) - 1);
  return (x & ~(BLOCK_BITS - 1)) | within;
}

/** Sets the two bits of hash `h` in the filter of `bytes` bytes at `at` in `bits`. */
function set(bits: Uint8Array, at: number, bytes: number, h: number): void {
  const size = bytes * 8;
  const x = first(h, size);
  const y = second(h, x, size);
  bits[at + (x >>> 3)]! |= 1 << (x & 7);
  bits[at + (y >>> 3)]! |= 1 << (y & 7);
}

/** Whether both bits of hash `h` are set in the filter of `bytes` bytes at `at` in `bits`. */
function has(bits: Uint8Array, at: number, bytes: number, h: number): boolean {
  const size = bytes * 8;
  const x = first(h, size);
  if ((bits[at + (x >>> 3)]! & (1 << (x & 7))) === 0) return false;
  const y = second(h, x, size);
  return (bits[at + (y >>> 3)]! & (1 << (y & 7))) !== 0;
}

/**
 * Writes the filter of word runs into the `bytes` bytes at `at` in `bits` (zeroed): `words` is a flat list
 * of term ids where -1 separates runs (fields); every two and three words side by side within a run go in.
 */
export function writePairFilter(words: readonly number[], bits: Uint8Array, at: number, bytes: number): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (a < 0 || b < 0) continue;
    const pair = mix(a, b);
    set(bits, at, bytes, pair);
    const c = words[i + 2] ?? -1;
    if (c >= 0) set(bits, at, bytes, mix(pair, c));
  }
}

/** The hash {@link mayHaveHashed} looks for: of the pair (a, b), or of the triple (a, b, c) when c ≥ 0. */
export function runHash(a: number, b: number, c = -1): number {
  const pair = mix(a, b);
  return c >= 0 ? mix(pair, c) : pair;
}

/**
 * Whether the pair or triple of hash `hash` ({@link runHash}, computed once for a phrase checked in thousands
 * of documents) may stand in the document whose filter is the `bytes` bytes at `at` in `bits`: false means
 * surely not, true means the sequence must be searched to be sure (a few per cent are false alarms).
 */
export function mayHaveHashed(bits: Uint8Array, at: number, bytes: number, hash: number): boolean {
  return has(bits, at, bytes, hash);
}
