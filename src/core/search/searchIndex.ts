/**
 * The search index: clips, highlights and notebook pages in one {@link CompactIndex}, searched as you
 * type with the query language of `query.ts`. Article bodies are indexed but not stored: snippets read
 * the text of the returned page of hits only, through a small cache ({@link TextCache}).
 */
import { parseQuery } from '../common/searchQuery';
import type { ClipMeta, Highlight, SearchPage, SearchResult, SearchResultKind } from '../model';
import { CompactIndex, KINDS, type DocInfo, type NewDoc } from './compactIndex';
import { clipFacets, dayNumber, filteredDocs, filterTest, foldField, monthFacet } from './filters';
import { expandWord, Matcher, type Group } from './matcher';
import { FIELD } from './postings';
import { rankedPositions } from './ranking';
import { makeSnippet, type SnippetWords } from './snippet';
import { foldTerm, isUnspaced, tokenize } from './terms';
import { TextCache, type ReadText } from './textCache';

export interface SearchIndexOptions {
  /** Reads an article's text for snippets; without it the texts given to {@link SearchIndex.addClip} are kept. */
  readText?: ReadText;
}

/** What a search returns besides its page. */
export interface SearchOptions {
  offset?: number;
  limit?: number;
  /** `false` leaves snippets empty (a list of titles, or the benchmark timing them apart). */
  snippets?: boolean;
  /** `false` leaves notebook pages out (callers that can only open clips). */
  pages?: boolean;
}

const DEFAULT_LIMIT = 20;
const NO_SNIPPET = { snippet: '', marks: [], first: null };
/** Typos are forgiven from four letters on (one edit per five letters); shorter words would match half the vocabulary. */
const MIN_FUZZY_LENGTH = 4;
const FUZZINESS = 0.2;
/** Words from this length on also match as the beginning of longer words. */
const MIN_PREFIX_LENGTH = 2;
/** At most this many words of a query are searched (the rest would only narrow an already narrow search). */
const MAX_WORDS = 32;
/** Typed words whose expansions are remembered. */
const MAX_EXPANSIONS = 256;
/** For queries of several words, this many of the best hits are checked for the words side by side. */
const ADJACENCY_CHECKS = 200;

const ARTICLE = 0;
const HIGHLIGHT = 1;
const PAGE = 2;

const articleKey = (clipId: string) => `a:${clipId}`;
const highlightKey = (clipId: string, highlightId: string) => `h:${clipId}:${highlightId}`;
const pageKey = (pageId: string) => `p:${pageId}`;

const emptyPage = (offset: number): SearchPage => ({
  total: 0,
  byKind: { article: 0, highlight: 0, page: 0 },
  offset,
  results: [],
});

/** A query read against the index: word groups, phrases as term-id steps, and the filtered documents. */
interface Plan {
  groups: Group[];
  /** The groups of the typed words (not phrases), for the side-by-side bonus. */
  words: Group[];
  phrases: Array<Array<Set<number>>>;
  /** For filters alone: the documents they allow. */
  allowed: Int32Array | null;
  /** For words and filters: whether a match passes the filters. */
  passes: ((doc: number) => boolean) | null;
}

/**
 * The clips of the index: each clip's article key → its highlights' keys (one shared empty list for the
 * clips without). Keys, not ids: a load notes every document's clip without making a string for it.
 */
export type ClipHighlights = Map<string, readonly string[]>;
const NO_HIGHLIGHTS: readonly string[] = Object.freeze([]);

/** Records the clip (and highlight) a document key names in `clips` (`a:<clip>`, `h:<clip>:<highlight>`). */
export function noteClipOf(clips: ClipHighlights, key: string): void {
  if (key.startsWith('a:')) {
    if (!clips.has(key)) clips.set(key, NO_HIGHLIGHTS);
  } else if (key.startsWith('h:')) {
    const end = key.indexOf(':', 2);
    const article = articleKey(key.slice(2, end < 0 ? undefined : end));
    const highlights = clips.get(article);
    // Keys are unique, so a highlight is noted once.
    if (!highlights || highlights === NO_HIGHLIGHTS) clips.set(article, [key]);
    else (highlights as string[]).push(key);
  }
}

export class SearchIndex {
  private readonly texts: TextCache;
  private readonly matcher: Matcher;
  /** Typed words' expansions, valid for the index version `expansionsAt` (oldest first). */
  private readonly expansions = new Map<string, Group>();
  private expansionsAt = -1;
  private changes = 0;

