/**
 * The search index: clips and highlights in one MiniSearch index, searched as you type, with the
 * query language of `query.ts`. Article bodies are indexed but not stored: snippets and phrase checks
 * read the text of the top hits only, through a small cache ({@link TextCache}).
 */
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult as RawResult } from 'minisearch';
import type { ClipMeta, Highlight, SearchResult } from '../model';
import { compileFilters, foldField, type DocFacts } from './filters';
import { parseQuery } from './query';
import { makeSnippet } from './snippet';
import { containsPhrase, foldTerm, isUnspaced, tokenize } from './terms';
import { TextCache, type ReadText } from './textCache';

/** One MiniSearch document: an article (`a:<clip>`) or a highlight (`h:<clip>:<highlight>`). */
interface IndexedDoc {
  id: string;
  title?: string;
  byline?: string;
  site?: string;
  body?: string;
  quote?: string;
  note?: string;
  /** Stored only: folded site and byline for filters, the date for filters and recency, the quote's place. */
  siteKey?: string;
  bylineKey?: string;
  date?: string;
  /** Stored only: folded tags and collections, one per line, for `tag:` and `collection:`. */
  tagKeys?: string;
  collectionKeys?: string;
  start?: number;
  end?: number;
}

/** The index as saved to disk (see `indexFile.ts`). */
export interface SavedIndex {
  mini: AsPlainObject;
  /** Clip id → ids of its indexed highlights. */
  clips: Record<string, string[]>;
}

export interface SearchIndexOptions {
  /** Reads an article's text for snippets; without it the texts given to {@link SearchIndex.addClip} are kept. */
  readText?: ReadText;
}

const DEFAULT_LIMIT = 20;
const MIN_FUZZY_LENGTH = 5;
/**
 * Words shorter than this match whole words only: "a" or "ka" as a prefix expands to a large part of the
 * vocabulary and costs hundreds of milliseconds on a big archive while telling almost nothing.
 */
const MIN_PREFIX_LENGTH = 3;
/** How many article texts one phrase query may read to check its candidates, to bound its time. */
const MAX_PHRASE_CHECKS = 1000;
/** Fields whose match says more than a mention somewhere in the body. */
const STRONG_FIELDS = new Set(['title', 'byline', 'site', 'quote', 'note']);

const articleDocId = (clipId: string) => `a:${clipId}`;
const highlightDocId = (clipId: string, highlightId: string) => `h:${clipId}:${highlightId}`;

/** The MiniSearch options; a saved index only loads with exactly these (see INDEX_FORMAT in `indexFile.ts`). */
const MINI_OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'byline', 'site', 'body', 'quote', 'note'],
  storeFields: ['title', 'siteKey', 'bylineKey', 'date', 'tagKeys', 'collectionKeys', 'quote', 'note', 'start', 'end'],
  tokenize,
  processTerm: (term) => foldTerm(term) || null,
  searchOptions: {
    boost: { title: 3, quote: 2 },
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH || isUnspaced(term),
    // Typos are forgiven from five letters on: on shorter words one edit matches half the vocabulary.
    fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 0.2 : false),
    combineWith: 'AND',
  },
  // Discarded documents are skipped at once and swept out in small batches once they are 10 % of the index.
  autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
};

interface Candidate {
  docId: string;
  clipId: string;
  highlightId: string | null;
  score: number;
  strong: boolean;
  date: string;
  raw: RawResult | null;
}

export class SearchIndex {
  private readonly clips = new Map<string, Set<string>>();
  private readonly texts: TextCache;

  constructor(
    options: SearchIndexOptions = {},
    private readonly mini = new MiniSearch<IndexedDoc>(MINI_OPTIONS),
  ) {
    this.texts = new TextCache(options.readText ?? null);
  }

  /** An index saved by {@link toJSON}; loads in chunks that yield to the event loop. Throws if inconsistent. */
  static async load(saved: SavedIndex, options: SearchIndexOptions = {}): Promise<SearchIndex> {
    const index = new SearchIndex(options, await MiniSearch.loadJSAsync<IndexedDoc>(saved.mini, MINI_OPTIONS));
    let expected = 0;
    for (const [clipId, highlightIds] of Object.entries(saved.clips)) {
      const docs = new Set(highlightIds.map((h) => highlightDocId(clipId, h)));
      expected += docs.size + (index.mini.has(articleDocId(clipId)) ? 1 : 0);
      index.clips.set(clipId, docs);
    }
    if (expected !== index.mini.documentCount) {
      throw new Error(`The index holds ${index.mini.documentCount} documents where its clip list names ${expected}.`);
    }
    return index;
  }

