/**
 * LibraryStore: the plain-file library. One folder per clip, JSON and HTML files a person can read,
 * every write atomic, every read validated, damaged files moved aside instead of stopping the app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import type { ClipDraft, ClipMeta, Highlight, LibraryConflict, LibraryProblem } from '../model';
import { cleanTempFiles, writeFileAtomic } from './atomicWrite';
import { CREATING_MARKER, CREATING_NOTE, isUnfinished, moveUnfinishedToTrash } from './unfinished';
import { findConflicts, resolveConflictFiles } from './conflicts';
import { assertId, newClipId } from './ids';
import { KeyedMutex } from './mutex';
import { fileStamp, quarantine, QUARANTINE_DIR, readQuarantine } from './quarantine';
import { annotationsFileText, checkJsonFile, clipMetaSchema, ID_PATTERN, metaFileSchema, metaFileText } from './schemas';
import { checkAnnotations, ioError, validHighlights, validOrThrow } from './checks';
import { countWords as defaultCountWords } from '../article/text';
import { contentHash } from '../article/contentHash';

export interface LibraryStoreOptions {
  /** `articleText(html)`: rebuilds `article.txt` when the cache is missing. */
  textOf?: (html: string) => string;
  /** Word counter for new clips; defaults to a Unicode word-break count. */
  countWords?: (text: string) => number;
}

/** The fields of a clip's metadata that may be changed after clipping. */
export type ClipMetaPatch = Partial<Omit<ClipMeta, 'id'>>;

const CLIPS_DIR = 'clips';
const TRASH_DIR = 'trash';
/** How many clip folders are read at once when opening: enough to be quick, few enough for EMFILE. */
const SCAN_CONCURRENCY = 16;

export class LibraryStore {
  /** Absolute path of the library folder. */
  readonly path: string;
  private readonly metas = new Map<string, ClipMeta>();
  private readonly found: LibraryProblem[] = [];
  private syncConflicts: LibraryConflict[] = [];
  private readonly lock = new KeyedMutex();

  private constructor(dir: string, private readonly options: LibraryStoreOptions) {
    this.path = dir;
  }

  /**
   * Opens (creating if needed) the library at `dir`. Never fails because of a damaged clip:
   * such clips are quarantined and listed in {@link problems}; the rest of the library opens.
   */
  static async open(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const store = new LibraryStore(path.resolve(dir), options);
    try {
      for (const sub of [CLIPS_DIR, QUARANTINE_DIR, TRASH_DIR]) await fs.mkdir(path.join(store.path, sub), { recursive: true });
    } catch (error) {
      throw ioError(`Could not create the library folder at ${store.path}`, error);
    }
    await store.scan();
    return store;
  }

  /** Every readable clip, newest first. */
  list(): ClipMeta[] {
    return [...this.metas.values()].sort((a, b) => b.clippedAt.localeCompare(a.clippedAt) || b.id.localeCompare(a.id));
  }

  /** The metadata of one clip; `not-found` if there is no such clip. */
  getMeta(id: string): ClipMeta {
    assertId(id);
    const meta = this.metas.get(id);
    if (!meta) throw new GlossError('not-found', `No clip with id "${id}".`);
    return { ...meta };
  }

  /** Files that failed validation, now and in earlier sessions (until removed from the quarantine folder). */
  problems(): LibraryProblem[] {
    return this.found.map((p) => ({ ...p }));
  }

  /** Conflicted copies that sync tools left beside clip files, until {@link resolveConflict} settles each. */
  conflicts(): LibraryConflict[] {
    return this.syncConflicts.map((c) => ({ ...c }));
  }

