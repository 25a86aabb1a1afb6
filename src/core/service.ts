/**
 * The Gloss service: GlossApi implemented on the library, clipper, anchoring and search modules.
 * The main process serves it over IPC, the CLI calls it directly, and the UI tests bind it to a page.
 */
import { randomUUID } from 'node:crypto';
import type { GlossApi } from './api';
import { articleText } from './article/text';
import { anchorSelectors } from './anchoring/anchor';
import { describeRange } from './anchoring/describe';
import type { FetchOptions } from './clipper/fetchPage';
import type { ImageOptions } from './clipper/images';
import { GlossError } from './errors';
import { LibraryStore } from './library/store';
import type { AnchoredHighlight, ClipDraft, ClipSummary, Highlight, LibraryProblem } from './model';
import { Catalogue } from './catalogue/catalogue';
import { summarise } from './catalogue/summary';
import { createClipBatch, type ClipBatch } from './libraryClips/clipBatch';
import { SearchKeeper } from './search/searchKeeper';
import { createReadingMethods } from './annotate/readingMethods';
import { createClipMethods } from './libraryClips/clipMethods';
import { createQuarantineMethods } from './libraryClips/quarantineMethods';
import { tidyNames } from './annotate/tags';
import { createNotebookMethods } from './notebook/notebookMethods';
import { PageStore } from './notebook/pageStore';
import { createDesktopMethods, type DesktopMethods, type DesktopOptions } from './desktop/desktopMethods';
import { createEndpointMethods, type EndpointMethods } from './endpoint/endpointMethods';
import { pdfAddressCheck } from './endpoint/pdfAddress';
import { createJobMethods, type JobOptions } from './jobs/jobMethods';
import type { JobRunner } from './jobs/runner';
import { createTrashMethods } from './trash/trashMethods';
import { createCitationMethods } from './export/citationMethods';

/** GlossApi plus what only its owner may do. */
export interface GlossService
  extends GlossApi, Pick<DesktopMethods, 'sendCommand'>, Pick<EndpointMethods, 'startClipEndpoint'> {
  /** The library folder this service works on. */
  readonly libraryPath: string;
  /** Resolves once the search index is complete (it is read, then brought up to date, in the background at start). */
  indexReady(): Promise<void>;
  /** Waits for pending writes and saves the search index; the service must not be used afterwards. */
  close(): Promise<void>;
  /** Adds a clip from a ready draft (imports: placeholders, pasted exports). */
  addClipDraft(draft: ClipDraft): Promise<ClipSummary>;
  /** Adds many clips at once, written and indexed a batch at a time (imports; see libraryClips/clipBatch.ts). */
  clipBatch(): ClipBatch;
  /** Read-modify-write of a clip's highlights under its lock, search index kept in step (imports). */
  changeHighlights<T>(
    clipId: string,
    change: (highlights: Highlight[], text: string) => T,
  ): Promise<{ result: T; text: string }>;
  /** The jobs this service runs (shared with the next service after a library switch when passed in). */
  readonly jobs: JobRunner;
  /** Remembers this library's folder as the one the desktop app opens at start. */
  rememberLibrary(): Promise<void>;
}

export interface GlossServiceOptions extends DesktopOptions, JobOptions {
  libraryDir: string;
  /** Limits for URL clipping (timeouts, size cap); defaults suit a desktop app. */
  fetch?: FetchOptions;
  /** Download clipped articles' images into their folders (the desktop app, the CLI); off when absent. */
  images?: ImageOptions;
}

/** Likewise the converters (turndown, citation-js) load on the first export. */
const loadExport = () => Promise.all([import('./export/formats'), import('./export/citation')]);

function anchored(text: string, highlight: Highlight): AnchoredHighlight {
  return { ...highlight, anchor: anchorSelectors(text, highlight.target.selector) };
}

/**
 * Opens (or creates) the library at `libraryDir` and returns the service as soon as the library is read
 * (from the catalogue file for clips unchanged since it was saved); the search index is read and brought up
 * to date in the background, list calls answer meanwhile and searches wait for it. Files that fail
 * validation are quarantined by the store and reported through `getLibraryInfo`.
 */
