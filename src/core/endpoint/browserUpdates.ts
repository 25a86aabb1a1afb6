/**
 * A page clipped again from the browser never replaces the clip silently: the bookmarklet runs inside the
 * page, so a hostile page can read its token and send any text it likes under an address the library
 * holds. The new article waits in `<library>/inbox/<clipId>.json` (with where it came from) until the
 * person compares it in the reader and applies or discards it; a PDF's original file waits beside it, byte
 * for byte, as `<clipId>.pdf`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../library/atomicWrite';
import type { ClipDraft } from '../model';
import type { BrowserUpdateInfo } from './types';

/** The folder of the library that holds updates waiting for the person. */
export const INBOX_DIR = 'inbox';

/** An update as kept on disk: the extracted article and where it came from. */
export interface PendingUpdate {
  clipId: string;
  receivedAt: string;
  /** The `Origin` the request came from (the page's site), or null when it sent none. */
  origin: string | null;
  draft: ClipDraft;
  selection?: string;
}

const pendingSchema = z.object({
  clipId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  receivedAt: z.string().max(40),
  origin: z.string().max(2048).nullable(),
  draft: z.object({ title: z.string(), html: z.string(), text: z.string(), url: z.string().nullable() }).passthrough(),
  selection: z.string().optional(),
});

const fileOf = (library: string, clipId: string) => path.join(library, INBOX_DIR, `${clipId}.json`);
const pdfOf = (library: string, clipId: string) => path.join(library, INBOX_DIR, `${clipId}.pdf`);

/** Keeps `update` for its clip, in place of any older one (a PDF's file first, so its JSON never lacks it). */
export async function savePendingUpdate(library: string, update: PendingUpdate): Promise<void> {
  await fs.mkdir(path.join(library, INBOX_DIR), { recursive: true });
  const { pdfBytes, ...draft } = update.draft;
  if (draft.pdf && pdfBytes) await writeFileAtomic(pdfOf(library, update.clipId), pdfBytes);
  else await fs.rm(pdfOf(library, update.clipId), { force: true });
  await writeFileAtomic(fileOf(library, update.clipId), JSON.stringify({ ...update, draft }));
}

/** The draft with its PDF's original file read back, or null when that file is gone. */
async function withPdfBytes(library: string, update: PendingUpdate): Promise<PendingUpdate | null> {
  if (!update.draft.pdf) return update;
  const bytes = await fs.readFile(pdfOf(library, update.clipId)).catch(() => null);
  return bytes && { ...update, draft: { ...update.draft, pdfBytes: new Uint8Array(bytes) } };
}

/** The update waiting for clip `clipId`, or null (a file that does not read as one is dropped). */
export async function readPendingUpdate(library: string, clipId: string): Promise<PendingUpdate | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(clipId)) return null;
  const text = await fs.readFile(fileOf(library, clipId), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.clipId === clipId) {
      const update = await withPdfBytes(library, parsed.data as unknown as PendingUpdate);
      if (update) return update;
    }
  } catch {
    // Not JSON: handled below like any other file that is not an update.
  }
  await removePendingUpdate(library, clipId);
  return null;
}

/** Forgets the update waiting for clip `clipId` (none is fine). */
export async function removePendingUpdate(library: string, clipId: string): Promise<void> {
  await fs.rm(fileOf(library, clipId), { force: true });
  await fs.rm(pdfOf(library, clipId), { force: true });
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/**
 * What the reader shows of an update: the paragraphs it removes from the current text and those it adds
 * (a paragraph changed in one word is one of each), at most `limit` of each.
 */
export function describeUpdate(update: PendingUpdate, currentText: string, limit = 50): BrowserUpdateInfo {
  const before = paragraphs(currentText);
  const after = paragraphs(update.draft.text);
  const had = new Set(before);
  const has = new Set(after);
  const removed = before.filter((p) => !has.has(p));
  const added = after.filter((p) => !had.has(p));
  return {
    clipId: update.clipId,
    receivedAt: update.receivedAt,
    origin: update.origin,
    title: update.draft.title,
    url: update.draft.url,
    removed: removed.slice(0, limit),
    added: added.slice(0, limit),
    changed: removed.length + added.length,
  };
}
