/**
 * PageStore: the notebook's pages as plain files, `<library>/pages/<id>/page.json` (Lexical JSON) with
 * `page.md` (a Markdown copy) beside it. Writes are atomic, reads validated, damaged pages quarantined.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import { cleanTempFiles, writeFileAtomic } from '../library/atomicWrite';
import { ioError, validOrThrow } from '../library/checks';
import { assertId, newClipId } from '../library/ids';
import { KeyedMutex } from '../library/mutex';
import { quarantine } from '../library/quarantine';
import { checkJsonFile, ID_PATTERN } from '../library/schemas';
import type { Highlight, LibraryProblem } from '../model';
import { quoteBlocks, withQuoteNote } from './lexicalJson';
import { pageMarkdown } from './markdown';
import { emptyDoc, pageFileSchema, pageFileText, pageSchema } from './schemas';
import type { Backlink, NotebookPage, PageSummary } from './types';

const PAGES_DIR = 'pages';

export class PageStore {
  private readonly pages = new Map<string, NotebookPage>();
  private readonly found: LibraryProblem[] = [];
  private readonly lock = new KeyedMutex();

  private constructor(private readonly library: string) {}

  /** Opens the pages of the library at `library`, quarantining any page that fails validation. */
  static async open(library: string): Promise<PageStore> {
    const store = new PageStore(library);
    await fs.mkdir(store.dir(), { recursive: true }).catch((e) => {
      throw ioError('Could not create the notebook folder', e);
    });
    const entries = await fs.readdir(store.dir(), { withFileTypes: true });
    for (const e of entries) if (e.isDirectory() && ID_PATTERN.test(e.name)) await store.load(e.name);
    return store;
  }

  /** Pages that failed validation when opening (the library's own problems are reported by LibraryStore). */
  problems(): LibraryProblem[] {
    return this.found.map((p) => ({ ...p }));
  }

  /** Every page, most recently changed first. */
  list(): PageSummary[] {
    return [...this.pages.values()]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))
      .map(({ id, title, createdAt, updatedAt }) => ({ id, title, createdAt, updatedAt }));
  }

  /** One page; `not-found` if there is none with this id. */
  get(id: string): NotebookPage {
    assertId(id, 'page');
    const page = this.pages.get(id);
    if (!page) throw new GlossError('not-found', `No notebook page with id "${id}".`);
    return structuredClone(page);
  }

  /** Creates an empty page. */
  async create(title = '', now = new Date()): Promise<NotebookPage> {
    const id = newClipId(now);
    await fs.mkdir(path.join(this.dir(), id)).catch((e) => {
      throw ioError('Could not create the page folder', e);
    });
    const stamp = now.toISOString();
    return this.write({ id, title, createdAt: stamp, updatedAt: stamp, doc: emptyDoc() });
  }

  /** Saves a page's title and document (Lexical JSON), and its Markdown copy. */
  async save(id: string, title: string, doc: Record<string, unknown>, now = new Date()): Promise<NotebookPage> {
    const current = this.get(id);
    return this.write({ ...current, title, doc, updatedAt: now.toISOString() });
  }

  /** Moves a page's folder to the library's trash. */
  async delete(id: string, now = new Date()): Promise<void> {
    this.get(id);
    await this.lock.run(id, async () => {
      const trash = path.join(this.library, 'trash');
      await fs.mkdir(trash, { recursive: true });
      await fs
        .rename(path.join(this.dir(), id), path.join(trash, `${now.toISOString().replace(/[:.]/g, '-')}-page-${id}`))
        .catch((e) => {
          throw ioError('Could not move the page to the trash', e);
        });
      this.pages.delete(id);
    });
  }

  /** The pages that quote a clip, with the quoted highlights. */
  backlinks(clipId: string): Backlink[] {
    const links: Backlink[] = [];
    for (const page of this.pages.values()) {
      const ids = quoteBlocks(page.doc)
        .filter((q) => q.clipId === clipId)
        .map((q) => q.highlightId);
      if (ids.length)
        links.push({
          pageId: page.id,
          pageTitle: page.title,
          updatedAt: page.updatedAt,
          highlightIds: [...new Set(ids)],
        });
    }
    return links.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /**
   * Copies a highlight's changed note into the quote blocks that quote it, so pages (and their Markdown
   * copies) show the note as it is now. The pages' own dates do not change: nobody edited them.
   */
  async refreshQuoteNotes(highlight: Pick<Highlight, 'id' | 'note' | 'noteDoc'>): Promise<void> {
    for (const page of [...this.pages.values()]) {
      const doc = withQuoteNote(page.doc, highlight.id, highlight.note, highlight.noteDoc);
      if (doc) await this.write({ ...page, doc });
    }
  }

  private dir(): string {
    return path.join(this.library, PAGES_DIR);
  }

  private async write(next: NotebookPage): Promise<NotebookPage> {
    const page = validOrThrow(pageSchema, next, 'The page');
    await this.lock.run(page.id, async () => {
      const folder = path.join(this.dir(), page.id);
      try {
        await writeFileAtomic(path.join(folder, 'page.json'), pageFileText(page));
        await writeFileAtomic(path.join(folder, 'page.md'), pageMarkdown(page.title, page.doc));
      } catch (error) {
        throw ioError('Could not save the page', error);
      }
      this.pages.set(page.id, page);
    });
    return structuredClone(page);
  }

  private async load(id: string): Promise<void> {
    const folder = path.join(this.dir(), id);
    const file = path.join(folder, 'page.json');
    await cleanTempFiles(folder).catch(() => {});
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(`Could not read page "${id}"`, error);
      const rest = await fs.readdir(folder);
      if (rest.length === 0) await fs.rmdir(folder).catch(() => {});
      else this.found.push(await quarantine(this.library, folder, id, 'page', 'page.json is missing.', file));
      return;
    }
    const checked = checkJsonFile('page.json', raw, pageFileSchema);
    if (!checked.ok)
      return void this.found.push(await quarantine(this.library, folder, id, 'page', checked.reason, file));
    const { schema: _schema, ...page } = checked.value;
    if (page.id !== id) {
      return void this.found.push(
        await quarantine(
          this.library,
          folder,
          id,
          'page',
          `page.json names page "${page.id}" but lies in folder "${id}".`,
          file,
        ),
      );
    }
    this.pages.set(id, page);
  }
}