  constructor(
    options: SearchIndexOptions = {},
    /** The underlying index (`indexFile.ts` hands in a loaded one). */
    readonly index = new CompactIndex(),
    /** The clips of a loaded `index` and their highlights (see {@link noteClipOf}); read from its keys if not given. */
    private readonly clips: ClipHighlights = new Map(),
  ) {
    this.texts = new TextCache(options.readText ?? null);
    this.matcher = new Matcher(index);
    if (clips.size === 0) for (const key of index.byKey.keys()) noteClipOf(clips, key);
  }

  /** Counts changes: a save that sees it move while it writes starts again later (see `indexFile.ts`). */
  get version(): number {
    return this.changes;
  }

  /** How many documents (articles, highlights, pages) the index holds. */
  get documentCount(): number {
    return this.index.liveCount;
  }

  /** Ids of the clips in the index. */
  clipIds(): string[] {
    return Array.from(this.clips.keys(), (key) => key.slice(2));
  }

  /** How many highlights of a clip are indexed. */
  highlightCount(clipId: string): number {
    return this.clips.get(articleKey(clipId))?.length ?? 0;
  }

  /** Ids of the notebook pages in the index. */
  pageIds(): string[] {
    return [...this.index.byKey.keys()].filter((k) => k.startsWith('p:')).map((k) => k.slice(2));
  }

  /** Adds a clip's article, or replaces it keeping its highlights (which take on its site, dates and tags). */
  addClip(meta: ClipMeta, text: string): void {
    this.changes++;
    const facets = clipFacets(meta);
    const day = dayNumber(meta.published ?? meta.clippedAt);
    this.index.add({
      key: articleKey(meta.id),
      kind: ARTICLE,
      fields: {
        title: meta.title,
        byline: meta.byline ?? '',
        site: meta.site ?? '',
        body: text,
        tags: (meta.tags ?? []).join(' '),
      },
      sequence: ['title', 'body'],
      facets: ['k:article', ...facets],
      day,
      info: {
        title: meta.title,
        site: meta.site ?? null,
        published: meta.published ?? null,
        clippedAt: meta.clippedAt,
      },
    });
    const highlights = this.clips.get(articleKey(meta.id));
    if (!highlights) this.clips.set(articleKey(meta.id), NO_HIGHLIGHTS);
    else for (const key of highlights) this.reAddHighlight(key, facets, day);
    this.texts.set(meta.id, text);
  }

  /** Removes a clip and all its highlights from the index. */
  removeClip(id: string): void {
    this.changes++;
    const highlights = this.clips.get(articleKey(id));
    if (!highlights) return;
    this.index.remove(articleKey(id));
    for (const key of highlights) this.index.remove(key);
    this.clips.delete(articleKey(id));
    this.texts.delete(id);
  }

  /** Replaces the indexed highlights of a clip with `highlights` (they may arrive before the article). */
  setHighlights(meta: ClipMeta, highlights: Highlight[]): void {
    this.changes++;
    for (const key of this.clips.get(articleKey(meta.id)) ?? []) this.index.remove(key);
    const keys = new Set<string>();
    const facets = clipFacets(meta);
    const day = dayNumber(meta.published ?? meta.clippedAt);
    for (const h of highlights) {
      const [quote, position] = h.target.selector;
      const key = highlightKey(meta.id, h.id);
      keys.add(key);
      this.index.add(
        highlightDoc(key, facets, day, {
          quote: quote.exact,
          note: h.note,
          tags: h.tags ?? [],
          start: position.start,
          end: position.end,
        }),
      );
    }
    this.clips.set(articleKey(meta.id), keys.size ? [...keys] : NO_HIGHLIGHTS);
  }

  /** Adds a notebook page (its title and plain text), or replaces it. */
  addPage(page: { id: string; title: string; updatedAt: string }, text: string): void {
    this.changes++;
    const day = dayNumber(page.updatedAt);
    const month = monthFacet(day);
    this.index.add({
      key: pageKey(page.id),
      kind: PAGE,
      fields: { title: page.title, body: text },
      sequence: ['title', 'body'],
      facets: month ? ['k:page', month] : ['k:page'],
      day,
      info: { title: page.title, updatedAt: page.updatedAt, text },
    });
  }

  /** Removes a notebook page. */
  removePage(id: string): void {
    this.changes++;
    this.index.remove(pageKey(id));
  }

  /** Drops spare capacity after many additions (the start-up catch-up). */
  trim(): void {
    this.index.trim();
  }

  /** The first page of {@link searchPage}'s results. */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult[]> {
    return (await this.searchPage(query, opts)).results;
  }