  /** A plain-object snapshot for saving; {@link load} turns it back into an index. */
  toJSON(): SavedIndex {
    const clips: Record<string, string[]> = {};
    for (const [clipId, docs] of this.clips) clips[clipId] = [...docs].map((d) => d.slice(clipId.length + 3));
    return { mini: this.mini.toJSON(), clips };
  }

  /** How many documents (articles and highlights) the index holds. */
  get documentCount(): number {
    return this.mini.documentCount;
  }

  /** Ids of the clips in the index. */
  clipIds(): string[] {
    return [...this.clips.keys()];
  }

  /** How many highlights of a clip are indexed. */
  highlightCount(clipId: string): number {
    return this.clips.get(clipId)?.size ?? 0;
  }

  /** Adds a clip's article, or replaces it keeping its highlights. */
  addClip(meta: ClipMeta, text: string): void {
    const doc: IndexedDoc = {
      id: articleDocId(meta.id),
      title: meta.title,
      byline: meta.byline ?? '',
      site: meta.site ?? '',
      body: text,
      siteKey: foldField(meta.site ?? ''),
      bylineKey: foldField(meta.byline ?? ''),
      date: meta.published ?? meta.clippedAt,
      tagKeys: (meta.tags ?? []).map(foldField).join('\n'),
      collectionKeys: (meta.collections ?? []).map(foldField).join('\n'),
    };
    if (this.mini.has(doc.id)) this.mini.replace(doc);
    else this.mini.add(doc);
    if (!this.clips.has(meta.id)) this.clips.set(meta.id, new Set());
    this.texts.set(meta.id, text);
  }

  /** Removes a clip and all its highlights from the index. */
  removeClip(id: string): void {
    const docs = this.clips.get(id);
    if (!docs) return;
    if (this.mini.has(articleDocId(id))) this.mini.discard(articleDocId(id));
    for (const docId of docs) this.mini.discard(docId);
    this.clips.delete(id);
    this.texts.delete(id);
  }

  /** Replaces the indexed highlights of a clip with `highlights` (they may arrive before the article). */
  setHighlights(meta: ClipMeta, highlights: Highlight[]): void {
    let docs = this.clips.get(meta.id);
    if (!docs) this.clips.set(meta.id, (docs = new Set()));
    for (const docId of docs) this.mini.discard(docId);
    docs.clear();
    for (const h of highlights) {
      const [quote, position] = h.target.selector;
      const id = highlightDocId(meta.id, h.id);
      docs.add(id);
      this.mini.add({ id, quote: quote.exact, note: h.note, tagKeys: (h.tags ?? []).map(foldField).join('\n'), start: position.start, end: position.end });
    }
  }

  /**
   * Searches as you type (see `parseQuery` for the language): every word must match, the last ones may
   * be prefixes and small typos are forgiven; quoted phrases match word for word; filters narrow the hits,
   * and filters alone list what they match, newest first. Title, byline and highlight matches rank above
   * matches in the body alone, and equal scores put the more recent clip first. Never throws on a query.
   */
  async search(query: string, opts: { limit?: number } = {}): Promise<SearchResult[]> {
    const parsed = parseQuery(query);
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const filter = compileFilters(parsed.filters);
    const phrases = parsed.phrases.map((p) => tokenize(p).map(foldTerm)).filter((p) => p.length > 0);
    const hasWords = tokenize(parsed.text).length > 0;
    let candidates: Candidate[];
    if (hasWords || phrases.length) {
      const queries: Query[] = hasWords ? [wordsQuery(parsed.text)] : [];
      for (const words of phrases) queries.push({ queries: words, prefix: false, fuzzy: false, combineWith: 'AND' });
      const raw = this.mini.search(
        { queries, combineWith: 'AND' },
        filter ? { filter: (r) => filter(this.facts(String(r.id), r)) } : {},
      );
      candidates = raw.map((r) => this.candidate(String(r.id), r));
    } else if (filter) {
      candidates = this.allDocIds()
        .filter((docId) => filter(this.facts(docId, this.mini.getStoredFields(docId) ?? {})))
        .map((docId) => this.candidate(docId, null));
    } else return [];
    candidates.sort(byRank);
    return this.results(candidates, phrases, limit);
  }

