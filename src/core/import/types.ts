/**
 * What every importer produces and what every import reports. Importers only read their format into
 * entries; {@link runImport} alone decides what becomes a clip, so every source dedupes the same way.
 */
import type { GlossApi } from '../api';
import type { ClipDraft, ClipSummary, Highlight, HighlightColor } from '../model';
import type { ClipBatch } from '../libraryClips/clipBatch';

/** What an import reads and writes through: some clip methods of GlossApi and two writes only the service offers. */
export interface ImportTarget extends Pick<GlossApi, 'listClips' | 'getClip' | 'retryClip' | 'clipUrl' | 'updateClip'> {
  /** Adds a clip from a ready draft (placeholders, pasted exports). */
  addClipDraft(draft: ClipDraft): Promise<ClipSummary>;
  /** Read-modify-write of a clip's highlights under its lock, search index kept in step. */
  changeHighlights<T>(
    clipId: string,
    change: (highlights: Highlight[], text: string) => T,
  ): Promise<{ result: T; text: string }>;
  /** Adds many clips at once (see libraryClips/clipBatch.ts); without it, clips are added one by one. */
  clipBatch?(): ClipBatch;
}

/** A highlight another tool exported: the quoted words, the note, and when it was made. */
export interface ImportedHighlight {
  quote: string;
  note: string;
  color?: HighlightColor;
  createdAt?: string | null;
}

/** One article (or book) from an export. */
export interface ImportEntry {
  /** Where it came from, for the report: "ril_export.html: entry 3", a file name… */
  source: string;
  title: string | null;
  url: string | null;
  byline?: string | null;
  /** Details a file carries (a Markdown file's front matter): a new clip takes them. */
  details?: { site?: string | null; published?: string | null; tags?: string[]; collections?: string[] };
  /** The article's content when the export carries it (a PDF by its file's path); else the URL is fetched. */
  content?: { kind: 'html' | 'text'; value: string } | { kind: 'pdf'; file: string };
  /** No URL and no content (e.g. a Readwise book): the clip's article is made of the highlights. */
  highlightsOnly?: boolean;
  highlights: ImportedHighlight[];
}

/** An entry that did not become or change a clip, and why. */
export interface SkippedEntry {
  source: string;
  title: string | null;
  reason: string;
}

/** What an import did, in counts people can check against the export they brought. */
export interface ImportReport {
  /** New clips, placeholders included. */
  imported: number;
  /** Entries that matched a clip already in the library and added to it (highlights, a fetched page). */
  merged: number;
  /** New or still unfetched placeholder clips (pages that could not be fetched; retry later). */
  placeholders: number;
  skipped: SkippedEntry[];
  highlights: {
    /** Highlights placed on the article text. */
    placed: number;
    /** Highlights kept but not placed ("couldn't be placed" in the reader). */
    orphaned: number;
    /** Highlights the clip already had. */
    duplicates: number;
  };
  /** Ids of the clips made or changed, in entry order. */
  clipIds: string[];
}

/** Progress through the entries of an import. */
export interface ImportProgress {
  done: number;
  total: number;
  title: string;
}
