/**
 * Running an import: entries from any importer become clips (fetched, taken from the export's
 * content, or made of their highlights), placeholders when a page cannot be fetched, or additions to
 * clips the library already has. Nothing is dropped without a reason in the report, and a second run
 * of the same import adds nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../errors';
import type { ClipDraft, ClipSummary, Highlight } from '../model';
import { mergeHighlights, type MergeCounts } from './highlights';
import { normalizeUrl } from '../clipper/urls';
import { contentHash } from '../article/contentHash';
import { clipAddresses } from '../libraryClips/aliases';
import type { ImportEntry, ImportProgress, ImportReport, ImportTarget } from './types';

export interface RunImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Stops between entries: what was imported so far stays, and the report counts just that. */
  signal?: AbortSignal;
}

const importClipper = () => import('../clipper');
let clipperModule: ReturnType<typeof importClipper> | null = null;
/** The clipper, loaded on first use (it brings jsdom) and kept: an import asks for it once per entry. */
const loadClipper = () => (clipperModule ??= importClipper());
const importPasted = () => import('../clipper/pastedText');
let pastedModule: ReturnType<typeof importPasted> | null = null;
/** Pasted text's clipper alone (no jsdom to load while the text is plain), for text and highlights-only entries. */
const loadPasted = () => (pastedModule ??= importPasted());

/** Errors that no later retry can fix: such entries are skipped, every other fetch failure keeps a placeholder. */
const PERMANENT = new Set(['unsupported-url', 'invalid-input']);

const textKey = contentHash;

function titleKey(title: string | null, byline: string | null | undefined): string {
  return `${(title ?? '').trim().toLowerCase()}\u0000${(byline ?? '').trim().toLowerCase()}`;
}

/** What the library already holds, by each key an entry can match on. */
class Known {
  private readonly byUrl = new Map<string, ClipSummary>();
  private readonly byTitle = new Map<string, ClipSummary>();
  private readonly withoutUrl: ClipSummary[] = [];
  private byText: Map<string, ClipSummary> | null = null;

  constructor(
    private readonly service: ImportTarget,
    clips: ClipSummary[],
  ) {
    for (const clip of clips) this.add(clip);
  }

  add(clip: ClipSummary, text?: string): void {
    const addresses = clipAddresses(clip);
    for (const url of addresses) this.byUrl.set(url, clip);
    if (!addresses.length) this.withoutUrl.push(clip);
    if (!this.byTitle.has(titleKey(clip.title, clip.byline))) this.byTitle.set(titleKey(clip.title, clip.byline), clip);
    if (text !== undefined) this.byText?.set(textKey(text), clip);
  }

  byAddress(url: string | null): ClipSummary | undefined {
    return url ? this.byUrl.get(url) : undefined;
  }

  byName(title: string | null, byline: string | null | undefined): ClipSummary | undefined {
    return this.byTitle.get(titleKey(title, byline));
  }

  /** Clips without an address, by their text; read from the library the first time it is asked. */
  async byContent(text: string): Promise<ClipSummary | undefined> {
    if (!this.byText) {
      this.byText = new Map();
      for (const clip of this.withoutUrl) this.byText.set(textKey((await this.service.getClip(clip.id)).text), clip);
    }
    return this.byText.get(textKey(text));
  }
}

/** The draft an entry brings with it (content or highlights), or null when its page must be fetched. */
async function carriedDraft(entry: ImportEntry): Promise<ClipDraft | null> {
  const title = entry.title ?? undefined;
  let draft: ClipDraft | null = null;
  if (entry.content?.kind === 'pdf') {
    const { readPdfDraft } = await import('../pdf/pdfInWorker');
    const bytes = new Uint8Array(await readFile(entry.content.file));
    draft = await readPdfDraft(bytes, { fileName: path.basename(entry.content.file), url: entry.url });
  } else if (entry.content?.kind === 'html')
    draft = await (await loadClipper()).clipHtml(entry.content.value, { title, url: entry.url });
  else if (entry.content?.kind === 'text')
    draft = (await loadPasted()).clipPastedText(entry.content.value, { title, url: entry.url });
  else if (entry.highlightsOnly)
    draft = (await loadPasted()).clipPastedText(entry.highlights.map((h) => h.quote.trim()).join('\n\n'), {
      title,
      url: null,
    });
  if (!draft) return null;
  const { site, published } = entry.details ?? {};
  return {
    ...draft,
    byline: entry.byline ?? draft.byline,
    site: site ?? draft.site,
    published: published ?? draft.published,
  };
}

/** A clip standing in for a page that could not be fetched: its title, address and the reason. */
async function placeholderDraft(entry: ImportEntry, url: string, reason: string): Promise<ClipDraft> {
  const { clipPastedText } = await loadPasted();
  const text = `This page could not be fetched when it was imported.\n\nReason: ${reason}\n\nAddress: ${url}`;
  const draft = clipPastedText(text, { title: entry.title ?? url, url });
  return {
    ...draft,
    byline: entry.byline ?? null,
    excerpt: `Not fetched yet: ${reason}`,
    origin: 'url',
    placeholder: { reason, attemptedAt: new Date().toISOString(), attempts: 1 },
  };
}

/**
 * Imports `entries` into the library behind `service` and reports what happened. Entries are matched
 * to existing clips by normalised URL (see {@link normalizeUrl}), else by title and author
 * (highlights-only entries), else by article text (files); highlights are matched by quote.
 */
