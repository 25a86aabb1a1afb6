/**
 * The search view's results, kept by the app between visits: the ranked results of the last query a page at
 * a time (`searchPage`), with the exact totals per kind. A query is asked as soon as it is typed; the
 * results shown are those of the newest query answered, so typing never blanks the list.
 */
import type { SearchPage, SearchResult, SearchResultKind } from '@core/model';
import { parseQuery, removeFilter } from '@core/common/searchQuery';
import type { ListPlace } from '../components/VirtualList';
import { errorMessage } from './format';
import { PagedSource } from './pagedSource';

/**
 * Rows a search reads at a time: the first screenful and the few rows drawn beyond it (in a window up to about
 * 1,040 px high), and no more. The core reads each result's text for its snippet, so a keystroke's answer
 * costs about what it shows: 25 rows, as before, took 2.5 times as long in the core at 10k clips as 10 rows.
 */
const PAGE_SIZE = 12;

/** A page of results as {@link PagedSource} reads it (`rows` are the page's `results`). */
export type SearchAnswer = SearchPage & { rows: SearchResult[] };
export type SearchSource = PagedSource<SearchResult, SearchAnswer>;

/** `query` without its `kind:` filters, and the kind it asks for (null: every kind). */
export function splitKind(query: string): { base: string; kind: SearchResultKind | null } {
  const kinds = parseQuery(query).filters.filter((f) => f.key === 'kind');
  let base = query;
  for (const f of kinds) base = removeFilter(base, f);
  const kind = kinds.at(-1)?.value.toLowerCase();
  return {
    base: base.trim(),
    kind: kind === 'article' || kind === 'highlight' || kind === 'page' ? kind : null,
  };
}

/** The search results as the app keeps them. */
export class SearchPager {
  /** The results on screen: the newest query that has answered. */
  shown: { query: string; source: SearchSource } | null = null;
  /** Counts per kind of the query without its `kind:` filter (for the kind tabs), when it has one. */
  kindCounts: { base: string; byKind: Record<SearchResultKind, number> } | null = null;
  /** The search box's text (the view's own while shown, kept here between visits). */
  text = '';
  /** The newest query asked. */
  asked = '';
  active = 0;
  place: ListPlace | null = null;
  private version = 0;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /**
   * Asks for `query` (trimmed); nothing happens when it is the query already asked. One query is in flight at a
   * time: one typed while another is on its way is sent when that one answers, and only the newest typed by
   * then (the core answers one request at a time, so the queries typed in between would only delay it).
   */
  ask(query: string): void {
    const q = query.trim();
    if (q === this.asked) return;
    this.asked = q;
    if (!q) {
      this.shown = null;
      this.emit();
      return;
    }
    if (this.flying === null) this.send(q);
  }

  /** The query on its way to the core (null when none is); one asked meanwhile waits in `asked`. */
  private flying: string | null = null;

  private send(q: string): void {
    this.flying = q;
    const source: SearchSource = new PagedSource(
      (offset, limit) =>
        window.gloss.searchPage({ query: q, offset, limit }).then((page) => ({ ...page, rows: page.results })),
      PAGE_SIZE,
      errorMessage,
    );
    source.subscribe(() => {
      const snap = source.getSnapshot();
      if (this.shown?.source === source) return this.emit();
      if (snap.total === null && snap.error === null) return;
      if (this.flying === q) {
        this.flying = null;
        // Typed while this one was on its way: the newest query goes next (an answer never paints over it).
        if (this.asked !== q && this.asked) this.send(this.asked);
      }
      // The newest query asked has answered (or failed): show it.
      if (this.asked === q) {
        this.shown = { query: q, source };
        this.active = 0;
        this.place = null;
        this.emit();
      }
    });
    source.ensure(0, 0);
    const { base, kind } = splitKind(q);
    if (kind && base && this.kindCounts?.base !== base) {
      void window.gloss.searchPage({ query: base, limit: 1 }).then(
        (page) => {
          this.kindCounts = { base, byKind: page.byKind };
          this.emit();
        },
        () => undefined,
      );
    }
  }

  /** The box's text changed to `text`: kept for the next visit, and asked of the core. */
  type(text: string): void {
    this.text = text;
    this.ask(text);
  }

  /** Remembers where the list is scrolled. */
  setPlace(place: ListPlace | null): void {
    this.place = place;
  }

  /** Moves the active result (the one Enter opens). */
  setActive(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.emit();
  }

  /** The library changed: the results on screen are read again. */
  invalidate(): void {
    this.shown?.source.invalidate();
    this.kindCounts = null;
  }
}
