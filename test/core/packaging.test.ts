/**
 * The installer configuration, checked without Electron: electron-builder.yml names the app, targets every
 * platform, and points at icons that exist with the sizes the platforms need; `npm run dist` runs it. The file is
 * also checked against electron-builder's own configuration schema (app-builder-lib, no Electron needed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('packaging', () => {
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown> & { target?: string[]; icon?: string }
  >;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('names the app and targets Linux, macOS and Windows installers', () => {
    expect(config['appId']).toBe('app.gloss.desktop');
    expect(config['productName']).toBe('Gloss');
    expect(config['linux']?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config['mac']?.target).toEqual(['dmg']);
    expect(config['win']?.target).toEqual(['nsis']);
    expect(pkg.scripts['dist']).toBe('electron-vite build && electron-builder');
    expect(pkg.devDependencies['electron-builder']).toBeTruthy();
  });

  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(
        config: unknown,
        debug: { isEnabled: boolean; add(key: string, value: unknown): void },
      ): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('packs the built app and the sample article, with square icons of the right size', () => {
    expect(config['files']).toEqual(expect.arrayContaining(['out/**', 'package.json', 'resources/sample-article.txt']));
    expect(existsSync(join(root, 'resources/sample-article.txt'))).toBe(true);
    for (const os of ['linux', 'mac', 'win']) {
      const icon = join(root, String(config[os]?.icon));
      expect(existsSync(icon), `${os} icon ${icon}`).toBe(true);
      const { width, height } = pngSize(icon);
      expect(width).toBe(height);
      // macOS wants 1024 for Retina, Windows and Linux at least 256 (electron-builder makes the smaller ones).
      expect(width).toBeGreaterThanOrEqual(os === 'mac' ? 1024 : 512);
    }
  });

  it('flips the Electron fuses that close the doors around the app', () => {
    // The page is loaded from file://, so grantFileProtocolExtraPrivileges stays at its default (module scripts).
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // Packed into app.asar (electron-builder's default), which the last two fuses rely on.
    expect(config['asar']).not.toBe(false);
  });
});
