/**
 * Symbolic links in a library (e.g. synced from elsewhere) are never followed: a clip file or clip folder
 * that is a link is set aside like a damaged file, with the reason, and its target is neither read nor touched.
 * A backup refuses a library holding a link rather than silently leaving the file out.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../backup/create';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

const SECRET = 'root:x:0:0:the file outside the library\n';
const NOT_FOLLOWED =
  /is a link to a (file|folder) outside the (clip|library); Gloss does not follow links in the library\./;

async function setup() {
  const base = await tempDir();
  const dir = path.join(base, 'library');
  const outside = path.join(base, 'outside.txt');
  await fs.writeFile(outside, SECRET);
  const store = await LibraryStore.open(dir, { textOf: (html) => html.replace(/<[^>]+>/g, '') });
  const good = await store.createClip(draft('Good'));
  const victim = await store.createClip(draft('Victim'));
  await store.writeAnnotations(victim.id, [highlight(victim.id, 'h1')]);
  const file = (id: string, name: string) => path.join(dir, 'clips', id, name);
  /** Replaces clip `id`'s file `name` with a link to the file outside the library. */
  const link = async (id: string, name: string) => {
    await fs.rm(file(id, name));
    await fs.symlink(outside, file(id, name));
  };
  return { base, dir, outside, store, good, victim, file, link };
}

describe.skipIf(process.platform === 'win32')('links in the library', () => {
  it('sets aside a clip whose article.html is a link, moving the link and leaving its target alone', async () => {
    const { dir, outside, good, victim, link } = await setup();
    await link(victim.id, 'article.html');
    const store = await LibraryStore.open(dir);
    expect(store.list().map((m) => m.id)).toEqual([good.id]);
    const [problem, ...others] = store.problems();
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: `clips/${victim.id}/article.html`, clipId: victim.id });
    expect(problem!.reason).toMatch(NOT_FOLLOWED);
    expect((await fs.lstat(path.join(dir, problem!.quarantinedAs, 'article.html'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(outside, 'utf8')).toBe(SECRET);
    expect((await store.readArticle(good.id)).html).toBe('<p>Negotiations resumed on Tuesday.</p>');
  });

  it('never shows a linked article.txt or article.html of an open clip, and lists each as a problem', async () => {
    const { store, outside, victim, link, file } = await setup();
    await link(victim.id, 'article.txt');
    expect(await store.readArticleText(victim.id)).toBe('Negotiations resumed on Tuesday.');
    // The link went to quarantine and the text was rebuilt as a real file of the clip.
    expect((await fs.lstat(file(victim.id, 'article.txt'))).isSymbolicLink()).toBe(false);
    await link(victim.id, 'article.html');
    await expect(store.readArticle(victim.id)).rejects.toThrow(NOT_FOLLOWED);
    expect(store.problems().map((p) => [p.file, p.reason])).toEqual([
      [`clips/${victim.id}/article.txt`, expect.stringMatching(NOT_FOLLOWED)],
      [`clips/${victim.id}/article.html`, expect.stringMatching(NOT_FOLLOWED)],
    ]);
    expect(await fs.readFile(outside, 'utf8')).toBe(SECRET);
  });

  it('sets aside a linked annotations.json (the clip stays) and a clip folder that is a link', async () => {
    const { base, dir, good, victim, link } = await setup();
    await link(victim.id, 'annotations.json');
    // A whole clip folder kept elsewhere, linked into the library.
    const elsewhere = path.join(base, 'elsewhere');
    await fs.cp(path.join(dir, 'clips', good.id), elsewhere, { recursive: true });
    await fs.rm(path.join(dir, 'clips', good.id), { recursive: true });
    await fs.symlink(elsewhere, path.join(dir, 'clips', good.id));
    const store = await LibraryStore.open(dir);
    expect(store.list().map((m) => m.id)).toEqual([victim.id]);
    expect(await store.readAnnotations(victim.id)).toEqual([]);
    expect(
      store
        .problems()
        .map((p) => p.file)
        .sort(),
    ).toEqual([`clips/${good.id}`, `clips/${victim.id}/annotations.json`].sort());
    for (const p of store.problems()) expect(p.reason).toMatch(NOT_FOLLOWED);
    expect(await fs.readFile(path.join(elsewhere, 'meta.json'), 'utf8')).toContain(good.id);
  });

  it('leaves a normal library as it is, and a backup refuses a library holding a link, naming it', async () => {
    const { base, dir, store, victim, link } = await setup();
    expect(store.problems()).toEqual([]);
    const reopened = await LibraryStore.open(dir);
    expect(reopened.list()).toHaveLength(2);
    expect(reopened.problems()).toEqual([]);
    await link(victim.id, 'article.txt');
    const out = path.join(base, 'backup.tgz');
    await expect(createBackup(dir, out)).rejects.toThrow(
      `The backup was not made: clips/${victim.id}/article.txt is a link to a file outside the library`,
    );
    await expect(fs.access(out)).rejects.toThrow();
  });
});