export async function createGlossService(options: GlossServiceOptions): Promise<GlossService> {
  const store = await LibraryStore.open(options.libraryDir, { textOf: articleText, catalogue: true });
  const pages = await PageStore.open(store.path);
  // The saved index is read in the background; clips changed behind its back are re-indexed after that.
  const index = SearchKeeper.start(store);
  const catalogue = new Catalogue(store);
  index.syncPages(pages.list().map((p) => pages.get(p.id)));

  async function addDraft(draft: ClipDraft): Promise<ClipSummary> {
    const meta = await store.createClip(draft);
    index.putClip(meta, draft.text);
    return summarise(meta, 0);
  }

  /**
   * Changes one clip's highlights under the store's per-clip lock (so two quick edits never lose one)
   * and keeps the search index and counts in step.
   */
  async function changeHighlights<T>(clipId: string, change: (highlights: Highlight[], text: string) => T) {
    const meta = store.getMeta(clipId);
    const { text } = await store.readArticle(clipId);
    let result!: T;
    const highlights = await store.updateAnnotations(clipId, (current) => {
      const next = [...current];
      result = change(next, text);
      return next;
    });
    index.putHighlights(meta, highlights);
    return { result, text };
  }

  function findHighlight(highlights: Highlight[], clipId: string, highlightId: string): number {
    const at = highlights.findIndex((h) => h.id === highlightId);
    if (at < 0) throw new GlossError('not-found', `No highlight with id "${highlightId}" in clip "${clipId}".`);
    return at;
  }

  const { closeDesktop, settingsStore, ...desktop } = createDesktopMethods(
    {
      store,
      index,
      summarise,
      anchored,
      changeHighlights,
      clipText: (input) => service.clipText({ ...input, onDuplicate: 'copy' }),
    },
    options,
  );

  const clipMethods = createClipMethods({
    store,
    index,
    summarise,
    changeHighlights,
    fetch: options.fetch,
    addDraft,
    images: options.images,
  });
  const { findExisting, replaceClipDraft, ...clipApi } = clipMethods;

  const { closeEndpoint, ...endpoint } = createEndpointMethods({
    settings: settingsStore,
    libraryPath: store.path,
    extract: async (html, opts) => (await import('./clipper')).clipHtml(html, opts),
    fetchPdf: async (url, { origin }) =>
      (await import('./clipper')).clipUrl(url, {
        pdfOnly: true,
        fetch: { ...options.fetch, refuse: pdfAddressCheck(origin) },
      }),
    findExisting,
    replaceClipDraft,
    addClipDraft: (draft) => service.addClipDraft(draft),
    getClip: (id) => service.getClip(id),
    addHighlight: (input) => service.addHighlight(input),
    sendCommand: (id) => service.sendCommand(id),
  });

  /** Damage found when clips were opened (verifyClip.ts), by file; each clip is checked once a session. */
  const openProblems = new Map<string, LibraryProblem>();
  const verified = new Set<string>();
  const importVerify = () => import('./library/verifyClip');
  let verifyModule: ReturnType<typeof importVerify> | null = null;
  async function verifyOnOpen(id: string, article: { html: string; text: string }) {
    if (verified.has(id)) return article;
    verified.add(id);
    // Loaded once (an export opens every clip; asking the module loader each time is not free).
    const { checkOpenedClip } = await (verifyModule ??= importVerify());
    // A PDF clip's HTML is built from its text: building it again checks them faster than parsing it.
    const pdf = store.getMeta(id).pdf;
    const { pdfTextIfBuiltFrom } = pdf ? await import('./pdf/pdfArticleHtml') : { pdfTextIfBuiltFrom: null };
    const textOf =
      pdf && pdfTextIfBuiltFrom
        ? (html: string) => pdfTextIfBuiltFrom(html, article.text, pdf.pageStarts) ?? articleText(html)
        : articleText;
    const check = await checkOpenedClip(store.path, id, article, textOf);
    for (const p of check.problems) openProblems.set(p.file, p);
    if (check.text !== article.text) index.putClip(store.getMeta(id), check.text);
    return { html: article.html, text: check.text };
  }

  const service: GlossService = {
    libraryPath: store.path,
    ...desktop,
    ...endpoint,
    ...createJobMethods(
      {
        service: () => service,
        rebuildIndex: (o) => index.rebuild(o),
        saveIndex: () => index.ready().then(() => index.save()),
      },
      options,
    ),

    async rememberLibrary() {
      await settingsStore.update({ libraryPath: store.path });
    },

    async getLibraryInfo() {
      return {
        path: store.path,
        clipCount: store.list().length,
        conflicts: store.conflicts(),
        problems: [...store.problems(), ...pages.problems(), ...openProblems.values()],
      };
    },

    async listClips() {
      return store.list().map((meta) => summarise(meta, store.highlightsOf(meta.id).length));
    },

    async listClipsPage(query) {
      return catalogue.clipsPage(query, settingsStore.get().lastRead);
    },

    async listHighlightsPage(query) {
      return catalogue.highlightsPage(query);
    },

    async getClip(id) {
      const meta = store.getMeta(id);
      const [article, highlights] = await Promise.all([store.readArticle(id), store.readAnnotations(id)]);
      const { html, text } = await verifyOnOpen(id, article);
      return { meta, html, text, highlights: highlights.map((h) => anchored(text, h)) };
    },

    async getClipForReader(id) {
      const { html, ...doc } = await service.getClip(id);
      return doc.meta.pdf ? doc : { ...doc, html };
    },

    async getClipPdf(id) {
      const { readOriginalPdf } = await import('./libraryClips/originalPdf');
      return readOriginalPdf(store.path, store.getMeta(id));
    },

    ...clipApi,
    ...createQuarantineMethods({ store, index }),

    async loadClipImage({ clipId, url }) {
      const { loadRemoteImage } = await import('./libraryClips/remoteImages');
      return loadRemoteImage(store, clipId, url);
    },

    async deleteClip(id) {
      await store.deleteClip(id);
      index.removeClip(id);
    },

    async addHighlight({ clipId, start, end, color, note }) {
      const { result, text } = await changeHighlights(clipId, (highlights, text) => {
        if (end > text.length) {
          throw new GlossError('invalid-input', `The selection (${start}–${end}) is outside the article.`);
        }
        if (!text.slice(start, end).trim())
          throw new GlossError('empty-input', 'Nothing to highlight: the selection is empty.');
        const meta = store.getMeta(clipId);
        const now = new Date().toISOString();
        const highlight: Highlight = {
          id: randomUUID().replace(/-/g, '').slice(0, 16),
          clipId,
          createdAt: now,
          updatedAt: now,
          color: color ?? 'yellow',
          note: note ?? '',
          target: { source: meta.url ?? `gloss:clip/${clipId}`, selector: describeRange(text, start, end) },
        };
        highlights.push(highlight);
        return highlight;
      });
      return anchored(text, result);
    },

    ...createReadingMethods({ store, index, summarise, changeHighlights, fetch: options.fetch }),
    ...createNotebookMethods(pages, index),
    ...createTrashMethods(store),
    ...createCitationMethods(store),

    async updateHighlight({ clipId, highlightId, color, note, noteDoc, tags }) {
      const { result, text } = await changeHighlights(clipId, (highlights) => {
        const at = findHighlight(highlights, clipId, highlightId);
        const updated: Highlight = {
          ...highlights[at]!,
          ...(color !== undefined && { color }),
          ...(note !== undefined && { note }),
          ...(noteDoc !== undefined && { noteDoc: noteDoc ?? undefined }),
          ...(tags !== undefined && { tags: tidyNames(tags) }),
          updatedAt: new Date().toISOString(),
        };
        highlights[at] = updated;
        return updated;
      });
      // Quote blocks keep a copy of the note so a page reads whole: keep it in step.
      if (note !== undefined || noteDoc !== undefined) await pages.refreshQuoteNotes(result);
      return anchored(text, result);
    },

    async deleteHighlight({ clipId, highlightId }) {
      await changeHighlights(clipId, (highlights) => {
        highlights.splice(findHighlight(highlights, clipId, highlightId), 1);
      });
    },

    async search({ query, limit }) {
      return index.search(query, { limit });
    },

    async searchPage({ query, offset, limit }) {
      return index.searchPage(query, { offset, limit });
    },

    async getIndexStatus() {
      return index.status();
    },

    indexReady: () => index.ready(),

    async exportClip({ id, format }) {
      const [{ exportClipFile }] = await loadExport();
      return exportClipFile(await service.getClip(id), format);
    },

    async citeClip({ id, style, quote }) {
      const [, { formatReferences, quoteWithCitation }] = await loadExport();
      const meta = store.getMeta(id);
      return quote !== undefined ? quoteWithCitation(quote, meta) : formatReferences([meta], style).trim();
    },

    async resolveConflict({ clipId, file, keep }) {
      await store.resolveConflict(clipId, file, keep);
      // The kept version may hold other metadata, text or highlights: index what is there now.
      if (!store.list().some((m) => m.id === clipId)) return void index.removeClip(clipId);
      const meta = store.getMeta(clipId);
      index.putClip(meta, (await store.readArticle(clipId)).text);
      index.putHighlights(meta, await store.readAnnotations(clipId));
    },

    changeHighlights,

    clipBatch: () => createClipBatch(store, index, { images: options.images }),

    async close() {
      // Every call above awaits its own atomic writes before it resolves; only the index's debounced save is pending.
      await closeEndpoint();
      await closeDesktop();
      await index.close();
      await store.close();
    },
  };
  return service;
}
