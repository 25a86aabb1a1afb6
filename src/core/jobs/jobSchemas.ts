/** Input schemas of the job methods (merged into apiInputSchemas): every path and request checked before the core sees it. */
import { z } from 'zod';
import type { ImportSource } from '../import';
import { JOB_IMPORT_SOURCES as SOURCES } from './types';
import { highlightFilterSchema } from '../catalogue/schemas';

// The jobs' list is written out (the renderer cannot load the importers); these fail to compile when the lists differ.
const sameSources: [
  Exclude<ImportSource, (typeof SOURCES)[number]>,
  Exclude<(typeof SOURCES)[number], ImportSource>,
] extends [never, never]
  ? true
  : never = true;
void sameSources;

/** A path as the app's dialogs give it; whether it is absolute and exists is checked by the job methods. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000]+$/, 'not a valid path');
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a valid id');

const jobRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('export'), out: filePath, collection: z.string().min(1).max(200).optional() }).strict(),
  z.object({ kind: z.literal('export-highlights'), out: filePath, query: highlightFilterSchema.optional() }).strict(),
  z.object({ kind: z.literal('import'), source: z.enum(SOURCES), from: filePath }).strict(),
  z.object({ kind: z.literal('backup'), out: filePath }).strict(),
  z.object({ kind: z.literal('restore'), from: filePath, into: filePath }).strict(),
  z.object({ kind: z.literal('reindex') }).strict(),
  z.object({ kind: z.literal('move'), to: filePath }).strict(),
]);

const pathRequest = z
  .object({
    mode: z.enum(['open-file', 'open-folder', 'save-file']),
    title: z.string().max(200).optional(),
    defaultName: z.string().max(255).optional(),
    filters: z
      .array(
        z
          .object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/)).max(20) })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict();

export const jobInputSchemas = {
  startJob: z.tuple([jobRequest]),
  listJobs: z.tuple([]),
  cancelJob: z.tuple([jobId]),
  dismissJob: z.tuple([jobId]),
  choosePath: z.tuple([pathRequest]),
  openLibrary: z.tuple([z.object({ path: filePath }).strict()]),
};
