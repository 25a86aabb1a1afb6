/**
 * LibraryStore: the plain-file library. One folder per clip, JSON and HTML files a person can read,
 * every write atomic, every read validated, damaged files moved aside instead of stopping the app.
 * This class holds the per-clip lock and the in-memory state; the file work lives in `clipFiles`,
 * `clipWrites`, `annotationFiles`, `trash` and `scanLibrary`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { GlossError } from '../errors';
import type { ClipDraft, ClipMeta, Highlight, LibraryConflict, LibraryProblem } from '../model';
import { writeFileAtomic } from './atomicWrite';
import { resolveConflictFiles } from './conflicts';
import { assertId, newClipId } from './ids';
import { KeyedMutex } from './mutex';
import { QUARANTINE_DIR } from './quarantine';
import { clipMetaSchema, metaFileText } from './schemas';
import { ioError, validHighlights, validOrThrow } from './checks';
import { countWords as defaultCountWords } from '../article/wordCount';
import {
  clipDir,
  clipFile,
  CLIPS_DIR,
  LinkedFileError,
  makeClipFolder,
  readClipFileOrLink,
  TRASH_DIR,
  type ClipFileName,
} from './clipFiles';
import {
  newClipMeta,
  replacedArticleMeta,
  writeNewClip,
  writeReplacedArticle,
  writeReservedClip,
  type WordCounter,
} from './clipWrites';
import { readAnnotationsFile, writeAnnotationsFile } from './annotationFiles';
import { moveClipToTrash, takeClipFromTrash } from './trash';
import { scanClip, scanLibrary } from './scanLibrary';
import { setAside, type LibraryState } from './libraryState';
import { NO_CATALOGUE, readCatalogueFile } from './catalogueFile';
import { CatalogueSaver } from './catalogueSaver';
import { clipStamp, dirMarkOf, fileMarkOf } from './clipStamp';
import { findConflicts } from './conflicts';
import { newestFirst } from '../catalogue/summary';

export interface LibraryStoreOptions {
  /** `articleText(html)`: rebuilds `article.txt` when the cache is missing. */
  textOf?: (html: string) => string;
  /** Word counter for new clips; defaults to a Unicode word-break count. */
  countWords?: WordCounter;
  /**
   * Opens from the catalogue files (`index/catalogue.json` and `catalogue-highlights.json`: clips whose files
   * did not change since are not read) and keeps it saved; call {@link LibraryStore.close} when done. Off by default (tools, tests).
   */
  catalogue?: boolean;
}

/** How the library was opened (see {@link LibraryStoreOptions.catalogue}). */
export interface LibraryOpening {
  /** Clips taken from the catalogue file (their files stat as when they were read). */
  reused: number;
  /** Clips read from their files (all of them without a usable catalogue). */
  reread: number;
  /** Why the catalogue file was not used, when it was asked for and not used. */
  catalogueProblem: string | null;
}

/** How many clips a bulk write saves at once: enough to overlap the disk's syncs, few enough for EMFILE. */
const WRITE_CONCURRENCY = 16;

/** The fields of a clip's metadata that may be changed after clipping. */
export type ClipMetaPatch = Partial<Omit<ClipMeta, 'id'>>;

export class LibraryStore {
  /** Absolute path of the library folder. */
  readonly path: string;
  private readonly state: LibraryState;
  private readonly lock = new KeyedMutex();
  private readonly countWords: WordCounter;
  /** Ids handed out by {@link reserveClip} and not yet written. */
  private readonly reserved = new Set<string>();
  private saver: CatalogueSaver | null = null;
  /** How the library was opened: clips taken from the catalogue file and clips read from their files. */
  opening: LibraryOpening = { reused: 0, reread: 0, catalogueProblem: null };

  private constructor(
    dir: string,
    private readonly options: LibraryStoreOptions,
  ) {
    this.path = dir;
    this.state = {
      root: dir,
      metas: new Map(),
      highlights: new Map(),
      stamps: new Map(),
      version: 0,
      problems: [],
      conflicts: [],
    };
    this.countWords = options.countWords ?? defaultCountWords;
  }

