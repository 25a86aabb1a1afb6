import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { pageMarkdown } from '../notebook/markdown';
import type { GlossService } from '../service';
import { createGlossService } from '../service';

const TEXT = 'Tidal power is steady. Engineers in the bay measured the flow for three winters before building.';

/** A page quoting highlight `h` of clip `clipId`, as the page editor stores it. */
function quotingDoc(clipId: string, highlightId: string, note = '') {
  return {
    root: {
      type: 'root',
      children: [
        { type: 'gloss-quote', version: 1, clipId, highlightId, quote: 'Tidal power is steady.', title: 'Tides', note },
      ],
    },
  };
}

const richNote = {
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', text: 'Key claim', format: 1 }] },
      {
        type: 'list',
        listType: 'bullet',
        children: [
          { type: 'listitem', children: [{ type: 'text', text: 'first', format: 0 }] },
          { type: 'listitem', children: [{ type: 'text', text: 'second', format: 2 }] },
        ],
      },
    ],
  },
};

describe('the trash and the sources of quotes', () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  async function clipWithQuote() {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipText({ text: TEXT, title: 'Tides' });
    const h = await service.addHighlight({ clipId: clip.id, start: 0, end: 22 });
    const page = await service.createPage({ title: 'Chapter 1' });
    await service.savePage({ id: page.id, title: 'Chapter 1', doc: quotingDoc(clip.id, h.id) });
    return { clip, h, page };
  }

  it('lists deleted clips and pages, restores a clip, and erases one entry or everything', async () => {
    const { clip, page } = await clipWithQuote();
    const other = await service.clipText({ text: 'Another article about wind, long enough to stand alone.' });
    expect(await service.listTrash()).toEqual([]);
    await service.deleteClip(clip.id);
    await service.deletePage(page.id);
    await service.deleteClip(other.id);
    const trash = await service.listTrash();
    expect(trash.map((t) => [t.kind, t.itemId])).toEqual(
      expect.arrayContaining([
        ['clip', clip.id],
        ['clip', other.id],
        ['page', page.id],
      ]),
    );
    const trashedClip = trash.find((t) => t.itemId === clip.id)!;
    expect(trashedClip).toMatchObject({ title: 'Tides', highlightCount: 1 });
    expect(Date.parse(trashedClip.deletedAt)).not.toBeNaN();

    await service.restoreClip(clip.id);
    expect((await service.listTrash()).map((t) => t.itemId)).not.toContain(clip.id);

    const wind = (await service.listTrash()).find((t) => t.itemId === other.id)!;
    expect(await service.purgeTrash({ id: wind.id })).toEqual({ purged: 1 });
    await expect(service.restoreClip(other.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.purgeTrash({ id: wind.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.purgeTrash({ id: '..' })).rejects.toMatchObject({ code: 'not-found' });

    expect(await service.purgeTrash()).toEqual({ purged: 1 });
    expect(await service.listTrash()).toEqual([]);
    expect(await fs.readdir(path.join(service.libraryPath, 'clips'))).toEqual([clip.id]);
  });

  it('says where a quoted clip is: in the library with its notes, in the trash, or gone', async () => {
    const { clip, h } = await clipWithQuote();
    await service.updateHighlight({ clipId: clip.id, highlightId: h.id, note: 'Key claim', noteDoc: richNote });
    const [live] = await service.getQuoteSources({ clipIds: [clip.id] });
    expect(live).toMatchObject({ state: 'library', title: 'Tides', notes: { [h.id]: { noteDoc: richNote } } });
    await service.deleteClip(clip.id);
    expect(await service.getQuoteSources({ clipIds: [clip.id] })).toEqual([
      { clipId: clip.id, state: 'trash', title: 'Tides' },
    ]);
    await service.purgeTrash();
    expect(await service.getQuoteSources({ clipIds: [clip.id] })).toEqual([{ clipId: clip.id, state: 'gone' }]);
  });

  it('keeps the quote blocks’ copy of a note in step, and writes it to Markdown with its formatting', async () => {
    const { clip, h, page } = await clipWithQuote();
    await service.updateHighlight({ clipId: clip.id, highlightId: h.id, note: 'Key claim', noteDoc: richNote });
    const saved = await service.getPage(page.id);
    const md = pageMarkdown(saved.title, saved.doc);
    expect(md).toContain(
      '> Tidal power is steady.\n>\n> — Tides\n>\n> Note: **Key claim**\n>\n> - first\n> - *second*',
    );
    expect(await fs.readFile(path.join(service.libraryPath, 'pages', page.id, 'page.md'), 'utf8')).toBe(md);
    // A plain note (the CLI's) replaces the rich copy.
    await service.updateHighlight({ clipId: clip.id, highlightId: h.id, note: 'Plain now', noteDoc: null });
    expect(pageMarkdown('', (await service.getPage(page.id)).doc)).toContain('> Note: Plain now');
  });
});
