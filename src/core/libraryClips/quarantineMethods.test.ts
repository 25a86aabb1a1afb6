/**
 * Issue 19, item 9: a clip set aside because its meta.json is damaged comes back from the app. "Repair"
 * rebuilds meta.json from the damaged file's readable fields, the saved search index, the highlights and the
 * article (the damaged file kept beside it); "Restore as is" takes a folder back once its meta.json was fixed
 * by hand, and says what is still wrong otherwise. Real libraries on disk, through the service.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../dispatch';
import { salvageMetaFields } from '../library/quarantineRepair';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';

const services: GlossService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

const TEXT =
  'Tidal power comes of age\n\nThe estuary turbines ran through every winter storm without a single unplanned stop.\n\nOperators now say tidal energy is ready for the grid.';

/** A library with one clip (details, a highlight) whose meta.json `damage` then rewrites; reopened. */
async function damagedLibrary(damage: (raw: string) => string | Buffer) {
  const dir = path.join(await tempDir(), 'library');
  let service = await createGlossService({ libraryDir: dir });
  const clip = await service.clipText({ text: TEXT, title: 'Tidal power comes of age' });
  await service.updateClip({
    id: clip.id,
    byline: 'Ann Petrie',
    site: 'The Eastern Ledger',
    published: '2024-08-09',
    url: 'https://ledger.example/tidal',
    tags: ['energy'],
  });
  const at = (await service.getClip(clip.id)).text.indexOf('tidal energy');
  await service.addHighlight({ clipId: clip.id, start: at, end: at + 'tidal energy'.length, note: 'key' });
  const text = (await service.getClip(clip.id)).text;
  const other = await service.clipText({ text: 'Kelp\n\nDivers counted kelp fronds along the reef.', title: 'Kelp' });
  // Closing saves the search index, which keeps the clip's details.
  await service.close();
  const metaFile = path.join(dir, 'clips', clip.id, 'meta.json');
  const damaged = damage(await fs.readFile(metaFile, 'utf8'));
  await fs.writeFile(metaFile, damaged);
  service = await createGlossService({ libraryDir: dir });
  services.push(service);
  const problem = (await service.getLibraryInfo()).problems.find((p) => p.clipId === clip.id)!;
  return { dir, service, clip, other, problem, damaged, text };
}

