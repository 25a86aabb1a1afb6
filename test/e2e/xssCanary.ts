/**
 * The XSS canary for the UI tests: arms a harness's page (before it opens) so that any payload that runs is
 * recorded. `__xss(n)` reports from any frame; dialogs, frames attached, navigation away from the app,
 * uncaught page errors and any non-image request to another host count too (nothing leaves the machine:
 * other hosts are answered here, with script that calls the canary).
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

/** Long enough for image errors, autofocus, animations and meta refresh to have fired. */
export const SETTLE_MS = 400;

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const CANARY = `(() => {
  const report = (what) => { try { window.__xssReport(String(what)); } catch {} };
  Object.defineProperty(window, '__xss', { value: (n) => report(n), writable: false, configurable: false });
})();`;

/** Arms the canary on `h` and returns the list every hit is pushed to (empty while nothing ran). */
export async function armCanary(h: Harness): Promise<string[]> {
  const fired: string[] = [];
  const { context, page } = h;
  await context.exposeBinding('__xssReport', (_source, what: string) => void fired.push(`canary called: ${what}`));
  await context.addInitScript({ content: CANARY });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      const req = route.request();
      if (req.resourceType() !== 'image') fired.push(`${req.resourceType()} request to ${req.url()}`);
      return req.resourceType() === 'image'
        ? route.fulfill({ status: 200, contentType: 'image/gif', body: GIF })
        : route.fulfill({ status: 200, contentType: 'text/javascript', body: `__xss('remote ${req.url()}')` });
    },
  );
  page.on('dialog', (dialog) => {
    fired.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('frameattached', (frame) => fired.push(`frame attached: ${frame.url()}`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(h.url)) fired.push(`navigated to ${frame.url()}`);
  });
  page.on('pageerror', (error) => fired.push(`page error: ${error.message}`));
  return fired;
}

/** Proves the armed page would see a payload that ran: a self-test image error must reach `fired`. */
export async function canarySelfTest(h: Harness, fired: string[]): Promise<string[]> {
  await h.page.evaluate(
    `document.body.insertAdjacentHTML('beforeend', '<img id="selftest" src="x" onerror="__xss(\\'self-test\\')">')`,
  );
  const deadline = Date.now() + 10_000;
  while (!fired.length && Date.now() < deadline) await h.page.waitForTimeout(50);
  await h.page.evaluate(`document.getElementById('selftest').remove()`);
  return fired.splice(0);
}

/** The library list's scrolling box (the list is virtualised: only the rows in view are in the page). */
const LIST_SCROLL = `(document.querySelector('.clip-list')?.parentElement ?? null)`;

/**
 * Waits until the library list shows what its scroll position asks for: the rows scrolled into view are drawn
 * on a later frame, and stay placeholders until their page of clips arrives; only then does an absent row mean
 * anything.
 */
async function listSettled(page: Page): Promise<void> {
  await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
  // A function's source, not an expression: Playwright evaluates it once; an expression is eval'd at every poll,
  // which the page's CSP (no 'unsafe-eval') refuses once the first try is not already true.
  await page.waitForFunction(`() => !document.querySelector('.clip-row.loading-row')`);
}

/**
 * Scrolls the virtualised library list from top to bottom, a screenful at a time, so that every row is drawn
 * once; returns the ids of the clips whose rows were drawn.
 */
export async function drawEveryLibraryRow(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.evaluate(`${LIST_SCROLL}.scrollTop = 0`);
  for (;;) {
    await listSettled(page);
    for (const id of await page
      .locator('.clip-row[data-clip-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clip-id') ?? '')))
      seen.add(id);
    const atEnd = await page.evaluate(
      `(() => { const el = ${LIST_SCROLL}; const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1; el.scrollTop += el.clientHeight; return end; })()`,
    );
    if (atEnd) return seen;
  }
}

/** Scrolls the virtualised library list until the row of clip `id` is drawn. */
async function scrollToClipRow(page: Page, id: string): Promise<void> {
  const row = page.locator(`.clip-row[data-clip-id="${id}"]`);
  await page.evaluate(`${LIST_SCROLL}.scrollTop = 0`);
  await listSettled(page);
  while ((await row.count()) === 0) {
    const atEnd = await page.evaluate(
      `(() => { const el = ${LIST_SCROLL}; const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1; el.scrollTop += el.clientHeight; return end; })()`,
    );
    await listSettled(page);
    if (atEnd && (await row.count()) === 0) throw new Error(`No row in the library list for clip ${id}`);
  }
}

/** Clicks the library row of clip `id`, scrolling the list to it (again, if the list re-renders under the click). */
async function clickClipRow(page: Page, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await scrollToClipRow(page, id);
    try {
      await page.locator(`.clip-row[data-clip-id="${id}"]`).click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * Opens every clip of the library in the reader (waiting for the highlight panel where a clip has
 * highlights), lets payloads settle, and returns the clips after which something fired.
 */
export async function openEveryClip(h: Harness, fired: string[]): Promise<string[]> {
  const { page } = h;
  const failures: string[] = [];
  for (const clip of await h.service().listClips()) {
    await page.locator('.clip-list').waitFor();
    await clickClipRow(page, clip.id);
    await page.locator('.article-body').waitFor();
    if (clip.highlightCount > 0 && !clip.placeholder) await page.locator('.hl-item').first().waitFor();
    await page.waitForTimeout(SETTLE_MS);
    if (fired.length) failures.push(`after opening "${clip.title}": ${fired.splice(0).join('; ')}`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Library/ })
      .click();
    await page.locator('.clip-list').waitFor();
  }
  return failures;
}

/** Runs each query in the search view and returns the queries after which something fired. */
export async function searchEach(h: Harness, fired: string[], queries: readonly string[]): Promise<string[]> {
  const { page } = h;
  const failures: string[] = [];
  const box = page.getByRole('combobox', { name: 'Search your library' });
  if (!(await box.isVisible()))
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Search/ })
      .click();
  for (const query of queries) {
    await box.fill(query);
    await page.getByRole('listbox', { name: 'Results' }).locator('.result').first().waitFor();
    await page.waitForTimeout(SETTLE_MS);
    if (fired.length) failures.push(`after searching "${query}": ${fired.splice(0).join('; ')}`);
  }
  return failures;
}
