/**
 * The backup manifest: the first entry of every backup, listing each library file with its size and
 * SHA-256 so that a restore can prove it got back exactly what was saved.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'gloss-backup';
export const BACKUP_VERSION = 1;
/** The manifest's name inside the archive; library files sit under {@link LIBRARY_PREFIX}. */
export const MANIFEST_NAME = 'manifest.json';
export const LIBRARY_PREFIX = 'library/';
/** A manifest larger than this is not one Gloss wrote. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** The largest single file a backup may hold (a clip's PDF or image is far smaller); a restore refuses more. */
export const MAX_BACKUP_FILE_BYTES = 1024 * 1024 * 1024;

const relativePath = z.string().min(1).max(4096);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  counts: z.object({
    clips: z.number().int().min(0),
    highlights: z.number().int().min(0),
    files: z.number().int().min(0),
    bytes: z.number().int().min(0),
  }),
  files: z.array(
    z.object({ path: relativePath, size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/**
 * Whether a path from an archive is a plain relative path inside the library: forward slashes, no
 * empty, `.` or `..` segments, no drive letters, backslashes or control characters.
 */
export function isSafeRelativePath(p: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!p || p.startsWith('/') || /[\\\u0000-\u001f:]/.test(p)) return false;
  return p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
