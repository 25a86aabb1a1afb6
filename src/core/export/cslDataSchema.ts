/**
 * The CSL-JSON data schema (csl-data.json, CSL 1.0.2) as zod, for tests that check Gloss's CSL-JSON export:
 * the item types, name and date variables, and the standard and number variables, with no other fields.
 */
import { z } from 'zod';

/** Every item type CSL 1.0.2 defines. */
export const CSL_ITEM_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

const NAME_VARIABLES = [
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'interviewer',
  'illustrator',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
] as const;

const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const;

const STRING_VARIABLES = [
  'citation-key',
  'categories',
  'language',
  'journalAbbreviation',
  'shortTitle',
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'citation-label',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'event',
  'event-title',
  'event-place',
  'genre',
  'ISBN',
  'ISSN',
  'jurisdiction',
  'keyword',
  'medium',
  'note',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'part-title',
  'PMCID',
  'PMID',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'title',
  'title-short',
  'URL',
  'version',
  'volume-title',
  'volume-title-short',
  'year-suffix',
] as const;

const NUMBER_VARIABLES = [
  'chapter-number',
  'citation-number',
  'collection-number',
  'edition',
  'first-reference-note-number',
  'issue',
  'locator',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'page',
  'page-first',
  'part-number',
  'printing-number',
  'supplement-number',
  'volume',
] as const;

const stringOrNumber = z.union([z.string(), z.number()]);

/** A name: a person's parts or one literal (an organisation). */
export const cslNameSchema = z
  .object({
    family: z.string().optional(),
    given: z.string().optional(),
    'dropping-particle': z.string().optional(),
    'non-dropping-particle': z.string().optional(),
    suffix: z.string().optional(),
    'comma-suffix': stringOrNumber.optional(),
    'static-ordering': stringOrNumber.optional(),
    literal: z.string().optional(),
    'parse-names': stringOrNumber.optional(),
  })
  .strict()
  .refine((n) => n.literal !== undefined || n.family !== undefined, 'a name needs a family name or a literal');

/** A date: one or two (a range) [year, month?, day?] arrays, or a literal. */
export const cslDateSchema = z
  .object({
    'date-parts': z.array(z.array(stringOrNumber).min(1).max(3)).min(1).max(2).optional(),
    season: stringOrNumber.optional(),
    circa: z.union([z.string(), z.number(), z.boolean()]).optional(),
    literal: z.string().optional(),
    raw: z.string().optional(),
  })
  .strict();

const shape: Record<string, z.ZodType> = {
  type: z.enum(CSL_ITEM_TYPES),
  id: stringOrNumber,
  custom: z.record(z.string(), z.unknown()).optional(),
};
for (const v of NAME_VARIABLES) shape[v] = z.array(cslNameSchema).optional();
for (const v of DATE_VARIABLES) shape[v] = cslDateSchema.optional();
for (const v of STRING_VARIABLES) shape[v] = z.string().optional();
for (const v of NUMBER_VARIABLES) shape[v] = stringOrNumber.optional();

/** One CSL-JSON item; unknown fields are refused, as the schema's `additionalProperties: false` does. */
export const cslItemSchema = z.object(shape).strict();

/** A CSL-JSON file: an array of items. */
export const cslDataSchema = z.array(cslItemSchema);
