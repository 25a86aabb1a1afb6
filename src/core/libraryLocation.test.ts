import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './library/testHelpers';
import { defaultLibraryDir, rememberedLibraryDir, resolveLibraryDir } from './libraryLocation';

describe('where the library is', () => {
  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')(
    'the CLI follows a library the app moved (its settings file), unless told otherwise',
    async () => {
      const config = await tempDir();
      const env = { XDG_CONFIG_HOME: config };
      expect(resolveLibraryDir(null, env)).toBe(defaultLibraryDir('linux', env));
      await fs.mkdir(path.join(config, 'Gloss'), { recursive: true });
      await fs.writeFile(
        path.join(config, 'Gloss', 'settings.json'),
        JSON.stringify({ settings: { theme: 'dark', libraryPath: '/data/Gloss Library' } }),
      );
      expect(resolveLibraryDir(null, env)).toBe('/data/Gloss Library');
      expect(resolveLibraryDir(null, { ...env, GLOSS_LIBRARY: '/env/lib' })).toBe('/env/lib');
      expect(resolveLibraryDir('/explicit', env)).toBe('/explicit');
      await fs.writeFile(path.join(config, 'Gloss', 'settings.json'), '{ not json');
      expect(resolveLibraryDir(null, env)).toBe(defaultLibraryDir('linux', env));
    },
  );

  it('only trusts an absolute remembered path', () => {
    expect(rememberedLibraryDir({ libraryPath: '/a/b' })).toBe('/a/b');
    expect(rememberedLibraryDir({ libraryPath: 'relative' })).toBeNull();
    expect(rememberedLibraryDir({ libraryPath: null })).toBeNull();
    expect(rememberedLibraryDir(undefined)).toBeNull();
    expect(rememberedLibraryDir('garbage')).toBeNull();
  });
});
