/**
 * The paged library and highlight lists through the real service on real files: sorting, filters,
 * facets and paging, kept right across every kind of write, and the export of a highlight query's set.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';

const open: GlossService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function service(dir?: string): Promise<GlossService> {
  const s = await createGlossService({ libraryDir: dir ?? (await tempDir()) });
  open.push(s);
  return s;
}

/** Adds a clip with the given details and `highlights` highlights on its first words. */
async function clip(
  s: GlossService,
  title: string,
  details: { site?: string; published?: string; tags?: string[]; collections?: string[]; highlights?: number } = {},
) {
  const text = `${title}\n\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu`;
  const made = await s.clipText({
    text,
    title,
    url: `https://${details.site ?? 'example.org'}/${encodeURIComponent(title)}`,
    onDuplicate: 'copy',
  });
  await s.updateClip({
    id: made.id,
    ...(details.site !== undefined && { site: details.site }),
    ...(details.published !== undefined && { published: details.published }),
    ...(details.tags && { tags: details.tags }),
    ...(details.collections && { collections: details.collections }),
  });
  const doc = await s.getClip(made.id);
  for (let i = 0; i < (details.highlights ?? 0); i++) {
    const start = doc.text.indexOf('alpha') + i * 6;
    await s.addHighlight({ clipId: made.id, start, end: start + 5, color: i % 2 ? 'green' : 'yellow' });
  }
  return made.id;
}

const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title);

describe('listClipsPage', () => {
  it('sorts by each key, pages, filters and counts facets disjunctively', async () => {
    const s = await service();
    const a = await clip(s, 'Bravo tides', {
      site: 'sea.org',
      published: '2021-03-01',
      tags: ['Ocean'],
      highlights: 2,
    });
    const b = await clip(s, 'alpha winds', {
      site: 'air.net',
      published: '2023-01-01',
      tags: ['ocean', 'wind'],
      collections: ['Thesis'],
    });
    const c = await clip(s, 'Charlie 10 waves', { site: 'sea.org', tags: ['wind'], highlights: 1 });
    const d = await clip(s, 'Charlie 9 waves', { collections: ['thesis'], highlights: 3 });

    expect(titles((await s.listClipsPage({})).rows)).toEqual([
      'Charlie 9 waves',
      'Charlie 10 waves',
      'alpha winds',
      'Bravo tides',
    ]);
    expect(titles((await s.listClipsPage({ sort: 'clipped', desc: false })).rows)[0]).toBe('Bravo tides');
    expect(titles((await s.listClipsPage({ sort: 'title' })).rows)).toEqual([
      'alpha winds',
      'Bravo tides',
      'Charlie 9 waves',
      'Charlie 10 waves',
    ]);
    // Published: newest first, clips without a date last in either direction.
    const published = await s.listClipsPage({ sort: 'published' });
    expect(published.rows.slice(0, 2).map((r) => r.id)).toEqual([b, a]);
    expect((await s.listClipsPage({ sort: 'published', desc: false })).rows.slice(0, 2).map((r) => r.id)).toEqual([
      a,
      b,
    ]);
    expect((await s.listClipsPage({ sort: 'highlights' })).rows.map((r) => r.highlightCount)).toEqual([3, 2, 1, 0]);
    expect((await s.listClipsPage({ sort: 'site' })).rows.map((r) => r.id).slice(0, 1)).toEqual([b]);

    const page = await s.listClipsPage({ sort: 'title', offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(titles(page.rows)).toEqual(['Bravo tides', 'Charlie 9 waves']);

    const sea = await s.listClipsPage({ site: 'sea.org', tag: 'OCEAN' });
    expect(sea.rows.map((r) => r.id)).toEqual([a]);
    // The site facet ignores the site filter (other sites with the tag still show), the tag facet ignores the tag.
    expect(sea.facets.sites).toEqual(
      [
        { value: 'sea.org', count: 1 },
        { value: 'air.net', count: 1 },
      ].sort((x, y) => x.value.localeCompare(y.value)),
    );
    expect(sea.facets.tags).toEqual([
      { value: 'Ocean', count: 1 },
      { value: 'wind', count: 1 },
    ]);
    const thesis = await s.listClipsPage({ collection: 'Thesis', hasHighlights: true });
    expect(thesis.rows.map((r) => r.id)).toEqual([d]);
    // Counted among clips with highlights (the other filter); named as the newest clip writes it.
    expect(thesis.facets.collections).toEqual([{ value: 'thesis', count: 1 }]);
    expect((await s.listClipsPage({ collection: 'thesis' })).facets.collections).toEqual([
      { value: 'thesis', count: 2 },
    ]);
    expect(thesis.facets.withHighlights).toBe(1);
    expect((await s.listClipsPage({ hasHighlights: false })).rows.map((r) => r.id)).toEqual([b]);
    void c;
  });

  it('sorts by reading progress and filters unread clips from the read positions in settings', async () => {
    const s = await service();
    const first = await clip(s, 'First');
    const second = await clip(s, 'Second');
    const third = await clip(s, 'Third');
    await s.updateSettings({ lastRead: { [first]: 0.8, [third]: 0.2 } });
    expect((await s.listClipsPage({ sort: 'progress' })).rows.map((r) => r.id)).toEqual([first, third, second]);
    const unread = await s.listClipsPage({ unread: true });
    expect(unread.rows.map((r) => r.id)).toEqual([second]);
    expect(unread.facets.unread).toBe(1);
    expect((await s.listClipsPage({ unread: false })).total).toBe(2);
  });

  it('stays right across add, update, delete, restore and highlight changes, and after reopening', async () => {
    const dir = await tempDir();
    const s = await service(dir);
    const id = await clip(s, 'Kept', { site: 'one.org', highlights: 1 });
    const gone = await clip(s, 'Gone', { tags: ['x'] });
    expect((await s.listClipsPage({ sort: 'title' })).total).toBe(2);
    await s.updateClip({ id, title: 'Renamed', site: 'two.org', tags: ['x'] });
    let page = await s.listClipsPage({ tag: 'x', sort: 'title' });
    expect(titles(page.rows)).toEqual(['Gone', 'Renamed']);
    expect(page.facets.sites).toEqual(
      [
        { value: 'two.org', count: 1 },
        { value: 'example.org', count: 1 },
      ].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)),
    );
    await s.deleteClip(gone);
    page = await s.listClipsPage({ tag: 'x' });
    expect(titles(page.rows)).toEqual(['Renamed']);
    expect((await s.listHighlightsPage({})).total).toBe(1);
    await s.restoreClip(gone);
    expect((await s.listClipsPage({ tag: 'x' })).total).toBe(2);
    const [h] = (await s.listHighlightsPage({ clipId: id })).rows;
    await s.deleteHighlight({ clipId: id, highlightId: h!.highlight.id });
    expect((await s.listClipsPage({ hasHighlights: true })).total).toBe(0);
    await s.restoreHighlight(h!.highlight);
    expect((await s.listClipsPage({ sort: 'highlights' })).rows[0]).toMatchObject({ id, highlightCount: 1 });
    await s.close();
    open.length = 0;
    const again = await service(dir);
    expect((await again.listClipsPage({ hasHighlights: true })).rows.map((r) => r.id)).toEqual([id]);
    expect((await again.listHighlightsPage({})).rows[0]).toMatchObject({ clipTitle: 'Renamed', clipSite: 'two.org' });
  });
});

