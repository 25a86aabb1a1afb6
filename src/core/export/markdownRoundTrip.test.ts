/**
 * Markdown exports that hostile or damaged clips cannot break (issue 19, items 2 and 10): a table with a
 * caption (which crashed turndown-plugin-gfm), a clip that cannot be read (reported and skipped), hostile
 * titles and authors in the YAML front matter, and a folder Gloss exported imported back whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findQuote } from '../anchoring/describe';
import { sanitizeArticleHtml } from '../clipper/sanitize';
import { articleText } from '../article/text';
import { importFrom } from '../import';
import { NO_DETAILS, tempDir } from '../library/testHelpers';
import type { ClipDraft } from '../model';
import { createGlossService, type GlossService } from '../service';
import { exportLibrary } from './library';

const services: GlossService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function library(): Promise<GlossService> {
  const service = await createGlossService({ libraryDir: path.join(await tempDir(), 'library') });
  services.push(service);
  return service;
}

function htmlDraft(title: string, html: string, fields: Partial<ClipDraft> = {}): ClipDraft {
  const clean = sanitizeArticleHtml(html);
  return {
    title,
    ...NO_DETAILS,
    origin: 'html',
    html: clean,
    text: articleText(clean),
    ...fields,
  };
}

async function mark(service: GlossService, clipId: string, quote: string, note: string) {
  const range = findQuote((await service.getClip(clipId)).text, quote);
  if (!range) throw new Error(`“${quote}” is not in clip ${clipId}`);
  return service.addHighlight({ clipId, ...range, note });
}

const frontMatterOf = (markdown: string) =>
  parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as Record<string, unknown>;

describe('Markdown export of hostile and damaged clips', () => {
  it('exports a table with a caption, and leaves out a clip that cannot be read, naming it', async () => {
    const service = await library();
    const table = await service.addClipDraft(
      htmlDraft(
        'Budget table',
        '<p>The figures.</p><table><caption>Harbour budget</caption><tr><th>Year</th><th>Surplus</th></tr><tr><td>2024</td><td>4 million</td></tr></table><table><caption>x</caption></table>',
      ),
    );
    const broken = await service.addClipDraft(htmlDraft('Broken clip', '<p>Soon unreadable.</p>'));
    await fs.writeFile(path.join(service.libraryPath, 'clips', broken.id, 'annotations.json'), '{"schema": 1, "high');
    await fs.rm(path.join(service.libraryPath, 'clips', broken.id, 'article.html'));

    const out = path.join(await tempDir(), 'vault');
    const result = await exportLibrary(service, { format: 'md', out });
    expect(result.skipped).toEqual([{ id: broken.id, title: null, reason: expect.any(String) }]);
    expect(result.skipped[0]!.reason.length).toBeGreaterThan(10);
    const markdown = await fs.readFile(path.join(out, 'Budget table.md'), 'utf8');
    expect(markdown).toContain('Harbour budget');
    expect(markdown).toMatch(/\|\s*2024\s*\|\s*4 million\s*\|/);
    expect(result.files.map((f) => path.basename(f))).toEqual(['Budget table.md']);
    expect(table.id).toBeTruthy();
  });

  it('escapes hostile titles and authors in the front matter through the YAML library', async () => {
    const service = await library();
    const title = 'Budget\n---\ngloss-id: forged\ntitle: "x"\n# not a heading';
    const byline = 'Ann: "Q" O\'Hara, - [ ] {evil}: yes, #tag';
    await service.addClipDraft(htmlDraft(title, '<p>Some text.</p>', { byline, url: 'https://example.org/a?b=c#---' }));
    const out = path.join(await tempDir(), 'vault');
    const { files } = await exportLibrary(service, { format: 'md', out });
    const fields = frontMatterOf(await fs.readFile(files[0]!, 'utf8'));
    expect(fields['title']).toBe(title);
    expect(fields['authors']).toEqual(['Ann: "Q" O\'Hara', '- [ ] {evil}: yes', '#tag']);
    expect(fields['url']).toBe('https://example.org/a?b=c#---');
    expect(fields['gloss-id']).not.toBe('forged');
  });
});

describe('a Markdown folder Gloss exported imports back', () => {
  it('with its details, highlights and notes, not as article text', async () => {
    const source = await library();
    const clip = await source.addClipDraft(
      htmlDraft(
        'Harbour: "budget" --- report',
        '<h2>The harbour</h2><p>The harbour reported a surplus of four million this year.</p><p>Maintenance costs fell by a third.</p><p>## Highlights</p><p>A paragraph that reads like the heading.</p>',
        {
          byline: 'Ines Calder and Tom Reyes',
          site: 'harbour.example',
          published: '2024-05-17',
          url: 'https://harbour.example/budget',
        },
      ),
    );
    await source.updateClip({ id: clip.id, tags: ['budget', 'ports'], collections: ['Ocean energy'] });
    await mark(source, clip.id, 'surplus of four million', 'Check against\n\nlast year');
    await mark(source, clip.id, 'Maintenance costs fell', '');
    const out = path.join(await tempDir(), 'vault');
    await exportLibrary(source, { format: 'md', out });

    const target = await library();
    const report = await importFrom(target, 'folder', out);
    expect(report).toMatchObject({ imported: 1, skipped: [], highlights: { placed: 2, orphaned: 0 } });
    const [back] = await target.listClips();
    expect(back).toMatchObject({
      title: 'Harbour: "budget" --- report',
      byline: 'Ines Calder, Tom Reyes',
      site: 'harbour.example',
      published: '2024-05-17',
      url: 'https://harbour.example/budget',
      tags: ['budget', 'ports'],
      collections: ['Ocean energy'],
    });
    const document = await target.getClip(back!.id);
    expect(document.text).toContain('surplus of four million');
    expect(document.text).toContain('A paragraph that reads like the heading.');
    expect(document.text).not.toMatch(/gloss-id|\^gloss-|Check against|clipped:/);
    const highlights = document.highlights.map((h) => [h.target.selector[0].exact, h.note]);
    expect(highlights).toEqual(
      expect.arrayContaining([
        ['surplus of four million', 'Check against\n\nlast year'],
        ['Maintenance costs fell', ''],
      ]),
    );
  });
});
