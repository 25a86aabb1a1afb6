/**
 * The notebook's data model: pages of the researcher's own writing, stored as Lexical JSON.
 */
export { QUOTE_NODE_TYPE } from '../common/vocabulary';

/** What a quote block stores: enough to show it without the clip, and where to open the passage. */
export interface QuoteBlockData {
  clipId: string;
  highlightId: string;
  quote: string;
  /** The source clip's title when the quote was inserted. */
  title: string;
  /** The highlight's note (plain text), kept in step with the highlight by the core. */
  note: string;
  /** The note's rich text (Lexical JSON) when it has one, kept in step likewise. */
  noteDoc?: Record<string, unknown>;
}

/** A notebook page as stored in `<library>/pages/<id>/page.json` (without the `schema` field). */
export interface NotebookPage {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** The Lexical editor state (JSON), `{ root: { children: [...] } }`. */
  doc: Record<string, unknown>;
}

/** What the notebook's list shows of a page. */
export interface PageSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** A page that quotes a clip ("quoted in"). */
export interface Backlink {
  pageId: string;
  pageTitle: string;
  updatedAt: string;
  /** The highlights of the clip that the page quotes. */
  highlightIds: string[];
}
