/**
 * The shared extraction dev set (`../shared/extraction-dev`, or `GLOSS_EXTRACTION_DEV`): 91 real pages with
 * hand-marked article text, read once into memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface DevPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** Where the dev set lives, or null when it is not on this machine. */
export function devSetDir(): string | null {
  const candidates = [
    process.env['GLOSS_EXTRACTION_DEV'],
    join(import.meta.dirname, '../../../shared/extraction-dev'),
    join(import.meta.dirname, '../../../../shared/extraction-dev'),
    '/work/shared/extraction-dev',
  ];
  return candidates.find((d): d is string => !!d && existsSync(join(d, 'ground-truth.json'))) ?? null;
}

/** The dev set's pages, sorted by id (at most `limit` of them). */
export function readDevSet(dir: string, limit = Infinity): DevPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.keys(truth)
    .sort()
    .slice(0, limit)
    .map((id) => ({
      id,
      url: truth[id]!.url,
      truth: truth[id]!.articleBody,
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}

/** A page's classes for the per-class table: its language family and how it marks its article. */
export function pageClasses(html: string): string[] {
  const lang = /<html[^>]*\blang=["']?([a-z]{2})/i.exec(html)?.[1]?.toLowerCase();
  const classes = [lang === 'en' ? 'lang:en' : lang ? 'lang:other' : 'lang:unmarked'];
  if (/itemprop=["']?articleBody/i.test(html)) classes.push('marked:articleBody');
  else if (/<article[\s>]/i.test(html)) classes.push('marked:<article>');
  else classes.push('marked:none');
  if (/"articleBody"\s*:/.test(html)) classes.push('json-ld:articleBody');
  return classes;
}
