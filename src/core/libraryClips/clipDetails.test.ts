import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';

const TEXT = `Tidal Power Comes of Age

The estuary turbines ran through every winter storm without a single unplanned stop.`;

describe('editing a clip’s details', () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  it('saves byline, site, date and address, clears blanks, and refuses what is not a date or web address', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipText({ text: TEXT });
    const edited = await service.updateClip({
      id: clip.id,
      title: 'Tidal power',
      byline: '  Ines   Calder ',
      site: 'Harbour Review',
      published: '2024-05',
      url: 'https://harbour.example/tidal',
    });
    expect(edited).toMatchObject({
      title: 'Tidal power',
      byline: 'Ines Calder',
      site: 'Harbour Review',
      published: '2024-05',
      url: 'https://harbour.example/tidal',
    });
    expect((await service.updateClip({ id: clip.id, published: 'May 17, 2024' })).published).toMatch(/^2024-05-1[67]/);
    expect((await service.updateClip({ id: clip.id, byline: '', url: '' })).byline).toBeNull();
    expect((await service.getClip(clip.id)).meta.url).toBeNull();
    await expect(service.updateClip({ id: clip.id, published: 'someday' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(service.updateClip({ id: clip.id, url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await service.getClip(clip.id)).meta.byline).toBeNull();
    await service.indexReady();
    await service.updateClip({ id: clip.id, byline: 'Ines Calder' });
    expect((await service.search({ query: 'author:calder' })).map((r) => r.id)).toEqual([clip.id]);
  });
});
