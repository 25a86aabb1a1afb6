/**
 * What an open library knows in memory, shared by the store's modules: the readable clips, the problems
 * found (quarantined files), and the conflicted copies sync tools left behind.
 */
import type { ClipMeta, Highlight, LibraryConflict, LibraryProblem } from '../model';
import type { ClipStamp } from './clipStamp';
import { leftInPlace, quarantine } from './quarantine';

export interface LibraryState {
  /** Absolute path of the library folder. */
  readonly root: string;
  /** Every readable clip by id. */
  readonly metas: Map<string, ClipMeta>;
  /** Every readable clip's highlights by id, as last read or written (the catalogue answers lists from it). */
  readonly highlights: Map<string, readonly Highlight[]>;
  /**
   * Each clip's stamp from when its state above was read from (or written to) its files; a clip without one
   * is left out of the catalogue file and read again at the next start (see catalogueFile.ts).
   */
  readonly stamps: Map<string, ClipStamp>;
  /** Bumped on every change to {@link metas} or {@link highlights}, so derived orders know when to recompute. */
  version: number;
  /** Files that failed validation, now and in earlier sessions. */
  readonly problems: LibraryProblem[];
  /** Conflicted copies beside clip files, until each is resolved. */
  conflicts: LibraryConflict[];
}

/**
 * Moves a damaged file or clip folder to quarantine and records the problem in `state`. When it cannot be moved
 * (a read-only library) it stays where it is, still left out and still reported: one bad file never keeps the
 * rest of the library from opening.
 */
export async function setAside(
  state: LibraryState,
  source: string,
  clipId: string,
  label: string,
  reason: string,
  culprit = source,
): Promise<void> {
  const problem = await quarantine(state.root, source, clipId, label, reason, culprit).catch((error: unknown) =>
    leftInPlace(state.root, culprit, reason, error),
  );
  // A file left in place is found again at each read: reported once.
  if (!state.problems.some((p) => p.file === problem.file && p.quarantinedAs === problem.quarantinedAs))
    state.problems.push(problem);
}
