/**
 * The fingerprint of an article's text, for spotting the same article clipped twice (under another
 * address, or from a paste): whitespace and Unicode normalisation differences do not count.
 */
import { createHash } from 'node:crypto';

/** Texts shorter than this say too little to call two clips the same article. */
export const MIN_HASHED_CHARS = 200;

/**
 * SHA-256 (hex) of `text` in NFC with runs of whitespace folded to one space and the ends trimmed.
 * Two clips of the same article through different ways in (fetch, paste, saved file) rarely match
 * byte for byte, but the same page clipped twice the same way always does.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}
