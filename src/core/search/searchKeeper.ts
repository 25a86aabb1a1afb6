/**
 * The search index's life cycle: loaded from the library at start (never rebuilt when it fits; read in the
 * background, so the library answers list calls meanwhile and searches wait for it), brought
 * up to date in the background (clips changed, added or removed behind the app's back are re-indexed
 * while search answers from what is there), updated incrementally, and saved debounced and on close.
 */
import { setTimeout as delay, setImmediate as nextTurn } from 'node:timers/promises';
import type { LibraryStore } from '../library/store';
import type { ClipMeta, Highlight, IndexStatus, SearchPage, SearchResult } from '../model';
import { pagePlainText } from '../notebook/lexicalJson';
import type { NotebookPage } from '../notebook/types';
import { clipFingerprint } from './fingerprint';
import { IndexChangedError, indexFilePath, readIndexFile, writeIndexFile } from './indexFile';
import { SearchIndex } from './searchIndex';

export interface SearchKeeperOptions {
  /** Quiet time after the last change before the index is saved (ms). */
  saveDelayMs?: number;
  /** A busy stream of changes still saves at least this often (ms). */
  maxSaveDelayMs?: number;
}

/** Longest run of indexing work (ms) before the event loop gets a turn, so IPC calls keep being answered. */
const SLICE_MS = 12;
/** How often, and how far apart, closing retries a save that the index changed under. */
const CLOSE_SAVE_ATTEMPTS = 50;
const CLOSE_SAVE_RETRY_MS = 20;
/** How many clips are checked at once at start (file stats). */
const STAT_CONCURRENCY = 16;

/** Pages share the fingerprint map with clips: a page's entry is its `updatedAt` under this key. */
const pageKey = (id: string) => `page:${id}`;

export class SearchKeeper {
  /** How the index came to be at start: loaded from disk, or why it was not (set once the file is read). */
  opened: { loaded: boolean; problem: string | null } = { loaded: false, problem: null };
  /** Clips re-indexed by the background check since start (0 after loading an up-to-date index). */
  reindexed = 0;
  /** The last save error, if the latest save failed (the next change retries). */
  saveError: string | null = null;

  private readonly file: string;
  private readonly versions = new Map<string, number>();
  /** Clips indexed since start (by the app or the catch-up): their indexed state is their current one. */
  private readonly current = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  /** Clips whose fingerprint is to be taken once the changes made in this turn are done. */
  private readonly toFingerprint = new Set<string>();
  private progress: Omit<IndexStatus, 'reindexed'> = { state: 'loading', done: 0, total: 0 };
  private building: Promise<void> = Promise.resolve();
  /** Resolves once the saved index is read (or found unusable). */
  private loading: Promise<void> = Promise.resolve();
  /** Changes made while the saved index is read, applied to it once it is; null afterwards. */
  private waiting: Array<() => void> | null = [];
  private index: SearchIndex;
  private fingerprints = new Map<string, string>();
  private closed = false;
  private dirty = false;
  private firstDirtyAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();

  private readonly readText: (id: string) => Promise<string>;

  private constructor(
    private readonly store: LibraryStore,
    private readonly options: Required<SearchKeeperOptions>,
  ) {
    this.file = indexFilePath(store.path);
    this.readText = (id: string) => store.readArticleText(id);
    this.index = new SearchIndex({ readText: this.readText });
  }

  /**
   * Starts reading the library's saved index in the background (an empty one replaces it when it is
   * missing, outdated or damaged), then bringing it up to date; returns at once. Searches wait for the
   * saved index; changes made meanwhile are applied to it once it is read.
   */
  static start(store: LibraryStore, options: SearchKeeperOptions = {}): SearchKeeper {
    const keeper = new SearchKeeper(store, {
      saveDelayMs: options.saveDelayMs ?? 2000,
      maxSaveDelayMs: options.maxSaveDelayMs ?? 30_000,
    });
    keeper.loading = keeper.load();
    keeper.building = keeper.loading.then(() => keeper.catchUp());
    return keeper;
  }

  /** {@link start}, resolving once the saved index is read (the catch-up goes on in the background). */
  static async open(store: LibraryStore, options: SearchKeeperOptions = {}): Promise<SearchKeeper> {
    const keeper = SearchKeeper.start(store, options);
    await keeper.loading;
    return keeper;
  }

  /** Whether the index is complete, still loading, or how far the background (re)build is. */
  status(): IndexStatus {
    return { ...this.progress, reindexed: this.reindexed };
  }

