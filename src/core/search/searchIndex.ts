/**
 * The search index: clips and highlights in one MiniSearch index, searched as you type, with the
 * query language of `query.ts`. Article bodies are indexed but not stored: snippets and phrase checks
 * read the text of the top hits only, through a small cache ({@link TextCache}).
 */
import type { Options } from 'minisearch';
import type { ClipMeta, Highlight, SearchPage, SearchResult } from '../model';
import { compileFilters, foldField, type DocFacts } from './filters';
import { parseQuery } from '../common/searchQuery';
import { makeSnippet } from './snippet';
import { containsPhrase, foldTerm, isUnspaced, tokenize } from './terms';
import {
  TermIndex,
  type DocRow,
  type FieldTermData,
  type IndexHead,
  type IndexSnapshot,
  type TermRow,
  type WordGroup,
} from './termIndex';
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
  /** Stored only: what results show of the clip (site as given, publication and clipping dates). */
  siteName?: string;
  published?: string;
  clippedAt?: string;
  bylineKey?: string;
  date?: string;
  /** Stored only: folded tags and collections, one per line, for `tag:` and `collection:`. */
  tagKeys?: string;
  collectionKeys?: string;
  start?: number;
  end?: number;
  /** Stored only: a notebook page's plain text (for snippets and phrase checks). */
  text?: string;
}

/** The index as it was at one moment, with the means to write it out row by row. */
export interface SearchSnapshot extends IndexSnapshot {
  /** Clip id → ids of its indexed highlights. */
  clips: Record<string, string[]>;
  docRow(shortId: number): DocRow | null;
  termRows(term: string, data: FieldTermData): TermRow[];
}

export interface SearchIndexOptions {
  /** Reads an article's text for snippets; without it the texts given to {@link SearchIndex.addClip} are kept. */
  readText?: ReadText;
}

const DEFAULT_LIMIT = 20;
const NO_SNIPPET = { snippet: '', marks: [], first: null };
/** Typos are forgiven from four letters on (one edit per five letters); shorter words would match half the vocabulary. */
const MIN_FUZZY_LENGTH = 4;
const FUZZINESS = 0.2;
/**
 * Words shorter than this match whole words only: "a" or "ka" as a prefix expands to a large part of the
 * vocabulary and costs hundreds of milliseconds on a big archive while telling almost nothing.
 */
const MIN_PREFIX_LENGTH = 3;
/** How many article texts one phrase query may read to check its candidates, to bound its time. */
const MAX_PHRASE_CHECKS = 1000;
/** How much a match in each field counts. */
const BOOSTS = { title: 3, byline: 1, site: 1, body: 1, quote: 2, note: 1 };
/** Fields whose match says more than a mention somewhere in the body. */
const STRONG_FIELDS = new Set(['title', 'byline', 'site', 'quote', 'note']);

const articleDocId = (clipId: string) => `a:${clipId}`;
const pageDocId = (pageId: string) => `p:${pageId}`;
const highlightDocId = (clipId: string, highlightId: string) => `h:${clipId}:${highlightId}`;

/** The MiniSearch options; a saved index only loads with exactly these (see INDEX_FORMAT in `indexFile.ts`). */
const MINI_OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'byline', 'site', 'body', 'quote', 'note'],
  storeFields: [
    'title',
    'siteKey',
    'siteName',
    'published',
    'clippedAt',
    'bylineKey',
    'date',
    'tagKeys',
    'collectionKeys',
    'quote',
    'note',
    'start',
    'end',
    'text',
  ],
  tokenize,
  processTerm: (term) => foldTerm(term) || null,
  // Discarded documents are skipped at once and swept out in small batches once they are 10 % of the index.
  autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
};

/** What {@link SearchIndex.rank} found: documents in rank order and what results need to be made from them. */
export interface Ranked {
  order: Iterable<number>;
  score(shortId: number): number;
  /** The searched terms a document holds in `field`, to mark in its snippet. */
  terms(shortId: number, field: 'body' | 'quote'): Set<string>;
  filter: ((doc: DocFacts) => boolean) | null;
  phrases: string[][];
}