  /**
   * Keeps one version of a conflicted clip file (`conflictPath` as listed by {@link conflicts}) and moves
   * the other to the trash. Keeping the other version re-reads the clip; a damaged copy is refused.
   */
  async resolveConflict(clipId: string, conflictPath: string, keep: 'current' | 'conflict'): Promise<void> {
    assertId(clipId);
    await this.lock.run(clipId, async () => {
      const found = this.syncConflicts.find((c) => c.clipId === clipId && c.conflict === conflictPath);
      if (!found) throw new GlossError('not-found', `No conflicted copy "${conflictPath.slice(0, 200)}" in clip "${clipId}".`);
      await resolveConflictFiles(this.path, path.join(this.path, TRASH_DIR), found, keep);
      // The text cache belongs to the article that was replaced.
      if (keep === 'conflict' && found.file === 'article.html') await fs.rm(this.file(clipId, 'article.txt'), { force: true });
      this.metas.delete(clipId);
      await this.scanClip(clipId);
    });
  }

  /** The clip's sanitised HTML and its text (from the `article.txt` cache, rebuilt when missing). */
  async readArticle(id: string): Promise<{ html: string; text: string }> {
    this.getMeta(id);
    const html = await this.readClipFile(id, 'article.html');
    if (html === null) throw new GlossError('corrupt-file', `The article of clip "${id}" is missing from the library.`);
    const cached = await this.readClipFile(id, 'article.txt');
    if (cached !== null) return { html, text: cached };
    if (!this.options.textOf) throw new GlossError('internal', `The text of clip "${id}" needs rebuilding but no text extractor was given.`);
    const text = this.options.textOf(html);
    // The cache is a convenience: failing to write it must not fail the read.
    await this.lock.run(id, () => writeFileAtomic(this.file(id, 'article.txt'), text)).catch(() => {});
    return { html, text };
  }

  /**
   * Adds a clip. Files are written in an order that makes the clip appear only when complete:
   * article and annotations first, `meta.json` last (a folder without it is never listed).
   */
  async createClip(draft: ClipDraft, now: Date = new Date()): Promise<ClipMeta> {
    const id = await this.makeClipFolder(now);
    const meta: ClipMeta = {
      id,
      title: draft.title,
      byline: draft.byline,
      site: draft.site,
      published: draft.published,
      url: draft.url,
      ...(draft.aliases?.length && { aliases: draft.aliases }),
      lang: draft.lang,
      excerpt: draft.excerpt,
      words: (this.options.countWords ?? defaultCountWords)(draft.text),
      clippedAt: now.toISOString(),
      origin: draft.origin,
      contentHash: contentHash(draft.text),
      ...(draft.placeholder && { placeholder: draft.placeholder }),
    };
    try {
      validOrThrow(clipMetaSchema, meta, 'The clip');
      // Until meta.json lands, the marker tells a later open that this folder is an interrupted save.
      await fs.writeFile(this.file(id, CREATING_MARKER), CREATING_NOTE);
      await writeFileAtomic(this.file(id, 'article.html'), draft.html);
      await writeFileAtomic(this.file(id, 'article.txt'), draft.text);
      await writeFileAtomic(this.file(id, 'annotations.json'), annotationsFileText(id, []));
      await writeFileAtomic(this.file(id, 'meta.json'), metaFileText(meta));
      await fs.rm(this.file(id, CREATING_MARKER), { force: true }).catch(() => {});
    } catch (error) {
      // Nothing was visible yet and the caller still holds the draft, so the half-made folder can go.
      await fs.rm(path.join(this.path, CLIPS_DIR, id), { recursive: true, force: true }).catch(() => {});
      throw error instanceof GlossError ? error : ioError('Could not save the clip', error);
    }
    this.metas.set(id, meta);
    return { ...meta };
  }

