/**
 * The shape of `pages/<id>/page.json`, checked on every read.
 */
import { z } from 'zod';
import { ID_PATTERN, SCHEMA_VERSION } from '../library/schemas';
import type { NotebookPage } from './types';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/** A Lexical editor state: at least a root node with children. */
const lexicalDoc = z
  .object({ root: z.object({ type: z.literal('root'), children: z.array(z.record(z.string(), z.unknown())) }).loose() })
  .loose();

export const pageSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'not a valid id'),
  title: z.string().max(1000),
  createdAt: isoDate,
  updatedAt: isoDate,
  doc: lexicalDoc,
}) satisfies z.ZodType<NotebookPage>;

export const pageFileSchema = pageSchema.extend({ schema: z.literal(SCHEMA_VERSION) });

/** An empty Lexical document: one empty paragraph. */
export function emptyDoc(): Record<string, unknown> {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [],
          textFormat: 0,
          textStyle: '',
        },
      ],
    },
  };
}

/** Serialises a page in its on-disk form. */
export function pageFileText(page: NotebookPage): string {
  return JSON.stringify({ schema: SCHEMA_VERSION, ...page }, null, 2) + '\n';
}
