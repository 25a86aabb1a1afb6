/**
 * The app's preferences: one zod schema that both fills in defaults and rejects what a hand-edited or
 * older settings file may hold. The renderer gets the parsed {@link Settings}; the core never trusts the file.
 */
import { z } from 'zod';

import { ENDPOINT_PORT, FONT_FAMILIES, FONT_SIZE, LINE_WIDTH, THEMES, VIEWS } from '../common/settingsLimits';

export { MAX_READ_POSITIONS } from '../common/settingsLimits';

const clipId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a valid id');
/** Notebook page ids have the same shape as clip ids. */
const pageId = clipId;

const readerFields = {
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  fontFamily: z.enum(FONT_FAMILIES),
};

export const readerSettingsSchema = z.object({
  fontSize: readerFields.fontSize.default(FONT_SIZE.default),
  lineWidth: readerFields.lineWidth.default(LINE_WIDTH.default),
  fontFamily: readerFields.fontFamily.default('serif'),
});

/** The view open when the app last closed: the reader's clip, or the notebook's open page. */
export const lastViewSchema = z.object({ name: z.enum(VIEWS), clipId: clipId.optional(), pageId: pageId.optional() });

/** The bookmarklet's local endpoint: the port it prefers and its secret (made on first start). */
export const DEFAULT_ENDPOINT_PORT = ENDPOINT_PORT.default;
const clipEndpointSchema = z.object({
  port: z.number().int().min(ENDPOINT_PORT.min).max(ENDPOINT_PORT.max).default(DEFAULT_ENDPOINT_PORT),
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,128}$/)
    .default(''),
  /** When the token stops working (ISO date); null for a token made before tokens expired. */
  tokenExpiresAt: z.string().max(40).nullable().default(null),
});

/** A clip's last-read place: how far down the article (0–1) and when. */
export const readPositionSchema = z.object({ fraction: z.number().min(0).max(1), at: z.string().max(40) });

export const settingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  reader: readerSettingsSchema.default({
    fontSize: FONT_SIZE.default,
    lineWidth: LINE_WIDTH.default,
    fontFamily: 'serif',
  }),
  firstRunDone: z.boolean().default(false),
  lastView: lastViewSchema.default({ name: 'library' }),
  lastRead: z.record(clipId, readPositionSchema).default({}),
  clipEndpoint: clipEndpointSchema.default({ port: DEFAULT_ENDPOINT_PORT, token: '', tokenExpiresAt: null }),
  /** Where the library was moved to (the desktop app opens it at start unless GLOSS_LIBRARY is set); null: the default. */
  libraryPath: z.string().min(1).max(4096).nullable().default(null),
});

export type Theme = (typeof THEMES)[number];
export type Settings = z.infer<typeof settingsSchema>;
export type ReaderSettings = z.infer<typeof readerSettingsSchema>;
export type LastView = z.infer<typeof lastViewSchema>;

/**
 * What `updateSettings` accepts: any top-level field, the reader's fields one at a time, and read positions
 * to add (a number) or forget (`null`) per clip.
 */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    // Without defaults: zod fills a default even into an optional field, which would reset the fields not sent.
    reader: z.object(readerFields).partial().strict().optional(),
    firstRunDone: z.boolean().optional(),
    lastView: lastViewSchema.strict().optional(),
    lastRead: z.record(clipId, z.number().min(0).max(1).nullable()).optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the service itself may change beyond {@link SettingsPatch}: the endpoint's port and token are not the page's to set. */
export type StoredSettingsPatch = SettingsPatch & {
  clipEndpoint?: Partial<Settings['clipEndpoint']>;
  libraryPath?: string | null;
};

/** The settings a new install starts with. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
