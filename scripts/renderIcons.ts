/**
 * Renders resources/icon.svg to the PNG app icons electron-builder packs (512 and 1024 pixels square),
 * with the same Debian Chromium the UI tests use: `npx tsx scripts/renderIcons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const resources = resolve(import.meta.dirname, '../resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const size of [512, 1024]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
    );
    await page.screenshot({ path: join(resources, size === 512 ? 'icon.png' : 'icon@2x.png'), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
