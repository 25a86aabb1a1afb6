/**
 * A Vite plugin for the renderer's PDF reader: pdf.js's standard fonts and CMaps as modules of the bundle.
 * `virtual:pdfjs-data` exports `standardFonts` and `cMaps`, each a table from file name to a loader whose
 * module (its own small chunk, loaded only when a PDF needs that file) holds the file as base64. So pdf.js
 * gets them without any fetch: nothing comes from the web, and nothing needs a file: or custom-scheme fetch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:pdfjs-data';
const FILE_PREFIX = `${ID}/`;
const FOLDERS = { standardFonts: 'standard_fonts', cMaps: 'cmaps' } as const;
const SERVED = /\.(pfb|ttf|bcmap)$/;

function packageRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsData(): Plugin {
  return {
    name: 'gloss-pdfjs-data',
    resolveId(source) {
      return source === ID || source.startsWith(FILE_PREFIX) ? `\0${source}` : null;
    },
    load(id) {
      if (id === `\0${ID}`) {
        const root = packageRoot();
        return Object.entries(FOLDERS)
          .map(([name, folder]) => {
            const files = readdirSync(join(root, folder)).filter((f) => SERVED.test(f));
            const rows = files.map(
              (f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(`${FILE_PREFIX}${folder}/${f}`)}),`,
            );
            return `export const ${name} = {\n${rows.join('\n')}\n};`;
          })
          .join('\n');
      }
      if (id.startsWith(`\0${FILE_PREFIX}`)) {
        const [folder, file] = id.slice(FILE_PREFIX.length + 1).split('/');
        if (!folder || !file || !Object.values(FOLDERS).includes(folder as never) || !SERVED.test(file)) return null;
        const data = readFileSync(join(packageRoot(), folder, file)).toString('base64');
        return `export default ${JSON.stringify(data)};`;
      }
      return null;
    },
  };
}
