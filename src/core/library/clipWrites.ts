/**
 * Writing a clip's article and metadata. Files land in an order that makes a clip appear only when
 * complete: article and annotations first, `meta.json` last (a folder without it is never listed).
 */
import { promises as fs } from 'node:fs';
import { GlossError } from '../errors';
import type { ClipDraft, ClipMeta, Highlight } from '../model';
import { contentHash } from '../article/contentHash';
import { syncDir, writeFileAtomic } from './atomicWrite';
import { ioError, validOrThrow } from './checks';
import { clipDir, clipFile } from './clipFiles';
import { annotationsFileText, clipMetaSchema, metaFileText } from './schemas';
import { CREATING_MARKER, CREATING_NOTE } from './unfinished';

/** Counts the words of an article's text. */
export type WordCounter = (text: string) => number;

/** Writes a PDF draft's original file (`original.pdf`, byte for byte) into the clip's folder; nothing for other drafts. */
async function writeOriginalPdf(root: string, id: string, draft: Pick<ClipDraft, 'pdf' | 'pdfBytes'>): Promise<void> {
  if (draft.pdf && draft.pdfBytes) await writeFileAtomic(clipFile(root, id, draft.pdf.file), draft.pdfBytes);
}

/** The metadata fields that follow from an article's text. */
function textFacts(text: string, countWords: WordCounter): Pick<ClipMeta, 'words' | 'contentHash'> {
  return { words: countWords(text), contentHash: contentHash(text) };
}

/** The metadata of a new clip `id` made from `draft` at `now` ({@link writeNewClip} validates it). */
export function newClipMeta(id: string, draft: ClipDraft, now: Date, countWords: WordCounter): ClipMeta {
  const facts = textFacts(draft.text, countWords);
  return {
    id,
    title: draft.title,
    byline: draft.byline,
    site: draft.site,
    published: draft.published,
    url: draft.url,
    ...(draft.aliases?.length && { aliases: draft.aliases }),
    lang: draft.lang,
    excerpt: draft.excerpt,
    words: facts.words,
    clippedAt: now.toISOString(),
    origin: draft.origin,
    contentHash: facts.contentHash,
    ...(draft.placeholder && { placeholder: draft.placeholder }),
    ...(draft.biblio && { biblio: draft.biblio }),
    ...(draft.pdf && { pdf: draft.pdf }),
  };
}

/**
 * Validates `meta` and writes every file of a new clip into its (fresh, empty) folder. On failure the
 * half-made folder is removed: nothing was visible yet and the caller still holds the draft.
 */
export async function writeNewClip(root: string, draft: ClipDraft, meta: ClipMeta): Promise<void> {
  const { id } = meta;
  try {
    validOrThrow(clipMetaSchema, meta, 'The clip');
    // Until meta.json lands, the marker tells a later open that this folder is an interrupted save.
    await fs.writeFile(clipFile(root, id, CREATING_MARKER), CREATING_NOTE);
    await writeOriginalPdf(root, id, draft);
    await writeFileAtomic(clipFile(root, id, 'article.html'), draft.html);
    await writeFileAtomic(clipFile(root, id, 'article.txt'), draft.text);
    await writeFileAtomic(clipFile(root, id, 'annotations.json'), annotationsFileText(id, []));
    await writeFileAtomic(clipFile(root, id, 'meta.json'), metaFileText(meta));
    await fs.rm(clipFile(root, id, CREATING_MARKER), { force: true }).catch(() => {});
  } catch (error) {
    await fs.rm(clipDir(root, id), { recursive: true, force: true }).catch(() => {});
    throw error instanceof GlossError ? error : ioError('Could not save the clip', error);
  }
}

/**
 * Writes a new clip whose id was reserved in memory (LibraryStore.reserveClip): its folder (which must
 * not exist) marked as being saved, article, text and highlights, then `meta.json` last, each synced, the
 * folder synced once before `meta.json`. Bulk writes (imports, the benchmark's libraries) run many of
 * these at once. On failure the folder is removed: the clip was never visible.
 */
export async function writeReservedClip(
  root: string,
  draft: Pick<ClipDraft, 'html' | 'text' | 'pdf' | 'pdfBytes'>,
  meta: ClipMeta,
  highlights: readonly Highlight[],
): Promise<void> {
  const { id } = meta;
  const quiet = { syncFolder: false };
  try {
    validOrThrow(clipMetaSchema, meta, 'The clip');
  } catch (error) {
    throw error instanceof GlossError ? error : ioError('Could not save the clip', error);
  }
  // Without `recursive`, mkdir fails on a taken id: never write into another clip's folder.
  await fs.mkdir(clipDir(root, id)).catch((error) => {
    throw ioError('Could not create the clip folder', error);
  });
  try {
    await fs.writeFile(clipFile(root, id, CREATING_MARKER), CREATING_NOTE);
    await Promise.all([
      draft.pdf && draft.pdfBytes && writeFileAtomic(clipFile(root, id, draft.pdf.file), draft.pdfBytes, quiet),
      writeFileAtomic(clipFile(root, id, 'article.html'), draft.html, quiet),
      writeFileAtomic(clipFile(root, id, 'article.txt'), draft.text, quiet),
      writeFileAtomic(clipFile(root, id, 'annotations.json'), annotationsFileText(id, [...highlights]), quiet),
    ]);
    await syncDir(clipDir(root, id));
    await writeFileAtomic(clipFile(root, id, 'meta.json'), metaFileText(meta));
    await fs.rm(clipFile(root, id, CREATING_MARKER), { force: true }).catch(() => {});
  } catch (error) {
    await fs.rm(clipDir(root, id), { recursive: true, force: true }).catch(() => {});
    throw error instanceof GlossError ? error : ioError('Could not save the clip', error);
  }
}

/** The validated metadata of clip `old` once its article is replaced by `draft` (id and clip date kept). */
export function replacedArticleMeta(old: ClipMeta, draft: ClipDraft, countWords: WordCounter): ClipMeta {
  // A PDF's page starts belong to its text: a new text that is not that PDF's drops them.
  const { placeholder: _old, pdf: _pdf, ...kept } = old;
  const { html: _html, text, placeholder, pdfBytes: _bytes, ...fields } = draft;
  const next: ClipMeta = { ...kept, ...fields, ...textFacts(text, countWords), ...(placeholder && { placeholder }) };
  return validOrThrow(clipMetaSchema, next, 'The clip');
}

/** Writes a replaced article, then its metadata, so a crash leaves the old metadata over the new article at worst. */
export async function writeReplacedArticle(root: string, draft: ClipDraft, meta: ClipMeta): Promise<void> {
  try {
    await writeOriginalPdf(root, meta.id, draft);
    await writeFileAtomic(clipFile(root, meta.id, 'article.html'), draft.html);
    await writeFileAtomic(clipFile(root, meta.id, 'article.txt'), draft.text);
    await writeFileAtomic(clipFile(root, meta.id, 'meta.json'), metaFileText(meta));
  } catch (error) {
    throw ioError('Could not save the clip', error);
  }
}
