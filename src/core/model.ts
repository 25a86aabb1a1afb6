/**
 * The Gloss data model: what a clip, a highlight and a search result are.
 * Plain data only, so it crosses IPC and lands in JSON files unchanged.
 */
import { CLIP_WORK_TYPES, HIGHLIGHT_COLORS, QUERY_FILTER_KEYS } from './common/vocabulary';

export { CLIP_WORK_TYPES, HIGHLIGHT_COLORS, QUERY_FILTER_KEYS };

/** W3C Web Annotation TextQuoteSelector: the exact text with some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: character offsets into the article's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** A highlight as stored in a clip's `annotations.json`. */
export interface Highlight {
  id: string;
  clipId: string;
  createdAt: string;
  updatedAt: string;
  color: HighlightColor;
  /** The note as plain text: what search, exports and the CLI read. Kept in step with {@link noteDoc}. */
  note: string;
  /** The note as rich text: a Lexical editor state (JSON). Absent on plain-text notes and older files. */
  noteDoc?: Record<string, unknown>;
  /** The highlight's tags (absent in older files: none). */
  tags?: string[];
  target: {
    /** The clip's original URL when known, else `gloss:clip/<id>`. */
    source: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

/** Where a highlight sits in the current article text; `null` when it could not be placed (orphaned). */
export interface HighlightAnchor {
  start: number;
  end: number;
  /** How it was placed: by its stored position, its quote with context, or fuzzy matching. */
  method: 'position' | 'quote' | 'fuzzy';
}

/** A highlight together with where it sits in the current text. */
export interface AnchoredHighlight extends Highlight {
  anchor: HighlightAnchor | null;
}

/** The metadata of a clip as stored in its `meta.json`. */
export interface ClipMeta {
  id: string;
  title: string;
  byline: string | null;
  site: string | null;
  /** ISO 8601 date or date-time, as published by the source, when known. */
  published: string | null;
  url: string | null;
  /**
   * Other addresses the article was clipped from, e.g. one that redirected to `url`, so that clipping or
   * importing any of them again finds this clip (absent when there are none).
   */
  aliases?: string[];
  lang: string | null;
  excerpt: string | null;
  words: number;
  /** ISO 8601 date-time of the clip. */
  clippedAt: string;
  /** How the clip came in. */
  origin: 'url' | 'text' | 'html' | 'file';
  /**
   * Set while the clip holds only what an import knew (title, URL, highlights) because fetching its page
   * failed; `retryClip` fetches it again. Absent on every complete clip (and in files older than imports).
   */
  placeholder?: ClipPlaceholder;
  /** The clip's tags (absent in older files: none). */
  tags?: string[];
  /** The collections (projects) the clip belongs to (absent in older files: none). */
  collections?: string[];
  /** `contentHash(article text)`, kept by the store with the article, for duplicate detection (absent in older files). */
  contentHash?: string;
  /** Bibliographic details beyond title, byline, site and date, when the source states them (absent: none known). */
  biblio?: ClipBiblio;
  /** Present when the clip was made from a PDF: the original file kept beside the article text. */
  pdf?: ClipPdf;
}

export type ClipWorkType = (typeof CLIP_WORK_TYPES)[number];

/**
 * Bibliographic details a source states (`citation_*` meta tags, JSON-LD, a PDF's metadata or first page),
 * used by citations and exports. Every field is optional: only what is known is stored.
 */
export interface ClipBiblio {
  type?: ClipWorkType;
  /** The journal, newspaper, magazine or site the work appeared in. */
  containerTitle?: string;
  volume?: string;
  issue?: string;
  /** A page range such as `101-117`. */
  pages?: string;
  /** A bare DOI such as `10.1000/xyz123` (no `https://doi.org/`). */
  doi?: string;
  /** An arXiv id such as `2301.01234` or `hep-th/9901001`. */
  arxiv?: string;
  publisher?: string;
  /** The authors as the source lists them, one name each (`byline` keeps the display form). */
  authors?: string[];
}

/** The original PDF of a clip made from one, kept byte for byte in the clip's folder. */
export interface ClipPdf {
  file: 'original.pdf';
  sha256: string;
  bytes: number;
  pages: number;
  /** Where each page starts in the article text (which selectors index into), page 1 first. */
  pageStarts: number[];
  /** False for a PDF without a text layer (a scan): still readable and citable, with nothing to search. */
  hasText: boolean;
}

/** Why an imported clip is still a placeholder, and when its page was last tried. */
export interface ClipPlaceholder {
  /** The human reason the last fetch failed. */
  reason: string;
  attemptedAt: string;
  attempts: number;
}

/** What the library list shows of a clip; also the CLI's `clip --json` / `list --json` shape (plus extras). */
export interface ClipSummary {
  id: string;
  title: string;
  site: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  /** See {@link ClipMeta.aliases}. */
  aliases?: string[];
  words: number;
  clippedAt: string;
  excerpt: string | null;
  highlightCount: number;
  /** Present when the clip is a retryable placeholder (see {@link ClipMeta.placeholder}). */
  placeholder?: ClipPlaceholder;
  /** Present for a clip made from a PDF: enough for the reader to start opening the original as the row is clicked. */
  pdfFile?: Pick<ClipPdf, 'sha256' | 'pages'>;
  tags: string[];
  collections: string[];
}

/** A tag or collection name and how many clips (and highlights, for tags) carry it. */
export interface TaxonomyEntry {
  name: string;
  count: number;
}

/** Every tag and collection in the library, by name. */
export interface Taxonomy {
  tags: TaxonomyEntry[];
  collections: TaxonomyEntry[];
}

/** The outcome of replacing a clip's text: where its highlights landed and which could not be placed. */
export interface ReanchorReport {
  clip: ClipSummary;
  /** Highlights placed again (by position, quote or fuzzy match). */
  placed: number;
  /** Highlights that could not be placed with confidence; they keep their quote and are listed as orphans. */
  orphaned: Highlight[];
}

/** Everything the reader needs to show one clip. */
export interface ClipDocument {
  meta: ClipMeta;
  /** Sanitised article HTML. */
  html: string;
  /** The article's text: the `textContent` of `html` parsed as a body fragment. Selectors index into it. */
  text: string;
  highlights: AnchoredHighlight[];
}

/**
 * A clip as the reader opens it (`getClipForReader`): its document, but a PDF clip's comes without its
 * article HTML. That HTML is built from the text for exports and never shown (the reader draws the PDF's
 * pages), and for 300 pages it is ~0.6 MB that would cross to the window on every open.
 */
export interface ReaderDocument extends Omit<ClipDocument, 'html'> {
  /** Sanitised article HTML; absent for a PDF clip. */
  html?: string;
}

/** A file in the library that failed validation and was moved aside. */
export interface LibraryProblem {
  /** Path of the original file, relative to the library folder. */
  file: string;
  /** Where it was moved to, relative to the library folder. */
  quarantinedAs: string;
  reason: string;
  at: string;
  /**
   * Set when a whole clip folder is in quarantine (its `meta.json` is damaged or missing): the clip's id. The
   * app offers "Repair" (a rebuilt `meta.json`) and "Restore as is" (after the file was fixed by hand) for it.
   */
  clipId?: string;
}

/** Where a detail of a repaired clip came from. */
export type RepairSource =
  'meta.json' | 'catalogue' | 'search index' | 'highlights' | 'article' | 'clip id' | 'default';

/** What "Repair" would write as a quarantined clip's `meta.json`, for the person to confirm first. */
export interface ClipRepairPlan {
  quarantinedAs: string;
  clipId: string;
  /** The rebuilt details. */
  meta: ClipMeta;
  /** Where each detail came from (the damaged file's readable fields first). */
  sources: Partial<Record<keyof ClipMeta, RepairSource>>;
  /** Where the damaged `meta.json` is kept once the clip is back (relative to the library); null if there was none. */
  keptAs: string | null;
  /** How many highlights the clip comes back with. */
  highlights: number;
}

export interface LibraryInfo {
  path: string;
  clipCount: number;
  problems: LibraryProblem[];
  /** Two versions of a clip file left by a sync tool, waiting for the person to keep one. */
  conflicts: LibraryConflict[];
}

/** The sync tools whose conflicted copies Gloss recognises by name. */
export type SyncTool = 'dropbox' | 'syncthing' | 'google-drive' | 'onedrive';

/** A clip file that a sync tool duplicated: the version in use and the other one, both kept until resolved. */
export interface LibraryConflict {
  clipId: string;
  /** The clip file both versions are of, e.g. `meta.json`. */
  file: string;
  /** The version in use, relative to the library folder. */
  current: string;
  /** The sync tool's other version, relative to the library folder; what `resolveConflict` takes. */
  conflict: string;
  tool: SyncTool;
}

export type SearchResultKind = 'article' | 'highlight' | 'page';

/**
 * One search hit: an article or a highlight (`id` is the clip's id) or a notebook page (`id` is the page's
 * id). The snippet is plain text; `marks` are [start, end) ranges in it to emphasise.
 */
export interface SearchResult {
  id: string;
  kind: SearchResultKind;
  highlightId: string | null;
  title: string;
  score: number;
  snippet: string;
  marks: Array<[number, number]>;
  /** Where the match sits in the article text, so the reader can open at it. */
  position: { start: number; end: number } | null;
  /** The clip's site (null for pages and clips without one). */
  site: string | null;
  /** The clip's publication date as given (null when unknown, and for pages). */
  published: string | null;
  /** When the clip was clipped; for a page, when it was last changed. */
  clippedAt: string | null;
}

/** One page of search results with the exact number of matches, in all and per kind. */
export interface SearchPage {
  total: number;
  byKind: Record<SearchResultKind, number>;
  /** Where this page starts in the whole ranked list. */
  offset: number;
  results: SearchResult[];
}

export type QueryFilterKey = (typeof QUERY_FILTER_KEYS)[number];

/** How a search query was read: what is searched as words, the filters and phrases (for chips), and hints. */
export interface ParsedQuery {
  /** The words searched as you type (prefixes, small typos forgiven). */
  text: string;
  filters: Array<{ key: QueryFilterKey; value: string }>;
  /** Quoted phrases, matched exactly (as written, without the quotes). */
  phrases: string[];
  /** Human sentences about parts of the query that were not understood (e.g. an unknown filter). */
  hints: string[];
}

/**
 * Whether the search index is complete, or still being read from its file at start (`loading`: searches
 * wait for it, list calls do not), or being (re)built in the background and how far along.
 */
export interface IndexStatus {
  state: 'ready' | 'building' | 'loading';
  /** Clips indexed so far in this build (0 when ready). */
  done: number;
  /** Clips this build has to index (0 when ready). */
  total: number;
  /** Clips re-indexed since start because their files had changed (0 after loading an up-to-date index). */
  reindexed: number;
}

/** What a clipper hands to the library: the clean article and the metadata it could find. */
export interface ClipDraft extends Pick<
  ClipMeta,
  'title' | 'byline' | 'site' | 'published' | 'url' | 'aliases' | 'lang' | 'excerpt' | 'origin' | 'placeholder'
> {
  /** Sanitised article HTML (block elements separated by newlines). */
  html: string;
  /** `articleText(html)`: the text that selectors index into. */
  text: string;
  /** See {@link ClipMeta.biblio}. */
  biblio?: ClipBiblio;
  /** See {@link ClipMeta.pdf}; set together with {@link pdfBytes}. */
  pdf?: ClipPdf;
  /** The original PDF, written byte for byte to the clip's `original.pdf` (see {@link ClipMeta.pdf}). */
  pdfBytes?: Uint8Array;
}
