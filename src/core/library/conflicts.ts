/**
 * Conflicted copies made by sync tools beside a clip's files: found when the library opens, offered to
 * the person, and resolved by keeping one version and moving the other to the trash. Never deleted,
 * never silently ignored.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import type { LibraryConflict, SyncTool } from '../model';
import { fileStamp } from './quarantine';
import { annotationsFileSchema, checkJsonFile, metaFileSchema } from './schemas';

/** The files of a clip folder that sync tools may duplicate. */
const CLIP_FILES = ['meta.json', 'annotations.json', 'article.html', 'article.txt'] as const;

/** How each tool names the losing copy of `name.ext` (stem and extension as captured groups). */
const PATTERNS: Array<[SyncTool, RegExp]> = [
  // Dropbox: "meta (conflicted copy).json", "meta (Alice's conflicted copy 2025-01-01).json", "… (1)).json"
  ['dropbox', /^(.+?) \([^()]*conflicted copy[^()]*(?:\(\d+\))?\)(\.[a-z]+)$/i],
  // Syncthing: "meta.sync-conflict-20250101-123456-ABCDEF7.json"
  ['syncthing', /^(.+?)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+(\.[a-z]+)$/i],
  // Google Drive (and Dropbox/Nextcloud duplicates): "meta (1).json"
  ['google-drive', /^(.+?) \(\d+\)(\.[a-z]+)$/],
  // Nextcloud/ownCloud: "meta (conflicted copy 2025-01-01 123456).json" is Dropbox-like; OneDrive: "meta-Dell-PC.json"
  ['onedrive', /^(meta|annotations|article)-[A-Za-z0-9][A-Za-z0-9-]{0,62}(\.[a-z]+)$/],
];

/**
 * Reads a file name as a sync tool's conflicted copy of one of a clip's files: which file it stands for
 * and which tool made it, or `null` when it is not one.
 *
 * @example conflictOf('meta.sync-conflict-20250101-123456-ABCDEF7.json') // { file: 'meta.json', tool: 'syncthing' }
 */
export function conflictOf(name: string): { file: string; tool: SyncTool } | null {
  for (const [tool, pattern] of PATTERNS) {
    const m = pattern.exec(name);
    const file = m ? `${m[1]}${m[2]}` : '';
    if ((CLIP_FILES as readonly string[]).includes(file)) return { file, tool };
  }
  return null;
}

/** The conflicted copies among `names` (the entries of clip folder `clipId`), as library-relative paths. */
export function findConflicts(clipsDir: string, clipId: string, names: readonly string[]): LibraryConflict[] {
  const conflicts: LibraryConflict[] = [];
  for (const name of names) {
    const found = conflictOf(name);
    if (!found) continue;
    const rel = (file: string) => [clipsDir, clipId, file].join('/');
    conflicts.push({ clipId, file: found.file, current: rel(found.file), conflict: rel(name), tool: found.tool });
  }
  return conflicts.sort((a, b) => a.conflict.localeCompare(b.conflict));
}

/** Refuses to put a conflicted JSON copy in place unless it is a whole, valid file of this clip. */
async function checkKeepable(library: string, conflict: LibraryConflict): Promise<void> {
  if (conflict.file !== 'meta.json' && conflict.file !== 'annotations.json') return;
  const raw = await fs.readFile(path.join(library, conflict.conflict), 'utf8');
  const checked =
    conflict.file === 'meta.json'
      ? checkJsonFile(
          conflict.file,
          raw,
          metaFileSchema.transform((m) => m.id),
        )
      : checkJsonFile(
          conflict.file,
          raw,
          annotationsFileSchema.transform((a) => a.clipId),
        );
  if (!checked.ok) throw new GlossError('corrupt-file', `The other version cannot be kept: ${checked.reason}`);
  if (checked.value !== conflict.clipId) {
    throw new GlossError(
      'corrupt-file',
      `The other version cannot be kept: it belongs to another clip than "${conflict.clipId}".`,
    );
  }
}

/**
 * Resolves one conflict: `keep: 'current'` moves the conflicted copy to `<library>/trash/`; `keep:
 * 'conflict'` moves the current file there and puts the copy in its place (one rename each, so a crash
 * leaves one of the two versions in place, never neither half-written).
 */
export async function resolveConflictFiles(
  library: string,
  trashDir: string,
  conflict: LibraryConflict,
  keep: 'current' | 'conflict',
): Promise<void> {
  const current = path.join(library, conflict.current);
  const copy = path.join(library, conflict.conflict);
  const trashName = (name: string) => path.join(trashDir, `${fileStamp(new Date())}-${conflict.clipId}-${name}`);
  await fs.mkdir(trashDir, { recursive: true });
  try {
    if (keep === 'current') return await fs.rename(copy, trashName(path.basename(copy)));
    await checkKeepable(library, conflict);
    await fs.rename(current, trashName(conflict.file)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await fs.rename(copy, current);
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('io', `Could not resolve the conflict on ${conflict.current}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
