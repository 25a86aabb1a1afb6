/**
 * The three engines under one interface for the benchmark: Gloss (its real SearchIndex and index file),
 * FlexSearch and Lunr, each configured for as-you-type search over the same fields.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import type { ClipMeta, Highlight } from '../../src/core/model';
import { readIndexFile, writeIndexFile } from '../../src/core/search/indexFile';
import { parseQuery } from '../../src/core/common/searchQuery';
import { SearchIndex } from '../../src/core/search/searchIndex';
import type { BenchArticle } from './generate';

export interface Engine {
  name: string;
  build(articles: BenchArticle[]): Promise<void>;
  /** Ids of the top hits (articles as `c…`, highlights as their clip's id). */
  search(query: string): Promise<string[]>;
  /** The same hits without snippets, where the engine makes them (to time snippets apart). */
  searchWithoutSnippets?(query: string): Promise<string[]>;
  /** Saves to `dir`; returns bytes written. */
  save(dir: string): Promise<number>;
  load(dir: string): Promise<void>;
  /** Re-indexes one changed article; null when the engine cannot (Lunr indexes are immutable). */
  update: ((article: BenchArticle) => void) | null;
}

const LIMIT = 20;

export function toMeta(a: BenchArticle): ClipMeta {
  return {
    id: a.id,
    title: a.title,
    byline: a.byline,
    site: a.site,
    published: a.published,
    url: null,
    lang: 'en',
    excerpt: null,
    words: 0,
    clippedAt: '2025-01-01T00:00:00.000Z',
    origin: 'url',
  };
}