  /** Changes some metadata fields of a clip (never its id) and returns the result. */
  async updateMeta(id: string, patch: ClipMetaPatch): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      const next: ClipMeta = { ...this.getMeta(id), ...patch, id };
      const meta = validOrThrow(clipMetaSchema, next, 'The clip details');
      await writeFileAtomic(this.file(id, 'meta.json'), metaFileText(meta)).catch((e) => {
        throw ioError('Could not save the clip details', e);
      });
      this.metas.set(id, meta);
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
      const { placeholder: _old, ...kept } = this.getMeta(id);
      const { html, text, placeholder, ...fields } = draft;
      const next: ClipMeta = { ...kept, ...fields, words: (this.options.countWords ?? defaultCountWords)(text), contentHash: contentHash(text), ...(placeholder && { placeholder }) };
      const meta = validOrThrow(clipMetaSchema, next, 'The clip');
      try {
        await writeFileAtomic(this.file(id, 'article.html'), html);
        await writeFileAtomic(this.file(id, 'article.txt'), text);
        await writeFileAtomic(this.file(id, 'meta.json'), metaFileText(meta));
      } catch (error) {
        throw ioError('Could not save the clip', error);
      }
      this.metas.set(id, meta);
      return { ...meta };
    });
  }

  /** Removes a clip from the library by moving its folder to `<library>/trash/`: nothing is ever lost. */
  async deleteClip(id: string): Promise<void> {
    assertId(id);
    await this.lock.run(id, async () => {
      this.getMeta(id);
      const trash = path.join(this.path, TRASH_DIR);
      await fs.mkdir(trash, { recursive: true });
      await fs.rename(path.join(this.path, CLIPS_DIR, id), path.join(trash, `${fileStamp(new Date())}-${id}`)).catch((e) => {
        throw ioError('Could not move the clip to the trash', e);
      });
      this.metas.delete(id);
    });
  }

  /**
   * Brings the most recently deleted copy of a clip back from `<library>/trash/` (undo of {@link deleteClip}).
   * `not-found` when the trash holds no such clip, or a clip with that id is already in the library.
   */
  async restoreClip(id: string): Promise<ClipMeta> {
    assertId(id);
    return this.lock.run(id, async () => {
      if (this.metas.has(id)) throw new GlossError('not-found', `Clip "${id}" is already in the library.`);
      const trash = path.join(this.path, TRASH_DIR);
      const names = (await fs.readdir(trash).catch(() => [] as string[])).filter((n) => n.endsWith(`Z-${id}`)).sort();
      const newest = names.at(-1);
      if (!newest) throw new GlossError('not-found', `Clip "${id}" is not in the trash.`);
      await fs.rename(path.join(trash, newest), path.join(this.path, CLIPS_DIR, id)).catch((e) => {
        throw ioError('Could not move the clip back from the trash', e);
      });
      await this.scanClip(id);
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
      await this.writeAnnotationsNow(id, valid);
    });
  }

  /**
   * Read-modify-write of a clip's highlights under the clip's lock. Use this for add/edit/delete:
   * two quick changes then both land, where separate read + write calls could interleave and drop one.
   */
  async updateAnnotations(id: string, change: (highlights: Highlight[]) => Highlight[] | Promise<Highlight[]>): Promise<Highlight[]> {
    assertId(id);
    return this.lock.run(id, async () => {
      const next = validHighlights(id, await change(await this.readAnnotationsNow(id)));
      await this.writeAnnotationsNow(id, next);
      return next;
    });
  }

  private async readAnnotationsNow(id: string): Promise<Highlight[]> {
    this.getMeta(id);
    const raw = await this.readClipFile(id, 'annotations.json');
    if (raw === null) return [];
    const checked = checkAnnotations(id, raw);
    if (checked.ok) return checked.value;
    await this.setAside(this.file(id, 'annotations.json'), id, 'annotations.json', checked.reason);
    return [];
  }

  private async writeAnnotationsNow(id: string, highlights: Highlight[]): Promise<void> {
    await writeFileAtomic(this.file(id, 'annotations.json'), annotationsFileText(id, highlights)).catch((e) => {
      throw ioError('Could not save the highlights', e);
    });
  }

  /** Where a file of a clip lives, e.g. for the search index to notice edits made behind the app's back. */
  clipFilePath(id: string, name: 'meta.json' | 'article.html' | 'article.txt' | 'annotations.json'): string {
    assertId(id);
    return this.file(id, name);
  }

  private file(id: string, name: string): string {
    return path.join(this.path, CLIPS_DIR, id, name);
  }

  /** Reads a file of a clip; `null` if it does not exist. */
  private async readClipFile(id: string, name: string): Promise<string | null> {
    try {
      return await fs.readFile(this.file(id, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw ioError(`Could not read ${name} of clip "${id}"`, error);
    }
  }

  /** Creates a fresh, empty clip folder; mkdir without `recursive` fails on a taken id, so ids never collide. */
  private async makeClipFolder(now: Date): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const id = newClipId(now);
      try {
        await fs.mkdir(path.join(this.path, CLIPS_DIR, id));
        return id;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw ioError('Could not create the clip folder', error);
      }
    }
  }

  private async setAside(source: string, clipId: string, label: string, reason: string, culprit = source): Promise<void> {
    this.found.push(await quarantine(this.path, source, clipId, label, reason, culprit));
  }

  /** Reads every clip folder, quarantining what cannot be read. */
  private async scan(): Promise<void> {
    this.found.push(...(await readQuarantine(this.path)));
    const entries = await fs.readdir(path.join(this.path, CLIPS_DIR), { withFileTypes: true });
    // Folders that are not clip ids (e.g. made by hand) are left alone: they cannot be addressed anyway.
    const ids = entries.filter((e) => e.isDirectory() && ID_PATTERN.test(e.name)).map((e) => e.name);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) await this.scanClip(ids[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, ids.length) }, worker));
  }

  /**
   * Loads one clip folder. A clip with unreadable metadata or without its article is moved to
   * quarantine as a whole folder: its files belong together, so restoring it is one move back,
   * and a meta-less folder left behind would be an invisible stray. Damaged annotations only
   * cost the highlights, so just that file is moved and the clip stays.
   */
  private async scanClip(id: string): Promise<void> {
    const dir = path.join(this.path, CLIPS_DIR, id);
    try {
      await cleanTempFiles(dir);
      const rawMeta = await this.readClipFile(id, 'meta.json');
      if (rawMeta === null) {
        const rest = await fs.readdir(dir);
        // A folder left empty by an interrupted clip holds nothing worth keeping.
        if (rest.length === 0) return void (await fs.rmdir(dir).catch(() => {}));
        // Cut off while being saved: never acknowledged, so not damage; kept in the trash all the same.
        if (await isUnfinished(dir)) return moveUnfinishedToTrash(dir, path.join(this.path, TRASH_DIR), fileStamp(new Date()));
        return this.setAside(dir, id, 'clip', 'meta.json is missing (the clip was not finished saving, or the file was deleted).', this.file(id, 'meta.json'));
      }
      const checked = checkJsonFile('meta.json', rawMeta, metaFileSchema);
      const metaFile = this.file(id, 'meta.json');
      if (!checked.ok) return this.setAside(dir, id, 'clip', checked.reason, metaFile);
      const { schema: _schema, ...meta } = checked.value;
      if (meta.id !== id) return this.setAside(dir, id, 'clip', `meta.json names clip "${meta.id}" but lies in folder "${id}".`, metaFile);
      if ((await this.readClipFile(id, 'article.html')) === null) {
        return this.setAside(dir, id, 'clip', 'article.html is missing, so the clip cannot be shown.', this.file(id, 'article.html'));
      }
      this.metas.set(id, meta);
      // Killed after meta.json was written but before the marker went: the clip is complete.
      await fs.rm(this.file(id, CREATING_MARKER), { force: true });
      // Read first: folders are scanned concurrently, and the list must not be copied before an await.
      const names = await fs.readdir(dir);
      this.syncConflicts = [...this.syncConflicts.filter((c) => c.clipId !== id), ...findConflicts(CLIPS_DIR, id, names)];
      await this.readAnnotationsNow(id);
    } catch (error) {
      // One unreadable folder (permissions, I/O) must not keep the whole library closed.
      this.found.push({
        file: `${CLIPS_DIR}/${id}`,
        quarantinedAs: '',
        reason: `The clip could not be read: ${(error as Error).message}`,
        at: new Date().toISOString(),
      });
      this.metas.delete(id);
    }
  }
}
