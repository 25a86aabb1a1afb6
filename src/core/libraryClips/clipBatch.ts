/**
 * Adding many clips at once (imports that carry their articles, restores): each clip is prepared and its
 * folder reserved at once, so it has an id and can be matched by later entries, but its files are written
 * a batch at a time (LibraryStore.writeClips, syncs overlapping) and indexed together, while the next batch is
 * prepared.
 */
import { tidyNames } from '../annotate/tags';
import { summarise } from '../catalogue/summary';
import type { ImageOptions } from '../clipper/images';
import type { GlossError } from '../errors';
import { writeClipImages } from '../library/clipImages';
import type { LibraryStore } from '../library/store';
import type { ClipDraft, ClipMeta, ClipSummary, Highlight } from '../model';
import { localiseDraft } from './draftImages';

/** Clips written per batch when the caller does not say. */
export const CLIP_BATCH_SIZE = 200;

/** What a batched clip carries besides its article. */
export interface BatchedClipExtras {
  tags?: string[];
  collections?: string[];
  /** Its highlights, made once the clip's id and text are known. */
  highlights?: (meta: ClipMeta, text: string) => Highlight[];
}

export interface ClipBatch {
  /** Prepares a clip (images downloaded, folder reserved); it is written with the batch. */
  add(draft: ClipDraft, extras?: BatchedClipExtras): Promise<ClipSummary>;
  /** Whether clip `id` is prepared but not yet written. */
  has(id: string): boolean;
  /** Writes and indexes every prepared clip; returns the error of each that could not be saved, by id. */
  flush(): Promise<Map<string, GlossError>>;
}

/** The search index as the batch keeps it in step. */
export interface BatchIndex {
  putClip(meta: ClipMeta, text: string): void;
  putHighlights(meta: ClipMeta, highlights: Highlight[]): void;
}

/** The pictures a prepared clip brings, written once its folder exists. */
type LocalImages = Awaited<ReturnType<typeof localiseDraft>>['images'];

/** Lets the event loop run (file-system completions) between entries while a batch is being written. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A batch over `store` and `index`. A batch that fills up starts writing itself and the next one is prepared
 * meanwhile (its CPU work overlaps the first's synced writes); at most one batch is written at a time, so
 * at most two are held in memory. Failures come with the next {@link ClipBatch.flush}; the caller must flush
 * at the end, and before reading any clip it added.
 */
export function createClipBatch(
  store: LibraryStore,
  index: BatchIndex,
  options: { images?: ImageOptions; size?: number } = {},
): ClipBatch {
  const size = options.size ?? CLIP_BATCH_SIZE;
  type Prepared = { meta: ClipMeta; draft: ClipDraft; highlights: Highlight[]; images: LocalImages };
  let pending: Prepared[] = [];
  /** The batch being written, until it is done. */
  let writing: { items: Prepared[]; done: Promise<void> } | null = null;
  /** An error no single clip was blamed for (e.g. the disk went away), thrown by the next call. */
  let broken: unknown = null;
  const failed = new Map<string, GlossError>();

  async function write(items: Prepared[]): Promise<void> {
    const errors = await store.writeClips(items);
    for (const { meta, draft, highlights, images } of items) {
      const error = errors.get(meta.id);
      if (error) failed.set(meta.id, error);
      else {
        // Pictures go in once the clip's folder exists (it is made exclusively, so never before), as a single clip's do.
        await writeClipImages(store.path, meta.id, images);
        index.putClip(meta, draft.text);
        index.putHighlights(meta, highlights);
      }
    }
  }

  /** Waits for the batch being written; throws what it could not blame on a clip. */
  async function settled(): Promise<void> {
    await writing?.done;
    if (broken) {
      const error = broken;
      broken = null;
      throw error;
    }
  }

  /** Starts writing the prepared clips (after the batch before them) without waiting for it. */
  async function start(): Promise<void> {
    await settled();
    const items = pending;
    pending = [];
    const done = write(items)
      .catch((error: unknown) => void (broken = error))
      .finally(() => {
        if (writing?.done === done) writing = null;
      });
    writing = { items, done };
  }

  return {
    async add(draft, extras = {}) {
      if (broken) await settled();
      // While a batch is written, its completions run between entries rather than after the next batch fills.
      if (writing) await yieldToIo();
      const local = await localiseDraft(draft, options.images);
      const reserved = await store.reserveClip(local.draft);
      const tags = tidyNames(extras.tags ?? []);
      const collections = tidyNames(extras.collections ?? []);
      const meta: ClipMeta = {
        ...reserved,
        ...(tags.length && { tags }),
        ...(collections.length && { collections }),
      };
      const highlights = extras.highlights?.(meta, local.draft.text) ?? [];
      pending.push({ meta, draft: local.draft, highlights, images: local.images });
      if (pending.length >= size) await start();
      return summarise(meta, highlights.length);
    },
    has: (id) => pending.some((p) => p.meta.id === id) || !!writing?.items.some((p) => p.meta.id === id),
    async flush() {
      if (pending.length) await start();
      await settled();
      const result = new Map(failed);
      failed.clear();
      return result;
    },
  };
}
