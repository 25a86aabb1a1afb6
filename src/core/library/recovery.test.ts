import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const clipFile = (dir: string, id: string, name: string) => path.join(dir, 'clips', id, name);

// Each case runs on a plain open and on an open from the catalogue file saved before the damage: a clip whose
// files changed behind the catalogue's back is read from its files, so it is caught the same way.
describe.each([{ catalogue: false }, { catalogue: true }])('LibraryStore with damaged files (%o)', ({ catalogue }) => {
  const open = (dir: string) => LibraryStore.open(dir, { textOf, catalogue });

  /** A library with a good clip and a victim clip whose files the test then damages. */
  async function setup() {
    const dir = await tempDir();
    const store = await open(dir);
    const good = await store.createClip(draft('Good'));
    const victim = await store.createClip(draft('Victim'));
    await store.writeAnnotations(good.id, [highlight(good.id, 'h1')]);
    await store.close();
    return { dir, good, victim };
  }

  async function expectVictimQuarantined(dir: string, victimId: string, goodId: string, reason: RegExp) {
    const store = await open(dir);
    expect(store.list().map((m) => m.id)).toEqual([goodId]);
    expect(await store.readAnnotations(goodId)).toHaveLength(1);
    const problems = store.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(reason);
    expect(problems[0]!.quarantinedAs).toMatch(new RegExp(`^quarantine/.+-${victimId}-clip$`));
    // Moved whole, not deleted: the article is still there.
    expect(await fs.readFile(path.join(dir, problems[0]!.quarantinedAs, 'article.html'), 'utf8')).toContain(
      'Negotiations',
    );
    expect(await fs.readFile(path.join(dir, problems[0]!.quarantinedAs + '.reason.txt'), 'utf8')).toMatch(reason);
    await expect(fs.stat(path.join(dir, 'clips', victimId))).rejects.toMatchObject({ code: 'ENOENT' });

    // Still reported after a restart, and not quarantined twice.
    const again = await open(dir);
    expect(again.problems()).toEqual(problems);
    expect(again.list().map((m) => m.id)).toEqual([goodId]);
    return problems[0]!;
  }

  it('quarantines a clip with truncated meta.json', async () => {
    const { dir, good, victim } = await setup();
    const file = clipFile(dir, victim.id, 'meta.json');
    const raw = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, raw.slice(0, raw.length / 2));
    const problem = await expectVictimQuarantined(dir, victim.id, good.id, /meta\.json is not valid JSON/);
    expect(problem.file).toBe(`clips/${victim.id}/meta.json`);
  });

  it('quarantines a clip whose meta.json is garbage bytes', async () => {
    const { dir, good, victim } = await setup();
    await fs.writeFile(clipFile(dir, victim.id, 'meta.json'), Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x80]));
    await expectVictimQuarantined(dir, victim.id, good.id, /not valid JSON/);
  });

  it('quarantines a clip whose meta.json has the wrong shape', async () => {
    const { dir, good, victim } = await setup();
    await fs.writeFile(clipFile(dir, victim.id, 'meta.json'), JSON.stringify({ schema: 1, id: victim.id, title: 42 }));
    await expectVictimQuarantined(dir, victim.id, good.id, /does not have the expected shape \(title:/);
  });

  it('says when meta.json was made by a newer version of Gloss', async () => {
    const { dir, good, victim } = await setup();
    const file = clipFile(dir, victim.id, 'meta.json');
    const meta = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...meta, schema: 2 }));
    await expectVictimQuarantined(dir, victim.id, good.id, /made by a newer version of Gloss/);
  });

  it('quarantines a clip whose article.html is missing', async () => {
    const { dir, good, victim } = await setup();
    await fs.rm(clipFile(dir, victim.id, 'article.html'));
    const store = await open(dir);
    expect(store.list().map((m) => m.id)).toEqual([good.id]);
    expect(store.problems()[0]!.reason).toMatch(/article\.html is missing/);
  });

  it('quarantines a clip folder that has files but no meta.json', async () => {
    const { dir, good, victim } = await setup();
    await fs.rm(clipFile(dir, victim.id, 'meta.json'));
    const store = await open(dir);
    expect(store.list().map((m) => m.id)).toEqual([good.id]);
    expect(store.problems()[0]).toMatchObject({
      file: `clips/${victim.id}/meta.json`,
      reason: expect.stringMatching(/meta\.json is missing/),
    });
  });

  it('quarantines just a damaged annotations.json; the clip opens with no highlights', async () => {
    const { dir, good } = await setup();
    await fs.writeFile(clipFile(dir, good.id, 'annotations.json'), '{"schema":1,"clipId":"');
    const store = await open(dir);
    expect(store.list()).toHaveLength(2);
    expect(await store.readAnnotations(good.id)).toEqual([]);
    const [problem] = store.problems();
    expect(problem).toMatchObject({ file: `clips/${good.id}/annotations.json` });
    expect(problem!.quarantinedAs).toMatch(new RegExp(`^quarantine/.+-${good.id}-annotations\\.json$`));
    expect(await fs.readFile(path.join(dir, problem!.quarantinedAs), 'utf8')).toBe('{"schema":1,"clipId":"');
    // New highlights can be saved again.
    await store.writeAnnotations(good.id, [highlight(good.id, 'h2')]);
    expect((await open(dir)).problems()).toHaveLength(1);
  });

  it('quarantines annotations with an invalid selector (start after end)', async () => {
    const { dir, good } = await setup();
    const h = highlight(good.id, 'h1');
    h.target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 3 };
    await fs.writeFile(
      clipFile(dir, good.id, 'annotations.json'),
      JSON.stringify({ schema: 1, clipId: good.id, highlights: [h] }),
    );
    const store = await open(dir);
    expect(await store.readAnnotations(good.id)).toEqual([]);
    expect(store.problems()[0]!.reason).toMatch(/start must not be after end/);
  });

  it('cleans temp files left by killed writes and ignores half-created clips', async () => {
    const { dir, good, victim } = await setup();
    const leftover = path.join(dir, 'clips', good.id, '.annotations.json.a1b2c3d4e5f6.tmp');
    await fs.writeFile(leftover, '{"schema":1,"cl');
    await fs.mkdir(path.join(dir, 'clips', '20240101-emptyemp'));
    const store = await open(dir);
    await expect(fs.stat(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.stat(path.join(dir, 'clips', '20240101-emptyemp'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(store.list()).toHaveLength(2);
    expect(store.problems()).toEqual([]);
    expect(victim.id).toBeTruthy();
  });
});
