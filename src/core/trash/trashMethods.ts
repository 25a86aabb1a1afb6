/**
 * The GlossApi methods of the trash: what it holds, erasing from it, and where the clips that notebook
 * pages quote are now (so a quote can say its source is in the trash, or gone for good).
 */
import type { GlossApi } from '../api';
import type { LibraryStore } from '../library/store';
import { listTrashEntries, purgeTrashEntries } from './trashBin';
import type { QuoteSource, QuoteSourceNote } from './types';

export type TrashMethods = Pick<GlossApi, 'listTrash' | 'purgeTrash' | 'getQuoteSources'>;

/** Builds the trash methods over the library store. */
export function createTrashMethods(store: LibraryStore): TrashMethods {
  return {
    listTrash: () => listTrashEntries(store.path),

    async purgeTrash({ id } = {}) {
      return { purged: await purgeTrashEntries(store.path, id) };
    },

    async getQuoteSources({ clipIds }) {
      const inLibrary = new Map(store.list().map((m) => [m.id, m]));
      const trashed = clipIds.some((id) => !inLibrary.has(id)) ? await listTrashEntries(store.path) : [];
      const trashedIds = new Set(trashed.filter((t) => t.kind === 'clip').map((t) => t.itemId));
      return Promise.all(
        [...new Set(clipIds)].map(async (clipId): Promise<QuoteSource> => {
          const meta = inLibrary.get(clipId);
          if (meta) {
            const notes: Record<string, QuoteSourceNote> = {};
            for (const h of await store.readAnnotations(clipId))
              notes[h.id] = { note: h.note, ...(h.noteDoc && { noteDoc: h.noteDoc }) };
            return { clipId, state: 'library', title: meta.title, notes };
          }
          if (trashedIds.has(clipId)) {
            const title = trashed.find((t) => t.kind === 'clip' && t.itemId === clipId)?.title;
            return { clipId, state: 'trash', ...(title && { title }) };
          }
          return { clipId, state: 'gone' };
        }),
      );
    },
  };
}
