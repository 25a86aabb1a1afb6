/**
 * Browser-side measures of the renderer at scale, run in the page through the UI-test harness. Each is the
 * source of a function (the bench is type-checked without the DOM library) that returns milliseconds or
 * numbers. "Painted" is the next animation frame after the DOM shows the thing, plus a task: the frame that
 * drew it has been produced.
 */

/** Shared helpers, prepended to each measure. */
const HELPERS = `
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
const until = (test, timeout = 30000) => new Promise((ok) => {
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

/**
 * Arms a clock on the next keydown (the key itself is pressed by the bench, as a person would), and notes each
 * call the page makes to the core through the harness's binding from then on (method, query, sent, answered).
 * The clock starts at the key event's own time stamp (when the browser took the key, before the page's main
 * thread got to it). In the search box, it also starts watching, from the key's `input` event on, for the
 * results of the box's new text in the DOM, and notes the end of the next frame after they are there
 * (`__resultsPainted`): watching from the key itself, not from when the bench's next call reaches the page
 * (a round trip through Node that can land after the results were drawn and add a frame that is not the app's).
 */
export const ARM_KEY = `() => {
  window.__keyAt = null;
  window.__calls = [];
  if (!window.__callsWatched) {
    window.__callsWatched = true;
    const invoke = window.__glossInvoke;
    window.__glossInvoke = (method, args) => {
      const call = { method, query: args && args[0] && args[0].query, at: performance.now(), done: null };
      window.__calls.push(call);
      const answered = () => { call.done = performance.now(); };
      const p = invoke(method, args);
      p.then(answered, answered);
      return p;
    };
  }
  window.addEventListener('keydown', (e) => { window.__keyAt = e.timeStamp; window.__keyHandledAt = performance.now(); }, { capture: true, once: true });
  const box = document.querySelector('.search-box input');
  window.__resultsPainted = !box ? null : new Promise((ok) => {
    const shown = () => document.querySelector('.page.search')?.getAttribute('data-searched') === box.value.trim();
    let observer = null;
    const timer = setTimeout(() => { observer?.disconnect(); ok(null); }, 30000);
    const check = () => {
      if (!shown()) return false;
      observer?.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0));
      return true;
    };
    // The box's own listener runs before the app's (React's, on its root element): the text is new, the results
    // still the old text's, unless the text's words did not change (a space typed).
    box.addEventListener('input', () => {
      if (check()) return;
      observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }, { once: true });
  });
}`;

/** After Escape in the reader: the time from the key to the library's rows painted again. */
export const BACK_DONE = measure(`
  await until(shownRow);
  await painted();
  return performance.now() - window.__keyAt;
`);

/**
 * A keystroke in the search box (armed by {@link ARM_KEY}; sent before the key, this only waits): the time
 * from the key to the end of the frame that painted the results of the box's text (`total`), and how long the
 * core took to answer that text's search as the page saw it (`answer`: from the call to its answer, through
 * the harness's binding), so `total - answer` is the renderer's own part.
 */
export const RESULTS_DONE = measure(`
  const input = document.querySelector('.search-box input');
  const paintedAt = await window.__resultsPainted;
  if (paintedAt === null) throw new Error('The results of “' + input.value + '” were not shown within 30 s.');
  const total = paintedAt - window.__keyAt;
  const call = window.__calls.filter((c) => c.method === 'searchPage' && c.query === input.value.trim()).at(-1);
  return { total, answer: call && call.done !== null ? call.done - call.at : 0 };
`);

/** A call that does nothing in the core (`getSettings`) from the page: the harness's own round trip. */
export const NOOP_CALL = measure(`
  const t0 = performance.now();
  await window.gloss.getSettings();
  return performance.now() - t0;
`);

/** `arg` frames of the page doing nothing (rAF deltas): the frame rate this machine gives at the moment. */
export const IDLE_FRAMES = measure(`
  await painted();
  const frames = [];
  let last = 0;
  await new Promise((done) => {
    const step = (now) => {
      if (last) frames.push(now - last);
      last = now;
      if (frames.length >= arg) return done();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return frames;
`);

/**
 * Scrolls the library at a steady `arg.step` pixels a frame, turning back at either end, until it has gone
 * through the whole list once and drawn at least `arg.frames` frames. The scroll place is only written (never
 * read back), so the measure forces no layout of its own; each frame's length is the time between animation
 * frames. Long tasks come from a PerformanceObserver. Returns the frames and long tasks in milliseconds, and the
 * rows drawn in the frames with how many of them were placeholders (rows whose page was not read).
 */
export const SCROLL_LIBRARY = measure(`
  const el = document.querySelector('.library .vlist-scroll');
  el.scrollTop = 0;
  await painted();
  const end = el.scrollHeight - el.clientHeight;
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const frames = [];
  let last = 0, at = 0, way = 1, reachedEnd = end <= 0, rows = 0, placeholders = 0;
  await new Promise((done) => {
    const step = (now) => {
      if (last) frames.push(now - last);
      last = now;
      rows += el.querySelectorAll('.clip-row').length;
      placeholders += el.querySelectorAll('.clip-row.loading-row').length;
      if ((reachedEnd || !arg.whole) && frames.length >= arg.frames) return done();
      at += way * arg.step;
      if (at >= end) { at = end; way = -1; reachedEnd = true; }
      else if (at <= 0) { at = 0; way = 1; }
      el.scrollTop = at;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await painted();
  observer.disconnect();
  return { frames, longTasks, rows, placeholders };
`);

/**
 * The peer of {@link SCROLL_LIBRARY}: the same rows without the app. `arg.rows` copies of the library's drawn
 * rows, fixed in place (no script, no virtualiser), in a scroll area of the same classes in the same page (the
 * library's own is hidden meanwhile), scrolled the same way. What is left is what this machine's Chromium
 * takes to paint, raster and composite those rows at that rate. The copy is removed afterwards.
 */
export const STATIC_SCROLL = measure(`
  const el = document.querySelector('.library .vlist-scroll');
  await until(() => el.querySelector('.vlist > li [data-clip-id]'));
  const drawn = [...el.querySelectorAll('.vlist > li')].filter((li) => li.querySelector('[data-clip-id]'));
  const height = drawn[0].getBoundingClientRect().height;
  const copy = el.cloneNode(false);
  const list = el.querySelector('.vlist').cloneNode(false);
  list.style.height = arg.rows * height + 'px';
  for (let i = 0; i < arg.rows; i++) {
    const li = drawn[i % drawn.length].cloneNode(true);
    li.style.transform = 'translateY(' + i * height + 'px)';
    li.querySelector('[tabindex]')?.setAttribute('tabindex', '-1');
    list.appendChild(li);
  }
  copy.appendChild(list);
  el.style.display = 'none';
  el.after(copy);
  try {
    await painted();
    const end = copy.scrollHeight - copy.clientHeight;
    const frames = [];
    let last = 0, at = 0, way = 1;
    await new Promise((done) => {
      const step = (now) => {
        if (last) frames.push(now - last);
        last = now;
        if (frames.length >= arg.frames) return done();
        at += way * arg.step;
        if (at >= end) { at = end; way = -1; }
        else if (at <= 0) { at = 0; way = 1; }
        copy.scrollTop = at;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return frames;
  } finally {
    copy.remove();
    el.style.display = '';
  }
`);
