/**
 * The XSS canary for the UI tests: arms a harness's page (before it opens) so that any payload that runs is
 * recorded. `__xss(n)` reports from any frame; dialogs, frames attached, navigation away from the app,
 * uncaught page errors and any non-image request to another host count too (nothing leaves the machine:
 * other hosts are answered here, with script that calls the canary).
 */
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

/**
 * Opens every clip of the library in the reader (waiting for the highlight panel where a clip has
 * highlights), lets payloads settle, and returns the clips after which something fired.
 */
export async function openEveryClip(h: Harness, fired: string[]): Promise<string[]> {
  const { page } = h;
  const failures: string[] = [];
  for (const clip of await h.service().listClips()) {
    await page.locator(`.clip-row[data-clip-id="${clip.id}"]`).click();
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
