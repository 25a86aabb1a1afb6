/**
 * The GlossApi clipping methods (URL, pasted text, HTML) with duplicate detection: clipping an article
 * the library already holds asks first (a `duplicate` error naming the clip), updates that clip in place
 * (its highlights re-anchored onto the new text), or keeps both, as the caller chooses. Also fetching a
 * clip again (re-clip, an import's placeholder) and adding an import's draft, with images downloaded
 * on every path.
 */
import type { GlossApi } from '../api';
import { replaceClipText, type ReadingDeps } from '../annotate/readingMethods';
import type { ImageOptions } from '../clipper/images';
import { writeClipImages } from '../library/clipImages';
import type { ClipDraft, ClipSummary, ReanchorReport } from '../model';
import { mergeAliases } from './aliases';
import { localiseDraft } from './draftImages';
import { duplicateError, findByUrl, findDraftDuplicate, type OnDuplicate } from './duplicates';
import { readPdfDraft } from '../pdf/pdfInWorker';
import { refetchClip, replaceWithImages } from './refetch';

/** What the clipping methods need from the service that hosts them. */
export interface ClipDeps extends ReadingDeps {
  /** Saves a draft as a new clip. */
  addDraft(draft: ClipDraft): Promise<ClipSummary>;
  /** Download each clip's images into its folder with these limits; off when absent. */
  images?: ImageOptions;
}

export type ClipMethods = Pick<GlossApi, 'clipUrl' | 'clipText' | 'clipHtml' | 'clipPdf' | 'reclip' | 'retryClip'> & {
  /** Adds a clip from a ready draft (an import's page, file or placeholder), its images downloaded. */
  addClipDraft(draft: ClipDraft): Promise<ClipSummary>;
  /** The clip that already holds a draft's article (by address or text), if any. */
  findExisting(draft: ClipDraft): ClipSummary | undefined;
  /** Puts a ready draft in place of clip `id`'s article (images downloaded, highlights re-anchored). */
  replaceClipDraft(id: string, draft: ClipDraft): Promise<ReanchorReport>;
};

const loadClipper = () => import('../clipper');

/** Builds the clipping methods over the service's store and index. */
export function createClipMethods(deps: ClipDeps): ClipMethods {
  const { store } = deps;

  /** Adds `draft`, or settles what to do with the clip that already holds its article. */
  async function save(draft: ClipDraft, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
    const existing = onDuplicate === 'copy' ? undefined : findDraftDuplicate(store.list(), draft);
    if (!existing) return deps.addDraft(draft);
    if (onDuplicate === 'ask') throw duplicateError(existing);
    return (await replaceClipText(deps, existing.id, draft)).clip;
  }

  /** {@link save} with the article's images downloaded first and written beside it. */
  async function saveWithImages(draft: ClipDraft, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
    if (!deps.images) return save(draft, onDuplicate);
    // Asking must not cost a download of every picture: find out first.
    const existing = onDuplicate === 'ask' ? findDraftDuplicate(store.list(), draft) : undefined;
    if (existing) throw duplicateError(existing);
    const local = await localiseDraft(draft, deps.images);
    const clip = await save(local.draft, onDuplicate === 'ask' ? 'copy' : onDuplicate);
    await writeClipImages(store.path, clip.id, local.images);
    return clip;
  }

  return {
    async clipUrl({ url, title, onDuplicate }) {
      // The address typed is known before fetching: no need to fetch a page only to ask.
      const known = onDuplicate === undefined || onDuplicate === 'ask' ? findByUrl(store.list(), url) : undefined;
      if (known) throw duplicateError(known);
      const { clipUrl } = await loadClipper();
      const draft = await clipUrl(url, { title, fetch: deps.fetch });
      // A link that redirected is remembered, so clipping or importing it again finds this clip.
      return saveWithImages({ ...draft, aliases: mergeAliases(draft.url, [url]) }, onDuplicate);
    },

    async clipText({ text, title, url, onDuplicate }) {
      const { clipText } = await loadClipper();
      return save(clipText(text, { title, url }), onDuplicate);
    },

    async clipHtml({ html, title, url, onDuplicate }) {
      const { clipHtml } = await loadClipper();
      return saveWithImages(await clipHtml(html, { title, url }), onDuplicate);
    },

    async clipPdf({ data, fileName, url, title, onDuplicate }) {
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      return save(await readPdfDraft(bytes, { fileName, url, title }), onDuplicate);
    },

    reclip: ({ id }) => refetchClip(deps, id),

    async retryClip(id) {
      return (await refetchClip(deps, id)).clip;
    },

    findExisting(draft) {
      const existing = findDraftDuplicate(store.list(), draft);
      return existing && deps.summarise(existing, store.highlightsOf(existing.id).length);
    },

    replaceClipDraft: (id, draft) => replaceWithImages(deps, id, draft),

    async addClipDraft(draft) {
      const local = await localiseDraft(draft, deps.images);
      const clip = await deps.addDraft(local.draft);
      await writeClipImages(store.path, clip.id, local.images);
      return clip;
    },
  };
}
