/**
 * Long work in the real renderer against the real core: exporting and importing through Settings with the
 * jobs panel's progress and counts, exporting one collection from the library, cancelling a long import
 * (pages fetched from a slow local server), backing up and restoring into a new folder, and moving the
 * library to another folder (copied, verified, switched; the old folder untouched). The native dialogs
 * answer with prepared temp paths (Harness.answerDialogs).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { tempDir } from '../../src/core/library/testHelpers';
import type { Harness } from './harness';
import { REPO_ROOT, SCREENSHOTS_DIR, startHarness } from './harness';

const SHOTS = SCREENSHOTS_DIR;
/** Pictures only for looking at, never for the README. */
const TEST_SHOTS = join(REPO_ROOT, 'test-results/screenshots');
const READWISE_CSV = join(REPO_ROOT, 'test/fixtures/import/readwise-export.csv');

/** A local site whose articles take a while to arrive, so an import of them runs long enough to cancel. */
async function slowSite(delayMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const n = /^\/article\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (!n) return void res.writeHead(404).end();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>Slow article ${n}</title></head><body><article><h1>Slow article ${n}</h1>` +
          `<p>Article ${n} describes how the estuary's salt marsh absorbed the spring floods, acre by acre, over a decade of careful survey work.</p>` +
          `<p>Volunteers measured sediment, counted birds and mapped the creeks that carry the tide in and out twice a day.</p></article></body></html>`,
      );
    }, delayMs);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The library's files with their SHA-256, but the search index (a cache Gloss saves whenever it likes). */
async function libraryFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(dir, { recursive: true })).sort()) {
    if (rel === 'index' || rel.startsWith(`index${sep}`) || !(await stat(join(dir, rel))).isFile()) continue;
    out[rel] = createHash('sha256')
      .update(await readFile(join(dir, rel)))
      .digest('hex');
  }
  return out;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Jobs' });
const job = (page: Page, title: string) => panel(page).getByRole('article', { name: title });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Library', level: 2 }).waitFor();
}

