/**
 * A clip's downloaded images in a Markdown export. The article points at `images/<name>` (see
 * library/clipImages.ts) and turndown keeps that address, so the images go to `<export>/images/`
 * beside the clip files. Their names are hashes of their bytes, so clips never overwrite each other's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseBodyDocument } from '../article/dom';
import { clipImageFile, IMAGES_DIR } from '../library/clipImages';
import { ioError } from '../library/checks';

/** The local image files an article's HTML uses, by name (remote images are left as links). */
export function localImageNames(html: string): string[] {
  const names = new Set<string>();
  // Most articles have no picture: no need to parse them.
  if (!/<img\b/i.test(html)) return [];
  // getElementsByTagName, not querySelectorAll: jsdom's selector engine keeps every document it was
  // asked about alive (≈200 KB an article), which made a 10k export climb to gigabytes.
  for (const img of Array.from(parseBodyDocument(html).body.getElementsByTagName('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith(`${IMAGES_DIR}/`)) names.add(src.slice(IMAGES_DIR.length + 1));
  }
  return [...names];
}

/**
 * Copies the images clip `clipId`'s `html` uses from the library at `libraryPath` into `out/images/`.
 * An image missing from the library is left out (the Markdown keeps its link). Returns the files written.
 */
export async function copyClipImages(
  libraryPath: string,
  clipId: string,
  html: string,
  out: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const name of localImageNames(html)) {
    const source = clipImageFile(libraryPath, clipId, name);
    if (!source) continue;
    const target = path.join(out, IMAGES_DIR, name);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.copyFile(source.path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw ioError(`Could not copy the image ${name}`, error);
    }
    written.push(target);
  }
  return written;
}
