/**
 * A backup carries the library's search index, so a restored library answers searches at once instead of
 * rebuilding (a minute at 10k clips). The index tells changed clips by their files' sizes and times, which
 * a restore cannot bring back exactly; the restored files are the backed-up ones byte for byte (every
 * SHA-256 is checked), so the restore records their new fingerprints in the index it brought.
 */
import { clipFingerprint } from '../search/fingerprint';
import { indexFilePath, readIndexFile, writeIndexFile } from '../search/indexFile';
import type { LibraryStore } from '../library/store';

/**
 * Re-bases the fingerprints of the index restored into `store`'s library onto the restored files. An
 * index that is missing or unreadable is left as it is (the first start rebuilds it). Returns whether the
 * index was kept.
 */
export async function rebaseRestoredIndex(store: LibraryStore): Promise<boolean> {
  const file = indexFilePath(store.path);
  const read = await readIndexFile(file, { readText: (id) => store.readArticleText(id) });
  if (!read.ok) return false;
  const live = new Set(store.list().map((m) => m.id));
  const fingerprints = new Map<string, string>();
  for (const [key, value] of read.fingerprints) {
    // Clips are keyed by id; other entries (notebook pages: their `updatedAt`) travel unchanged.
    if (!live.has(key)) fingerprints.set(key, value);
  }
  const ids = [...read.fingerprints.keys()].filter((id) => live.has(id));
  for (let next = 0; next < ids.length; next += 64) {
    const batch = ids.slice(next, next + 64);
    const fps = await Promise.all(batch.map((id) => clipFingerprint(store, id)));
    batch.forEach((id, i) => fingerprints.set(id, fps[i]!));
  }
  await writeIndexFile(file, read.index, fingerprints);
  return true;
}