describe('listHighlightsPage', () => {
  it('lists every highlight newest first, filtered by tag, colour, clip and site, a page at a time', async () => {
    const s = await service();
    const a = await clip(s, 'Tides', { site: 'sea.org', tags: ['ocean'], highlights: 3 });
    const b = await clip(s, 'Winds', { site: 'air.net', highlights: 2 });
    const all = await s.listHighlightsPage({});
    expect(all.total).toBe(5);
    const dates = all.rows.map((r) => r.highlight.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.rows[0]).toMatchObject({ clipId: b, clipTitle: 'Winds', clipSite: 'air.net' });
    expect((await s.listHighlightsPage({ site: 'sea.org' })).rows.every((r) => r.clipId === a)).toBe(true);
    expect((await s.listHighlightsPage({ color: 'green' })).total).toBe(2);
    expect((await s.listHighlightsPage({ clipId: a, color: 'yellow' })).total).toBe(2);
    // A clip's tag finds its highlights; a highlight's own tag finds just it.
    expect((await s.listHighlightsPage({ tag: 'Ocean' })).total).toBe(3);
    const one = all.rows[4]!;
    await s.updateHighlight({ clipId: one.clipId, highlightId: one.highlight.id, tags: ['Key'] });
    expect((await s.listHighlightsPage({ tag: 'key' })).rows.map((r) => r.highlight.id)).toEqual([one.highlight.id]);
    const second = await s.listHighlightsPage({ offset: 2, limit: 2 });
    expect(second.rows.map((r) => r.highlight.id)).toEqual(all.rows.slice(2, 4).map((r) => r.highlight.id));
  });

  it('exports a query’s highlights as one Markdown file through a job', async () => {
    const s = await service();
    await clip(s, 'Tides', { site: 'sea.org', highlights: 3 });
    await clip(s, 'Winds', { site: 'air.net', highlights: 1 });
    const out = path.join(await tempDir(), 'highlights.md');
    const job = await s.startJob({ kind: 'export-highlights', out, query: { site: 'sea.org' } });
    const done = await s.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', outcome: { path: out } });
    const text = await fs.readFile(out, 'utf8');
    expect(text).toContain('3 highlights (site sea.org), newest first.');
    expect(text.match(/^> /gm)).toHaveLength(3);
    expect(text).toContain('[Tides](<https://sea.org/Tides>) · sea.org');
    expect(text).not.toContain('Winds');
    await expect(s.startJob({ kind: 'export-highlights', out, query: { color: 'pink' } })).rejects.toMatchObject({
      code: 'empty-input',
    });
  });
});