  /** Resolves when the background check and rebuild at start are done. */
  ready(): Promise<void> {
    return this.building;
  }

  /**
   * Reads every clip again and indexes it afresh (the "Rebuild search index" command), reporting
   * progress. Cancelling stops between clips: each clip is then indexed either as before or anew.
   */
  async rebuild(
    options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<number> {
    await this.building;
    const metas = this.store.list();
    const live = new Set(metas.map((m) => m.id));
    for (const id of this.index.clipIds()) if (!live.has(id)) this.removeClip(id);
    let done = 0;
    for (const { id } of metas) {
      options.signal?.throwIfAborted();
      await this.reindex(id, await clipFingerprint(this.store, id).catch(() => null));
      options.onProgress?.(++done, metas.length);
      await nextTurn();
    }
    return done;
  }

  /** Searches what is indexed so far (see {@link SearchIndex.search}); notebook pages are left out. */
  async search(query: string, opts: { limit?: number } = {}): Promise<SearchResult[]> {
    await this.loading;
    return this.index.search(query, { ...opts, pages: false });
  }

  /** One page of results with exact totals, notebook pages included (see {@link SearchIndex.searchPage}). */
  async searchPage(query: string, opts: { offset?: number; limit?: number } = {}): Promise<SearchPage> {
    await this.loading;
    return this.index.searchPage(query, opts);
  }

  /**
   * Brings the indexed notebook pages in line with `pages` (all of them, at start): pages changed since
   * they were indexed are indexed again, pages gone are dropped.
   */
  syncPages(pages: NotebookPage[]): void {
    if (this.later(() => this.syncPages(pages))) return;
    const live = new Set(pages.map((p) => p.id));
    for (const id of this.index.pageIds()) if (!live.has(id)) this.removePage(id);
    for (const page of pages) if (this.fingerprints.get(pageKey(page.id)) !== page.updatedAt) this.putPage(page);
  }

  /** Indexes a notebook page just saved. */
  putPage(page: NotebookPage): void {
    if (this.later(() => this.putPage(page))) return;
    this.index.addPage(page, pagePlainText(page.doc));
    this.fingerprints.set(pageKey(page.id), page.updatedAt);
    this.markDirty();
  }

  /** Drops a notebook page just deleted. */
  removePage(id: string): void {
    if (this.later(() => this.removePage(id))) return;
    this.index.removePage(id);
    this.fingerprints.delete(pageKey(id));
    this.markDirty();
  }

  /**
   * How many highlights a clip has. The index knows once it holds the clip's current state; while the
   * background catch-up has not reached the clip (e.g. on the first start, before any index was saved),
   * the count is read from the clip's annotations file instead, so lists never show a stale 0.
   */
  async highlightCount(clipId: string): Promise<number> {
    await this.loading;
    if (this.progress.state === 'ready' || this.current.has(clipId)) return this.index.highlightCount(clipId);
    return this.store.readAnnotations(clipId).then(
      (highlights) => highlights.length,
      () => this.index.highlightCount(clipId),
    );
  }

  /** Indexes a clip's article just written to the library (new or changed). */
  putClip(meta: ClipMeta, text: string): void {
    if (this.later(() => this.putClip(meta, text))) return;
    this.index.addClip(meta, text);
    this.changed(meta.id);
  }

  /** Indexes a clip's highlights just written to the library. */
  putHighlights(meta: ClipMeta, highlights: Highlight[]): void {
    if (this.later(() => this.putHighlights(meta, highlights))) return;
    this.index.setHighlights(meta, highlights);
    this.current.add(meta.id);
    this.changed(meta.id);
  }

  /** Drops a clip just removed from the library. */
  removeClip(id: string): void {
    if (this.later(() => this.removeClip(id))) return;
    this.bump(id);
    this.index.removeClip(id);
    this.fingerprints.delete(id);
    this.markDirty();
  }

  /** Stops the background work and saves what is indexed. */
  async close(): Promise<void> {
    this.closed = true;
    await this.building;
    await Promise.all(this.pending);
    await this.save();
    // A save gives up while MiniSearch sweeps out discarded documents (a few batches): try again shortly.
    for (let attempt = 0; this.dirty && this.saveError === null && attempt < CLOSE_SAVE_ATTEMPTS; attempt++) {
      await delay(CLOSE_SAVE_RETRY_MS);
      await this.save();
    }
  }

  /** Saves now if anything changed since the last save (also called by the debounce timer). */
  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.saving = this.saving.then(async () => {
      await Promise.all(this.pending);
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await writeIndexFile(this.file, this.index, this.fingerprints);
        this.saveError = null;
      } catch (error) {
        // A change during the write is no failure: the next save writes it.
        if (error instanceof IndexChangedError) this.markDirty();
        else {
          this.saveError = (error as Error).message;
          this.dirty = true;
        }
      }
    });
    return this.saving;
  }

  /** While the saved index is being read, keeps `change` for when it is (returns true); else false. */
  private later(change: () => void): boolean {
    if (!this.waiting) return false;
    this.waiting.push(change);
    return true;
  }

  /** Reads the saved index (see {@link start}) and applies the changes made meanwhile. */
  private async load(): Promise<void> {
    const read = await readIndexFile(this.file, { readText: this.readText }).catch(
      (error: unknown) => ({ ok: false, problem: `The saved search index could not be read: ${error}` }) as const,
    );
    if (read.ok) {
      this.index = read.index;
      this.fingerprints = read.fingerprints;
    }
    this.opened = read.ok ? { loaded: true, problem: null } : { loaded: false, problem: read.problem };
    this.progress = { state: 'building', done: 0, total: 0 };
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const change of waiting) change();
  }

  private bump(id: string): number {
    const v = (this.versions.get(id) ?? 0) + 1;
    this.versions.set(id, v);
    return v;
  }

  /** Records the files' fingerprint after an incremental update, unless a newer update came first. */
  private changed(id: string): void {
    this.bump(id);
    // Changes made together (a clip's article and its highlights) share one fingerprint, taken after both.
    if (this.toFingerprint.has(id)) return;
    this.toFingerprint.add(id);
    const job = Promise.resolve()
      .then(() => {
        this.toFingerprint.delete(id);
        const v = this.versions.get(id);
        return clipFingerprint(this.store, id).then(
          (fp) => void (this.versions.get(id) === v && this.fingerprints.set(id, fp)),
          () => void this.fingerprints.delete(id),
        );
      })
      .finally(() => {
        this.pending.delete(job);
        this.markDirty();
      });
    this.pending.add(job);
  }

  private markDirty(): void {
    if (!this.dirty) this.firstDirtyAt = Date.now();
    this.dirty = true;
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(
      this.options.saveDelayMs,
      Math.max(0, this.firstDirtyAt + this.options.maxSaveDelayMs - Date.now()),
    );
    this.timer = setTimeout(() => void this.save(), wait);
    this.timer.unref();
  }

  /**
   * Brings the index in line with the library: drops clips that are gone, and re-indexes clips whose
   * files changed (or that it never held), a slice at a time so the process stays responsive.
   */
  private async catchUp(): Promise<void> {
    const metas = this.store.list();
    const live = new Set(metas.map((m) => m.id));
    for (const id of this.index.clipIds()) if (!live.has(id)) this.removeClip(id);
    const stale: Array<{ id: string; fp: string | null }> = [];
    let next = 0;
    const check = async () => {
      while (next < metas.length && !this.closed) {
        const id = metas[next++]!.id;
        const fp = await clipFingerprint(this.store, id).catch(() => null);
        if (fp === null || fp !== this.fingerprints.get(id)) stale.push({ id, fp });
      }
    };
    await Promise.all(Array.from({ length: STAT_CONCURRENCY }, check));
    this.progress = { state: 'building', done: 0, total: stale.length };
    let slice = Date.now();
    for (const { id, fp } of stale) {
      if (this.closed) break;
      await this.reindex(id, fp);
      this.progress.done++;
      if (Date.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = Date.now();
      }
    }
    if (stale.length) this.index.trim();
    this.progress = { state: 'ready', done: 0, total: 0 };
  }

  /** Reads and indexes one clip, unless it was deleted or updated by the app in the meantime. */
  private async reindex(id: string, fp: string | null): Promise<void> {
    const v = this.versions.get(id) ?? 0;
    let read: [{ text: string }, Highlight[]];
    try {
      read = await Promise.all([this.store.readArticle(id), this.store.readAnnotations(id)]);
    } catch {
      return; // Deleted meanwhile, or unreadable: the store reports problems, search just skips it.
    }
    if ((this.versions.get(id) ?? 0) !== v || this.closed) return;
    let meta: ClipMeta;
    try {
      meta = this.store.getMeta(id);
    } catch {
      return;
    }
    this.index.addClip(meta, read[0].text);
    this.index.setHighlights(meta, read[1]);
    if (fp === null) this.fingerprints.delete(id);
    else this.fingerprints.set(id, fp);
    this.reindexed++;
    this.current.add(id);
    this.markDirty();
  }
}