export class SearchIndex {
  private readonly clips = new Map<string, Set<string>>();
  private readonly texts: TextCache;
  private changes = 0;

  constructor(
    options: SearchIndexOptions = {},
    private readonly mini = new TermIndex<IndexedDoc>(MINI_OPTIONS),
  ) {
    this.texts = new TextCache(options.readText ?? null);
  }

  /**
   * An empty index to fill from a saved one: `head` and `clips` as {@link snapshot} gave them, then
   * {@link restoreDoc} and {@link restoreTerm} for each saved row, then {@link checkRestored}.
   */
  static restore(head: IndexHead, clips: Record<string, string[]>, options: SearchIndexOptions = {}): SearchIndex {
    const index = new SearchIndex(options, TermIndex.fromHead<IndexedDoc>(head, MINI_OPTIONS));
    for (const [clipId, highlightIds] of Object.entries(clips)) {
      index.clips.set(clipId, new Set(highlightIds.map((h) => highlightDocId(clipId, h))));
    }
    return index;
  }

  restoreDoc(row: DocRow): void {
    this.mini.addDocRow(row);
  }

  restoreTerm(row: TermRow): void {
    this.mini.addTermRow(row);
  }

  /** Throws unless the restored documents are the ones the saved head and clip list name. */
  checkRestored(): void {
    let expected = 0;
    for (const [clipId, docs] of this.clips) {
      expected += docs.size + (this.mini.has(articleDocId(clipId)) ? 1 : 0);
      for (const docId of docs) if (!this.mini.has(docId)) throw new Error(`The index lacks the highlight ${docId}.`);
    }
    const live = this.mini.liveIds().length;
    if (expected !== live || live !== this.mini.documentCount) {
      throw new Error(
        `The index holds ${live} documents where its header says ${this.mini.documentCount} and its clip list ${expected}.`,
      );
    }
  }

  /**
   * Counts changes: a save that sees it move while it writes starts again later (see `indexFile.ts`).
   * While MiniSearch sweeps out discarded documents the index is changing too, and the count is NaN.
   */
  get version(): number {
    return this.mini.vacuuming ? NaN : this.changes;
  }

