/**
 * The GlossApi methods for reading and annotating beyond single highlights: a clip's title, tags and
 * collections, the library's taxonomy, every highlight (for the notebook's quote picker), and replacing
 * a clip's text (re-clip, edit) with every highlight re-anchored onto the new text.
 */
import type { GlossApi } from '../api';
import { reanchorHighlights } from '../anchoring/reanchor';
import { GlossError } from '../errors';
import type { LibraryStore } from '../library/store';
import type { ClipDraft, ClipMeta, ClipSummary, Highlight, ReanchorReport } from '../model';
import type { SearchKeeper } from '../search/searchKeeper';
import type { FetchOptions } from '../clipper/fetchPage';
import { countNames, tidyNames } from './tags';
import { detailsPatch } from '../libraryClips/clipDetails';
import { mergeAliases } from '../libraryClips/aliases';

/** What the reading methods need from the service that hosts them. */
export interface ReadingDeps {
  store: LibraryStore;
  index: SearchKeeper;
  summarise(meta: ClipMeta, highlightCount: number): ClipSummary;
  changeHighlights<T>(
    clipId: string,
    change: (highlights: Highlight[], text: string) => T,
  ): Promise<{ result: T; text: string }>;
  fetch?: FetchOptions;
}

export type ReadingMethods = Pick<GlossApi, 'updateClip' | 'getTaxonomy' | 'listHighlights' | 'updateClipContent'>;

const loadClipper = () => import('../clipper');

/**
 * Puts `draft` in place of clip `id`'s article (keeping its id, title, tags and origin) and re-anchors
 * its highlights onto the new text (re-clip, edit, clipping a page again as an update). An address the
 * clip had before is kept as an alias when the draft's differs (the page moved).
 */
export async function replaceClipText(deps: ReadingDeps, id: string, draft: ClipDraft): Promise<ReanchorReport> {
  const { store, index, summarise } = deps;
  const meta = store.getMeta(id);
  const url = draft.url ?? meta.url;
  const aliases = mergeAliases(url, meta.aliases, [meta.url], draft.aliases);
  const fresh = await store.replaceArticle(id, { ...draft, title: meta.title, origin: meta.origin, url, aliases });
  index.putClip(fresh, draft.text);
  const { result } = await deps.changeHighlights(id, (highlights, text) => {
    const r = reanchorHighlights(highlights, text);
    highlights.splice(0, highlights.length, ...r.highlights);
    return r;
  });
  return { clip: summarise(fresh, result.highlights.length), placed: result.placed, orphaned: result.orphaned };
}

/** Builds the reading methods over the service's store and index. */
export function createReadingMethods(deps: ReadingDeps): ReadingMethods {
  const { store, index, summarise } = deps;

  function allHighlights(): Array<{ meta: ClipMeta; highlights: readonly Highlight[] }> {
    return store.list().map((meta) => ({ meta, highlights: store.highlightsOf(meta.id) }));
  }

  const replaceText = (id: string, draft: ClipDraft) => replaceClipText(deps, id, draft);

  return {
    async updateClip({ id, title, tags, collections, ...details }) {
      const patch = {
        ...detailsPatch(details),
        ...(title !== undefined && { title: title.trim() || store.getMeta(id).title }),
        ...(tags !== undefined && { tags: tidyNames(tags) }),
        ...(collections !== undefined && { collections: tidyNames(collections) }),
      };
      const meta = await store.updateMeta(id, patch);
      index.putClip(meta, (await store.readArticle(id)).text);
      return summarise(meta, store.highlightsOf(id).length);
    },

    async getTaxonomy() {
      const metas = store.list();
      const clips = allHighlights();
      const highlightTags = clips.flatMap((c) => c.highlights.map((h) => h.tags));
      return {
        tags: countNames([...metas.map((m) => m.tags), ...highlightTags]),
        collections: countNames(metas.map((m) => m.collections)),
      };
    },

    async listHighlights() {
      return allHighlights().flatMap(({ meta, highlights }) =>
        highlights.map((highlight) => ({ clipId: meta.id, clipTitle: meta.title, clipSite: meta.site, highlight })),
      );
    },

    async updateClipContent({ id, text, html }) {
      store.getMeta(id);
      if ((text === undefined) === (html === undefined))
        throw new GlossError('invalid-input', 'Give the clip’s new content as either text or HTML.');
      const meta = store.getMeta(id);
      if (meta.pdf)
        throw new GlossError(
          'invalid-input',
          'The text of a PDF clip comes from its file and cannot be edited; clip the corrected PDF instead.',
        );
      const { clipText, clipHtml } = await loadClipper();
      const draft =
        text !== undefined
          ? clipText(text, { title: meta.title, url: meta.url })
          : await clipHtml(html!, { title: meta.title, url: meta.url });
      return replaceText(id, draft);
    },
  };
}
