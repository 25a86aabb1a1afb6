/**
 * A clip's downloaded images: `clips/<id>/images/<sha256-prefix>.<ext>`. Names are made by Gloss from
 * the bytes, never taken from the page, so they cannot reach outside the folder; the same rule decides
 * which files the desktop app's `gloss-asset://` protocol (and the UI tests' server) may hand out.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { ID_PATTERN } from './schemas';

/** A downloaded image to keep beside an article. */
export interface ClipImage {
  /** `<hex>.<ext>`, see {@link IMAGE_FILE}. */
  name: string;
  bytes: Uint8Array;
}

/** The only image file names a clip may hold. */
export const IMAGE_FILE = /^[0-9a-f]{16,64}\.(png|jpg|gif|webp|avif|bmp)$/;

/** The folder, relative to the article, that its `src` attributes point into. */
export const IMAGES_DIR = 'images';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/** Writes a clip's images into its folder (each atomically; an existing name holds the same bytes). */
export async function writeClipImages(
  libraryPath: string,
  clipId: string,
  images: readonly ClipImage[],
): Promise<void> {
  if (!images.length) return;
  const dir = imagesDir(libraryPath, clipId);
  if (!dir) throw new Error(`Not a clip id: ${clipId}`);
  await fs.mkdir(dir, { recursive: true });
  for (const image of images) {
    if (!IMAGE_FILE.test(image.name)) throw new Error(`Not an image name Gloss makes: ${image.name}`);
    await writeFileAtomic(path.join(dir, image.name), image.bytes);
  }
}

/**
 * The absolute path and MIME type of image `file` of clip `clipId`, or null when either name is not one
 * Gloss makes (so `..`, slashes, encoded separators and other files of the clip are all refused).
 */
export function clipImageFile(
  libraryPath: string,
  clipId: string,
  file: string,
): { path: string; mime: string } | null {
  const dir = imagesDir(libraryPath, clipId);
  const ext = IMAGE_FILE.exec(file)?.[1];
  return dir && ext ? { path: path.join(dir, file), mime: MIME[ext]! } : null;
}

function imagesDir(libraryPath: string, clipId: string): string | null {
  return ID_PATTERN.test(clipId) ? path.join(libraryPath, 'clips', clipId, IMAGES_DIR) : null;
}