  /** The index as it is now, to save a piece at a time ({@link restore} reads it back). */
  snapshot(): SearchSnapshot {
    const clips: Record<string, string[]> = {};
    for (const [clipId, docs] of this.clips) clips[clipId] = [...docs].map((d) => d.slice(clipId.length + 3));
    const snap = this.mini.snapshot();
    return {
      ...snap,
      clips,
      docRow: (shortId) => this.mini.docRow(shortId),
      termRows: (term, data) => this.mini.termRows(term, data),
    };
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
    this.changes++;
    const doc: IndexedDoc = {
      id: articleDocId(meta.id),
      title: meta.title,
      byline: meta.byline ?? '',
      site: meta.site ?? '',
      body: text,
      siteKey: foldField(meta.site ?? ''),
      siteName: meta.site ?? '',
      published: meta.published ?? '',
      clippedAt: meta.clippedAt,
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
    this.changes++;
    const docs = this.clips.get(id);
    if (!docs) return;
    if (this.mini.has(articleDocId(id))) this.mini.discard(articleDocId(id));
    for (const docId of docs) this.mini.discard(docId);
    this.clips.delete(id);
    this.texts.delete(id);
  }

  /** Adds a notebook page (its title and plain text), or replaces it. */
  addPage(page: { id: string; title: string; updatedAt: string }, text: string): void {
    this.changes++;
    const doc: IndexedDoc = { id: pageDocId(page.id), title: page.title, body: text, date: page.updatedAt, text };
    if (this.mini.has(doc.id)) this.mini.replace(doc);
    else this.mini.add(doc);
  }

  /** Removes a notebook page. */
  removePage(id: string): void {
    this.changes++;
    if (this.mini.has(pageDocId(id))) this.mini.discard(pageDocId(id));
  }

  /** Ids of the notebook pages in the index. */
  pageIds(): string[] {
    return this.mini
      .liveIds()
      .map((id) => this.mini.idOf(id) ?? '')
      .filter((id) => id.startsWith('p:'))
      .map((id) => id.slice(2));
  }

  /** Replaces the indexed highlights of a clip with `highlights` (they may arrive before the article). */
  setHighlights(meta: ClipMeta, highlights: Highlight[]): void {
    this.changes++;
    let docs = this.clips.get(meta.id);
    if (!docs) this.clips.set(meta.id, (docs = new Set()));
    for (const docId of docs) this.mini.discard(docId);
    docs.clear();
    for (const h of highlights) {
      const [quote, position] = h.target.selector;
      const id = highlightDocId(meta.id, h.id);
      docs.add(id);
      this.mini.add({
        id,
        quote: quote.exact,
        note: h.note,
        tagKeys: (h.tags ?? []).map(foldField).join('\n'),
        start: position.start,
        end: position.end,
      });
    }
  }

  /**
   * Searches as you type (see `parseQuery` for the language): every word must match, the last ones may
   * be prefixes and small typos are forgiven; quoted phrases match word for word; filters narrow the hits,
   * and filters alone list what they match, newest first. Title, byline and highlight matches rank above
   * matches in the body alone, and equal scores put the more recent clip first. Never throws on a query.
   * Snippets are made for the returned results only; `snippets: false` leaves them empty (a list of
   * titles, or the benchmark timing them apart).
   */
  async search(
    query: string,
    opts: { limit?: number; snippets?: boolean; pages?: boolean } = {},
  ): Promise<SearchResult[]> {
    return (await this.searchPage(query, opts)).results;
  }

  /**
   * One page of {@link search}'s ranked results, from `offset` (default 0) for `limit` (default 20), with
   * the exact number of matches in all and per kind. `pages: false` leaves notebook pages out.
   */
  async searchPage(
    query: string,
    opts: { offset?: number; limit?: number; snippets?: boolean; pages?: boolean } = {},
  ): Promise<SearchPage> {
    const ranked = this.rank(query);
    const empty: SearchPage = { total: 0, byKind: { article: 0, highlight: 0, page: 0 }, offset: 0, results: [] };
    if (!ranked) return empty;
    const offset = Math.max(0, opts.offset ?? 0);
    return this.results(ranked, {
      offset,
      limit: Math.max(1, opts.limit ?? DEFAULT_LIMIT),
      snippets: opts.snippets ?? true,
      pages: opts.pages ?? true,
    });
  }

  /**
   * The matching documents in rank order, filters not yet applied (they are checked as results are
   * taken, so a common word never costs a filter test per document); null when the query asks nothing.
   */
  rank(query: string): Ranked | null {
    const parsed = parseQuery(query);
    const filter = compileFilters(parsed.filters);
    const phrases = parsed.phrases.map((p) => tokenize(p).map(foldTerm).filter(Boolean)).filter((p) => p.length > 0);
    const groups = wordGroups(this.mini, parsed.text);
    for (const words of phrases)
      for (const term of words) groups.push({ terms: [{ term, weight: 1 }], required: true });
    const date = this.dateOf();
    if (groups.length === 0) {
      if (!filter) return null;
      // Filters alone: what they match, newest first (filtered before sorting: a filter usually keeps few).
      const ids = this.mini
        .liveIds()
        .filter((id) => filter(this.facts(this.mini.idOf(id)!, this.mini.storedOf(id) ?? {})));
      ids.sort((a, b) => newerFirst(date(a), date(b)));
      return { order: ids.values(), score: () => 0, terms: () => new Set(), filter: null, phrases };
    }
    const { ids, score, strong } = this.mini.match(groups, BOOSTS, STRONG_FIELDS);
    const terms = groups.flatMap((g) => g.terms.map((t) => t.term));
    const better = (a: number, b: number) => {
      const diff = score[b]! - score[a]!;
      // Scores of equally good matches differ in the last bits of a float; they count as equal.
      if (Math.abs(diff) > 1e-9 * Math.max(score[a]!, score[b]!)) return diff;
      return newerFirst(date(a), date(b));
    };
    const strongIds = ids.filter((id) => strong[id]);
    const weakIds = ids.filter((id) => !strong[id]);
    return {
      order: concat(bestFirst(strongIds, score, better), bestFirst(weakIds, score, better)),
      score: (id) => score[id]!,
      terms: (id, field) => this.mini.termsIn(id, terms, field),
      filter,
      phrases,
    };
  }

  private async results(
    ranked: Ranked,
    opts: { offset: number; limit: number; snippets: boolean; pages: boolean },
  ): Promise<SearchPage> {
    const { filter, phrases } = ranked;
    const page: SearchPage = {
      total: 0,
      byKind: { article: 0, highlight: 0, page: 0 },
      offset: opts.offset,
      results: [],
    };
    let checks = 0;
    for (const shortId of ranked.order) {
      const docId = this.mini.idOf(shortId);
      const stored = this.mini.storedOf(shortId);
      if (docId === undefined || !stored) continue;
      if (filter && !filter(this.facts(docId, stored))) continue;
      const [prefix, clipId = '', highlightId = ''] = docId.split(':');
      const kind = prefix === 'h' ? 'highlight' : prefix === 'p' ? 'page' : 'article';
      if (kind === 'page' && !opts.pages) continue;
      const wanted = page.total >= opts.offset && page.results.length < opts.limit;
      const score = ranked.score(shortId);
      if (kind === 'highlight') {
        const quote = String(stored['quote'] ?? '');
        const note = String(stored['note'] ?? '');
        if (!phrases.every((p) => containsPhrase(quote, p) || containsPhrase(note, p))) continue;
        if (wanted) {
          const article = this.mini.getStoredFields(articleDocId(clipId)) ?? {};
          const { snippet, marks } = opts.snippets ? makeSnippet(quote, ranked.terms(shortId, 'quote')) : NO_SNIPPET;
          const position = { start: Number(stored['start']), end: Number(stored['end']) };
          page.results.push({ id: clipId, kind, highlightId, score, snippet, marks, position, ...shown(article) });
        }
      } else if (kind === 'page') {
        const title = String(stored['title'] ?? '');
        const text = String(stored['text'] ?? '');
        if (!phrases.every((p) => containsPhrase(title, p) || containsPhrase(text, p))) continue;
        if (wanted) {
          const { snippet, marks } = opts.snippets ? makeSnippet(text, ranked.terms(shortId, 'body')) : NO_SNIPPET;
          const at = String(stored['date'] ?? '') || null;
          page.results.push({
            id: clipId,
            kind,
            highlightId: null,
            title,
            score,
            snippet,
            marks,
            position: null,
            site: null,
            published: null,
            clippedAt: at,
          });
        }
      } else {
        const title = String(stored['title'] ?? '');
        if (phrases.length && !wanted && checks > MAX_PHRASE_CHECKS) continue;
        const text = (opts.snippets && wanted) || phrases.length ? await this.texts.get(clipId) : '';
        if (phrases.length) checks++;
        if (!phrases.every((p) => containsPhrase(title, p) || containsPhrase(text, p))) continue;
        if (wanted) {
          const { snippet, marks, first } = opts.snippets
            ? makeSnippet(text, ranked.terms(shortId, 'body'))
            : NO_SNIPPET;
          page.results.push({
            id: clipId,
            kind,
            highlightId: null,
            score,
            snippet,
            marks,
            position: first,
            ...shown(stored),
          });
        }
      }
      page.total++;
      page.byKind[kind]++;
    }
    return page;
  }

  /** A memoised lookup of the date a document ranks by (a highlight's is its clip's). */
  private dateOf(): (shortId: number) => string {
    const dates = new Map<number, string>();
    return (shortId) => {
      let date = dates.get(shortId);
      if (date === undefined) {
        const docId = this.mini.idOf(shortId) ?? '';
        const article = docId.startsWith('h:')
          ? this.mini.getStoredFields(articleDocId(docId.split(':')[1] ?? ''))
          : this.mini.storedOf(shortId);
        dates.set(shortId, (date = String(article?.['date'] ?? '')));
      }
      return date;
    };
  }

  /** What the filters see of a document; a highlight sees its clip's site, byline and date. */
  private facts(docId: string, stored: Record<string, unknown>): DocFacts {
    const isHighlight = docId.startsWith('h:');
    if (docId.startsWith('p:')) {
      const date = String(stored['date'] ?? '');
      return { kind: 'page', hasNote: false, site: '', byline: '', date, tags: [], collections: [] };
    }
    const clipId = docId.split(':')[1] ?? '';
    const article = isHighlight ? (this.mini.getStoredFields(articleDocId(clipId)) ?? {}) : stored;
    return {
      kind: isHighlight ? 'highlight' : 'article',
      hasNote: isHighlight && Boolean(stored['note']),
      site: String(article['siteKey'] ?? ''),
      byline: String(article['bylineKey'] ?? ''),
      date: String(article['date'] ?? ''),
      // A highlight carries its own tags and its clip's.
      tags: [article['tagKeys'], isHighlight ? stored['tagKeys'] : ''].join('\n').split('\n').filter(Boolean),
      collections: String(article['collectionKeys'] ?? '')
        .split('\n')
        .filter(Boolean),
    };
  }
}

/**
 * The typed words as groups of terms, all required. A short last word is still being typed ("harbour re"):
 * it counts when it matches a whole word but does not empty the results until it is long enough to
 * search as a prefix.
 */
function wordGroups(mini: TermIndex<IndexedDoc>, text: string): WordGroup[] {
  const words = tokenize(text).map(foldTerm).filter(Boolean);
  return words.map((word, i) => {
    const prefix = word.length >= MIN_PREFIX_LENGTH || isUnspaced(word);
    const maxDistance = word.length >= MIN_FUZZY_LENGTH ? Math.round(word.length * FUZZINESS) : 0;
    const stillTyping = i > 0 && i === words.length - 1 && !prefix;
    return { terms: mini.expand(word, { prefix, maxDistance }), required: !stillTyping };
  });
}

/**
 * `ids` best first by `better`, sorting only what is taken: the top few hundred by score are sorted at
 * once (the usual page of results), the rest only if the filters turn those down.
 */
function* bestFirst(ids: number[], score: Float64Array, better: (a: number, b: number) => number): Generator<number> {
  const head = 256;
  if (ids.length <= head * 2) {
    yield* ids.sort(better);
    return;
  }
  const scores = Float64Array.from(ids, (id) => score[id]!).sort();
  // Lowered a hair so that scores equal but for float noise fall on the same side of the cut.
  const cut = scores[scores.length - head]! * (1 - 1e-9);
  yield* ids.filter((id) => score[id]! >= cut).sort(better);
  yield* ids.filter((id) => score[id]! < cut).sort(better);
}

/** What a result shows of its clip, from the article's stored fields. */
function shown(article: Record<string, unknown>): Pick<SearchResult, 'title' | 'site' | 'published' | 'clippedAt'> {
  const text = (key: string) => String(article[key] ?? '') || null;
  return {
    title: String(article['title'] ?? ''),
    site: text('siteName'),
    published: text('published'),
    clippedAt: text('clippedAt'),
  };
}

/** Sorts ISO dates newest first (plain comparison: ISO strings sort as dates, and faster than localeCompare). */
function newerFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}
