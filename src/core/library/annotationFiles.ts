/**
 * A clip's `annotations.json`: reading it validated (a damaged file is quarantined and reads as no
 * highlights) and writing it atomically. Callers hold the clip's lock.
 */
import type { Highlight } from '../model';
import { writeFileAtomic } from './atomicWrite';
import { checkAnnotations, ioError } from './checks';
import { clipFile, readClipFile } from './clipFiles';
import { setAside, type LibraryState } from './libraryState';
import { annotationsFileText } from './schemas';

/** The clip's highlights from disk; a missing file is none, a damaged one is quarantined and is none. */
export async function readAnnotationsFile(state: LibraryState, id: string): Promise<Highlight[]> {
  const raw = await readClipFile(state.root, id, 'annotations.json');
  if (raw === null) return [];
  const checked = checkAnnotations(id, raw);
  if (checked.ok) return checked.value;
  await setAside(state, clipFile(state.root, id, 'annotations.json'), id, 'annotations.json', checked.reason);
  return [];
}

/** Replaces the clip's `annotations.json` with `highlights` (already validated). */
export async function writeAnnotationsFile(root: string, id: string, highlights: Highlight[]): Promise<void> {
  await writeFileAtomic(clipFile(root, id, 'annotations.json'), annotationsFileText(id, highlights)).catch((e) => {
    throw ioError('Could not save the highlights', e);
  });
}
