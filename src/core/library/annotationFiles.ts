/**
 * A clip's `annotations.json`: reading it validated (a damaged file is quarantined and reads as no
 * highlights) and writing it atomically. Callers hold the clip's lock.
 */
import type { Highlight } from '../model';
import { writeFileAtomic } from './atomicWrite';
import { checkAnnotations, ioError } from './checks';
import { clipFile, LinkedFileError, readClipFileOrLink } from './clipFiles';
import { setAside, type LibraryState } from './libraryState';
import { annotationsFileText } from './schemas';

/** The clip's highlights from disk; a missing file is none, a damaged one (or a link) is quarantined and is none. */
export async function readAnnotationsFile(state: LibraryState, id: string): Promise<Highlight[]> {
  const file = clipFile(state.root, id, 'annotations.json');
  const raw = await readClipFileOrLink(state.root, id, 'annotations.json');
  if (raw === null) return [];
  // A link is moved aside itself (its target is never read nor touched), as a damaged file is.
  const checked =
    raw instanceof LinkedFileError ? { ok: false as const, reason: raw.message } : checkAnnotations(id, raw);
  if (checked.ok) return checked.value;
  await setAside(state, file, id, 'annotations.json', checked.reason);
  return [];
}

/** Replaces the clip's `annotations.json` with `highlights` (already validated). */
export async function writeAnnotationsFile(root: string, id: string, highlights: Highlight[]): Promise<void> {
  await writeFileAtomic(clipFile(root, id, 'annotations.json'), annotationsFileText(id, highlights)).catch((e) => {
    throw ioError('Could not save the highlights', e);
  });
}