function toHighlights(a: BenchArticle): Highlight[] {
  return a.highlights.map((h) => ({
    id: h.id,
    clipId: a.id,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    color: 'yellow',
    note: h.note,
    target: {
      source: `gloss:clip/${a.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: h.start, end: h.start + h.quote.length },
      ],
    },
  }));
}

/** Gloss: texts are read on demand from the archive, as the app reads article.txt for snippets. */
export function glossEngine(byId: Map<string, BenchArticle>): Engine {
  const readText = async (id: string) => byId.get(id)?.text ?? '';
  let index = new SearchIndex({ readText });
  return {
    name: 'Gloss (MiniSearch)',
    async build(articles) {
      index = new SearchIndex({ readText });
      for (const a of articles) {
        const meta = toMeta(a);
        index.addClip(meta, a.text);
        index.setHighlights(meta, toHighlights(a));
      }
    },
    // A clip's article and its highlights count as one hit, as the peers' results are clip ids.
    async search(query) {
      return [...new Set((await index.search(query, { limit: LIMIT })).map((r) => r.id))];
    },
    async searchWithoutSnippets(query) {
      return [...new Set((await index.search(query, { limit: LIMIT, snippets: false })).map((r) => r.id))];
    },
    async save(dir) {
      return writeIndexFile(path.join(dir, 'gloss.json'), index, new Map());
    },
    async load(dir) {
      const read = await readIndexFile(path.join(dir, 'gloss.json'), { readText });
      if (!read.ok) throw new Error(read.problem);
      index = read.index;
    },
    update(a) {
      index.addClip(toMeta(a), a.text);
    },
  };
}

/** The parts of a FlexSearch Document index the benchmark uses. */
interface FlexDocument {
  add(doc: object): void;
  update(doc: object): void;
  search(query: string, options: object): Array<{ field: string; result: string[] }>;
  export(handler: (key: string, data: string) => void): void;
  import(key: string, data: string): void;
}

/** Post-filters hits of engines without Gloss's query language: they see the same words, filters applied after. */
function peerQuery(query: string, byId: Map<string, BenchArticle>) {
  const { text, filters } = parseQuery(query);
  const site = filters.find((f) => f.key === 'site')?.value;
  const after = filters.find((f) => f.key === 'after')?.value;
  const keep = (id: string) => {
    const a = byId.get(id.split(':')[0]!);
    return !!a && (!site || a.site.includes(site)) && (!after || a.published >= after);
  };
  return { text, keep };
}

export function flexEngine(byId: Map<string, BenchArticle>): Engine {
  const make = () =>
    new (FlexSearch as unknown as { Document: new (o: object) => FlexDocument }).Document({
      tokenize: 'forward',
      document: { id: 'id', index: ['title', 'byline', 'site', 'body', 'quote', 'note'] },
    });
  let index = make();
  const docs = (a: BenchArticle) => [
    { id: a.id, title: a.title, byline: a.byline, site: a.site, body: a.text },
    ...a.highlights.map((h) => ({ id: `${a.id}:${h.id}`, quote: h.quote, note: h.note })),
  ];
  return {
    name: 'FlexSearch',
    async build(articles) {
      index = make();
      for (const a of articles) for (const d of docs(a)) index.add(d);
    },
    async search(query) {
      const { text, keep } = peerQuery(query, byId);
      const seen = new Set<string>();
      for (const { result } of index.search(text, { limit: 200, suggest: false })) {
        for (const id of result) if (keep(id)) seen.add(id.split(':')[0]!);
      }
      return [...seen].slice(0, LIMIT);
    },
    async save(dir) {
      const parts: Record<string, string> = {};
      index.export((key, data) => void (parts[key] = data));
      const json = JSON.stringify(parts);
      await fs.writeFile(path.join(dir, 'flex.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      const parts = JSON.parse(await fs.readFile(path.join(dir, 'flex.json'), 'utf8')) as Record<string, string>;
      index = make();
      for (const [key, data] of Object.entries(parts)) index.import(key, data);
    },
    update(a) {
      index.update(docs(a)[0]!);
    },
  };
}

export function lunrEngine(byId: Map<string, BenchArticle>): Engine {
  let index: lunr.Index;
  return {
    name: 'Lunr',
    async build(articles) {
      index = lunr(function () {
        this.ref('id');
        this.field('title', { boost: 3 });
        this.field('byline');
        this.field('site');
        this.field('body');
        this.field('quote', { boost: 2 });
        this.field('note');
        for (const a of articles) {
          this.add({ id: a.id, title: a.title, byline: a.byline, site: a.site, body: a.text });
          for (const h of a.highlights) this.add({ id: `${a.id}:${h.id}`, quote: h.quote, note: h.note });
        }
      });
    },
    async search(query) {
      const { text, keep } = peerQuery(query, byId);
      // Lunr's own search pipeline: stop words dropped, full words stemmed (the word being typed is a prefix).
      const words = lunr
        .tokenizer(text)
        .map(String)
        .filter((w) => lunr.stopWordFilter(new lunr.Token(w, {})) !== undefined);
      if (!words.length) return [];
      const hits = index.query((q) => {
        words.forEach((w, i) => {
          const last = i === words.length - 1;
          // Stemmed like the index (a whole word 'kaberes' is indexed as 'kabere'), the last one also as a prefix.
          const term = lunr.stemmer(new lunr.Token(w, {})).toString();
          // editDistance is only given when wanted: Lunr matches nothing at all for `editDistance: 0`.
          const typos = !last && w.length >= 5 ? { editDistance: 1 } : {};
          q.term(term, {
            presence: lunr.Query.presence.REQUIRED,
            wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
            ...typos,
          });
        });
      });
      const seen = new Set<string>();
      for (const h of hits) if (keep(h.ref)) seen.add(h.ref.split(':')[0]!);
      return [...seen].slice(0, LIMIT);
    },
    async save(dir) {
      const json = JSON.stringify(index);
      await fs.writeFile(path.join(dir, 'lunr.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      index = lunr.Index.load(JSON.parse(await fs.readFile(path.join(dir, 'lunr.json'), 'utf8')));
    },
    update: null,
  };
}
