/**
 * A clip's document asked for as the click that opens it happens, so the core reads it while React draws the
 * route change, instead of after the reader has mounted. The reader takes it once; one not taken soon (the
 * click led elsewhere) is dropped, so a later open never shows an old copy.
 */
import type { ClipDocument } from '@core/model';

/** A read not taken by a reader within this long is not used. */
const FRESH_MS = 2000;

const asked = new Map<string, { doc: Promise<ClipDocument>; at: number }>();

/** Starts reading clip `id` for the reader about to open it. */
export function prefetchClip(id: string): void {
  const now = performance.now();
  for (const [key, read] of asked) if (now - read.at > FRESH_MS) asked.delete(key);
  if (asked.has(id)) return;
  const doc = window.gloss.getClip(id);
  // A failed read is the reader's to report (it takes the same promise); none is left unhandled here.
  doc.catch(() => undefined);
  asked.set(id, { doc, at: now });
}

/** Clip `id`'s document: the read {@link prefetchClip} started, if fresh, else a new one. */
export function takeClip(id: string): Promise<ClipDocument> {
  const read = asked.get(id);
  asked.delete(id);
  return read && performance.now() - read.at <= FRESH_MS ? read.doc : window.gloss.getClip(id);
}

/** Drops every read not yet taken (a clip changed: a later open must read it again). */
export function forgetClipReads(): void {
  asked.clear();
}
