import { z } from 'zod';
import type { AnchoredHighlight, ClipDocument, ClipSummary, LibraryInfo, SearchResult } from './model';
import { HIGHLIGHT_COLORS } from './model';

/**
 * The one contract between the UI and everything else. The main process implements it over IPC,
 * the preload forwards it, the renderer calls it, and the UI tests bind it to the real core.
 */
export interface GlossApi {
  getLibraryInfo(): Promise<LibraryInfo>;
  listClips(): Promise<ClipSummary[]>;
  getClip(id: string): Promise<ClipDocument>;
  clipUrl(input: ClipUrlInput): Promise<ClipSummary>;
  clipText(input: ClipTextInput): Promise<ClipSummary>;
  clipHtml(input: ClipHtmlInput): Promise<ClipSummary>;
  deleteClip(id: string): Promise<void>;
  addHighlight(input: AddHighlightInput): Promise<AnchoredHighlight>;
  updateHighlight(input: UpdateHighlightInput): Promise<AnchoredHighlight>;
  deleteHighlight(input: HighlightRef): Promise<void>;
  search(input: SearchInput): Promise<SearchResult[]>;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a valid id');
const optionalUrl = z.string().max(8192).optional();
const optionalTitle = z.string().max(1000).optional();
const color = z.enum(HIGHLIGHT_COLORS);
const MAX_TEXT = 20 * 1024 * 1024;

/** Input schemas: every IPC call is checked against these before it reaches the core. */
export const apiInputSchemas = {
  getLibraryInfo: z.tuple([]),
  listClips: z.tuple([]),
  getClip: z.tuple([id]),
  clipUrl: z.tuple([z.object({ url: z.string().min(1).max(8192), title: optionalTitle }).strict()]),
  clipText: z.tuple([
    z.object({ text: z.string().max(MAX_TEXT), title: optionalTitle, url: optionalUrl }).strict(),
  ]),
  clipHtml: z.tuple([
    z.object({ html: z.string().max(MAX_TEXT), title: optionalTitle, url: optionalUrl }).strict(),
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
      .object({ clipId: id, highlightId: id, color: color.optional(), note: z.string().max(1_000_000).optional() })
      .strict(),
  ]),
  deleteHighlight: z.tuple([z.object({ clipId: id, highlightId: id }).strict()]),
  search: z.tuple([
    z.object({ query: z.string().max(2000), limit: z.number().int().min(1).max(500).optional() }).strict(),
  ]),
} satisfies { [K in keyof GlossApi]: z.ZodType<Parameters<GlossApi[K]>> };

export type ClipUrlInput = { url: string; title?: string };
export type ClipTextInput = { text: string; title?: string; url?: string };
export type ClipHtmlInput = { html: string; title?: string; url?: string };
export type AddHighlightInput = {
  clipId: string;
  start: number;
  end: number;
  color?: (typeof HIGHLIGHT_COLORS)[number];
  note?: string;
};
export type HighlightRef = { clipId: string; highlightId: string };
export type UpdateHighlightInput = HighlightRef & { color?: (typeof HIGHLIGHT_COLORS)[number]; note?: string };
export type SearchInput = { query: string; limit?: number };

export type GlossMethod = keyof GlossApi;

/** Every method name of {@link GlossApi}, derived from the schema table so no name is typed twice. */
export const GLOSS_METHODS = Object.keys(apiInputSchemas) as GlossMethod[];

/** The IPC channel that carries one method. */
export function channelFor(method: GlossMethod): string {
  return `gloss:${method}`;
}
