import type { AnchoredHighlight, ClipDocument, ClipSummary, LibraryInfo, SearchPage, SearchResult } from './model';
import type { HighlightColor, IndexStatus, ReaderDocument } from './model';
import type { ExportedFile, ExportFormat, ReferenceStyle } from './export/kinds';
import type { ClipRepairPlan, ReanchorReport, Taxonomy } from './model';
import type { Backlink, NotebookPage, PageSummary } from './notebook/types';
import type { Highlight } from './model';
import type { CommandId } from './common/commands';
import type { AboutInfo } from './desktop/aboutTypes';
import type { Settings, SettingsPatch } from './settings/schema';
import type { BrowserUpdateInfo, ClipEndpointInfo } from './endpoint/types';
import type { JobInfo, JobRequest, PathRequest } from './jobs/types';
import type { QuoteSource, TrashItem } from './trash/types';
import type { CitationFormat } from './export/kinds';
import type { ClipPage, ClipQuery, HighlightListing, HighlightPage, HighlightQuery } from './catalogue/types';

export type {
  ClipFacets,
  ClipPage,
  ClipQuery,
  ClipSort,
  FacetCount,
  HighlightListing,
  HighlightPage,
  HighlightQuery,
} from './catalogue/types';

/**
 * The one contract between the UI and everything else. The main process implements it over IPC,
 * the preload forwards it, the renderer calls it, and the UI tests bind it to the real core.
 */
