/**
 * The CSL styles of formatted references: APA (7th edition) as citation-js ships it, and the official
 * Chicago author-date style (`styles/chicago-author-date.csl`, CC BY-SA 3.0, from the CSL project's
 * repository), registered once through citation-js's plugin config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { appRoot } from '../desktop/appRoot';
import { GlossError } from '../errors';
import type { ReferenceStyle } from './kinds';

/** The name the Chicago style is registered under. */
const CHICAGO = 'chicago-author-date';
const CHICAGO_FILE = 'chicago-author-date.csl';

/** Where the style file is: beside this module from source, under the app folder when bundled. */
function chicagoXml(): string {
  const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'styles', CHICAGO_FILE);
  const root = appRoot();
  const candidates = [here, ...(root ? [path.join(root, 'src', 'core', 'export', 'styles', CHICAGO_FILE)] : [])];
  for (const file of candidates) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // Try the next place.
    }
  }
  throw new GlossError('not-found', `The Chicago citation style is missing from this installation (${CHICAGO_FILE}).`);
}

/** The citation-js template name of a style, registering Chicago on first use. */
export function cslTemplate(style: ReferenceStyle): string {
  if (style === 'apa') return 'apa';
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(CHICAGO)) styles.add(CHICAGO, chicagoXml());
  return CHICAGO;
}
