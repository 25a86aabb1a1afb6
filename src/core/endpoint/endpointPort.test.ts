import type { Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { endpointLimits } from './rateLimit';
import { freePort, occupyPort, send } from './testNetwork';

const refused = (port: number) =>
  send(port, { method: 'GET', path: '/' }).then(
    () => false,
    (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED',
  );

describe('changing the clip endpoint’s port', () => {
  let service: GlossService;
  let held: Server | null = null;
  afterEach(async () => {
    await service?.close();
    await new Promise((ok) => (held ? held.close(ok) : ok(undefined)));
    held = null;
  });

  async function start() {
    service = await createGlossService({ libraryDir: await tempDir() });
    return (await service.startClipEndpoint({ limits: endpointLimits(1000) })).port!;
  }

  it('moves the endpoint at once and remembers the port', async () => {
    const old = await start();
    const port = await freePort();
    const info = await service.setClipEndpointPort(port);
    expect(info).toMatchObject({ running: true, port, error: null });
    expect(decodeURIComponent(info.bookmarklet!)).toContain(`http://127.0.0.1:${port}/clip`);
    expect((await service.getSettings()).clipEndpoint.port).toBe(port);
    expect((await send(port, { method: 'GET', path: '/' })).status).toBeGreaterThan(0);
    expect(await refused(old)).toBe(true);
  });

  it('keeps the old port, in use and in the settings, when the new one is busy', async () => {
    const old = await start();
    const busy = await occupyPort();
    held = busy.server;
    const error = await service.setClipEndpointPort(busy.port).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'port-busy',
      message: `Port ${busy.port} is in use by another program (or not allowed). Gloss keeps listening on port ${old}.`,
    });
    expect(await service.getClipEndpoint()).toMatchObject({ running: true, port: old });
    expect((await service.getSettings()).clipEndpoint.port).not.toBe(busy.port);
    expect(await refused(old)).toBe(false);
  });

  it('refuses ports outside 1024–65535 with a message for people, changing nothing', async () => {
    const old = await start();
    for (const bad of [80, 0, 65536, 8080.5]) {
      await expect(service.setClipEndpointPort(bad)).rejects.toMatchObject({
        code: 'invalid-input',
        message: 'The port must be a whole number from 1024 to 65535.',
      });
    }
    expect(await service.getClipEndpoint()).toMatchObject({ port: old });
  });

  it('only saves the port when the endpoint is not running (the CLI, a library opened elsewhere)', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const port = await freePort();
    await expect(service.setClipEndpointPort(port)).resolves.toMatchObject({ running: false, port: null });
    expect((await service.getSettings()).clipEndpoint.port).toBe(port);
    expect(await refused(port)).toBe(true);
  });
});
