/**
 * Downloading a draft's images before it is saved, the same way for every path an article comes in
 * by: a first clip, a re-clip, an import's page or file, a placeholder fetched at last.
 */
import type { ImageOptions } from '../clipper/images';
import type { ClipImage } from '../library/clipImages';
import type { ClipDraft } from '../model';

const loadClipper = () => import('../clipper');

/**
 * The draft with its http(s) images pointed at local files, and those files (to write with
 * `writeClipImages` once the clip has an id). Without `options` (images off) the draft is unchanged.
 */
export async function localiseDraft(
  draft: ClipDraft,
  options: ImageOptions | undefined,
): Promise<{ draft: ClipDraft; images: ClipImage[] }> {
  if (!options) return { draft, images: [] };
  const { localiseImages } = await loadClipper();
  const { html, images } = await localiseImages(draft.html, options, draft.url);
  return { draft: { ...draft, html }, images };
}
