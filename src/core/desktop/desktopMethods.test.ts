import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import type { GlossService } from '../service';
import { createGlossService } from '../service';

describe('desktop methods', () => {
  let service: GlossService | undefined;
  afterEach(async () => {
    await service?.close();
  });

  it('clips the sample, undoes deleting it and a highlight, and reports versions', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipSample();
    const highlight = await service.addHighlight({ clipId: clip.id, start: 0, end: 10 });
    await service.deleteHighlight({ clipId: clip.id, highlightId: highlight.id });
    const { anchor: _anchor, ...plain } = highlight;
    await expect(service.restoreHighlight(plain)).resolves.toMatchObject({
      id: highlight.id,
      anchor: highlight.anchor,
    });
    await service.deleteClip(clip.id);
    await expect(service.listClips()).resolves.toHaveLength(0);
    await expect(service.restoreClip(clip.id)).resolves.toMatchObject({ id: clip.id, highlightCount: 1 });
    await expect(service.search({ query: 'truce' })).resolves.not.toHaveLength(0);
    await expect(service.restoreClip(clip.id)).rejects.toThrow('already in the library');
    const about = await service.getAbout();
    expect(about).toMatchObject({ node: process.versions.node, electron: null, chrome: null });
    expect(about.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('hands menu commands to the latest listener only', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const first = service.nextCommand();
    const second = service.nextCommand();
    await expect(first).resolves.toBeNull();
    service.sendCommand('go-settings');
    await expect(second).resolves.toBe('go-settings');
    service.sendCommand('palette');
    await expect(service.nextCommand()).resolves.toBe('palette');
  });
});