  /**
   * Searches as you type (see `parseQuery` for the language): every word must match, as a whole word,
   * as the beginning of one (from two letters), or with a small typo (from four, for a word the index
   * does not know); quoted phrases match word for word; filters narrow the hits, and filters alone list
   * what they match, newest first. Hits whose words are all in the title, byline, tags or a highlight
   * come first, then body matches, then hits that need the site's name to match; within each, the words
   * side by side beat the words apart, then the score, then the more recent. Returns the page from
   * `offset` (default 0) of `limit` (default 20) with the exact number of matches in all and per kind.
   * Never throws on a query.
   */
  async searchPage(query: string, opts: SearchOptions = {}): Promise<SearchPage> {
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const plan = this.plan(query);
    if (!plan) return emptyPage(offset);
    const { index } = this;
    const pages = opts.pages !== false;
    const kind = index.kind;
    let ids: Int32Array;
    let keys: Float64Array;
    let score: Float64Array | null = null;
    if (plan.groups.length === 0) {
      ids = pages ? plan.allowed! : plan.allowed!.filter((doc) => kind[doc] !== PAGE);
      keys = new Float64Array(ids.length);
      for (let i = 0; i < ids.length; i++) keys[i] = index.day[ids[i]!]!;
    } else {
      // Filters, then phrases (the costlier test), on the first word's documents, before the others are read.
      const tests = plan.phrases.map((p) => index.phraseTest(p));
      if (plan.passes) tests.unshift(plan.passes);
      if (!pages) tests.unshift((doc) => kind[doc] !== PAGE);
      const keep = tests.length === 0 ? null : (doc: number) => tests.every((test) => test(doc));
      const found = this.matcher.match(plan.groups, keep);
      ids = found.ids;
      score = found.score;
      const tier = found.tier;
      // Tier first (two steps apart, the side-by-side bonus fits between), then the score.
      keys = new Float64Array(ids.length);
      for (let i = 0; i < ids.length; i++) {
        const doc = ids[i]!;
        keys[i] = (2 - tier[doc]!) * 2e9 + Math.min(score[doc]!, 1e8);
      }
      if (plan.words.length > 1) {
        const sideBySide = index.phraseTest(plan.words.map((g) => g.all));
        for (const at of rankedPositions(ids, keys, index.day, 0, ADJACENCY_CHECKS))
          if (sideBySide(ids[at]!)) keys[at]! += 1e9;
      }
    }
    const page = emptyPage(offset);
    page.total = ids.length;
    const perKind = [0, 0, 0];
    for (let i = 0; i < ids.length; i++) perKind[kind[ids[i]!]!]!++;
    page.byKind = { article: perKind[ARTICLE]!, highlight: perKind[HIGHLIGHT]!, page: perKind[PAGE]! };
    const shown = rankedPositions(ids, keys, index.day, offset, limit).map((at) => ids[at]!);
    const snippets = opts.snippets ?? true;
    const words = snippetWords(index, plan.groups);
    // The page's texts (for snippets) are read side by side, not one file after the other.
    page.results = await Promise.all(shown.map((doc) => this.result(doc, score ? score[doc]! : 0, words, snippets)));
    return page;
  }

  /** Reads a query; null when it asks nothing. */
  private plan(query: string): Plan | null {
    const parsed = parseQuery(query);
    const index = this.index;
    // A one-letter word is searched whole; as the last of several it is still being typed and waits.
    const typed = textWords(parsed.text);
    const searched = typed.filter((w, i) => i === 0 || i < typed.length - 1 || w.length > 1 || isUnspaced(w));
    const words: Group[] = searched.map((word) => this.expansion(word));
    const groups = [...words];
    for (const { key, value } of parsed.filters) {
      if (key !== 'title') continue;
      for (const word of textWords(value)) {
        const group = expandWord(index, word, { prefix: true, maxDistance: 0 });
        group.field = FIELD.title;
        groups.push(group);
      }
    }
    const phrases: Array<Array<Set<number>>> = [];
    for (const phrase of parsed.phrases) {
      const terms = textWords(phrase);
      if (terms.length === 0) continue;
      const ids = terms.map((t) => index.vocab.get(t) ?? -1);
      phrases.push(ids.map((id) => new Set([id])));
      for (const id of new Set(ids))
        groups.push({ scored: id < 0 ? [] : [{ id, weight: 1 }], rest: [], field: -1, all: new Set([id]) });
    }
    const filters = parsed.filters.filter((f) => f.key !== 'title');
    if (groups.length === 0) {
      const allowed = filteredDocs(index, filters);
      return allowed ? { groups, words, phrases, allowed, passes: null } : null;
    }
    return { groups: groups.slice(0, 255), words, phrases, allowed: null, passes: filterTest(index, filters) };
  }

