/**
 * Fetching a web clip's page again: the reader's "re-clip" and an import's retry of a placeholder are
 * the same step. The new article (its images downloaded) replaces the old, highlights are re-anchored
 * onto it, and an address the page has moved from is kept as an alias. A placeholder that still cannot
 * be fetched records the attempt.
 */
import { replaceClipText } from '../annotate/readingMethods';
import { GlossError } from '../errors';
import { writeClipImages } from '../library/clipImages';
import type { ClipDraft, ReanchorReport } from '../model';
import type { ClipDeps } from './clipMethods';
import { localiseDraft } from './draftImages';

const loadClipper = () => import('../clipper');

/**
 * Fetches clip `id`'s page from its address and puts it in place of the article.
 *
 * @throws GlossError `invalid-input` when the clip has no web address; the fetch's error when the page
 *   cannot be had (a placeholder then remembers the attempt and its reason)
 */
export async function refetchClip(deps: ClipDeps, id: string): Promise<ReanchorReport> {
  const { store } = deps;
  const meta = store.getMeta(id);
  if (!meta.url || !/^https?:/i.test(meta.url)) {
    throw new GlossError('invalid-input', 'This clip has no web address to fetch again; paste its new text instead.');
  }
  const { clipUrl } = await loadClipper();
  let fetched: ClipDraft;
  try {
    fetched = await clipUrl(meta.url, { fetch: deps.fetch });
  } catch (error) {
    if (meta.placeholder) {
      const reason = error instanceof Error ? error.message : String(error);
      await store.updateMeta(id, {
        placeholder: { reason, attemptedAt: new Date().toISOString(), attempts: meta.placeholder.attempts + 1 },
      });
    }
    throw error;
  }
  return replaceWithImages(deps, id, fetched);
}

/**
 * Puts `fetched` in place of clip `id`'s article, its images downloaded first (the reader's re-clip, an
 * import's retry, an update from the browser the person applied); highlights are re-anchored.
 */
export async function replaceWithImages(deps: ClipDeps, id: string, fetched: ClipDraft): Promise<ReanchorReport> {
  const { draft, images } = await localiseDraft(fetched, deps.images);
  // The images land first, so the new article never points at a file that is not there yet.
  await writeClipImages(deps.store.path, id, images);
  return replaceClipText(deps, id, draft);
}
