/**
 * What the app asks of long work and what it sees of it: the jobs GlossApi can start, their progress,
 * and their outcome. Plain data, so it crosses IPC as it is.
 */
import type { ErrorInfo } from '../errors';
import type { HighlightQuery } from '../catalogue/types';

/** What an import job can read (the importers' sources; jobSchemas.ts checks the two lists agree). */
export const JOB_IMPORT_SOURCES = ['readwise', 'omnivore', 'pocket', 'folder'] as const;
export type JobImportSource = (typeof JOB_IMPORT_SOURCES)[number];

/** The long operations the app can run as jobs. */
export const JOB_KINDS = ['export', 'export-highlights', 'import', 'backup', 'restore', 'reindex', 'move'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * One job to start. Every path is absolute (chosen with {@link PathRequest} in the app).
 * - `export`: the library (or one collection) as Obsidian Markdown into the folder `out`.
 * - `export-highlights`: the highlights matching `query` (the highlights view's filters) as one Markdown file `out`.
 * - `import`: another tool's export (or a folder) at `from`.
 * - `backup`: the whole library as one file `out`.
 * - `restore`: the backup file `from` into the empty (or new) folder `into`.
 * - `reindex`: rebuild the search index from the library's files.
 * - `move`: copy the library to the empty (or new) folder `to`, verify every file, then switch to it.
 */
export type JobRequest =
  | { kind: 'export'; out: string; collection?: string }
  | { kind: 'export-highlights'; out: string; query?: Omit<HighlightQuery, 'offset' | 'limit'> }
  | { kind: 'import'; source: JobImportSource; from: string }
  | { kind: 'backup'; out: string }
  | { kind: 'restore'; from: string; into: string }
  | { kind: 'reindex' }
  | { kind: 'move'; to: string };

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** How far a job is: `done` of `total` steps (0 of 0 while it counts), and what it is doing now. */
export interface JobProgress {
  done: number;
  total: number;
  label: string;
}

/** What a finished (or cancelled) job did, in words and counts people can check. */
export interface JobOutcome {
  /** One sentence: "Exported 12 clips to /home/ana/notes." */
  summary: string;
  /** The file or folder the job made, when there is one to show or open. */
  path?: string;
  /** Further lines worth reading (e.g. why import entries were skipped). */
  details?: string[];
}

export interface JobInfo {
  id: string;
  kind: JobKind;
  /** What the job is, for people: "Export the library as Markdown". */
  title: string;
  state: JobState;
  progress: JobProgress;
  /** Cancel was asked for and the job is stopping at the next safe point. */
  cancelling: boolean;
  /** Set when done, and for a cancelled job that finished part of its work (e.g. what an import kept). */
  outcome: JobOutcome | null;
  /** Set when failed. */
  error: ErrorInfo | null;
  startedAt: string;
  finishedAt: string | null;
}

/** A native file dialog: pick a file to open, a folder, or where to save a file. */
export interface PathRequest {
  mode: 'open-file' | 'open-folder' | 'save-file';
  title?: string;
  /** A suggested file name (save) */
  defaultName?: string;
  /** File types offered, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
  filters?: Array<{ name: string; extensions: string[] }>;
}