  /**
   * The terms a typed word stands for (see {@link expandWord}), remembered while the index does not
   * change: a word stays in the query while the next one is typed, and expanding it walks the term tree.
   */
  private expansion(word: string): Group {
    const index = this.index;
    if (this.expansionsAt !== index.version) {
      this.expansions.clear();
      this.expansionsAt = index.version;
    }
    let group = this.expansions.get(word);
    if (group) return group;
    group = expandWord(index, word, {
      prefix: word.length >= MIN_PREFIX_LENGTH || isUnspaced(word),
      maxDistance: word.length >= MIN_FUZZY_LENGTH ? Math.round(word.length * FUZZINESS) : 0,
    });
    // A two-letter beginning, or a three-letter one of many words, is read as its one list of documents.
    const members = group.prefix && group.rest.length && word.length <= 3 ? index.beginnings.get(word) : undefined;
    if (members) {
      group.members = members.views();
      group.rest = [];
    }
    if (this.expansions.size >= MAX_EXPANSIONS) this.expansions.delete(this.expansions.keys().next().value!);
    this.expansions.set(word, group);
    return group;
  }

  /** One result: what the list shows of a document, with its snippet. */
  private async result(doc: number, score: number, words: SnippetWords, snippets: boolean): Promise<SearchResult> {
    const snippetOf = (text: string) => (snippets ? makeSnippet(text, words) : NO_SNIPPET);
    const index = this.index;
    const info = index.info(doc);
    const [, id = '', highlightId = null] = index.keys[doc]!.split(':');
    const kind: SearchResultKind = KINDS[index.kind[doc]!]!;
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
    if (kind === 'page') {
      const { snippet, marks } = snippetOf(String(info['text'] ?? ''));
      const title = String(info['title'] ?? '');
      return {
        id,
        kind,
        highlightId: null,
        title,
        score,
        snippet,
        marks,
        position: null,
        site: null,
        published: null,
        clippedAt: text(info['updatedAt']),
      };
    }
    const article = kind === 'article' ? info : this.articleInfo(id);
    const shown = {
      title: String(article['title'] ?? ''),
      site: text(article['site']),
      published: text(article['published']),
      clippedAt: text(article['clippedAt']),
    };
    if (kind === 'highlight') {
      const { snippet, marks } = snippetOf(String(info['quote'] ?? ''));
      const position = { start: Number(info['start']), end: Number(info['end']) };
      return { id, kind, highlightId, score, snippet, marks, position, ...shown };
    }
    const body = snippets ? await this.texts.get(id) : '';
    const { snippet, marks, first } = snippetOf(body);
    return { id, kind, highlightId: null, score, snippet, marks, position: first, ...shown };
  }

  private articleInfo(clipId: string): DocInfo {
    const doc = this.index.shortId(articleKey(clipId));
    return doc === undefined ? {} : this.index.info(doc);
  }

  /** Indexes a highlight again with its clip's new facets and date. */
  private reAddHighlight(key: string, facets: string[], day: number): void {
    const doc = this.index.shortId(key);
    if (doc === undefined) return;
    this.index.add(highlightDoc(key, facets, day, this.index.info(doc)));
  }
}

/** A highlight's document: its quote, note and own tags, found under its clip's facets and its own. */
function highlightDoc(key: string, facets: string[], day: number, info: DocInfo): NewDoc {
  const tags = (info['tags'] as string[] | undefined) ?? [];
  const note = String(info['note'] ?? '');
  const kinds = note ? ['k:highlight', 'k:note'] : ['k:highlight'];
  return {
    key,
    kind: HIGHLIGHT,
    fields: { quote: String(info['quote'] ?? ''), note, tags: tags.join(' ') },
    sequence: ['quote', 'note'],
    facets: [...new Set([...kinds, ...facets, ...tags.map((t) => `t:${foldField(t)}`)])],
    day,
    info,
  };
}

/**
 * What snippets look for: each group's scored terms, except that a word typed as a beginning is looked
 * for as one (every word it begins is marked, not only the completions scored).
 */
function snippetWords(index: CompactIndex, groups: Group[]): SnippetWords {
  const terms = new Set<string>();
  const prefixes = new Set<string>();
  const sets: Array<Set<string>> = [];
  for (const group of groups) {
    const set = new Set<string>();
    const begins = group.prefix;
    if (begins) {
      prefixes.add(begins);
      set.add(begins);
    }
    for (const { id } of group.scored) {
      const term = index.terms[id]!;
      if (begins && term.startsWith(begins)) continue;
      terms.add(term);
      set.add(term);
    }
    if (set.size) sets.push(set);
  }
  return { terms, prefixes, groups: sets };
}

/** The folded words of a query's text, at most {@link MAX_WORDS}. */
function textWords(text: string): string[] {
  return tokenize(text).map(foldTerm).filter(Boolean).slice(0, MAX_WORDS);
}
