/**
 * Checks the store applies to what it reads and writes, and how it words failures.
 */
import type { z } from 'zod';
import { GlossError, ioError } from '../errors';
import type { Highlight } from '../model';
import { annotationsFileSchema, checkJsonFile, highlightSchema, type Checked } from './schemas';

/** Filesystem errors are worded where every layer can reach them (errors.ts); kept here for the store's modules. */
export { ioError };

/** Validates an `annotations.json` text and that it (and every highlight in it) belongs to clip `id`. */
export function checkAnnotations(id: string, raw: string): Checked<Highlight[]> {
  const checked = checkJsonFile('annotations.json', raw, annotationsFileSchema);
  if (!checked.ok) return checked;
  if (checked.value.clipId !== id || checked.value.highlights.some((h) => h.clipId !== id)) {
    return { ok: false, newer: false, reason: `annotations.json belongs to another clip than "${id}".` };
  }
  return { ok: true, value: checked.value.highlights };
}

/** Throws `invalid-input` unless every highlight is well-formed and belongs to clip `id`. */
export function validHighlights(id: string, highlights: Highlight[]): Highlight[] {
  const valid = highlights.map((h) => validOrThrow(highlightSchema, h, 'A highlight'));
  if (valid.some((h) => h.clipId !== id))
    throw new GlossError('invalid-input', `A highlight belongs to another clip than "${id}".`);
  return valid;
}

/** Parses `value` with `schema` or throws `invalid-input` naming the first problem. */
export function validOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new GlossError(
    'invalid-input',
    `${what} is not valid (${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'unknown problem'}).`,
  );
}
