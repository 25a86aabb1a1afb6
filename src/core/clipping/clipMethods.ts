/**
 * The GlossApi clipping methods (URL, pasted text, HTML) with duplicate detection: clipping an article
 * the library already holds asks first (a `duplicate` error naming the clip), updates that clip in place
 * (its highlights re-anchored onto the new text), or keeps both, as the caller chooses.
 */
import type { GlossApi } from '../api';
import { replaceClipText, type ReadingDeps } from '../annotate/readingMethods';
import type { ImageOptions } from '../clipper/images';
import { writeClipImages } from '../library/clipImages';
import type { ClipDraft, ClipSummary } from '../model';
import { duplicateError, findByUrl, findDuplicate, type OnDuplicate } from './duplicates';

/** What the clipping methods need from the service that hosts them. */
export interface ClipDeps extends ReadingDeps {
  /** Saves a draft as a new clip. */
  addDraft(draft: ClipDraft): Promise<ClipSummary>;
  /** Download each clip's images into its folder with these limits; off when absent. */
  images?: ImageOptions;
}

export type ClipMethods = Pick<GlossApi, 'clipUrl' | 'clipText' | 'clipHtml'>;

const loadClipper = () => import('../clipper');

/** Builds the clipping methods over the service's store and index. */
export function createClipMethods(deps: ClipDeps): ClipMethods {
  const { store } = deps;

  /** Adds `draft`, or settles what to do with the clip that already holds its article. */
  async function save(draft: ClipDraft, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
    const existing = onDuplicate === 'copy' ? undefined : findDuplicate(store.list(), draft.url, draft.text);
    if (!existing) return deps.addDraft(draft);
    if (onDuplicate === 'ask') throw duplicateError(existing);
    return (await replaceClipText(deps, existing.id, draft)).clip;
  }

  /** {@link save} with the article's images downloaded first and written beside it. */
  async function saveWithImages(draft: ClipDraft, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
    if (!deps.images) return save(draft, onDuplicate);
    // Asking must not cost a download of every picture: find out first.
    const existing = onDuplicate === 'ask' ? findDuplicate(store.list(), draft.url, draft.text) : undefined;
    if (existing) throw duplicateError(existing);
    const { localiseImages } = await loadClipper();
    const { html, images } = await localiseImages(draft.html, deps.images);
    const clip = await save({ ...draft, html }, onDuplicate === 'ask' ? 'copy' : onDuplicate);
    await writeClipImages(store.path, clip.id, images);
    return clip;
  }

  return {
    async clipUrl({ url, title, onDuplicate }) {
      // The address typed is known before fetching: no need to fetch a page only to ask.
      const known = onDuplicate === undefined || onDuplicate === 'ask' ? findByUrl(store.list(), url) : undefined;
      if (known) throw duplicateError(known);
      const { clipUrl } = await loadClipper();
      return saveWithImages(await clipUrl(url, { title, fetch: deps.fetch }), onDuplicate);
    },

    async clipText({ text, title, url, onDuplicate }) {
      const { clipText } = await loadClipper();
      return save(clipText(text, { title, url }), onDuplicate);
    },

    async clipHtml({ html, title, url, onDuplicate }) {
      const { clipHtml } = await loadClipper();
      return saveWithImages(await clipHtml(html, { title, url }), onDuplicate);
    },
  };
}
