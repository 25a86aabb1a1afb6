/**
 * A long list's state kept by the app rather than its view: the query (sort and filters), the rows read so
 * far, where the list was scrolled and which row had the focus. Opening a clip unmounts the view; coming back
 * draws the same rows at the same place from what is kept here, without asking the core again.
 */
import type { ClipPage, ClipQuery, HighlightListing, HighlightPage, HighlightQuery } from '@core/api';
import type { ClipSummary } from '@core/model';
import type { ListPlace } from '../components/VirtualList';
import { errorMessage } from './format';
import type { PageAnswer } from './pagedSource';
import { PagedSource } from './pagedSource';

const PAGE_SIZE = 50;

/** A list of the rows `fetchPage` answers for a query `Q`, kept between visits. */
export class KeptList<Q, T, A extends PageAnswer<T> = PageAnswer<T>> {
  source: PagedSource<T, A>;
  /** Where the list was scrolled when it was last shown. */
  place: ListPlace | null = null;
  /** The row that has (or last had) the focus. */
  active = 0;
  /** A row was opened: the focus goes back to it when the list shows again. */
  returnFocus = false;
  private listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: (query: Q, offset: number, limit: number) => Promise<A>,
    public query: Q,
  ) {
    this.source = this.sourceFor(query);
  }

  private sourceFor(query: Q): PagedSource<T, A> {
    return new PagedSource<T, A>((offset, limit) => this.fetchPage(query, offset, limit), PAGE_SIZE, errorMessage);
  }

  /** For `useSyncExternalStore`: changes of the query (a new source); the source has its own. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSource = (): PagedSource<T, A> => this.source;

  /** Shows the rows of `query`, from the top. */
  setQuery(query: Q): void {
    this.query = query;
    this.source = this.sourceFor(query);
    this.place = null;
    this.active = 0;
    for (const l of this.listeners) l();
  }

  /** The data changed: the rows on screen are read again (now if shown, else when shown next). */
  invalidate(): void {
    this.source.invalidate();
  }

  /** Remembers the focused row. */
  setActive(index: number): void {
    this.active = index;
  }

  /** Remembers where the list is scrolled. */
  setPlace(place: ListPlace | null): void {
    this.place = place;
  }

  /** Row `index` was opened: it becomes the active row, and takes the focus when the list shows again. */
  opened(index: number): void {
    this.active = index;
    this.returnFocus = true;
  }

  /** The focus went back to the active row (or the list was left another way). */
  clearReturnFocus(): void {
    this.returnFocus = false;
  }

  /** A row the list has read that passes `test`. */
  find(test: (row: T) => boolean): T | undefined {
    for (const row of this.source.loaded()) if (test(row)) return row;
    return undefined;
  }
}

/** The sort and filters of the library list (a {@link ClipQuery} without its page). */
export type LibraryQuery = Omit<ClipQuery, 'offset' | 'limit'>;
export type LibraryList = KeptList<LibraryQuery, ClipSummary, ClipPage>;

/** The library list, newest clip first to begin with. */
export function newLibraryList(): LibraryList {
  return new KeptList<LibraryQuery, ClipSummary, ClipPage>(
    (query, offset, limit) => window.gloss.listClipsPage({ ...query, offset, limit }),
    { sort: 'clipped' },
  );
}

/** The filters of the highlights view (a {@link HighlightQuery} without its page). */
export type HighlightsQuery = Omit<HighlightQuery, 'offset' | 'limit'>;
export type HighlightsList = KeptList<HighlightsQuery, HighlightListing, HighlightPage>;

/** Every highlight in the library, newest first. */
export function newHighlightsList(): HighlightsList {
  return new KeptList<HighlightsQuery, HighlightListing, HighlightPage>(
    (query, offset, limit) => window.gloss.listHighlightsPage({ ...query, offset, limit }),
    {},
  );
}
