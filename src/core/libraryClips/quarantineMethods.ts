/**
 * The GlossApi methods that bring a quarantined clip back (library/quarantineRepair.ts does the files):
 * the repair's plan for the person to confirm, the repair itself, and "restore as is" after a fix by hand.
 * Only clips listed among the library's problems can be named, and the search index takes them back in.
 */
import type { RepairClipInput } from '../api';
import { articleText, countWords } from '../article/text';
import { summarise } from '../catalogue/summary';
import { GlossError } from '../errors';
import type { ClipMeta, ClipRepairPlan, ClipSummary, Highlight } from '../model';
import { applyClipRepair, planClipRepair, restoreQuarantinedClip } from '../library/quarantineRepair';
import type { IndexedClipInfo } from '../library/quarantineRepair';
import type { LibraryStore } from '../library/store';
import { indexFilePath, readIndexFile } from '../search/indexFile';
import { readCatalogueFile } from '../library/catalogueFile';

/** What the methods need: the store, and the search index to put a clip back into. */
export interface QuarantineDeps {
  store: LibraryStore;
  index: {
    putClip(meta: ClipMeta, text: string): void;
    putHighlights(meta: ClipMeta, highlights: Highlight[]): void;
  };
}

/** The clip details the saved search index still holds for clip `id` (it may predate the damage), or null. */
async function indexedInfo(libraryPath: string, id: string): Promise<IndexedClipInfo | null> {
  const saved = await readIndexFile(indexFilePath(libraryPath));
  if (!saved.ok) return null;
  const doc = saved.index.index.byKey.get(`a:${id}`);
  return doc === undefined ? null : (saved.index.index.info(doc) as IndexedClipInfo);
}

/** The clip's details as the catalogue file last saved them (before the damage was found), or null. */
async function cataloguedMeta(libraryPath: string, id: string): Promise<ClipMeta | null> {
  const saved = await readCatalogueFile(libraryPath);
  return saved.ok ? (saved.clips.get(id)?.meta ?? null) : null;
}

/** `planClipRepair`, `repairClip` and `restoreQuarantinedClip` of GlossApi. */
export function createQuarantineMethods({ store, index }: QuarantineDeps) {
  /** The problem about `quarantinedAs`, which must be a quarantined clip. */
  function listed(quarantinedAs: string): string {
    const problem = store.problems().find((p) => p.quarantinedAs === quarantinedAs && p.clipId);
    if (!problem)
      throw new GlossError(
        'not-found',
        `No quarantined clip "${quarantinedAs.slice(0, 200)}" in the library's problems.`,
      );
    return problem.clipId!;
  }

  async function plan(quarantinedAs: string): Promise<ClipRepairPlan> {
    const id = listed(quarantinedAs);
    return planClipRepair(
      store.path,
      quarantinedAs,
      { textOf: articleText, countWords },
      await indexedInfo(store.path, id),
      await cataloguedMeta(store.path, id),
    );
  }

  /** Reads the clip back in, indexes it and answers its summary. */
  async function reinstate(id: string, quarantinedAs: string, bringBack: () => Promise<void>): Promise<ClipSummary> {
    const meta = await store.reinstate(id, quarantinedAs, bringBack);
    const { text } = await store.readArticle(id);
    const highlights = await store.readAnnotations(id);
    index.putClip(meta, text);
    index.putHighlights(meta, highlights);
    return summarise(meta, highlights.length);
  }

  return {
    /** What "Repair" would write, for the person to confirm. */
    planClipRepair: ({ quarantinedAs }: RepairClipInput) => plan(quarantinedAs),

    /** Rebuilds the clip's `meta.json` (the damaged one kept beside it) and brings the clip back. */
    async repairClip({ quarantinedAs }: RepairClipInput): Promise<ClipSummary> {
      const repair = await plan(quarantinedAs);
      return reinstate(repair.clipId, quarantinedAs, () => applyClipRepair(store.path, repair));
    },

    /** Brings the clip back as it is, once its `meta.json` reads again; otherwise says what is still wrong. */
    async restoreQuarantinedClip({ quarantinedAs }: RepairClipInput): Promise<ClipSummary> {
      const id = listed(quarantinedAs);
      return reinstate(id, quarantinedAs, () => restoreQuarantinedClip(store.path, quarantinedAs));
    },
  };
}
