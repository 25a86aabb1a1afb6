/**
 * A long list read from the core a page at a time: the rows a virtualised list shows are fetched when they
 * come into view, kept while the list lives, and re-read (while still shown) when the library changes.
 * Plain TypeScript with a subscribe/snapshot pair for `useSyncExternalStore`.
 */

/** One page as the core answers it: the total of the whole query, and the rows from `offset`. */
export interface PageAnswer<T> {
  total: number;
  offset: number;
  rows: T[];
}

export type PageFetcher<T, A extends PageAnswer<T>> = (offset: number, limit: number) => Promise<A>;

export interface PagedSnapshot<T, A extends PageAnswer<T>> {
  /** Rows in the whole query; null until the first page is here. */
  total: number | null;
  /**
   * The first page's answer, for what the core sends beside the rows (facets, counts per kind): the same
   * object until the first page is read again, so views drawn from it need not redraw as later pages arrive.
   */
  head: A | null;
  error: string | null;
  /** Changes whenever a row, the total or the error changes. */
  version: number;
}

/** The rows of one query (`fetchPage`), fetched `pageSize` at a time as {@link PagedSource.ensure} asks. */
export class PagedSource<T, A extends PageAnswer<T> = PageAnswer<T>> {
  private pages = new Map<number, T[]>();
  /** Pages read before the last {@link invalidate}: still shown, read again when seen. */
  private stale = new Set<number>();
  private inflight = new Set<number>();
  /** Pages whose last read failed: not read again by {@link ensure} until {@link invalidate} (no retry storm). */
  private failed = new Set<number>();
  private generation = 0;
  private listeners = new Set<() => void>();
  private snapshot: PagedSnapshot<T, A> = { total: null, head: null, error: null, version: 0 };

  constructor(
    private readonly fetchPage: PageFetcher<T, A>,
    readonly pageSize = 100,
    private readonly describeError: (e: unknown) => string = String,
  ) {}

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagedSnapshot<T, A> => this.snapshot;

  /** Row `index`, or undefined while its page is not here yet. */
  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Every row fetched so far (e.g. to find one by id for a context menu). */
  *loaded(): Iterable<T> {
    for (const rows of this.pages.values()) yield* rows;
  }

  /** Fetches the pages holding rows `from`..`to` (inclusive) that are missing or stale; the first page when empty. */
  ensure(from: number, to: number): void {
    const total = this.snapshot.total;
    const last = total === null ? 0 : Math.max(0, Math.min(to, total - 1));
    for (let p = Math.floor(Math.max(0, from) / this.pageSize); p <= Math.floor(last / this.pageSize); p++) {
      if ((!this.pages.has(p) || this.stale.has(p)) && !this.inflight.has(p) && !this.failed.has(p)) void this.load(p);
    }
  }

  /**
   * The query's data changed (or a failed read should be tried again): rows shown stay until their new
   * version arrives; others are read when seen.
   */
  invalidate(): void {
    this.generation++;
    this.inflight.clear();
    this.failed.clear();
    for (const p of this.pages.keys()) this.stale.add(p);
    this.emit({});
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.inflight.add(page);
    try {
      const answer = await this.fetchPage(page * this.pageSize, this.pageSize);
      if (generation !== this.generation) return;
      this.inflight.delete(page);
      this.stale.delete(page);
      if (answer.total !== this.snapshot.total) {
        // Rows moved: what was read for other pages may sit at other places now.
        for (const p of this.pages.keys()) if (p !== page) this.stale.add(p);
        for (const p of [...this.pages.keys()]) if (p * this.pageSize >= answer.total) this.pages.delete(p);
      }
      this.pages.set(page, answer.rows);
      this.emit({ total: answer.total, error: null, ...(page === 0 && { head: answer }) });
    } catch (e) {
      if (generation !== this.generation) return;
      this.inflight.delete(page);
      this.failed.add(page);
      this.emit({ error: this.describeError(e) });
    }
  }

  private emit(change: Partial<PagedSnapshot<T, A>>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const l of this.listeners) l();
  }
}
