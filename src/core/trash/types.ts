/**
 * What the app sees of the library's trash (`<library>/trash/`): deleted clips and pages, and the other
 * copies Gloss set aside there (a sync tool's conflicted copy, a clip whose saving was cut off).
 */

/** What a trash entry holds. */
export type TrashKind = 'clip' | 'page' | 'file';

/** One entry of the trash, newest first in {@link TrashListing}. */
export interface TrashItem {
  /** The entry's name in `<library>/trash/` (`<stamp>-<id>`): what `purgeTrash` takes. */
  id: string;
  kind: TrashKind;
  /** The deleted clip's or page's id (what `restoreClip` takes for a clip); the file's name otherwise. */
  itemId: string;
  /** The clip's or page's title; for a set-aside file, a description of it. */
  title: string;
  site: string | null;
  /** When it went to the trash (ISO). */
  deletedAt: string;
  /** A clip's highlights (0 for other kinds). */
  highlightCount: number;
}

/** Where the source of a notebook quote is now. */
export type QuoteSourceState = 'library' | 'trash' | 'gone';

/** A highlight's current note, as a quote block shows it. */
export interface QuoteSourceNote {
  note: string;
  noteDoc?: Record<string, unknown>;
}

/**
 * The clip a notebook page quotes, as its quote blocks show it: in the library (with the current notes of
 * its highlights, by highlight id; a highlight missing from `notes` was deleted), in the trash (restorable),
 * or gone for good (the quote keeps its stored copy).
 */
export interface QuoteSource {
  clipId: string;
  state: QuoteSourceState;
  /** The clip's current title (library or trash). */
  title?: string;
  notes?: Record<string, QuoteSourceNote>;
}