export interface GlossApi {
  getLibraryInfo(): Promise<LibraryInfo>;
  /** Changes a clip's title, details (byline, site, published date, address), tags or collections. */
  updateClip(input: UpdateClipInput): Promise<ClipSummary>;
  /** Every tag (on clips and highlights) and collection in the library, with how often each is used. */
  getTaxonomy(): Promise<Taxonomy>;
  /** Every highlight in the library with its clip's title (the notebook's quote picker). */
  listHighlights(): Promise<HighlightListing[]>;
  /** Replaces a clip's article with edited or pasted text/HTML and re-anchors its highlights. */
  updateClipContent(input: UpdateClipContentInput): Promise<ReanchorReport>;
  /**
   * Fetches a web clip's page again (images too) and re-anchors its highlights onto the new text; the
   * old address is kept as an alias if the page moved.
   */
  reclip(input: { id: string }): Promise<ReanchorReport>;
  listPages(): Promise<PageSummary[]>;
  getPage(id: string): Promise<NotebookPage>;
  createPage(input?: { title?: string }): Promise<NotebookPage>;
  /** Saves a page's title and Lexical document (its Markdown copy is written beside it). */
  savePage(input: SavePageInput): Promise<PageSummary>;
  deletePage(id: string): Promise<void>;
  /** The notebook pages that quote a clip ("quoted in"). */
  getBacklinks(clipId: string): Promise<Backlink[]>;
  listClips(): Promise<ClipSummary[]>;
  /** One page of the library, sorted and filtered, with the total and the facets' counts (from memory). */
  listClipsPage(input: ClipQuery): Promise<ClipPage>;
  /** One page of the library's highlights, newest first, filtered by tag, colour, clip or site (from memory). */
  listHighlightsPage(input: HighlightQuery): Promise<HighlightPage>;
  getClip(id: string): Promise<ClipDocument>;
  /**
   * The clip for the reader: as {@link getClip} (checked the same way on its first open), but a PDF clip's
   * comes without its article HTML, which the page reader never shows.
   */
  getClipForReader(id: string): Promise<ReaderDocument>;
  /** A PDF clip's original file (base64), checked against its SHA-256, for the page reader. */
  getClipPdf(id: string): Promise<string>;
  clipUrl(input: ClipUrlInput): Promise<ClipSummary>;
  clipText(input: ClipTextInput): Promise<ClipSummary>;
  clipHtml(input: ClipHtmlInput): Promise<ClipSummary>;
  /**
   * Clips a PDF file (dropped, opened or imported): its text page by page, its details, and the original
   * kept byte for byte beside it. A PDF already in the library (same file or DOI) is a duplicate.
   */
  clipPdf(input: ClipPdfInput): Promise<ClipSummary>;
  deleteClip(id: string): Promise<void>;
  addHighlight(input: AddHighlightInput): Promise<AnchoredHighlight>;
  updateHighlight(input: UpdateHighlightInput): Promise<AnchoredHighlight>;
  deleteHighlight(input: HighlightRef): Promise<void>;
  search(input: SearchInput): Promise<SearchResult[]>;
  /**
   * One page of ranked results (articles, highlights and notebook pages) with the exact number of matches in
   * all and per kind; `offset` and `limit` (default 20) page through them.
   */
  searchPage(input: SearchPageInput): Promise<SearchPage>;
  /** Whether the search index is complete, loading at start, or being rebuilt in the background, and how far along. */
  getIndexStatus(): Promise<IndexStatus>;
  /** One clip as a file to save: Markdown, BibTeX, CSL-JSON, an APA/Chicago reference or W3C annotations. */
  exportClip(input: ExportClipInput): Promise<ExportedFile>;
  /** The clip's formatted reference; with `quote`, the quote followed by its citation, for copying. */
  citeClip(input: CiteClipInput): Promise<string>;
  /**
   * Fetches a web clip's page again (an import's placeholder, usually): `reclip` answering with the clip
   * only. Fails with the fetch's reason if it still cannot, which a placeholder records.
   */
  retryClip(id: string): Promise<ClipSummary>;
  /** Keeps one version of a file a sync tool duplicated (see `LibraryInfo.conflicts`); the other goes to the trash. */
  resolveConflict(input: ResolveConflictInput): Promise<void>;
  /** What "Repair" would write as a quarantined clip's `meta.json` (see `LibraryProblem.clipId`), to confirm first. */
  planClipRepair(input: RepairClipInput): Promise<ClipRepairPlan>;
  /** Rebuilds a quarantined clip's `meta.json` from what can be read (the damaged one kept beside it) and brings the clip back. */
  repairClip(input: RepairClipInput): Promise<ClipSummary>;
  /** Brings a quarantined clip back as it is, once its `meta.json` was fixed by hand; fails saying what is still wrong. */
  restoreQuarantinedClip(input: RepairClipInput): Promise<ClipSummary>;
  /** The app's preferences (theme, reader, last view, read positions), with defaults filled in. */
  getSettings(): Promise<Settings>;
  /** Changes some preferences and returns all of them. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** Gloss's version and the runtime's (Electron and Chrome are null outside the desktop app). */
  getAbout(): Promise<AboutInfo>;
  /** What the library's trash holds (deleted clips and pages, set-aside copies), newest first. */
  listTrash(): Promise<TrashItem[]>;
  /** Erases one entry of the trash (`id` as listed) or, without `id`, everything in it: the only erasing Gloss does. */
  purgeTrash(input?: { id?: string }): Promise<{ purged: number }>;
  /** Where the clips that quote blocks cite are now: in the library (with their highlights' notes), the trash, or gone. */
  getQuoteSources(input: { clipIds: string[] }): Promise<QuoteSource[]>;
  /**
   * The citations of some clips (`clipIds`), a collection, or both, as BibTeX, CSL-JSON or an APA/Chicago
   * reference list; with `out` (a path chosen in a save dialog) also written there.
   */
  exportCitations(input: ExportCitationsInput): Promise<ExportedFile & { path?: string }>;
  /** Opens the library folder in the file manager (desktop app) and returns its path. */
  revealLibrary(): Promise<string>;
  /** Clips the sample article that ships with Gloss. */
  clipSample(): Promise<ClipSummary>;
  /** Brings a deleted clip back from the library's trash (undo). */
  restoreClip(id: string): Promise<ClipSummary>;
  /** Puts a deleted highlight back exactly as it was (undo). */
  restoreHighlight(highlight: Highlight): Promise<AnchoredHighlight>;
  /** Waits for the next command from the native menu; `null` when a newer call took over or the app closes. */
  nextCommand(): Promise<CommandId | null>;
  /** The bookmarklet's local clip endpoint: whether it runs, its port and the bookmarklet itself. */
  getClipEndpoint(): Promise<ClipEndpointInfo>;
  /** Makes a new secret for the bookmarklet (the old bookmarklet stops working). */
  regenerateClipToken(): Promise<ClipEndpointInfo>;
  /**
   * Moves the clip endpoint to `port` (1024–65535) at once and remembers it; when another program holds the
   * port, fails with `port-busy` and keeps the endpoint where it was.
   */
  setClipEndpointPort(port: number): Promise<ClipEndpointInfo>;
  /** The new version of a clip sent from the browser that waits for the person (what it removes and adds), or null. */
  getBrowserUpdate(input: { id: string }): Promise<BrowserUpdateInfo | null>;
  /** Puts the waiting browser version in place of the clip's article (highlights re-anchored). */
  applyBrowserUpdate(input: { id: string }): Promise<ReanchorReport>;
  /** Drops the waiting browser version; the clip stays as it is. */
  discardBrowserUpdate(input: { id: string }): Promise<void>;
  /**
   * "Load from the web": downloads a picture of the clip's article that was not stored (`url`, its `src`)
   * into the clip's folder and returns its new `src`; the reader never loads remote pictures itself.
   */
  loadClipImage(input: { clipId: string; url: string }): Promise<{ src: string }>;
  /** Starts long work (export, import, backup, restore, search rebuild, moving the library) in the background. */
  startJob(request: JobRequest): Promise<JobInfo>;
  /** Running jobs with their progress, and recent finished ones with their outcome or error (newest first). */
  listJobs(): Promise<JobInfo[]>;
  /** Asks a running job to stop; it leaves nothing half-done. */
  cancelJob(id: string): Promise<JobInfo>;
  /** Forgets a finished job once its outcome was seen. */
  dismissJob(id: string): Promise<void>;
  /** A native open, save or folder dialog (desktop app); `null` when the person cancels it. */
  choosePath(request: PathRequest): Promise<string | null>;
  /** Switches the app to another library folder (e.g. a restored backup); returns its path. */
  openLibrary(input: { path: string }): Promise<string>;
}