  private async results(candidates: Candidate[], phrases: string[][], limit: number): Promise<SearchResult[]> {
    const results: SearchResult[] = [];
    let checks = 0;
    for (const c of candidates) {
      if (results.length >= limit || checks > MAX_PHRASE_CHECKS) break;
      const stored = this.mini.getStoredFields(c.docId) ?? {};
      const title = String(this.mini.getStoredFields(articleDocId(c.clipId))?.['title'] ?? '');
      const terms = c.raw ? termsIn(c.raw, c.highlightId ? 'quote' : 'body') : new Set<string>();
      if (c.highlightId) {
        const quote = String(stored['quote'] ?? '');
        const note = String(stored['note'] ?? '');
        if (!phrases.every((p) => containsPhrase(quote, p) || containsPhrase(note, p))) continue;
        const { snippet, marks } = makeSnippet(quote, terms);
        const position = { start: Number(stored['start']), end: Number(stored['end']) };
        results.push({ id: c.clipId, kind: 'highlight', highlightId: c.highlightId, title, score: c.score, snippet, marks, position });
      } else {
        const text = await this.texts.get(c.clipId);
        if (phrases.length) checks++;
        if (!phrases.every((p) => containsPhrase(title, p) || containsPhrase(text, p))) continue;
        const { snippet, marks, first } = makeSnippet(text, terms);
        results.push({ id: c.clipId, kind: 'article', highlightId: null, title, score: c.score, snippet, marks, position: first });
      }
    }
    return results;
  }

  private candidate(docId: string, raw: RawResult | null): Candidate {
    const [kind, clipId = '', highlightId] = docId.split(':');
    const article = this.mini.getStoredFields(articleDocId(clipId));
    return {
      docId,
      clipId,
      highlightId: kind === 'h' ? (highlightId ?? '') : null,
      score: raw?.score ?? 0,
      strong: raw ? isStrong(raw) : false,
      date: String(article?.['date'] ?? ''),
      raw,
    };
  }

  /** What the filters see of a document; a highlight sees its clip's site, byline and date. */
  private facts(docId: string, stored: Record<string, unknown>): DocFacts {
    const isHighlight = docId.startsWith('h:');
    const clipId = docId.split(':')[1] ?? '';
    const article = isHighlight ? this.mini.getStoredFields(articleDocId(clipId)) ?? {} : stored;
    return {
      kind: isHighlight ? 'highlight' : 'article',
      hasNote: isHighlight && Boolean(stored['note']),
      site: String(article['siteKey'] ?? ''),
      byline: String(article['bylineKey'] ?? ''),
      date: String(article['date'] ?? ''),
      // A highlight carries its own tags and its clip's.
      tags: [article['tagKeys'], isHighlight ? stored['tagKeys'] : ''].join('\n').split('\n').filter(Boolean),
      collections: String(article['collectionKeys'] ?? '').split('\n').filter(Boolean),
    };
  }

  private allDocIds(): string[] {
    const ids: string[] = [];
    for (const [clipId, docs] of this.clips) {
      if (this.mini.has(articleDocId(clipId))) ids.push(articleDocId(clipId));
      ids.push(...docs);
    }
    return ids;
  }
}

/**
 * The typed words, all required. A short last word is still being typed ("harbour re"): it counts when it
 * matches a whole word but does not empty the results until it is long enough to search as a prefix.
 */
function wordsQuery(text: string): Query {
  const words = tokenize(text);
  const last = words.at(-1)!;
  if (words.length < 2 || last.length >= MIN_PREFIX_LENGTH || isUnspaced(last)) return { queries: [text], combineWith: 'AND' };
  return {
    combineWith: 'OR',
    queries: [
      { queries: [text], combineWith: 'AND' },
      { queries: [words.slice(0, -1).join(' ')], combineWith: 'AND' },
    ],
  };
}

/** Strong matches first, then score; equal scores put the more recent clip first. */
function byRank(a: Candidate, b: Candidate): number {
  if (a.strong !== b.strong) return a.strong ? -1 : 1;
  const diff = b.score - a.score;
  // Scores of equally good matches differ in the last bits of a float; they count as equal.
  if (Math.abs(diff) > 1e-9 * Math.max(Math.abs(a.score), Math.abs(b.score))) return diff;
  return b.date.localeCompare(a.date);
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
