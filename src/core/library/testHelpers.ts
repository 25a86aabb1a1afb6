/**
 * Shared fixtures for the core's tests (and test/'s): a temp folder removed after the test file
 * (testTempFolders.ts), a sample clip draft, clip metadata and a highlight.
 */
import type { ClipDraft, ClipMeta, Highlight } from '../model';

export { tempDir } from './testTempFolders';

/** The details of a clip that has none: no author, site, date, address or excerpt (in English). */
export const NO_DETAILS = {
  byline: null,
  site: null,
  published: null,
  url: null,
  lang: 'en',
  excerpt: null,
} as const satisfies Partial<ClipMeta>;

/** Metadata of an untitled 100-word clip with {@link NO_DETAILS}, clipped from the web; `fields` override. */
export function clipMeta(id: string, fields: Partial<ClipMeta> = {}): ClipMeta {
  return {
    id,
    title: 'Untitled',
    ...NO_DETAILS,
    words: 100,
    clippedAt: '2026-12-06T10:00:00.000Z',
    origin: 'url',
    ...fields,
  };
}

/** A plausible clip draft; `text` is what the HTML reads as. */
export function draft(title = 'Talks resume', text = 'Negotiations resumed on Tuesday.'): ClipDraft {
  return {
    title,
    byline: 'A. Writer',
    site: 'example.org',
    published: '2024-05-01',
    url: 'https://example.org/talks',
    lang: 'en',
    excerpt: null,
    origin: 'url',
    html: `<p>${text}</p>`,
    text,
  };
}

/** A valid highlight on `clipId` covering `exact` at [start, end). */
export function highlight(clipId: string, id: string, exact = 'Negotiations', start = 0): Highlight {
  return {
    id,
    clipId,
    createdAt: '2024-05-02T10:00:00.000Z',
    updatedAt: '2024-05-02T10:00:00.000Z',
    color: 'yellow',
    note: '',
    target: {
      source: 'https://example.org/talks',
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' resumed' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
  };
}
