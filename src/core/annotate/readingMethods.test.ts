import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import type { GlossService } from '../service';
import { createGlossService } from '../service';

const ARTICLE = `Slow Reading

Reading slowly is not a failure of speed but a choice about attention. When we mark a passage, we make a small promise to come back to it.

Marginalia used to be the reader's side of a conversation with the author. Highlights in a notebook can be the same thing.`;

describe('tags, collections and re-anchoring through the service', () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  it('keeps tidy tags and collections on clips and highlights, and counts them', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipText({ text: ARTICLE });
    const updated = await service.updateClip({
      id: clip.id,
      tags: [' reading ', 'Reading', 'attention'],
      collections: ['Thesis'],
    });
    expect(updated.tags).toEqual(['reading', 'attention']);
    const doc = await service.getClip(clip.id);
    const start = doc.text.indexOf('a choice about attention');
    const h = await service.addHighlight({ clipId: clip.id, start, end: start + 'a choice about attention'.length });
    const rich = {
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Key', format: 1 }] }] },
    };
    const edited = await service.updateHighlight({
      clipId: clip.id,
      highlightId: h.id,
      tags: ['attention'],
      note: 'Key',
      noteDoc: rich,
    });
    expect(edited.noteDoc).toEqual(rich);
    expect(await service.getTaxonomy()).toEqual({
      tags: [
        { name: 'attention', count: 2 },
        { name: 'reading', count: 1 },
      ],
      collections: [{ name: 'Thesis', count: 1 }],
    });
    expect((await service.listHighlights())[0]).toMatchObject({ clipId: clip.id, highlight: { id: h.id } });
    await service.indexReady();
    const kinds = async (q: string) => (await service.search({ query: q })).map((r) => r.kind).sort();
    expect(await kinds('tag:Reading')).toEqual(['article', 'highlight']);
    expect(await kinds('attention tag:attention kind:highlight')).toEqual(['highlight']);
    expect(await kinds('collection:thesis')).toEqual(['article', 'highlight']);
    expect(await kinds('collection:other')).toEqual([]);
  });

  it('re-anchors highlights when the text is replaced, and lists the ones it cannot place', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipText({ text: ARTICLE });
    const { text } = await service.getClip(clip.id);
    const mark = async (quote: string) => {
      const start = text.indexOf(quote);
      return service.addHighlight({ clipId: clip.id, start, end: start + quote.length });
    };
    const kept = await mark('we make a small promise to come back to it');
    const gone = await mark('conversation with the author');
    const changed = ARTICLE.replace(
      'Slow Reading\n\n',
      'Slow Reading\n\nA new opening paragraph arrives before everything else.\n\n',
    ).replace(
      "Marginalia used to be the reader's side of a conversation with the author.",
      'Marginal notes were once how readers argued back.',
    );
    const report = await service.updateClipContent({ id: clip.id, text: changed });
    expect(report.placed).toBe(1);
    expect(report.orphaned.map((h) => h.id)).toEqual([gone.id]);
    const after = await service.getClip(clip.id);
    const moved = after.highlights.find((h) => h.id === kept.id)!;
    expect(after.text.slice(moved.anchor!.start, moved.anchor!.end)).toBe('we make a small promise to come back to it');
    expect(moved.target.selector[1].start).toBe(moved.anchor!.start);
    expect(after.highlights.find((h) => h.id === gone.id)!.anchor).toBeNull();
    expect(after.meta.title).toBe('Slow Reading');
  });

  it('writes notebook pages with a Markdown copy, and finds the pages that quote a clip', async () => {
    const dir = await tempDir();
    service = await createGlossService({ libraryDir: dir });
    const page = await service.createPage({ title: 'Notes' });
    const quote = {
      type: 'gloss-quote',
      version: 1,
      clipId: 'c1',
      highlightId: 'h1',
      quote: 'A quote',
      title: 'Source',
      note: '',
    };
    const doc = {
      root: {
        type: 'root',
        children: [{ type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Claims', format: 0 }] }, quote],
      },
    };
    await service.savePage({ id: page.id, title: 'Notes', doc });
    expect(await fs.readFile(path.join(dir, 'pages', page.id, 'page.md'), 'utf8')).toBe(
      '# Notes\n\n## Claims\n\n> A quote\n>\n> — Source\n',
    );
    expect((await service.getBacklinks('c1')).map((b) => [b.pageTitle, b.highlightIds])).toEqual([['Notes', ['h1']]]);
    await service.close();
    await fs.writeFile(path.join(dir, 'pages', page.id, 'page.json'), '{"schema":1,');
    service = await createGlossService({ libraryDir: dir });
    expect(await service.listPages()).toEqual([]);
    expect((await service.getLibraryInfo()).problems[0]!.file).toBe(`pages/${page.id}/page.json`);
  });
});
