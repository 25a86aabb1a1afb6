import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService } from '../service';
import { SearchIndex } from './searchIndex';
import { highlight, meta } from './testDocs';

/** A paragraph node of a Lexical document. */
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('searchPage', () => {
  it('counts every match exactly, per kind, and pages through them', async () => {
    const index = new SearchIndex();
    for (let i = 0; i < 45; i++) {
      const m = meta(`c${i}`, `Memo ${i}`, { site: 'Harbour News', published: '2023-04-0' + (1 + (i % 9)) });
      const text = `memo text number ${i} about the harbour`;
      index.addClip(m, text);
      if (i % 3 === 0) index.setHighlights(m, [highlight(m.id, `h${i}`, text, 'about the harbour')]);
    }
    index.addPage({ id: 'p1', title: 'Harbour plans', updatedAt: '2024-01-01T00:00:00.000Z' }, 'my harbour notes');
    const first = await index.searchPage('harbour', { limit: 20 });
    expect(first.total).toBe(45 + 15 + 1);
    expect(first.byKind).toEqual({ article: 45, highlight: 15, page: 1 });
    expect(first.results).toHaveLength(20);
    const seen = new Set(first.results.map((r) => `${r.kind}:${r.highlightId ?? r.id}`));
    for (let offset = 20; offset < first.total; offset += 20) {
      const next = await index.searchPage('harbour', { offset, limit: 20 });
      expect(next.offset).toBe(offset);
      expect(next.total).toBe(first.total);
      for (const r of next.results) seen.add(`${r.kind}:${r.highlightId ?? r.id}`);
    }
    expect(seen.size).toBe(first.total);
    expect((await index.searchPage('harbour', { offset: 1000 })).results).toEqual([]);
    const article = first.results.find((r) => r.kind === 'article')!;
    expect(article).toMatchObject({ site: 'Harbour News', clippedAt: '2024-05-01T00:00:00.000Z' });
    expect(article.published).toMatch(/^2023-04-0\d$/);
    const quote = first.results.find((r) => r.kind === 'highlight')!;
    expect(quote.site).toBe('Harbour News');
  });

  it('finds notebook pages by title and text through the service, and forgets deleted ones', async () => {
    const service = await createGlossService({ libraryDir: await tempDir() });
    try {
      const page = await service.createPage({ title: 'Working notes' });
      await service.savePage({
        id: page.id,
        title: 'Working notes',
        doc: { root: { type: 'root', children: [paragraph('Tidal barrages and estuary silt')] } },
      });
      const byTitle = await service.searchPage({ query: 'working notes' });
      expect(byTitle.total).toBe(1);
      expect(byTitle.results[0]).toMatchObject({ id: page.id, kind: 'page', title: 'Working notes', site: null });
      expect(byTitle.results[0]!.clippedAt).toMatch(/^\d{4}-/);
      const byText = await service.searchPage({ query: 'estuary' });
      expect(byText.results.map((r) => `${r.kind}:${r.id}`)).toEqual([`page:${page.id}`]);
      expect(byText.results[0]!.snippet).toContain('estuary');
      expect((await service.searchPage({ query: 'kind:page' })).total).toBe(1);
      // The older search() keeps its callers' kinds: articles and highlights only.
      expect(await service.search({ query: 'estuary' })).toEqual([]);
      await service.deletePage(page.id);
      expect((await service.searchPage({ query: 'estuary' })).total).toBe(0);
    } finally {
      await service.close();
    }
  });
});