/**
 * What clipping does when the library already holds the article (same normalised address or text):
 * `ask` (the default) fails with a `duplicate` error naming that clip, `update` replaces its article and
 * re-anchors its highlights, `copy` keeps both.
 */
export type OnDuplicate = 'ask' | 'update' | 'copy';
export type ClipUrlInput = { url: string; title?: string; onDuplicate?: OnDuplicate };
export type ClipTextInput = { text: string; title?: string; url?: string; onDuplicate?: OnDuplicate };
export type ClipHtmlInput = { html: string; title?: string; url?: string; onDuplicate?: OnDuplicate };
/** `data` is the PDF file in base64; `fileName` is a title of last resort. */
export type ClipPdfInput = {
  data: string;
  fileName?: string;
  title?: string;
  url?: string;
  onDuplicate?: OnDuplicate;
};
export type AddHighlightInput = {
  clipId: string;
  start: number;
  end: number;
  color?: HighlightColor;
  note?: string;
};
export type HighlightRef = { clipId: string; highlightId: string };
export type UpdateHighlightInput = HighlightRef & {
  color?: HighlightColor;
  /** The note as plain text (with `noteDoc`, its text content). */
  note?: string;
  /** The note as a Lexical editor state; `null` removes the rich text. */
  noteDoc?: Record<string, unknown> | null;
  tags?: string[];
};
/** `byline`, `site`, `published` and `url` are the clip's details as edited; an empty string clears one. */
export type UpdateClipInput = {
  id: string;
  title?: string;
  tags?: string[];
  collections?: string[];
  byline?: string;
  site?: string;
  /** A date: 2024, 2024-05, 2024-05-17 or an ISO date-time. */
  published?: string;
  /** An http(s) address. */
  url?: string;
};
/** Exactly one of `text` (pasted text) or `html`. */
export type UpdateClipContentInput = { id: string; text?: string; html?: string };
export type SavePageInput = { id: string; title: string; doc: Record<string, unknown> };
export type SearchInput = { query: string; limit?: number };
export type SearchPageInput = { query: string; offset?: number; limit?: number };
export type ExportClipInput = { id: string; format: ExportFormat };
/** `all`: every clip in the library. */
export type ExportCitationsInput = {
  all?: boolean;
  clipIds?: string[];
  collection?: string;
  format: CitationFormat;
  out?: string;
};
export type CiteClipInput = { id: string; style: ReferenceStyle; quote?: string };
/** `file` is the conflicted copy's path as listed in `LibraryConflict.conflict`. */
export type ResolveConflictInput = { clipId: string; file: string; keep: 'current' | 'conflict' };
/** A quarantined clip, by its `LibraryProblem.quarantinedAs`. */
export type RepairClipInput = { quarantinedAs: string };

export type GlossMethod = keyof GlossApi;

/**
 * Every method of {@link GlossApi}. Typed as a record over the interface's keys, so the compiler rejects a
 * missing or extra name: the one list from which the IPC channels are derived.
 */
const METHOD_TABLE: Record<GlossMethod, true> = {
  getLibraryInfo: true,
  updateClip: true,
  getTaxonomy: true,
  listHighlights: true,
  updateClipContent: true,
  reclip: true,
  listPages: true,
  getPage: true,
  createPage: true,
  savePage: true,
  deletePage: true,
  getBacklinks: true,
  listClips: true,
  listClipsPage: true,
  listHighlightsPage: true,
  getClip: true,
  getClipForReader: true,
  getClipPdf: true,
  clipUrl: true,
  clipText: true,
  clipHtml: true,
  clipPdf: true,
  deleteClip: true,
  addHighlight: true,
  updateHighlight: true,
  deleteHighlight: true,
  search: true,
  searchPage: true,
  getIndexStatus: true,
  exportClip: true,
  citeClip: true,
  retryClip: true,
  resolveConflict: true,
  planClipRepair: true,
  repairClip: true,
  restoreQuarantinedClip: true,
  getSettings: true,
  updateSettings: true,
  getAbout: true,
  listTrash: true,
  purgeTrash: true,
  getQuoteSources: true,
  exportCitations: true,
  revealLibrary: true,
  clipSample: true,
  restoreClip: true,
  restoreHighlight: true,
  nextCommand: true,
  getClipEndpoint: true,
  regenerateClipToken: true,
  setClipEndpointPort: true,
  getBrowserUpdate: true,
  applyBrowserUpdate: true,
  discardBrowserUpdate: true,
  loadClipImage: true,
  startJob: true,
  listJobs: true,
  cancelJob: true,
  dismissJob: true,
  choosePath: true,
  openLibrary: true,
};

/** Every method name of {@link GlossApi}. */
export const GLOSS_METHODS = Object.freeze(Object.keys(METHOD_TABLE) as GlossMethod[]);

/** The IPC channel that carries one method. */
export function channelFor(method: GlossMethod): string {
  return `gloss:${method}`;
}