describe('Gloss UI: long jobs with progress', { timeout: 120_000 }, () => {
  let h: Harness;
  let work: string;
  let site: { server: Server; url: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(TEST_SHOTS, { recursive: true });
    work = await tempDir('e2e-jobs');
    site = await slowSite(300);
    h = await startHarness();
    for (const [i, topic] of ['tidal turbines', 'curlew nesting', 'kelp recovery'].entries()) {
      const clip = await h.service().clipText({
        text: `Field report ${i + 1} on ${topic}. The survey found more than expected.`,
        title: `Report on ${topic}`,
      });
      if (i < 2) await h.service().updateClip({ id: clip.id, collections: ['Coast'] });
    }
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
    await new Promise((ok) => site?.server.close(ok));
  });

  it('exports the library as Markdown from Settings and says how many clips it wrote', async () => {
    const { page } = h;
    await openSettings(page);
    // Folder dialogs answer with folders that exist (made in the dialog if need be).
    const out = join(work, 'vault');
    mkdirSync(out);
    h.answerDialogs(out);
    await page.getByRole('button', { name: 'Export as Markdown…' }).click();
    const exported = job(page, 'Export the library as Markdown');
    await exported.getByText(`Exported 3 clips as Markdown to ${out}.`).waitFor();
    expect((await readdir(out)).filter((f) => f.endsWith('.md')).sort()).toEqual([
      'Report on curlew nesting.md',
      'Report on kelp recovery.md',
      'Report on tidal turbines.md',
    ]);
    await exported.getByRole('button', { name: /^Close/ }).click();
    await exported.waitFor({ state: 'detached' });
    expect(await h.service().listJobs()).toEqual([]);
    h.assertNoErrors();
  });

  it('exports one collection from the library list', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.getByRole('group', { name: 'Collections' }).getByRole('button', { name: /Coast/ }).click();
    const out = join(work, 'coast');
    mkdirSync(out);
    h.answerDialogs(out);
    await page.getByRole('button', { name: 'Export “Coast” as Markdown…' }).click();
    await job(page, 'Export “Coast” as Markdown').getByText(`Exported 2 clips as Markdown to ${out}.`).waitFor();
    expect(await readdir(out)).toHaveLength(2);
    await job(page, 'Export “Coast” as Markdown')
      .getByRole('button', { name: /^Close/ })
      .click();

    // The same from the collection's context menu.
    const viaMenu = join(work, 'coast-menu');
    mkdirSync(viaMenu);
    h.answerDialogs(viaMenu);
    await page
      .getByRole('group', { name: 'Collections' })
      .getByRole('button', { name: /Coast/ })
      .click({ button: 'right' });
    await page
      .getByRole('menu', { name: 'Collection “Coast”' })
      .getByRole('menuitem', { name: 'Export as Markdown…' })
      .click();
    await job(page, 'Export “Coast” as Markdown').getByText(`Exported 2 clips as Markdown to ${viaMenu}.`).waitFor();
    expect(await readdir(viaMenu)).toHaveLength(2);
    await job(page, 'Export “Coast” as Markdown')
      .getByRole('button', { name: /^Close/ })
      .click();
    await page.getByRole('group', { name: 'Collections' }).getByRole('button', { name: /Coast/ }).click();
    h.assertNoErrors();
  });

  it('imports a Readwise CSV from the command palette and reports the counts; a cancelled dialog starts nothing', async () => {
    const { page } = h;
    h.answerDialogs(null);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Type a command or a clip title' }).fill('Import from Readwise');
    await page.keyboard.press('Enter');
    await expect.poll(() => h.service().listJobs()).toEqual([]);

    h.answerDialogs(READWISE_CSV);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Type a command or a clip title' }).fill('Import from Readwise');
    await page.keyboard.press('Enter');
    const imported = job(page, 'Import from Readwise');
    await imported.getByText('Imported 2 clips, merged 0, skipped 0, 4 highlights added.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.getByRole('list', { name: 'Clips' }).getByText('Tidal Power Comes of Age').waitFor();
    await imported.getByRole('button', { name: /^Close/ }).click();
    h.assertNoErrors();
  });

  it('shows a long import’s progress and cancels it, keeping what was fully imported', async () => {
    const { page } = h;
    const csv = join(work, 'pocket.csv');
    const rows = Array.from(
      { length: 30 },
      (_, i) => `Slow article ${i + 1},${site.url}/article/${i + 1},1700000000,,unread`,
    );
    await writeFile(csv, `title,url,time_added,tags,status\n${rows.join('\n')}\n`);
    await openSettings(page);
    h.answerDialogs(csv);
    await page.getByRole('group', { name: 'Import' }).getByRole('button', { name: 'Pocket…' }).click();
    const importing = job(page, 'Import from Pocket');
    const bar = importing.getByRole('progressbar');
    await bar.waitFor();
    await importing
      .getByRole('status')
      .filter({ hasText: /^[2-9] of 30/ })
      .waitFor();
    expect(Number(await bar.getAttribute('max'))).toBe(30);
    // The README's picture of Settings' Library section, with an import in progress.
    await page.screenshot({ path: join(SHOTS, 'settings-library.png') });
    await importing.getByRole('button', { name: 'Cancel' }).click();
    const summary = importing
      .getByRole('status')
      .filter({ hasText: /^Cancelled; kept what was imported: imported (\d+) clips/ });
    await summary.waitFor();
    // Settings with the jobs panel open passes axe (WCAG AA, contrast included) in both themes.
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    // Buttons fade to the new theme's colours: a violation that stays is one, a fading one is not.
    await expect.poll(() => seriousViolations(page), { timeout: 5000 }).toEqual([]);
    await page.screenshot({ path: join(TEST_SHOTS, 'job-cancelled-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    const kept = Number(/imported (\d+) clips/.exec((await summary.textContent()) ?? '')![1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(30);
    const slow = (await h.service().listClips()).filter((c) => c.title.startsWith('Slow article'));
    expect(slow).toHaveLength(kept);
    expect(slow.every((c) => !c.placeholder)).toBe(true);
    await importing.getByRole('button', { name: /^Close/ }).click();
    h.assertNoErrors();
  });

  it('shows why a job failed: a damaged backup is refused and the folder stays empty', async () => {
    const { page } = h;
    await openSettings(page);
    const damaged = join(work, 'damaged.backup');
    await writeFile(damaged, 'this is not a gzip file');
    const into = join(work, 'restore-damaged');
    mkdirSync(into);
    h.answerDialogs(damaged, into);
    await page.getByRole('button', { name: 'Restore…' }).click();
    const failed = job(page, 'Restore a backup');
    await failed
      .getByRole('alert')
      .filter({ hasText: /^The backup cannot be restored: the file is damaged or incomplete/ })
      .waitFor();
    expect(await readdir(into)).toEqual([]);
    await failed.getByRole('button', { name: /^Close/ }).click();
    h.assertNoErrors();
  });

  it('backs up, restores into a new folder and opens the restored library', async () => {
    const { page } = h;
    await openSettings(page);
    const file = join(work, 'gloss.backup');
    h.answerDialogs(file);
    await page.getByRole('button', { name: 'Back up…' }).click();
    await job(page, 'Back up the library')
      .getByText(/^Backed up \d+ clips and 4 highlights/)
      .waitFor();
    expect(existsSync(file)).toBe(true);
    await job(page, 'Back up the library')
      .getByRole('button', { name: /^Close/ })
      .click();

    const into = join(work, 'restored');
    mkdirSync(into);
    h.answerDialogs(file, into);
    await page.getByRole('button', { name: 'Restore…' }).click();
    const restored = job(page, 'Restore a backup');
    await restored.getByText(new RegExp(`^Restored \\d+ clips and 4 highlights into ${into}`)).waitFor();
    const count = (await h.service().listClips()).length;
    await restored.getByRole('button', { name: 'Open this library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 2 }).waitFor();
    await expect.poll(() => h.service().libraryPath).toBe(into);
    await page.locator('.settings-path', { hasText: into }).waitFor();
    expect(await h.service().listClips()).toHaveLength(count);
    h.assertNoErrors();
  });

  it('moves the library to a new folder with progress, switches to it and leaves the old one untouched', async () => {
    const { page } = h;
    await openSettings(page);
    const from = h.service().libraryPath;
    const before = await libraryFiles(from);
    const titles = (await h.service().listClips()).map((c) => c.title).sort();
    // A folder that is not empty is refused before anything is copied.
    const full = join(work, 'full');
    mkdirSync(full);
    await writeFile(join(full, 'keep.txt'), 'mine');
    h.answerDialogs(full);
    await page.getByRole('button', { name: 'Move…' }).click();
    await page.getByText('Couldn’t move the library').waitFor();
    await page.getByText(`${full} is not empty (1 item); choose an empty or new folder.`).waitFor();
    expect(await readdir(full)).toEqual(['keep.txt']);
    expect(h.service().libraryPath).toBe(from);

    const to = join(work, 'moved', 'Gloss Library');
    mkdirSync(to, { recursive: true });
    h.answerDialogs(to);
    await page.getByRole('button', { name: 'Move…' }).click();
    const moved = job(page, 'Move the library');
    await moved
      .getByText(
        new RegExp(`^Moved the library \\(\\d+ files, \\d+ KB\\) to ${to}\\. The old folder ${from} is untouched`),
      )
      .waitFor();
    await page.locator('.settings-path', { hasText: to }).waitFor();
    expect(h.service().libraryPath).toBe(to);
    expect((await h.service().getSettings()).libraryPath).toBe(to);
    expect((await h.service().listClips()).map((c) => c.title).sort()).toEqual(titles);
    expect(await libraryFiles(from)).toEqual(before);
    expect(await readFile(join(to, 'clips', (await h.service().listClips())[0]!.id, 'meta.json'), 'utf8')).toContain(
      '"title"',
    );
    await page.screenshot({ path: join(TEST_SHOTS, 'library-moved.png') });
    h.assertNoErrors();
  });
});
