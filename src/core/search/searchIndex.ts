/**
 * The search index: clips and highlights in one MiniSearch index, searched as you type.
 * Article bodies are indexed but not stored in MiniSearch; a plain map keeps each text once for snippets.
 */
import MiniSearch, { type SearchResult as RawResult } from 'minisearch';
import type { ClipMeta, Highlight, SearchResult } from '../model';
import { makeSnippet } from './snippet';
import { foldTerm, tokenize } from './terms';

interface IndexedDoc {
  id: string;
  title?: string;
  byline?: string;
  site?: string;
  body?: string;
  quote?: string;
  note?: string;
}

interface IndexedClip {
  meta: ClipMeta;
  text: string;
  highlightDocs: Map<string, Highlight>;
}

const DEFAULT_LIMIT = 20;
const MIN_FUZZY_LENGTH = 5;
/** Fields whose match says more than a mention somewhere in the body. */
const STRONG_FIELDS = new Set(['title', 'byline', 'site', 'quote', 'note']);

const articleDocId = (clipId: string) => `a:${clipId}`;
const highlightDocId = (clipId: string, highlightId: string) => `h:${clipId}:${highlightId}`;

export class SearchIndex {
  private readonly mini = new MiniSearch<IndexedDoc>({
    fields: ['title', 'byline', 'site', 'body', 'quote', 'note'],
    storeFields: [],
    tokenize,
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      boost: { title: 3, quote: 2 },
      prefix: true,
      // Typos are forgiven from five letters on: on shorter words one edit matches half the vocabulary.
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  private readonly clips = new Map<string, IndexedClip>();

  /** Adds a clip's article (or replaces it, keeping its highlights). */
  addClip(meta: ClipMeta, text: string): void {
    const existing = this.clips.get(meta.id);
    if (existing) this.mini.discard(articleDocId(meta.id));
    this.clips.set(meta.id, { meta, text, highlightDocs: existing?.highlightDocs ?? new Map() });
    this.mini.add({ id: articleDocId(meta.id), title: meta.title, byline: meta.byline ?? '', site: meta.site ?? '', body: text });
  }

  /** Removes a clip and all its highlights from the index. */
  removeClip(id: string): void {
    const clip = this.clips.get(id);
    if (!clip) return;
    this.mini.discard(articleDocId(id));
    for (const docId of clip.highlightDocs.keys()) this.mini.discard(docId);
    this.clips.delete(id);
  }

  /** Replaces the indexed highlights of a clip with `highlights`. */
  setHighlights(meta: ClipMeta, highlights: Highlight[]): void {
    let clip = this.clips.get(meta.id);
    // Highlights may arrive before their article (e.g. while the index is built): keep them anyway.
    if (!clip) this.clips.set(meta.id, (clip = { meta, text: '', highlightDocs: new Map() }));
    for (const docId of clip.highlightDocs.keys()) this.mini.discard(docId);
    clip.highlightDocs.clear();
    for (const h of highlights) {
      const docId = highlightDocId(meta.id, h.id);
      clip.highlightDocs.set(docId, h);
      this.mini.add({ id: docId, quote: h.target.selector[0].exact, note: h.note });
    }
  }

  /**
   * Searches as you type: every word must match (the last ones may be prefixes, small typos are
   * forgiven). Title, byline and highlight matches rank above matches in the body alone.
   */
  search(query: string, opts: { limit?: number } = {}): SearchResult[] {
    if (tokenize(query).length === 0) return [];
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const raw = this.mini.search(query);
    const ranked = raw
      .map((r) => ({ r, strong: isStrong(r) }))
      .sort((a, b) => Number(b.strong) - Number(a.strong) || b.r.score - a.r.score);
    const results: SearchResult[] = [];
    for (const { r } of ranked) {
      const result = this.toResult(r);
      if (result) results.push(result);
      if (results.length >= limit) break;
    }
    return results;
  }

  private toResult(r: RawResult): SearchResult | null {
    const id = String(r.id);
    const [kind, clipId = '', highlightId] = id.split(':');
    const clip = this.clips.get(clipId);
    if (!clip) return null;
    if (kind === 'a') {
      const { snippet, marks, first } = makeSnippet(clip.text, termsIn(r, 'body'));
      return { id: clipId, kind: 'article', highlightId: null, title: clip.meta.title, score: r.score, snippet, marks, position: first };
    }
    const h = clip.highlightDocs.get(id);
    if (!h || highlightId === undefined) return null;
    const [quote, position] = h.target.selector;
    const { snippet, marks } = makeSnippet(quote.exact, termsIn(r, 'quote'));
    return {
      id: clipId,
      kind: 'highlight',
      highlightId: h.id,
      title: clip.meta.title,
      score: r.score,
      snippet,
      marks,
      position: { start: position.start, end: position.end },
    };
  }
}

/** Whether a result matched in a field that outranks body text (highlights always do). */
function isStrong(r: RawResult): boolean {
  if (String(r.id).startsWith('h:')) return true;
  return Object.values(r.match).some((fields) => fields.some((f) => STRONG_FIELDS.has(f)));
}

/** The index terms of a result that matched in `field`. */
function termsIn(r: RawResult, field: string): Set<string> {
  return new Set(Object.entries(r.match).filter(([, fields]) => fields.includes(field)).map(([term]) => term));
}
