/**
 * The engines under one interface for the benchmark: Gloss (its real SearchIndex and index file),
 * FlexSearch and SQLite FTS5 (better-sqlite3), each configured for as-you-type search over the same fields.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import FlexSearch from 'flexsearch';
import Database from 'better-sqlite3';
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
  /** Re-indexes one changed article; null when the engine cannot. */
  update: ((article: BenchArticle) => void) | null;
  /** How many documents (articles and highlights) match in all, for engines that count exactly. */
  count?(query: string): Promise<number>;
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
    name: 'Gloss',
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
    async count(query) {
      return (await index.searchPage(query, { limit: 1, snippets: false })).total;
    },
    async save(dir) {
      return writeIndexFile(path.join(dir, 'gloss.json'), index, new Map());
    },
    async load(dir) {
      // As at the app's start: the index built in this process is let go before the saved one is read.
      index = new SearchIndex({ readText });
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

/**
 * Filters for engines without Gloss's query language: they see the same words, and the filters are applied
 * to their hits (or, for a query of filters alone, to every article: what an app on such an engine would do).
 */
function peerQuery(query: string, byId: Map<string, BenchArticle>) {
  const { text, filters, phrases } = parseQuery(query);
  const values = (key: string) => filters.filter((f) => f.key === key).map((f) => f.value.toLowerCase());
  const [sites, authors, afters, befores] = [values('site'), values('author'), values('after'), values('before')];
  const keep = (id: string) => {
    const a = byId.get(id.split(':')[0]!);
    return (
      !!a &&
      sites.every((s) => a.site.includes(s)) &&
      authors.every((w) => a.byline.toLowerCase().includes(w)) &&
      afters.every((d) => a.published >= d) &&
      befores.every((d) => a.published < d)
    );
  };
  const filterOnly = () => {
    const hits = [...byId.values()].filter((a) => keep(a.id));
    return hits
      .sort((a, b) => (a.published < b.published ? 1 : -1))
      .slice(0, LIMIT)
      .map((a) => a.id);
  };
  return { text, phrases, keep, filterOnly, filtered: filters.length > 0 };
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
      const { text, phrases, keep, filterOnly, filtered } = peerQuery(query, byId);
      const words = [text, ...phrases].join(' ').trim();
      if (!words) return filtered ? filterOnly() : [];
      const seen = new Set<string>();
      // FlexSearch has no phrases: the phrase's words are searched.
      for (const { result } of index.search(words, { limit: 200, suggest: false })) {
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

/** SQLite's FTS5 (better-sqlite3), with prefix indexes for 2–4 letters; its database file is its saved index. */
export function ftsEngine(byId: Map<string, BenchArticle>, dir: string): Engine {
  const file = path.join(dir, 'fts.db');
  let db: Database.Database;
  const open = () => {
    db = new Database(file);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
  };
  /** Each typed word quoted (the last one as a beginning), each phrase quoted whole. */
  const match = (text: string, phrases: string[]) => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const parts = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`);
    for (const p of phrases) parts.push(`"${p.replace(/"/g, '')}"`);
    return parts.join(' ');
  };
  return {
    name: 'SQLite FTS5',
    async build(articles) {
      await fs.rm(file, { force: true });
      open();
      db.exec(
        `CREATE VIRTUAL TABLE docs USING fts5(clip UNINDEXED, title, byline, site, body, quote, note,
          published UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`,
      );
      const insert = db.prepare(
        'INSERT INTO docs (rowid, clip, title, byline, site, body, quote, note, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      db.transaction(() => {
        articles.forEach((a, i) => {
          insert.run(i * 100, a.id, a.title, a.byline, a.site, a.text, null, null, a.published);
          a.highlights.forEach((h, j) =>
            insert.run(i * 100 + j + 1, a.id, null, null, null, null, h.quote, h.note, a.published),
          );
        });
      })();
    },
    async search(query) {
      const { text, phrases, keep, filterOnly, filtered } = peerQuery(query, byId);
      const expr = match(text, phrases);
      if (!expr) return filtered ? filterOnly() : [];
      const rows = db
        .prepare('SELECT clip FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3, 1, 1, 1, 2, 1) LIMIT ?')
        .all(expr, filtered ? 2000 : LIMIT * 4) as Array<{ clip: string }>;
      const seen = new Set<string>();
      for (const { clip } of rows) if (keep(clip)) seen.add(clip);
      return [...seen].slice(0, LIMIT);
    },
    async save() {
      db.close();
      return (await fs.stat(file)).size;
    },
    async load() {
      open();
      db.prepare('SELECT count(*) FROM docs').get();
    },
    update(a) {
      const i = Number(a.id.slice(1));
      db.prepare('UPDATE docs SET title = ?, body = ? WHERE rowid = ?').run(a.title, a.text, i * 100);
    },
  };
}
