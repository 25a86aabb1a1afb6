import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { jsonFileSettingsBackend, memorySettingsBackend } from './backend';
import { defaultSettings, MAX_READ_POSITIONS } from './schema';
import { applySettingsPatch, openSettingsStore } from './settingsStore';

describe('settings', () => {
  it('starts from the defaults and keeps changes in the file', async () => {
    const file = path.join(await tempDir(), 'settings.json');
    const store = openSettingsStore(jsonFileSettingsBackend(file));
    expect(store.get()).toEqual(defaultSettings());
    await store.update({ theme: 'sepia', reader: { fontSize: 22 } });
    const again = openSettingsStore(jsonFileSettingsBackend(file)).get();
    expect(again.theme).toBe('sepia');
    expect(again.reader).toEqual({ ...defaultSettings().reader, fontSize: 22 });
  });

  it('falls back to the defaults and keeps a bad file aside', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    for (const bad of ['{ not json', JSON.stringify({ theme: 'neon' })]) {
      await fs.writeFile(file, bad);
      expect(openSettingsStore(jsonFileSettingsBackend(file)).get()).toEqual(defaultSettings());
      const kept = (await fs.readdir(dir)).filter((n) => n.startsWith('settings.json.bad-'));
      expect(kept.length).toBeGreaterThan(0);
      await Promise.all(kept.map((n) => fs.rm(path.join(dir, n))));
    }
  });

  it('remembers read positions for a bounded number of clips, newest kept', () => {
    let s = defaultSettings();
    for (let i = 0; i <= MAX_READ_POSITIONS; i++) {
      s = applySettingsPatch(s, { lastRead: { [`c${i}`]: 0.5 } }, new Date(Date.UTC(2024, 0, 1, 0, 0, i)));
    }
    expect(Object.keys(s.lastRead)).toHaveLength(MAX_READ_POSITIONS);
    expect(s.lastRead['c0']).toBeUndefined();
    expect(applySettingsPatch(s, { lastRead: { c5: null } }).lastRead['c5']).toBeUndefined();
  });

  it('keeps working after a failed write', async () => {
    let fail = true;
    const backend = memorySettingsBackend();
    const store = openSettingsStore({
      read: backend.read,
      write: (v) => (fail ? Promise.reject(new Error('disk full')) : backend.write(v)),
    });
    await expect(store.update({ theme: 'dark' })).rejects.toThrow('disk full');
    fail = false;
    await store.update({ theme: 'light' });
    expect(backend.read()).toMatchObject({ theme: 'light' });
  });
});

describe('settings patches', () => {
  it('change only the reader fields they name, after validation', async () => {
    const { settingsPatchSchema } = await import('./schema');
    const patch = settingsPatchSchema.parse({ reader: { fontFamily: 'sans' } });
    expect(patch).toEqual({ reader: { fontFamily: 'sans' } });
    const s = applySettingsPatch(applySettingsPatch(defaultSettings(), { reader: { fontSize: 21 } }), patch);
    expect(s.reader).toEqual({ ...defaultSettings().reader, fontSize: 21, fontFamily: 'sans' });
  });

  it('remember the notebook and its open page as the last view, and refuse a malformed page id', async () => {
    const { settingsPatchSchema } = await import('./schema');
    const file = path.join(await tempDir(), 'settings.json');
    const store = openSettingsStore(jsonFileSettingsBackend(file));
    await store.update(settingsPatchSchema.parse({ lastView: { name: 'notebook', pageId: 'p-2026_01' } }));
    expect(openSettingsStore(jsonFileSettingsBackend(file)).get().lastView).toEqual({
      name: 'notebook',
      pageId: 'p-2026_01',
    });
    expect(settingsPatchSchema.safeParse({ lastView: { name: 'notebook', pageId: '../etc' } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ lastView: { name: 'notebook', page: 'x' } }).success).toBe(false);
  });
});
