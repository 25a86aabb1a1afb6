/**
 * Shared fixtures for the library tests: a temp library folder and a sample clip draft.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClipDraft, Highlight } from '../model';

/** A fresh empty folder under the system temp folder. */
export function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'gloss-lib-'));
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
