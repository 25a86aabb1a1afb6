/**
 * "Load from the web" for a picture that was not stored when the article was clipped. The reader never
 * loads remote pictures (its Content-Security-Policy allows only the app and `gloss-asset:`), so when the
 * person asks for one, the core downloads it with the clipper's limits into the clip's `images/` folder
 * and points the article's `src` at it; only `src` changes, so the text and every highlight stay as they are.
 */
import { parseBodyDocument } from '../article/dom';
import { fetchImage } from '../clipper/fetchPage';
import { IMAGE_FETCH_LIMITS, privateHostsRefused, storedImageName } from '../clipper/images';
import { GlossError } from '../errors';
import { IMAGES_DIR, writeClipImages } from '../library/clipImages';
import type { LibraryStore } from '../library/store';

/**
 * Downloads the picture at `url`, which must be the `src` of an image in clip `id`'s article, and
 * stores it beside the article.
 *
 * @returns the image's new `src` (`images/<file>`)
 * @throws GlossError `not-found` when the article has no such image; the fetch's error when it cannot be had
 */
export async function loadRemoteImage(store: LibraryStore, id: string, url: string): Promise<{ src: string }> {
  const meta = store.getMeta(id);
  const { html, text } = await store.readArticle(id);
  const doc = parseBodyDocument(html);
  const images = Array.from(doc.body.getElementsByTagName('img')).filter((img) => img.getAttribute('src') === url);
  if (!images.length || !/^https?:\/\//i.test(url))
    throw new GlossError('not-found', 'This article has no such picture to load.');
  const got = await fetchImage(url, {
    ...IMAGE_FETCH_LIMITS,
    refuse: await privateHostsRefused(meta.url),
  });
  const name = storedImageName(got.mime, got.bytes);
  if (!name) throw new GlossError('unsupported-content', 'The picture is not in a format Gloss keeps.');
  await writeClipImages(store.path, id, [{ name, bytes: got.bytes }]);
  const src = `${IMAGES_DIR}/${name}`;
  for (const img of images) img.setAttribute('src', src);
  // The metadata stays as it is (the draft carries it over); the text is the same, so highlights need nothing.
  await store.replaceArticle(id, { ...meta, html: doc.body.innerHTML, text });
  return { src };
}