  /**
   * Opens (creating if needed) the library at `dir`. Never fails because of a damaged clip:
   * such clips are quarantined and listed in {@link problems}; the rest of the library opens.
   */
  static async open(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const store = new LibraryStore(path.resolve(dir), options);
    try {
      for (const sub of [CLIPS_DIR, QUARANTINE_DIR, TRASH_DIR])
        await fs.mkdir(path.join(store.path, sub), { recursive: true });
    } catch (error) {
      throw ioError(`Could not create the library folder at ${store.path}`, error);
    }
    if (!options.catalogue) {
      const report = await scanLibrary(store.state);
      store.opening = { ...report, catalogueProblem: null };
      return store;
    }
    const saved = await readCatalogueFile(store.path);
    const report = await scanLibrary(store.state, saved.ok ? saved.clips : undefined);
    store.opening = { ...report, catalogueProblem: saved.ok ? null : saved.problem };
    if (!saved.ok && !saved.problem.startsWith(NO_CATALOGUE))
      console.warn(
        `Gloss: the library's catalogue (${path.join(store.path, 'index')}) was not used: ${saved.problem} ` +
          `All ${report.reread} clips were read from their folders instead; the catalogue is saved again.`,
      );
    // Behind the files when clips were read again, or clips it held are gone.
    const behind = !saved.ok || report.reread > 0 || saved.clips.size !== report.reused;
    store.saver = new CatalogueSaver(store.state, behind);
    return store;
  }

  /** Saves the catalogue file if clips changed since it was saved (with {@link LibraryStoreOptions.catalogue}). */
  async saveCatalogue(): Promise<void> {
    await this.saver?.save();
  }

  /** Saves the catalogue file if needed and stops its timer; the store must not be written afterwards. */
  async close(): Promise<void> {
    await this.saver?.close();
  }

  /** Every readable clip, newest first. */
  list(): ClipMeta[] {
    return [...this.state.metas.values()].sort(newestFirst);
  }

  /** The metadata of one clip; `not-found` if there is no such clip. */
  getMeta(id: string): ClipMeta {
    assertId(id);
    const meta = this.state.metas.get(id);
    if (!meta) throw new GlossError('not-found', `No clip with id "${id}".`);
    return { ...meta };
  }

  /** Files that failed validation, now and in earlier sessions (until removed from the quarantine folder). */
  problems(): LibraryProblem[] {
    return this.state.problems.map((p) => ({ ...p }));
  }

  /** Conflicted copies that sync tools left beside clip files, until {@link resolveConflict} settles each. */
  conflicts(): LibraryConflict[] {
    return this.state.conflicts.map((c) => ({ ...c }));
  }

  /**
   * Keeps one version of a conflicted clip file (`conflictPath` as listed by {@link conflicts}) and moves
   * the other to the trash. Keeping the other version re-reads the clip; a damaged copy is refused.
   */
  async resolveConflict(clipId: string, conflictPath: string, keep: 'current' | 'conflict'): Promise<void> {
    assertId(clipId);
    await this.lock.run(clipId, async () => {
      const found = this.state.conflicts.find((c) => c.clipId === clipId && c.conflict === conflictPath);
      if (!found)
        throw new GlossError('not-found', `No conflicted copy "${conflictPath.slice(0, 200)}" in clip "${clipId}".`);
      await resolveConflictFiles(this.path, path.join(this.path, TRASH_DIR), found, keep);
      // The text cache belongs to the article that was replaced.
      if (keep === 'conflict' && found.file === 'article.html')
        await fs.rm(clipFile(this.path, clipId, 'article.txt'), { force: true });
      this.forget(clipId);
      await scanClip(this.state, clipId);
      this.saver?.changed();
    });
  }

