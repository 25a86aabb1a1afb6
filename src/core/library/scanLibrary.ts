/**
 * Opening a library: reads every clip folder into the in-memory state, quarantining what cannot be read,
 * finishing or trashing interrupted saves, and noting conflicted copies left by sync tools. Clips whose
 * stamp matches the catalogue file's are taken from it instead of being read (see catalogueFile.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { cleanTempFiles } from './atomicWrite';
import { readAnnotationsFile } from './annotationFiles';
import type { SavedClip } from './catalogueFile';
import { clipDir, clipFile, CLIPS_DIR, LinkedFileError, linkReason, readClipFileOrLink, TRASH_DIR } from './clipFiles';
import { clipStamp, clipStampNow, sameStamp } from './clipStamp';
import { findConflicts } from './conflicts';
import { setAside, type LibraryState } from './libraryState';
import { fileStamp, readQuarantine } from './quarantine';
import { checkJsonFile, ID_PATTERN, metaFileSchema } from './schemas';
import { CREATING_MARKER, isUnfinished, moveUnfinishedToTrash } from './unfinished';

/** Whether `file` is there and whether it is a symbolic link, without following it (other errors are thrown). */
async function fileKind(file: string): Promise<'missing' | 'link' | 'file'> {
  try {
    return (await fs.lstat(file)).isSymbolicLink() ? 'link' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** Why a clip folder that is a symbolic link is not read. */
function folderLinkReason(id: string): string {
  return `${CLIPS_DIR}/${id} is a link to a folder outside the library; Gloss does not follow links in the library.`;
}

/** How many clip folders are read at once when opening: enough to be quick, few enough for EMFILE. */
const SCAN_CONCURRENCY = 16;

/** Clips checked against the catalogue between two turns of the event loop. */
const CHECKS_PER_TURN = 1000;

/** How a library was opened: clips taken from the catalogue file, and clips read from their files. */
export interface ScanReport {
  reused: number;
  reread: number;
}

/**
 * Reads every clip folder (and the quarantine's notes) into `state`, quarantining what cannot be read.
 * With `saved` (the catalogue file's clips), a clip whose folder and files stat as they did when it was
 * saved is taken from it; every other clip (new, changed, or not in the catalogue) is read from its files.
 */
export async function scanLibrary(state: LibraryState, saved?: ReadonlyMap<string, SavedClip>): Promise<ScanReport> {
  state.problems.push(...(await readQuarantine(state.root)));
  const entries = await fs.readdir(path.join(state.root, CLIPS_DIR), { withFileTypes: true });
  // Folders that are not clip ids (e.g. made by hand) are left alone: they cannot be addressed anyway.
  const ids = entries.filter((e) => e.isDirectory() && ID_PATTERN.test(e.name)).map((e) => e.name);
  // A clip folder that is a link (e.g. synced from elsewhere) would make Gloss read files outside the library.
  for (const e of entries)
    if (e.isSymbolicLink() && ID_PATTERN.test(e.name))
      await setAside(state, clipDir(state.root, e.name), e.name, 'link', folderLinkReason(e.name));
  const toRead = saved ? [] : ids;
  if (saved) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const entry = saved.get(id);
      const now = entry ? clipStampNow(state.root, id) : null;
      if (entry && now && sameStamp(entry.stamp, now)) adopt(state, entry);
      else toRead.push(id);
      if (i % CHECKS_PER_TURN === CHECKS_PER_TURN - 1) await nextTurn();
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) await scanClip(state, toRead[next++]!, true);
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, toRead.length) }, worker));
  return { reused: ids.length - toRead.length, reread: toRead.length };
}

/** Takes a clip as the catalogue file saved it (its stamp matched). */
function adopt(state: LibraryState, { id, stamp, meta, highlights, conflicts }: SavedClip): void {
  state.metas.set(id, meta);
  state.highlights.set(id, highlights);
  state.stamps.set(id, stamp);
  if (conflicts?.length) state.conflicts.push(...conflicts);
  state.version++;
}

