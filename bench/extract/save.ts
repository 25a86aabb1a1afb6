/** Writes the benchmark pages (pages.ts) to `pages/` as saved HTML with their expected text beside them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchPages } from './pages';

const dir = join(import.meta.dirname, 'pages');
mkdirSync(dir, { recursive: true });
for (const page of benchPages()) {
  writeFileSync(join(dir, `${page.name}.html`), page.html);
  writeFileSync(join(dir, `${page.name}.expected.txt`), page.expected + '\n');
}
console.log(`wrote ${benchPages().length} pages to ${dir}`);
