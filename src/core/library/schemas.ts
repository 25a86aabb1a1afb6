/**
 * The shapes of the library's JSON files, checked on every read so a damaged file is caught at the
 * door instead of crashing the reader later.
 */
import { z } from 'zod';
import type { ClipMeta, Highlight } from '../model';
import { CLIP_WORK_TYPES, HIGHLIGHT_COLORS } from '../model';
import { ID_PATTERN, SCHEMA_VERSION } from './fileFormat';

export { ID_PATTERN, SCHEMA_VERSION };

const id = z.string().regex(ID_PATTERN, 'not a valid id');
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const nullableString = z.string().nullable();

export const clipMetaSchema = z.object({
  id,
  title: z.string(),
  byline: nullableString,
  site: nullableString,
  published: nullableString,
  url: nullableString,
  aliases: z.array(z.string()).optional(),
  lang: nullableString,
  excerpt: nullableString,
  words: z.number().int().min(0),
  clippedAt: isoDate,
  origin: z.enum(['url', 'text', 'html', 'file']),
  placeholder: z.object({ reason: z.string(), attemptedAt: isoDate, attempts: z.number().int().min(0) }).optional(),
  tags: z.array(z.string()).optional(),
  collections: z.array(z.string()).optional(),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  biblio: z
    .object({
      type: z.enum(CLIP_WORK_TYPES).optional(),
      containerTitle: z.string().optional(),
      volume: z.string().optional(),
      issue: z.string().optional(),
      pages: z.string().optional(),
      doi: z.string().optional(),
      arxiv: z.string().optional(),
      publisher: z.string().optional(),
      authors: z.array(z.string()).optional(),
    })
    .optional(),
  pdf: z
    .object({
      file: z.literal('original.pdf'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
      pages: z.number().int().min(0),
      pageStarts: z.array(z.number().int().min(0)),
      hasText: z.boolean(),
    })
    .optional(),
}) satisfies z.ZodType<ClipMeta>;

export const metaFileSchema = clipMetaSchema.extend({ schema: z.literal(SCHEMA_VERSION) });

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});

const positionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((p) => p.start <= p.end, 'start must not be after end');

export const highlightSchema = z.object({
  id,
  clipId: id,
  createdAt: isoDate,
  updatedAt: isoDate,
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  noteDoc: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
  target: z.object({
    source: z.string(),
    selector: z.tuple([quoteSelector, positionSelector]),
  }),
}) satisfies z.ZodType<Highlight>;

export const annotationsFileSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  clipId: id,
  highlights: z.array(highlightSchema),
});

/** The outcome of checking one file: the value, or a human reason it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; newer: boolean };

/**
 * Parses and validates a library JSON file. A file whose `schema` is higher than ours is refused
 * with its own reason ("made by a newer version of Gloss") so the person knows to update rather
 * than suspect damage.
 */
export function checkJsonFile<T>(name: string, raw: string, schema: z.ZodType<T>): Checked<T> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, newer: false, reason: `${name} is not valid JSON (it may be truncated or damaged).` };
  }
  const version = (data as { schema?: unknown } | null)?.schema;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return {
      ok: false,
      newer: true,
      reason: `${name} was made by a newer version of Gloss (format ${version}; this version reads format ${SCHEMA_VERSION}). Update Gloss to open it.`,
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, newer: false, reason: `${name} does not have the expected shape (${issues}).` };
}

/** Serialises a clip's metadata in its on-disk form. */
export function metaFileText(meta: ClipMeta): string {
  return JSON.stringify({ schema: SCHEMA_VERSION, ...meta }, null, 2) + '\n';
}

/** Serialises a clip's highlights in their on-disk form. */
export function annotationsFileText(clipId: string, highlights: Highlight[]): string {
  return JSON.stringify({ schema: SCHEMA_VERSION, clipId, highlights }, null, 2) + '\n';
}