/**
 * Loads one clip folder into `state`. A clip with unreadable metadata or without its article is moved to
 * quarantine as a whole folder: its files belong together, so restoring it is one move back,
 * and a meta-less folder left behind would be an invisible stray. Damaged annotations only
 * cost the highlights, so just that file is moved and the clip stays. A clip file that is a symbolic link
 * counts as damaged (its target is never read); `isFolder` says the caller already knows the folder is not a link.
 */
export async function scanClip(state: LibraryState, id: string, isFolder = false): Promise<void> {
  const { root } = state;
  const dir = clipDir(root, id);
  try {
    if (!isFolder && (await fs.lstat(dir)).isSymbolicLink())
      return setAside(state, dir, id, 'link', folderLinkReason(id));
    await cleanTempFiles(dir);
    // Before any read: files changed from here on leave the stamp behind, so they are read again next time.
    const stamp = await clipStamp(root, id);
    state.stamps.delete(id);
    const metaFile = clipFile(root, id, 'meta.json');
    const rawMeta = await readClipFileOrLink(root, id, 'meta.json');
    if (rawMeta instanceof LinkedFileError) return setAside(state, dir, id, 'clip', rawMeta.message, metaFile);
    if (rawMeta === null) {
      const rest = await fs.readdir(dir);
      // A folder left empty by an interrupted clip holds nothing worth keeping.
      if (rest.length === 0) return void (await fs.rmdir(dir).catch(() => {}));
      // Cut off while being saved: never acknowledged, so not damage; kept in the trash all the same.
      if (await isUnfinished(dir)) return moveUnfinishedToTrash(dir, path.join(root, TRASH_DIR), fileStamp(new Date()));
      return setAside(
        state,
        dir,
        id,
        'clip',
        'meta.json is missing (the clip was not finished saving, or the file was deleted).',
        metaFile,
      );
    }
    const checked = checkJsonFile('meta.json', rawMeta, metaFileSchema);
    if (!checked.ok) return setAside(state, dir, id, 'clip', checked.reason, metaFile);
    const { schema: _schema, ...meta } = checked.value;
    if (meta.id !== id)
      return setAside(
        state,
        dir,
        id,
        'clip',
        `meta.json names clip "${meta.id}" but lies in folder "${id}".`,
        metaFile,
      );
    // Only whether the article is there: its body is read when the clip is opened, never at start.
    const article = await fileKind(clipFile(root, id, 'article.html'));
    if (article === 'link')
      return setAside(state, dir, id, 'clip', linkReason('article.html'), clipFile(root, id, 'article.html'));
    if (article === 'missing') {
      return setAside(
        state,
        dir,
        id,
        'clip',
        'article.html is missing, so the clip cannot be shown.',
        clipFile(root, id, 'article.html'),
      );
    }
    state.metas.set(id, meta);
    // Killed after meta.json was written but before the marker went: the clip is complete.
    await fs.rm(clipFile(root, id, CREATING_MARKER), { force: true });
    // Read first: folders are scanned concurrently, and the list must not be copied before an await.
    const names = await fs.readdir(dir);
    state.conflicts = [...state.conflicts.filter((c) => c.clipId !== id), ...findConflicts(CLIPS_DIR, id, names)];
    state.highlights.set(id, await readAnnotationsFile(state, id));
    state.stamps.set(id, stamp);
    state.version++;
  } catch (error) {
    // One unreadable folder (permissions, I/O) must not keep the whole library closed.
    state.problems.push({
      file: `${CLIPS_DIR}/${id}`,
      quarantinedAs: '',
      reason: `The clip could not be read: ${(error as Error).message}`,
      at: new Date().toISOString(),
    });
    state.metas.delete(id);
    state.highlights.delete(id);
    state.stamps.delete(id);
    state.version++;
  }
}
