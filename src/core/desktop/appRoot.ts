/**
 * Finds Gloss's own folder (the one with its package.json) from this module, wherever it runs:
 * src/core under tsx and vitest, out/main when bundled by electron-vite.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null | undefined;

/** The app's root folder, or `null` if no Gloss package.json is found above this module. */
export function appRoot(): string | null {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gloss') return (cached = dir);
      } catch {
        // Not ours or unreadable: keep looking further up.
      }
    }
    dir = path.dirname(dir);
  }
  return (cached = null);
}

/** The app's version from its package.json, or `null` if it cannot be found. */
export function appVersion(): string | null {
  const root = appRoot();
  if (!root) return null;
  try {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}
