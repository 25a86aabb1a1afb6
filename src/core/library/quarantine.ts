/**
 * Quarantine: files that fail validation are moved aside, never deleted, with a note saying why.
 * The notes are the record: reading them back on open keeps problems visible after a restart.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryProblem } from '../model';
import { readdirIfExists, writeFileAtomic } from './atomicWrite';

export const QUARANTINE_DIR = 'quarantine';
export const REASON_SUFFIX = '.reason.txt';

/** A whole clip folder in quarantine: `<stamp>-<clipId>-clip` (`-2`… when two were set aside in the same millisecond). */
const CLIP_FOLDER = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-([A-Za-z0-9_-]{1,80}?)-clip(?:-\d+)?$/;

/** The clip id of a quarantined clip folder's name (`quarantine/` prefix allowed), or null for anything else. */
export function quarantinedClipId(quarantinedAs: string): string | null {
  const name = quarantinedAs.startsWith(`${QUARANTINE_DIR}/`) ? quarantinedAs.slice(QUARANTINE_DIR.length + 1) : '';
  return CLIP_FOLDER.exec(name)?.[1] ?? null;
}

/** A timestamp that sorts and is safe in file names on every platform (no colons). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Relative paths in problems use forward slashes on every platform. */
function rel(library: string, target: string): string {
  return path.relative(library, target).split(path.sep).join('/');
}

/**
 * Moves `source` (a file or a whole clip folder) to `<library>/quarantine/<stamp>-<clipId>-<label>`
 * and writes a `.reason.txt` beside it. `label` is the file name, or e.g. `clip` for a folder.
 * `culprit` is the file the problem is about when a whole folder is moved (e.g. its meta.json).
 */
export async function quarantine(
  library: string,
  source: string,
  clipId: string,
  label: string,
  reason: string,
  culprit: string = source,
  at: Date = new Date(),
): Promise<LibraryProblem> {
  const dir = path.join(library, QUARANTINE_DIR);
  await fs.mkdir(dir, { recursive: true });
  let target = path.join(dir, `${fileStamp(at)}-${clipId}-${label}`);
  // Two problems in the same millisecond must not overwrite each other.
  for (let n = 2; await exists(target); n++) target = path.join(dir, `${fileStamp(at)}-${clipId}-${label}-${n}`);
  const problem: LibraryProblem = {
    file: rel(library, culprit),
    quarantinedAs: rel(library, target),
    reason,
    at: at.toISOString(),
  };
  if (label === 'clip') problem.clipId = clipId;
  await fs.rename(source, target);
  await writeFileAtomic(target + REASON_SUFFIX, reasonText(problem));
  return problem;
}

/**
 * The problem of a damaged file that could not be moved to quarantine (the library is read-only): it is left
 * where it is (`quarantinedAs` empty), and the reason says so.
 */
export function leftInPlace(library: string, culprit: string, reason: string, error: unknown): LibraryProblem {
  const why = (error as NodeJS.ErrnoException).code ?? String(error);
  return {
    file: rel(library, culprit),
    quarantinedAs: '',
    reason: `${reason} It could not be moved to the quarantine folder (${why}), so it is left where it is.`,
    at: new Date().toISOString(),
  };
}

/** The note is for people first (reason on top), with two parseable lines below. */
function reasonText(problem: LibraryProblem): string {
  return `${problem.reason}\n\nfile: ${problem.file}\nat: ${problem.at}\n`;
}

/**
 * Reads every `.reason.txt` in the quarantine folder back into problems, oldest first.
 * A note that was edited by hand still yields a problem (with what could be recovered from it).
 */
export async function readQuarantine(library: string): Promise<LibraryProblem[]> {
  const dir = path.join(library, QUARANTINE_DIR);
  const names = await readdirIfExists(dir);
  const problems: LibraryProblem[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(REASON_SUFFIX)) continue;
    const quarantined = name.slice(0, -REASON_SUFFIX.length);
    // The quarantined item itself was removed by the person: the problem is dealt with.
    if (!(await exists(path.join(dir, quarantined)))) continue;
    const text = await fs.readFile(path.join(dir, name), 'utf8').catch(() => '');
    const file = /^file: (.*)$/m.exec(text)?.[1] ?? quarantined;
    const at = /^at: (.*)$/m.exec(text)?.[1] ?? '';
    const reason = text.split(/\n\nfile: /)[0]?.trim() || 'Moved to quarantine.';
    const problem: LibraryProblem = { file, quarantinedAs: `${QUARANTINE_DIR}/${quarantined}`, reason, at };
    const clipId = quarantinedClipId(problem.quarantinedAs);
    if (clipId) problem.clipId = clipId;
    problems.push(problem);
  }
  return problems;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
