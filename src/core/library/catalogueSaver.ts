/**
 * Keeps the catalogue file (catalogueFile.ts) in step with an open library: saved a while after Gloss
 * changes clips (debounced, so a burst of edits is one save), and on close. A save that fails is retried
 * at the next change; the catalogue is only a cache, so a missed save costs speed at the next start, never data.
 */
import { writeCatalogueFile } from './catalogueFile';
import type { LibraryState } from './libraryState';

export interface CatalogueSaverOptions {
  /** Quiet time after the last change before saving (ms). */
  quietMs?: number;
  /** A steady stream of changes still saves at least this often (ms). */
  maxDelayMs?: number;
}

export class CatalogueSaver {
  /** The last save's error, if it failed (the next change tries again). */
  error: string | null = null;
  private dirty = false;
  private firstDirtyAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;

  /** `dirty`: whether the file on disk is already behind `state` (e.g. clips were read again at start). */
  constructor(
    private readonly state: LibraryState,
    dirty: boolean,
    options: CatalogueSaverOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 5000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    if (dirty) this.changed();
  }

  /** Notes that clips were written, added or removed: a save follows once things are quiet. */
  changed(): void {
    if (!this.dirty) this.firstDirtyAt = Date.now();
    this.dirty = true;
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(this.quietMs, Math.max(0, this.firstDirtyAt + this.maxDelayMs - Date.now()));
    this.timer = setTimeout(() => void this.save(), wait);
    this.timer.unref();
  }

  /** Saves now if anything changed since the last save. */
  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      // A change made while this save runs marks it dirty again (and schedules the next save).
      this.dirty = false;
      try {
        await writeCatalogueFile(this.state);
        this.error = null;
      } catch (error) {
        this.error = (error as Error).message;
        this.dirty = true;
      }
    });
    return this.saving;
  }

  /** Saves what is pending and stops the timer. */
  async close(): Promise<void> {
    this.closed = true;
    await this.save();
  }
}