  /**
   * Brings a clip back from quarantine: `bringBack` moves its folder (`quarantinedAs`) to `clips/<id>`, the
   * problem about it is dropped, and the clip is read as at start-up. If it does not read, it is set aside
   * again and that problem is thrown.
   */
  async reinstate(id: string, quarantinedAs: string, bringBack: () => Promise<void>): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      if (this.state.metas.has(id))
        throw new GlossError('duplicate', `A clip with id "${id}" is already in the library.`);
      await bringBack();
      const at = this.state.problems.findIndex((p) => p.quarantinedAs === quarantinedAs);
      if (at >= 0) this.state.problems.splice(at, 1);
      const before = this.state.problems.length;
      await scanClip(this.state, id);
      const meta = this.state.metas.get(id);
      if (!meta) {
        const again = this.state.problems.slice(before)[0];
        throw new GlossError('corrupt-file', again?.reason ?? `Clip "${id}" could not be read back.`);
      }
      return { ...meta };
    });
  }

  /** The clip's sanitised HTML and its text (from the `article.txt` cache, rebuilt when missing). */
  async readArticle(id: string): Promise<{ html: string; text: string }> {
    this.getMeta(id);
    const html = await this.readOwnFile(id, 'article.html');
    if (html instanceof LinkedFileError) throw html;
    if (html === null) throw new GlossError('corrupt-file', `The article of clip "${id}" is missing from the library.`);
    const cached = await this.readOwnFile(id, 'article.txt');
    // A text cache that was a link is set aside and rebuilt below.
    if (typeof cached === 'string') return { html, text: cached };
    if (!this.options.textOf)
      throw new GlossError('internal', `The text of clip "${id}" needs rebuilding but no text extractor was given.`);
    const text = this.options.textOf(html);
    // The cache is a convenience: failing to write it must not fail the read.
    await this.lock
      .run(id, async () => {
        await writeFileAtomic(clipFile(this.path, id, 'article.txt'), text);
        await this.restamp(id, {});
      })
      .catch(() => {});
    return { html, text };
  }

  /**
   * The article's plain text alone, for search snippets and indexing: one read of `article.txt`, not of the
   * article's HTML too (the text is rebuilt from the HTML, as {@link readArticle} does, when it is missing).
   */
  async readArticleText(id: string): Promise<string> {
    this.getMeta(id);
    const cached = await this.readOwnFile(id, 'article.txt');
    return typeof cached === 'string' ? cached : (await this.readArticle(id)).text;
  }

  /**
   * A file of the clip, not following a link: a file that is a link is moved to quarantine (the link itself;
   * its target is never read nor touched), listed with the problems, and given back as its error.
   */
  private async readOwnFile(id: string, name: ClipFileName): Promise<string | null | LinkedFileError> {
    const read = await readClipFileOrLink(this.path, id, name);
    if (read instanceof LinkedFileError)
      await setAside(this.state, clipFile(this.path, id, name), id, name, read.message);
    return read;
  }

  /**
   * Adds a clip. Files are written in an order that makes the clip appear only when complete:
   * article and annotations first, `meta.json` last (a folder without it is never listed).
   */
  async createClip(draft: ClipDraft, now: Date = new Date()): Promise<ClipMeta> {
    const id = await makeClipFolder(this.path, now);
    const meta = newClipMeta(id, draft, now, this.countWords);
    await writeNewClip(this.path, draft, meta);
    this.state.metas.set(id, meta);
    this.state.highlights.set(id, []);
    this.state.version++;
    await this.restamp(id, 'all');
    return { ...meta };
  }

  /**
   * Reserves a new clip's id (in memory: nothing touches the disk) and returns the metadata the clip will
   * have (clipped at `now`); the caller may add tags or collections before {@link writeClips} saves it.
   * Until then the clip is not listed.
   */
  async reserveClip(draft: ClipDraft, now: Date = new Date()): Promise<ClipMeta> {
    // 40 random bits a day: a taken id is all but impossible, and writeClips' mkdir refuses one anyway.
    let id = newClipId(now);
    while (this.state.metas.has(id) || this.reserved.has(id)) id = newClipId(now);
    this.reserved.add(id);
    return newClipMeta(id, draft, now, this.countWords);
  }

  /**
   * Saves many reserved clips at once (imports, restores, generated libraries): their files are written
   * and synced concurrently, each clip's `meta.json` last, so a crash leaves only whole clips (and
   * interrupted saves the next open moves to the trash). Returns the error of each clip that failed (by id);
   * the others are in the library.
   */
  async writeClips(
    clips: ReadonlyArray<{
      meta: ClipMeta;
      draft: Pick<ClipDraft, 'html' | 'text'>;
      highlights?: readonly Highlight[];
    }>,
  ): Promise<Map<string, GlossError>> {
    const failed = new Map<string, GlossError>();
    let next = 0;
    const worker = async () => {
      while (next < clips.length) {
        const { meta, draft, highlights = [] } = clips[next++]!;
        try {
          const valid = validHighlights(meta.id, [...highlights]);
          this.reserved.delete(meta.id);
          await writeReservedClip(this.path, draft, meta, valid);
          this.state.metas.set(meta.id, meta);
          this.state.highlights.set(meta.id, valid);
          this.state.version++;
          await this.restamp(meta.id, 'all');
        } catch (error) {
          failed.set(meta.id, error instanceof GlossError ? error : ioError('Could not save the clip', error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, clips.length) }, worker));
    return failed;
  }

  /** Changes some metadata fields of a clip (never its id) and returns the result. */
  async updateMeta(id: string, patch: ClipMetaPatch): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      const next: ClipMeta = { ...this.getMeta(id), ...patch, id };
      const meta = validOrThrow(clipMetaSchema, next, 'The clip details');
      await writeFileAtomic(clipFile(this.path, id, 'meta.json'), metaFileText(meta)).catch((e) => {
        throw ioError('Could not save the clip details', e);
      });
      this.state.metas.set(id, meta);
      this.state.version++;
      await this.restamp(id, { meta: true });
      return { ...meta };
    });
  }

  /**
   * Replaces a clip's article (e.g. a placeholder whose page could now be fetched) and its metadata
   * from `draft`, keeping id, clip date and highlights. The article lands before `meta.json`, as in
   * {@link createClip}, so a crash leaves the old metadata over the new article at worst.
   */
  async replaceArticle(id: string, draft: ClipDraft): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      const meta = replacedArticleMeta(this.getMeta(id), draft, this.countWords);
      await writeReplacedArticle(this.path, draft, meta);
      this.state.metas.set(id, meta);
      this.state.version++;
      await this.restamp(id, { meta: true });
      return { ...meta };
    });
  }

  /** Removes a clip from the library by moving its folder to `<library>/trash/`: nothing is ever lost. */
  async deleteClip(id: string): Promise<void> {
    assertId(id);
    await this.lock.run(id, async () => {
      this.getMeta(id);
      await moveClipToTrash(this.path, id);
      this.forget(id);
    });
  }

  /**
   * Brings the most recently deleted copy of a clip back from `<library>/trash/` (undo of {@link deleteClip}).
   * `not-found` when the trash holds no such clip, or a clip with that id is already in the library.
   */
  async restoreClip(id: string): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      if (this.state.metas.has(id)) throw new GlossError('not-found', `Clip "${id}" is already in the library.`);
      await takeClipFromTrash(this.path, id);
      await scanClip(this.state, id);
      this.saver?.changed();
      return this.getMeta(id);
    });
  }

  /** The clip's highlights. A damaged `annotations.json` is quarantined and reads as none. */
  async readAnnotations(id: string): Promise<Highlight[]> {
    assertId(id);
    // Through the lock so a read issued after a write sees that write.
    return this.lock.run(id, () => this.readAnnotationsNow(id));
  }

  /** Replaces the clip's highlights. Writes to one clip happen one at a time, in call order. */
  async writeAnnotations(id: string, highlights: Highlight[]): Promise<void> {
    assertId(id);
    const valid = validHighlights(id, highlights);
    await this.lock.run(id, async () => {
      this.getMeta(id);
      await writeAnnotationsFile(this.path, id, valid);
      this.remember(id, valid);
      await this.restamp(id, { annotations: true });
    });
  }

  /**
   * Read-modify-write of a clip's highlights under the clip's lock. Use this for add/edit/delete:
   * two quick changes then both land, where separate read + write calls could interleave and drop one.
   */
  async updateAnnotations(
    id: string,
    change: (highlights: Highlight[]) => Highlight[] | Promise<Highlight[]>,
  ): Promise<Highlight[]> {
    assertId(id);
    return this.lock.run(id, async () => {
      const next = validHighlights(id, await change(await this.readAnnotationsNow(id)));
      await writeAnnotationsFile(this.path, id, next);
      this.remember(id, next);
      await this.restamp(id, { annotations: true });
      return next;
    });
  }

  private async readAnnotationsNow(id: string): Promise<Highlight[]> {
    this.getMeta(id);
    const highlights = await readAnnotationsFile(this.state, id);
    // A read that finds what is known already changes nothing: the known array stays (its strings shared with the
    // catalogue's, so opening every clip in an export grows no memory) and so do caches keyed on the version.
    const known = this.state.highlights.get(id);
    if (!known || !isDeepStrictEqual(known, highlights)) this.remember(id, highlights);
    return highlights;
  }

  /**
   * The clip's highlights as last read or written, without touching the disk (lists, counts, the
   * catalogue); the same array until the next change, so callers must not modify it.
   */
  highlightsOf(id: string): readonly Highlight[] {
    return this.state.highlights.get(id) ?? [];
  }

  /** A number that changes whenever any clip's metadata or highlights change (for caches derived from them). */
  get version(): number {
    return this.state.version;
  }

  private remember(id: string, highlights: readonly Highlight[]): void {
    if (!this.state.metas.has(id)) return;
    this.state.highlights.set(id, highlights);
    this.state.version++;
  }

  private forget(id: string): void {
    this.state.metas.delete(id);
    this.state.highlights.delete(id);
    this.state.stamps.delete(id);
    this.state.version++;
    this.saver?.changed();
  }

  /**
   * After Gloss wrote files of clip `id` (under its lock, or into a folder only it knows): the parts of the
   * clip's stamp those files change, so the catalogue file keeps vouching for the clip (see clipStamp.ts).
   * The folder's part is kept only when its listing holds what the state says (the article, the known
   * conflicted copies); otherwise it is left unknown and the clip is read again at the next start.
   */
  private async restamp(id: string, wrote: 'all' | { meta?: boolean; annotations?: boolean }): Promise<void> {
    if (!this.saver) return;
    try {
      if (wrote === 'all') {
        this.state.stamps.set(id, await clipStamp(this.path, id));
      } else {
        const old = this.state.stamps.get(id);
        if (!old) return;
        const [dir, meta, annotations] = await Promise.all([
          this.folderMark(id),
          wrote.meta ? fileMarkOf(clipFile(this.path, id, 'meta.json')) : old.meta,
          wrote.annotations ? fileMarkOf(clipFile(this.path, id, 'annotations.json')) : old.annotations,
        ]);
        this.state.stamps.set(id, { dir, meta, annotations });
      }
    } catch {
      this.state.stamps.delete(id);
    }
    this.saver.changed();
  }

  /** The clip folder's mtime if its listing matches the state (taken first, so it can only be older), else -1. */
  private async folderMark(id: string): Promise<number> {
    const dir = clipDir(this.path, id);
    const mark = await dirMarkOf(dir);
    const names = await fs.readdir(dir);
    const known = this.state.conflicts.filter((c) => c.clipId === id).map((c) => c.conflict);
    const found = findConflicts(CLIPS_DIR, id, names).map((c) => c.conflict);
    const same = known.length === found.length && found.every((c) => known.includes(c));
    return names.includes('article.html') && same ? mark : -1;
  }

  /** Where a file of a clip lives, e.g. for the search index to notice edits made behind the app's back. */
  clipFilePath(id: string, name: ClipFileName): string {
    assertId(id);
    return clipFile(this.path, id, name);
  }
}
