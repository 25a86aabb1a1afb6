import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { cslDataSchema } from './cslDataSchema';

describe('exporting citations from the app', () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  it('cites a clip, a selection or a collection, and saves the file when a path is given', async () => {
    const dir = await tempDir();
    service = await createGlossService({ libraryDir: path.join(dir, 'library') });
    const add = async (title: string, details: { byline: string; site: string; published: string; url: string }) => {
      const c = await service.clipText({ text: `${title}. A text long enough to be an article of its own.`, title });
      return service.updateClip({ id: c.id, ...details });
    };
    const a = await add('Tidal power comes of age', {
      byline: 'Ledger Newsroom',
      site: 'The Eastern Ledger',
      published: '2024-08-09',
      url: 'https://ledger.example/tidal',
    });
    const b = await add('Kelp forests', {
      byline: 'Ana Silva',
      site: 'Harbour Times',
      published: '2023-02',
      url: 'https://harbour.example/kelp',
    });
    await add('Unrelated', { byline: 'Tom Reyes', site: 'who.int', published: '2020', url: 'https://who.int/x' });
    await service.updateClip({ id: b.id, collections: ['Thesis'] });

    const one = await service.exportCitations({ clipIds: [a.id], format: 'apa' });
    expect(one.filename).toBe('Tidal power comes of age.txt');
    expect(one.content).toContain('Ledger Newsroom. (2024, August 9). Tidal power comes of age. The Eastern Ledger.');

    const csl = await service.exportCitations({ clipIds: [a.id, b.id], format: 'csl' });
    const items = cslDataSchema.parse(JSON.parse(csl.content));
    expect(items.map((i) => i['title'])).toEqual(['Tidal power comes of age', 'Kelp forests']);

    const out = path.join(dir, 'thesis.bib');
    const saved = await service.exportCitations({ collection: 'Thesis', format: 'bibtex', out });
    expect(saved.path).toBe(out);
    const parsed = new Cite(await fs.readFile(out, 'utf8')).data as Array<Record<string, unknown>>;
    expect(parsed.map((p) => p['title'])).toEqual(['Kelp forests']);

    await expect(service.exportCitations({ collection: 'Nope', format: 'bibtex' })).rejects.toMatchObject({
      code: 'empty-input',
    });
    await expect(
      service.exportCitations({ clipIds: [a.id], format: 'bibtex', out: 'relative.bib' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
