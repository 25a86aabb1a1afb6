/**
 * Fingerprints of a clip's files: size and modification time, recorded when the clip is indexed, so a
 * saved index can tell at start which clips were changed behind its back without reading them.
 */
import { promises as fs } from 'node:fs';
import type { LibraryStore } from '../library/store';

/** The files whose content the index holds (the text, the metadata, the highlights). */
const INDEXED_FILES = ['meta.json', 'article.txt', 'annotations.json'] as const;

/** A short string that changes whenever one of the clip's indexed files is written, replaced or removed. */
export async function clipFingerprint(store: LibraryStore, clipId: string): Promise<string> {
  const parts = await Promise.all(
    INDEXED_FILES.map((name) =>
      fs.stat(store.clipFilePath(clipId, name), { bigint: true }).then(
        (s) => `${s.size}@${s.mtimeNs}`,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return '-';
          throw error;
        },
      ),
    ),
  );
  return parts.join(',');
}
