/** Input schemas of the paged list methods (merged into apiInputSchemas). */
import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../model';
import { CLIP_SORTS, MAX_PAGE_SIZE } from './types';

const name = z.string().min(1).max(200);
const offset = z.number().int().min(0).max(10_000_000).optional();
const limit = z.number().int().min(1).max(MAX_PAGE_SIZE).optional();

/** The filters of a highlight query, shared with the export of a highlight query's set. */
export const highlightFilterSchema = z
  .object({
    tag: name.optional(),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    clipId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a valid id')
      .optional(),
    site: z.string().max(1000).optional(),
  })
  .strict();

export const catalogueInputSchemas = {
  listClipsPage: z.tuple([
    z
      .object({
        sort: z.enum(CLIP_SORTS).optional(),
        desc: z.boolean().optional(),
        site: z.string().max(1000).optional(),
        tag: name.optional(),
        collection: name.optional(),
        hasHighlights: z.boolean().optional(),
        unread: z.boolean().optional(),
        offset,
        limit,
      })
      .strict(),
  ]),
  listHighlightsPage: z.tuple([highlightFilterSchema.extend({ offset, limit }).strict()]),
};
