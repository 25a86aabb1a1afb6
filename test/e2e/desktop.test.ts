/**
 * The desktop experience in the real renderer against the real core: first run with the sample article,
 * settings and themes that persist, the reader's Aa preferences, the command palette and shortcuts sheet,
 * menu commands, undo of deletions, and dropped files.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, occupyPort } from '../../src/core/endpoint/testNetwork';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, SEED_TITLE, startHarness, VIEWPORT } from './harness';

const SHOTS = SCREENSHOTS_DIR;
const theme = (h: Harness) => h.page.evaluate('document.documentElement.dataset.theme');

/** Screenshots a view that scrolls (`.page`) whole: the window grows to fit it for the shot, then shrinks back. */
async function screenshotWhole(h: Harness, path: string): Promise<void> {
  const overflow = await h.page.locator('.page').evaluate((el) => el.scrollHeight - el.clientHeight);
  await h.page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height + Math.max(0, overflow) });
  try {
    await h.page.screenshot({ path });
  } finally {
    await h.page.setViewportSize(VIEWPORT);
  }
}

describe('Gloss UI: desktop conventions', () => {
  let h: Harness;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({ firstRun: true });
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('welcomes a new install and clips the sample article', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Welcome to Gloss' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'welcome.png') });
    await page.getByRole('button', { name: 'Try it with a sample article' }).click();
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    await expect(h.service().getSettings()).resolves.toMatchObject({ firstRunDone: true });
    h.assertNoErrors();
  });

  it('changes the reader’s text size and font from the Aa popover, and keeps them after a restart', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Reading preferences' }).click();
    const prefs = page.getByRole('dialog', { name: 'Reading preferences' });
    await prefs.getByRole('button', { name: 'Larger text size' }).click();
    await prefs.getByRole('button', { name: 'Larger text size' }).click();
    await prefs.getByRole('radio', { name: 'Sans' }).check();
    await prefs.getByRole('radio', { name: 'Sepia' }).check();
    await expect(theme(h)).resolves.toBe('sepia');
    await page.screenshot({ path: join(SHOTS, 'reader-sepia.png') });
    await page.keyboard.press('Escape');
    await prefs.waitFor({ state: 'hidden' });
    const size = () => page.locator('.reader-article').evaluate((el) => getComputedStyle(el).fontSize);
    await expect(size()).resolves.toBe('21px');

    // Scroll part way down; the reader comes back there, on the same clip, after a restart.
    await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2));
    await expect
      .poll(async () => Object.keys((await h.service().getSettings()).lastRead).length, { timeout: 5000 })
      .toBe(1);
    await h.restart({ keepView: true });
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    await expect(size()).resolves.toBe('21px');
    await expect(theme(h)).resolves.toBe('sepia');
    await expect
      .poll(() => page.locator('.reader-scroll').evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
      .toBeGreaterThan(0.4);
    h.assertNoErrors();
  });

  it('moves the bookmarklet’s endpoint to another port from Settings, and keeps the old one when the new is busy', async () => {
    const { page } = h;
    const before = (await h.service().startClipEndpoint()).port!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Clip from your browser' });
    await section.getByText(String(before), { exact: true }).waitFor();
    const port = section.getByRole('spinbutton', { name: 'Port' });
    const change = section.getByRole('button', { name: 'Change port' });

    await port.fill('80');
    await change.click();
    await expect(section.getByRole('alert').textContent()).resolves.toBe(
      'The port must be a whole number from 1024 to 65535.',
    );

    const busy = await occupyPort();
    try {
      await port.fill(String(busy.port));
      await change.click();
      await expect
        .poll(() => section.getByRole('alert').textContent())
        .toBe(
          `Port ${busy.port} is in use by another program (or not allowed). Gloss keeps listening on port ${before}.`,
        );
      await expect(h.service().getClipEndpoint()).resolves.toMatchObject({ running: true, port: before });
    } finally {
      await new Promise((ok) => busy.server.close(ok));
    }

    const free = await freePort();
    await port.fill(String(free));
    await change.click();
    await section.getByRole('status').filter({ hasText: 'Port changed' }).waitFor();
    await section.getByText(String(free), { exact: true }).waitFor();
    await expect(h.service().getClipEndpoint()).resolves.toMatchObject({ running: true, port: free });
    await expect(h.service().getSettings()).resolves.toMatchObject({ clipEndpoint: { port: free } });
    await expect(section.getByRole('alert').count()).resolves.toBe(0);
    // Leave Settings so the next visit starts afresh (the settings picture shows no leftover status).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    h.assertNoErrors();
  });

  it('follows the system theme, or the theme chosen in Settings', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'System' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(h)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(h)).toBe('light');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(theme(h)).resolves.toBe('dark');
    await page.getByText('Node.js').waitFor();
    await screenshotWhole(h, join(SHOTS, 'settings.png'));
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect((await h.service().getSettings()).theme).toBe('light');
    h.assertNoErrors();
  });

  it('lists every command in the palette (Ctrl+K) and jumps to a clip by title', async () => {
    const { page } = h;
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('option', { name: /Go to Library/ }).waitFor();
    await expect(palette.getByRole('option', { name: /Settings/ }).textContent()).resolves.toContain('Ctrl+,');
    await page.screenshot({ path: join(SHOTS, 'palette.png') });
    await page.keyboard.type('truce putin');
    await palette.getByRole('option', { name: /Truce Agreement/ }).waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();

    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.getByText('Command palette').waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    h.assertNoErrors();
  });

  it('runs commands sent by the native menu', async () => {
    const { page } = h;
    h.service().sendCommand('go-settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    h.service().sendCommand('toggle-theme');
    await expect.poll(() => theme(h)).toBe('dark');
    h.service().sendCommand('theme-light');
    await expect.poll(() => theme(h)).toBe('light');
    h.assertNoErrors();
  });

  it('undoes deleting a clip and deleting a highlight from the toast', async () => {
    const { page } = h;
    const [clip] = await h.service().listClips();
    await h.service().addHighlight({ clipId: clip!.id, start: 0, end: 20 });
    await page.keyboard.press('Control+1');
    await page.locator('.clip-row').first().click();
    await page.getByRole('button', { name: 'Delete clip' }).click();
    await page
      .getByRole('group', { name: 'Confirm deletion' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Clip deleted' }).getByRole('button', { name: 'Undo' }).click();
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    await expect(h.service().getClip(clip!.id)).resolves.toMatchObject({
      highlights: [{ anchor: { start: 0, end: 20 } }],
    });

    const panel = page.getByRole('complementary', { name: 'Highlights' });
    await panel
      .getByRole('button', { name: /Delete highlight/ })
      .first()
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Highlight deleted' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(async () => (await h.service().getClip(clip!.id)).highlights.length).toBe(1);
    h.assertNoErrors();
  });

  it('clips files and links dropped onto the window, one progress row each', async () => {
    const { page } = h;
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['# Dropped notes\\n\\nA short Markdown note about marginalia and slow reading.'], 'notes.md', { type: 'text/markdown' }));
      data.items.add(new File(['<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1><p>' + 'A saved web page with enough words to be an article. '.repeat(20) + '</p></article></body></html>'], 'saved.html', { type: 'text/html' }));
      data.items.add(new File(['binary'], 'photo.png', { type: 'image/png' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    })()`);
    const rows = page.getByRole('region', { name: 'Dropped files' });
    await rows.getByRole('button', { name: /Open “Saved page”/ }).waitFor();
    await rows.getByRole('button', { name: /Open “Dropped notes”/ }).waitFor();
    await rows.getByText('photo.png is not a web page, Markdown, text or PDF file').waitFor();
    await expect(h.service().listClips()).resolves.toHaveLength(3);
    await rows.getByRole('button', { name: 'Done' }).click();
    h.assertNoErrors();
  });

  it('offers to update or keep both when a dropped page is already in the library', async () => {
    const { page } = h;
    const dropSaved = (words: string) =>
      page.evaluate(`(() => {
        const data = new DataTransfer();
        data.items.add(new File(['<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1><p>' + ${JSON.stringify(words)}.repeat(20) + '</p></article></body></html>'], 'saved.html', { type: 'text/html' }));
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
      })()`);
    const [saved] = (await h.service().listClips()).filter((c) => c.title === 'Saved page');
    await h.service().addHighlight({ clipId: saved!.id, start: 11, end: 30 });
    await dropSaved('A saved web page with enough words to be an article. ');
    const rows = page.getByRole('region', { name: 'Dropped files' });
    const offer = rows.locator('.duplicate-offer');
    // A prompt, not an error: the app's date format and one primary button.
    await expect
      .poll(() => offer.textContent())
      .toMatch(/^“Saved page” is already in your library \(clipped [A-Z][a-z]{2} \d{1,2}, \d{4}\)\. Update it/);
    expect(await offer.getAttribute('role')).toBe('status');
    expect(await offer.locator('.button.primary').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'drop-duplicate.png') });
    await offer.getByRole('button', { name: 'Update existing (keeps highlights)' }).click();
    await rows.getByRole('button', { name: /Open “Saved page”/ }).waitFor();
    await expect(h.service().listClips()).resolves.toHaveLength(3);
    await expect(h.service().getClip(saved!.id)).resolves.toMatchObject({
      highlights: [{ anchor: { start: 11, end: 30 } }],
    });
    await rows.getByRole('button', { name: 'Done' }).click();

    await dropSaved('A saved web page with enough words to be an article. ');
    await rows.locator('.duplicate-offer').getByRole('button', { name: 'Keep both' }).click();
    await rows.getByRole('button', { name: /Open “Saved page”/ }).waitFor();
    await expect(h.service().listClips()).resolves.toHaveLength(4);
    await rows.getByRole('button', { name: 'Done' }).click();
    h.assertNoErrors();
  });

  it('opens a context menu on a clip from the keyboard and deletes the clip from it', async () => {
    const { page } = h;
    await page.keyboard.press('Control+1');
    const row = page.locator('.clip-row', { hasText: 'Dropped notes' });
    await row.focus();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Dropped notes' });
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      'Open',
      'Export citation…',
      'Delete clip',
    ]);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Clip deleted' }).waitFor();
    await expect(h.service().listClips()).resolves.toHaveLength(3);
    h.assertNoErrors();
  });

  it('offers the same choice for a file opened from the clip dialog that is already in the library', async () => {
    const { page } = h;
    const before = (await h.service().listClips()).length;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('tab', { name: 'Files' }).click();
    const words = 'A saved web page with enough words to be an article. '.repeat(20);
    await dialog.locator('input[type=file]').setInputFiles([
      {
        name: 'saved.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          `<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1><p>${words}</p></article></body></html>`,
        ),
      },
    ]);
    await dialog.getByRole('status').filter({ hasText: '0 of 1 clipped, 1 already in your library.' }).waitFor();
    const offer = dialog.locator('.files-results .duplicate-offer');
    await expect(offer.textContent()).resolves.toContain('“Saved page” is already in your library');
    await page.screenshot({ path: join(SHOTS, 'clip-files-duplicate.png') });
    await offer.getByRole('button', { name: 'Keep both' }).click();
    await dialog.getByText('Clipped: Saved page').waitFor();
    await expect(dialog.getByRole('status').filter({ hasText: '1 of 1 clipped.' }).count()).resolves.toBe(1);
    await expect(h.service().listClips()).resolves.toHaveLength(before + 1);
    await dialog.getByRole('button', { name: 'Done' }).click();
    h.assertNoErrors();
  });
});
