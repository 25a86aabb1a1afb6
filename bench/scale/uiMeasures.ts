/**
 * Browser-side measures of the renderer at scale, run in the page through the UI-test harness. Each is the
 * source of a function (the bench is type-checked without the DOM library) that returns milliseconds or
 * numbers. "Painted" is the next animation frame after the DOM shows the thing, plus a task: the frame that
 * drew it has been produced.
 */

/** Shared helpers, prepended to each measure. */
const HELPERS = `
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
const until = (test, timeout = 30000) => new Promise((ok, fail) => {
  if (test()) return ok();
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (test()) { observer.disconnect(); clearInterval(poll); ok(); }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const poll = setInterval(() => {
    if (test()) { observer.disconnect(); clearInterval(poll); ok(); }
    else if (performance.now() - started > timeout) { observer.disconnect(); clearInterval(poll); fail(new Error('timed out')); }
  }, 50);
});
// A library row on screen (a library kept under the reader is in the page, but not shown).
const shownRow = () => [...document.querySelectorAll('.clip-list .clip-row[data-clip-id]')].find((r) => r.checkVisibility());
const nav = (name) => [...document.querySelectorAll('.nav-item')].find((b) => b.textContent.startsWith(name));
`;

function measure(body: string): string {
  return `async (arg) => {${HELPERS}\n${body}\n}`;
}

/** Click on Library (from another view) → first clip rows painted. */
export const CLICK_LIBRARY = measure(`
  const t0 = performance.now();
  nav('Library').click();
  await until(shownRow);
  await painted();
  return performance.now() - t0;
`);

/** Click on row `arg` of the library → the article's text painted. */
export const OPEN_CLIP = measure(`
  const row = document.querySelector('.clip-list .clip-row[data-row="' + arg + '"]');
  const title = row.querySelector('.clip-title').textContent;
  const t0 = performance.now();
  row.click();
  await until(() => document.querySelector('.article-title')?.textContent === title && document.querySelector('.article-body')?.textContent.length > 0);
  await painted();
  return performance.now() - t0;
`);

/** Arms a clock on the next keydown (the key itself is pressed by the bench, as a person would). */
export const ARM_KEY = `() => {
  window.__keyAt = null;
  window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true, once: true });
}`;

/** After Escape in the reader: the time from the key to the library's rows painted again. */
export const BACK_DONE = measure(`
  await until(shownRow);
  await painted();
  return performance.now() - window.__keyAt;
`);

/** After a keystroke in the search box: the time from the key to the results of the box's text painted. */
export const RESULTS_DONE = measure(`
  const input = document.querySelector('.search-box input');
  await until(() => document.querySelector('.page.search')?.getAttribute('data-searched') === input.value.trim());
  await painted();
  return performance.now() - window.__keyAt;
`);

/**
 * Scrolls the whole library, `arg` pixels a frame, recording each frame's length and every long task
 * (PerformanceObserver). Returns the frames and long tasks in milliseconds.
 */
export const SCROLL_LIBRARY = measure(`
  const el = document.querySelector('.library .vlist-scroll');
  el.scrollTop = 0;
  await painted();
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const frames = [];
  let last = performance.now();
  await new Promise((done) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return done();
      el.scrollTop += arg;
      requestAnimationFrame(step);
    };
    requestAnimationFrame((now) => { last = now; el.scrollTop += arg; requestAnimationFrame(step); });
  });
  await painted();
  observer.disconnect();
  return { frames: frames.slice(1), longTasks, rows: document.querySelectorAll('.clip-list > li').length };
`);
