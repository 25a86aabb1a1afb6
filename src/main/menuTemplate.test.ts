/**
 * The native menu's template, built without Electron: a packaged app offers no developer tools anywhere.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menuTemplate';

/** Every role and label in a template, submenus included. */
function entries(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    String(item.role ?? item.label ?? ''),
    ...(Array.isArray(item.submenu) ? entries(item.submenu) : []),
  ]);
}

const base = { send: () => {}, appName: 'Gloss', openHelp: () => {} };

describe('menuTemplate', () => {
  it('has no developer tools in a packaged app, on any platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const all = entries(menuTemplate({ ...base, platform, devTools: false })).map((e) => e.toLowerCase());
      expect(all).toContain('reload');
      expect(all.filter((e) => e.includes('devtools') || e.includes('developer'))).toEqual([]);
    }
  });

  it('offers them in a development run', () => {
    expect(entries(menuTemplate({ ...base, platform: 'linux', devTools: true }))).toContain('toggleDevTools');
  });
});