describe('quarantined clips come back from the app', () => {
  it('repairs a cut-off meta.json from its readable fields, the catalogue, the search index and the highlights, keeping the damaged file', async () => {
    // Cut off after the byline: the title and byline still read; site, dates and address do not.
    const { dir, service, clip, problem, damaged, text } = await damagedLibrary((raw) =>
      raw.slice(0, raw.indexOf('"byline"') + '"byline": "Ann Petrie",'.length + 4),
    );
    expect(problem).toMatchObject({ file: `clips/${clip.id}/meta.json`, clipId: clip.id });
    expect((await service.listClips()).map((c) => c.id)).not.toContain(clip.id);

    // The catalogue file still holds what the store knew before the damage: every detail comes back.
    const full = await service.planClipRepair({ quarantinedAs: problem.quarantinedAs });
    expect(full.meta).toMatchObject({
      site: 'The Eastern Ledger',
      url: 'https://ledger.example/tidal',
      tags: ['energy'],
    });
    expect(full.sources).toMatchObject({
      title: 'meta.json',
      byline: 'meta.json',
      site: 'catalogue',
      tags: 'catalogue',
    });
    // Without it, the search index and the highlights fill in.
    await fs.rm(path.join(dir, 'index', 'catalogue.json'));
    const plan = await service.planClipRepair({ quarantinedAs: problem.quarantinedAs });
    expect(plan.meta).toMatchObject({
      id: clip.id,
      title: 'Tidal power comes of age',
      byline: 'Ann Petrie',
      site: 'The Eastern Ledger',
      published: '2024-08-09',
      url: 'https://ledger.example/tidal',
      clippedAt: clip.clippedAt,
      words: clip.words,
    });
    expect(plan.sources).toMatchObject({
      title: 'meta.json',
      byline: 'meta.json',
      site: 'search index',
      published: 'search index',
      url: 'highlights',
      words: 'article',
    });
    expect(plan.highlights).toBe(1);
    expect(plan.keptAs).toBe(`clips/${clip.id}/meta.json.damaged`);
    // Planning changes nothing.
    expect((await service.getLibraryInfo()).problems).toHaveLength(1);

    const back = await service.repairClip({ quarantinedAs: problem.quarantinedAs });
    expect(back).toMatchObject({ id: clip.id, title: 'Tidal power comes of age', highlightCount: 1 });
    expect((await service.getLibraryInfo()).problems).toEqual([]);
    const doc = await service.getClip(clip.id);
    expect(doc.highlights.map((h) => h.note)).toEqual(['key']);
    expect(doc.text).toBe(text);
    // The damaged file is kept beside the new one, byte for byte; the quarantine folder is empty of it.
    expect(await fs.readFile(path.join(dir, plan.keptAs!), 'utf8')).toBe(damaged);
    await expect(fs.stat(path.join(dir, problem.quarantinedAs))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(service.searchPage({ query: 'turbines' })).resolves.toMatchObject({ total: 1 });

    // It stays repaired after a restart.
    await service.close();
    services.length = 0;
    const again = await createGlossService({ libraryDir: dir });
    services.push(again);
    expect((await again.getLibraryInfo()).problems).toEqual([]);
    expect((await again.getClip(clip.id)).meta.site).toBe('The Eastern Ledger');
  });

  it('rebuilds from the article and the clip id when meta.json is garbage and there is no saved index', async () => {
    const { dir, service, clip, other, problem } = await damagedLibrary(() =>
      Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]),
    );
    await fs.rm(path.join(dir, 'index'), { recursive: true, force: true });
    const plan = await service.planClipRepair({ quarantinedAs: problem.quarantinedAs });
    // The article's first line stands in for the title (the person can edit the details afterwards).
    expect(plan.meta.title).toBe(
      'The estuary turbines ran through every winter storm without a single unplanned stop.',
    );
    expect(plan.sources.title).toBe('article');
    expect(plan.sources.clippedAt).toBe('highlights');
    expect(plan.meta.origin).toBe('url');
    await service.repairClip({ quarantinedAs: problem.quarantinedAs });
    expect((await service.listClips()).map((c) => c.id).sort()).toEqual([clip.id, other.id].sort());
  });

  it('restores a folder as is only once its meta.json reads again, saying what is still wrong before', async () => {
    let good = '';
    const { dir, service, clip, problem } = await damagedLibrary((raw) => {
      good = raw;
      return raw.replace('"title": "Tidal power comes of age"', '"title": 42');
    });
    const input = { quarantinedAs: problem.quarantinedAs };
    await expect(service.restoreQuarantinedClip(input)).rejects.toMatchObject({
      code: 'corrupt-file',
      message: expect.stringMatching(/still damaged: meta\.json does not have the expected shape \(title/),
    });
    // Still in quarantine and still listed.
    expect((await service.getLibraryInfo()).problems.map((p) => p.quarantinedAs)).toEqual([problem.quarantinedAs]);

    // The person fixes the file by hand.
    await fs.writeFile(path.join(dir, problem.quarantinedAs, 'meta.json'), good);
    await expect(service.restoreQuarantinedClip(input)).resolves.toMatchObject({ id: clip.id, highlightCount: 1 });
    expect((await service.getLibraryInfo()).problems).toEqual([]);
    expect((await service.getClip(clip.id)).meta.tags).toEqual(['energy']);
    // Nothing else was written into the folder.
    expect((await fs.readdir(path.join(dir, 'clips', clip.id))).sort()).toEqual([
      'annotations.json',
      'article.html',
      'article.txt',
      'meta.json',
    ]);
  });

  it('names only quarantined clips: paths elsewhere are refused at the API, unlisted folders are not found', async () => {
    const { service, other, problem } = await damagedLibrary((raw) => raw.slice(0, 20));
    for (const quarantinedAs of ['quarantine/../clips', `clips/${other.id}`, '/etc', 'quarantine/a/b']) {
      const answer = await dispatchApiCall(service, 'repairClip', [{ quarantinedAs }]);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    await expect(
      service.repairClip({ quarantinedAs: 'quarantine/2020-01-01T00-00-00-000Z-abc-clip' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    // Once the clip is back, its old quarantine name is no longer listed.
    await service.repairClip({ quarantinedAs: problem.quarantinedAs });
    await expect(service.restoreQuarantinedClip({ quarantinedAs: problem.quarantinedAs })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('salvages the valid fields of a damaged meta.json one by one', () => {
    expect(
      salvageMetaFields(
        '{"schema":1,"id":"x","title":"A \\"quoted\\" title","words":-3,"byline":null,"tags":["a","b"],"site":"S',
      ),
    ).toEqual({
      title: 'A "quoted" title',
      byline: null,
      tags: ['a', 'b'],
    });
    expect(salvageMetaFields('{"title": 42, "site": "Harbour Review", "clippedAt": "not a date"}')).toEqual({
      site: 'Harbour Review',
    });
    expect(salvageMetaFields('\u0000\u0001')).toEqual({});
  });
});
