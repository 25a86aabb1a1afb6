import { z } from 'zod';
import type { GlossApi } from './api';
import { HIGHLIGHT_COLORS } from './model';
import { CITATION_FORMATS, EXPORT_FORMATS, REFERENCE_STYLES } from './export/kinds';
import { highlightSchema } from './library/schemas';
import { settingsPatchSchema } from './settings/schema';
import { jobInputSchemas } from './jobs/jobSchemas';
import { catalogueInputSchemas } from './catalogue/schemas';
import { MAX_CLIP_TEXT, MAX_PDF_BYTES } from './clipLimits';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a valid id');
/** A quarantined clip folder as listed in the library's problems: `quarantine/<name>`, no other path. */
const repairClipInput = z
  .object({ quarantinedAs: z.string().regex(/^quarantine\/[A-Za-z0-9_-]{1,200}$/, 'not a quarantined clip') })
  .strict();
const optionalUrl = z.string().max(8192).optional();
const optionalTitle = z.string().max(1000).optional();
const color = z.enum(HIGHLIGHT_COLORS);
const onDuplicate = z.enum(['ask', 'update', 'copy']).optional();
const MAX_TEXT = MAX_CLIP_TEXT;
/** A 100 MB PDF in base64. */
const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4;
const searchInput = z
  .object({ query: z.string().max(2000), limit: z.number().int().min(1).max(500).optional() })
  .strict();

const names = z.array(z.string().max(200)).max(200);
const lexicalDoc = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= MAX_TEXT, 'the document is too large');

/** Input schemas: every call from the UI is checked against these before it reaches the core. */
export const apiInputSchemas = {
  getLibraryInfo: z.tuple([]),
  updateClip: z.tuple([
    z
      .object({
        id,
        title: optionalTitle,
        tags: names.optional(),
        collections: names.optional(),
        byline: optionalTitle,
        site: optionalTitle,
        published: z.string().max(100).optional(),
        url: optionalUrl,
      })
      .strict(),
  ]),
  getTaxonomy: z.tuple([]),
  listHighlights: z.tuple([]),
  updateClipContent: z.tuple([
    z.object({ id, text: z.string().max(MAX_TEXT).optional(), html: z.string().max(MAX_TEXT).optional() }).strict(),
  ]),
  reclip: z.tuple([z.object({ id }).strict()]),
  listPages: z.tuple([]),
  getPage: z.tuple([id]),
  createPage: z.union([z.tuple([]), z.tuple([z.object({ title: optionalTitle }).strict()])]),
  savePage: z.tuple([z.object({ id, title: z.string().max(1000), doc: lexicalDoc }).strict()]),
  deletePage: z.tuple([id]),
  getBacklinks: z.tuple([id]),
  listClips: z.tuple([]),
  ...catalogueInputSchemas,
  getClip: z.tuple([id]),
  getClipForReader: z.tuple([id]),
  getClipPdf: z.tuple([id]),
  clipUrl: z.tuple([z.object({ url: z.string().min(1).max(8192), title: optionalTitle, onDuplicate }).strict()]),
  clipText: z.tuple([
    z.object({ text: z.string().max(MAX_TEXT), title: optionalTitle, url: optionalUrl, onDuplicate }).strict(),
  ]),
  clipHtml: z.tuple([
    z.object({ html: z.string().max(MAX_TEXT), title: optionalTitle, url: optionalUrl, onDuplicate }).strict(),
  ]),
  clipPdf: z.tuple([
    z
      .object({
        data: z
          .string()
          .max(MAX_PDF_BASE64)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
        fileName: optionalTitle,
        title: optionalTitle,
        url: optionalUrl,
        onDuplicate,
      })
      .strict(),
  ]),
  deleteClip: z.tuple([id]),
  addHighlight: z.tuple([
    z
      .object({
        clipId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        color: color.optional(),
        note: z.string().max(1_000_000).optional(),
      })
      .strict()
      .refine((v) => v.end > v.start, 'end must be after start'),
  ]),
  updateHighlight: z.tuple([
    z
      .object({
        clipId: id,
        highlightId: id,
        color: color.optional(),
        note: z.string().max(1_000_000).optional(),
        noteDoc: lexicalDoc.nullable().optional(),
        tags: names.optional(),
      })
      .strict(),
  ]),
  deleteHighlight: z.tuple([z.object({ clipId: id, highlightId: id }).strict()]),
  search: z.tuple([searchInput]),
  searchPage: z.tuple([
    z
      .object({
        query: z.string().max(2000),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ]),
  getIndexStatus: z.tuple([]),
  exportClip: z.tuple([z.object({ id, format: z.enum(EXPORT_FORMATS) }).strict()]),
  citeClip: z.tuple([
    z.object({ id, style: z.enum(REFERENCE_STYLES), quote: z.string().max(1_000_000).optional() }).strict(),
  ]),
  retryClip: z.tuple([id]),
  resolveConflict: z.tuple([
    z.object({ clipId: id, file: z.string().min(1).max(1000), keep: z.enum(['current', 'conflict']) }).strict(),
  ]),
  planClipRepair: z.tuple([repairClipInput]),
  repairClip: z.tuple([repairClipInput]),
  restoreQuarantinedClip: z.tuple([repairClipInput]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
  getAbout: z.tuple([]),
  listTrash: z.tuple([]),
  purgeTrash: z.union([z.tuple([]), z.tuple([z.object({ id: id.optional() }).strict()])]),
  getQuoteSources: z.tuple([z.object({ clipIds: z.array(id).max(2000) }).strict()]),
  exportCitations: z.tuple([
    z
      .object({
        all: z.boolean().optional(),
        clipIds: z.array(id).max(100_000).optional(),
        collection: z.string().min(1).max(200).optional(),
        format: z.enum(CITATION_FORMATS),
        out: z.string().min(1).max(4096).optional(),
      })
      .strict(),
  ]),
  revealLibrary: z.tuple([]),
  clipSample: z.tuple([]),
  restoreClip: z.tuple([id]),
  restoreHighlight: z.tuple([highlightSchema]),
  nextCommand: z.tuple([]),
  getClipEndpoint: z.tuple([]),
  regenerateClipToken: z.tuple([]),
  // The range is the core's to check, with a message written for people.
  setClipEndpointPort: z.tuple([z.number()]),
  getBrowserUpdate: z.tuple([z.object({ id: z.string().min(1).max(64) }).strict()]),
  applyBrowserUpdate: z.tuple([z.object({ id: z.string().min(1).max(64) }).strict()]),
  discardBrowserUpdate: z.tuple([z.object({ id: z.string().min(1).max(64) }).strict()]),
  loadClipImage: z.tuple([z.object({ clipId: z.string().min(1).max(64), url: z.string().min(1).max(8192) }).strict()]),
  ...jobInputSchemas,
} satisfies { [K in keyof GlossApi]: z.ZodType<Parameters<GlossApi[K]>> };
