/**
 * Test helper: a library with a bit of everything an export carries. Two web clips fetched from the
 * local test server (one with a downloaded picture) in a collection, a pasted note whose title holds
 * characters Obsidian links cannot, highlights with notes, and a notebook page quoting two highlights.
 */
import path from 'node:path';
import { findQuote } from '../anchoring/describe';
import { tempDir } from '../library/testHelpers';
import type { ClipSummary } from '../model';
import type { NotebookPage } from '../notebook/types';
import { QUOTE_NODE_TYPE } from '../notebook/types';
import { createGlossService, type GlossService } from '../service';

export interface TestLibrary {
  dir: string;
  service: GlossService;
  kelp: ClipSummary;
  tidal: ClipSummary;
  notes: ClipSummary;
  page: NotebookPage;
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  children: [{ type: 'text', version: 1, text, format: 0 }],
});

async function highlight(service: GlossService, clipId: string, quote: string, note: string) {
  const range = findQuote((await service.getClip(clipId)).text, quote);
  if (!range) throw new Error(`“${quote}” is not in clip ${clipId}`);
  return service.addHighlight({ clipId, ...range, note });
}

/** Builds the library in a new temp folder, clipping from the test server at `base`. */
export async function testLibrary(base: string): Promise<TestLibrary> {
  const dir = path.join(await tempDir(), 'library');
  const service = await createGlossService({ libraryDir: dir, images: {}, fetch: { timeoutMs: 5000 } });
  const kelp = await service.clipUrl({ url: `${base}/illustrated` });
  const tidal = await service.clipUrl({ url: `${base}/article` });
  const notes = await service.clipText({
    text: 'The survey team counted forty-one nesting pairs.\n\nThat is twice last year.',
    title: 'Field notes #3 [draft]',
  });
  const onKelp = await highlight(service, kelp.id, 'without a single unplanned stop', 'Reliability');
  const onTidal = await highlight(service, tidal.id, 'tidal energy is ready for the grid', 'The claim\nto check');
  await highlight(service, notes.id, 'forty-one nesting pairs', '');
  for (const clip of [kelp, tidal]) await service.updateClip({ id: clip.id, collections: ['Ocean energy'] });

  const quote = (clip: ClipSummary, h: typeof onKelp) => ({
    type: QUOTE_NODE_TYPE,
    version: 1,
    clipId: clip.id,
    highlightId: h.id,
    quote: h.target.selector[0].exact,
    title: clip.title,
    note: h.note,
  });
  const created = await service.createPage({ title: 'Reading notes' });
  const doc = {
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'heading',
          tag: 'h2',
          version: 1,
          children: [{ type: 'text', version: 1, text: 'Two sources agree', format: 0 }],
        },
        paragraph('Both articles say the winter proved it.'),
        quote(kelp, onKelp),
        quote(tidal, onTidal),
      ],
    },
  };
  await service.savePage({ id: created.id, title: 'Reading notes', doc });
  return {
    dir,
    service,
    kelp: (await service.listClips()).find((c) => c.id === kelp.id)!,
    tidal,
    notes,
    page: await service.getPage(created.id),
  };
}
