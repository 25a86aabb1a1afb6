/**
 * The same basic flow in the real Electron app (main process, hardened window, preload bridge, IPC):
 * clip by paste, open, highlight. Needs the Electron binary; without it the test is skipped, loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ElectronApplication } from 'playwright-core';
import { _electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOSS_METHODS } from '../../src/core/api';
import { tempDir } from '../../src/core/library/testHelpers';
import {
  inPage,
  PAINTED,
  REPO_ROOT,
  SEED_SENTENCE as SENTENCE,
  SEED_TITLE,
  SELECT_TEXT,
  seedArticlePath,
} from './pageHelpers';

/**
 * Where the Electron binary is, or null when it is not installed. Found the way `require('electron')`
 * finds it, but without requiring it: that would try to download the binary.
 */
function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    const exe = override ? join(override, relative || 'electron') : join(dir, 'dist', relative);
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const ELECTRON = electronBinary();
if (!ELECTRON) {
  console.warn(
    'Electron binary not installed: skipping the Electron end-to-end test (run npm install without ELECTRON_SKIP_BINARY_DOWNLOAD to enable it)',
  );
}

describe('Gloss in Electron', () => {
  let app: ElectronApplication | undefined;
  let libraryDir: string | undefined;

  afterAll(async () => {
    await app?.close().catch(() => undefined);
  });

  it.skipIf(!ELECTRON)('clips by paste, opens the clip and highlights a sentence', async () => {
    libraryDir = await tempDir('electron-lib');
    const runningAsRoot = process.getuid?.() === 0;
    app = await _electron.launch({
      executablePath: ELECTRON!,
      args: [...(runningAsRoot ? ['--no-sandbox'] : []), '.'],
      cwd: REPO_ROOT,
      // The app's settings and Chromium profile (userData, under XDG_CONFIG_HOME on Linux) go in a temp folder
      // too, not in the developer's own config.
      env: { ...process.env, GLOSS_LIBRARY: libraryDir, XDG_CONFIG_HOME: await tempDir('electron-config') },
    });
    const page = await app.firstWindow();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.locator('.app').waitFor();

    // The preload exposes exactly GlossApi, and the page has no Node.
    const exposed = await page.evaluate('[Object.keys(window.gloss).sort(), typeof require, typeof process]');
    expect(exposed).toEqual([[...GLOSS_METHODS].sort(), 'undefined', 'undefined']);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(readFileSync(seedArticlePath(), 'utf8'));
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();

    await expect(inPage<string>(page, SELECT_TEXT, SENTENCE)).resolves.toBe(SENTENCE);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.locator('.hl-item', { hasText: SENTENCE }).waitFor();
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toContain(SENTENCE);

    // Written to the library folder as plain files.
    const clipDirs = existsSync(join(libraryDir, 'clips'));
    expect(clipDirs).toBe(true);
    expect(errors).toEqual([]);
  });
});
