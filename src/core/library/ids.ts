/**
 * Clip ids: short, URL-safe, roughly sortable by day, and safe to use as a folder name.
 */
import { randomBytes } from 'node:crypto';
import { GlossError } from '../errors';
import { ID_PATTERN } from './fileFormat';

/** Crockford base32 without i, l, o, u: no look-alike characters, all lowercase. */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** A new id like `20240517-k3v9q0xz`: the UTC day it was made, then 40 random bits. */
export function newClipId(now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const bytes = randomBytes(8);
  let tail = '';
  for (const b of bytes) tail += BASE32[b & 31];
  return `${day}-${tail}`;
}

/**
 * Throws `invalid-input` unless `id` is a plain id. Every id that comes from outside passes here
 * before it is joined onto a path, so `..` or `/` can never reach the filesystem.
 */
export function assertId(id: unknown, what = 'clip'): asserts id is string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new GlossError('invalid-input', `"${String(id).slice(0, 100)}" is not a valid ${what} id.`);
  }
}