export async function runImport(
  service: ImportTarget,
  entries: ImportEntry[],
  options: RunImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    imported: 0,
    merged: 0,
    placeholders: 0,
    skipped: [],
    highlights: { placed: 0, orphaned: 0, duplicates: 0 },
    clipIds: [],
  };
  const known = new Known(service, await service.listClips());
  const skip = (entry: ImportEntry, reason: string) =>
    report.skipped.push({ source: entry.source, title: entry.title, reason });
  // New clips that carry their article are written a batch at a time (their syncs overlap).
  const batch = service.clipBatch?.();
  const batched = new Map<string, { entry: ImportEntry; counts: MergeCounts }>();

  /** Writes the batched clips; one that could not be saved is taken back out of the report. */
  async function settle(): Promise<void> {
    if (!batch) return;
    for (const [id, error] of await batch.flush()) {
      const { entry, counts } = batched.get(id)!;
      report.imported--;
      report.clipIds = report.clipIds.filter((c) => c !== id);
      report.highlights.placed -= counts.placed;
      report.highlights.orphaned -= counts.orphaned;
      report.highlights.duplicates -= counts.duplicates;
      skip(entry, error.message);
    }
    batched.clear();
  }

  /** Adds a clip with its article through the batch, its highlights made with it. */
  async function addBatched(entry: ImportEntry, draft: ClipDraft): Promise<void> {
    let counts: MergeCounts = { placed: 0, orphaned: 0, duplicates: 0 };
    const clip = await batch!.add(draft, {
      tags: entry.details?.tags,
      collections: entry.details?.collections,
      highlights: (meta, text) => {
        const highlights: Highlight[] = [];
        const source = meta.url ?? `gloss:clip/${meta.id}`;
        counts = mergeHighlights(highlights, entry.highlights, text, { clipId: meta.id, source });
        return highlights;
      },
    });
    known.add(clip, draft.text);
    report.imported++;
    report.clipIds.push(clip.id);
    report.highlights.placed += counts.placed;
    report.highlights.orphaned += counts.orphaned;
    report.highlights.duplicates += counts.duplicates;
    batched.set(clip.id, { entry, counts });
  }

  async function addHighlights(clip: ClipSummary, entry: ImportEntry): Promise<number> {
    if (!entry.highlights.length) return 0;
    const source = clip.url ?? `gloss:clip/${clip.id}`;
    const { result } = await service.changeHighlights(clip.id, (highlights, text) =>
      mergeHighlights(highlights, entry.highlights, text, { clipId: clip.id, source }),
    );
    report.highlights.placed += result.placed;
    report.highlights.orphaned += result.orphaned;
    report.highlights.duplicates += result.duplicates;
    return result.placed + result.orphaned;
  }

  async function mergeInto(clip: ClipSummary, entry: ImportEntry): Promise<void> {
    if (batch?.has(clip.id)) await settle();
    let changed = false;
    let still: string | null = null;
    if (clip.placeholder && clip.url) {
      try {
        clip = await service.retryClip(clip.id);
        changed = true;
      } catch (error) {
        still = error instanceof Error ? error.message : String(error);
        report.placeholders++;
      }
    }
    if ((await addHighlights(clip, entry)) > 0) changed = true;
    if (changed) {
      report.merged++;
      report.clipIds.push(clip.id);
    } else {
      skip(entry, still ? `Already in the library, still a placeholder: ${still}` : 'Already in the library.');
    }
  }

  async function addNew(entry: ImportEntry, url: string | null): Promise<void> {
    let draft = await carriedDraft(entry).catch((error: unknown) => {
      throw error instanceof GlossError ? error : new GlossError('invalid-input', String(error));
    });
    // A scanned PDF has no text to tell it apart by.
    if (draft && !url && !entry.highlightsOnly && !(draft.pdf && !draft.pdf.hasText)) {
      // Reading clips' texts needs the batched ones on disk.
      await settle();
      const same = await known.byContent(draft.text);
      if (same) return mergeInto(same, entry);
    }
    if (draft && batch) return addBatched(entry, draft);
    let clip: ClipSummary;
    if (draft) {
      clip = await service.addClipDraft(draft);
    } else {
      try {
        clip = await service.clipUrl({ url: url!, title: entry.title ?? undefined });
      } catch (error) {
        // The page it leads to (e.g. after a redirect) is one the library already holds.
        if (error instanceof GlossError && error.code === 'duplicate') {
          skip(entry, 'Already in the library.');
          return;
        }
        if (!(error instanceof GlossError) || PERMANENT.has(error.code)) throw error;
        draft = await placeholderDraft(entry, url!, error.message);
        clip = await service.addClipDraft(draft);
        report.placeholders++;
      }
    }
    const { tags, collections } = entry.details ?? {};
    if (tags?.length || collections?.length) clip = await service.updateClip({ id: clip.id, tags, collections });
    known.add(clip, draft?.text);
    report.imported++;
    report.clipIds.push(clip.id);
    await addHighlights(clip, entry);
  }

  try {
    for (const [index, entry] of entries.entries()) {
      options.onProgress?.({ done: index, total: entries.length, title: entry.title ?? entry.url ?? entry.source });
      if (options.signal?.aborted) break;
      const url = normalizeUrl(entry.url);
      try {
        if (entry.url && !url && !entry.content) skip(entry, `“${entry.url.slice(0, 100)}” is not a web address.`);
        else if (!url && !entry.content && !entry.highlightsOnly)
          skip(entry, 'No web address and no content to import.');
        else {
          const existing =
            known.byAddress(url) ?? (entry.highlightsOnly ? known.byName(entry.title, entry.byline) : undefined);
          if (existing) await mergeInto(existing, entry);
          else await addNew(entry, url);
        }
      } catch (error) {
        skip(entry, error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    await settle();
  }
  if (!options.signal?.aborted) options.onProgress?.({ done: entries.length, total: entries.length, title: '' });
  return report;
}
