/**
 * Citations from clip metadata: CSL-JSON (the common data), BibTeX and formatted references
 * (APA, Chicago) through citation-js, and the reader's "copy quote with citation" line.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { ClipMeta } from '../model';
import { cslName, splitAuthors, type CslName } from './authors';
import { CHICAGO_CSL, CHICAGO_TEMPLATE } from './chicagoStyle';
import { citationKeys } from './citationKeys';
import { dateParts, readableDate } from './dates';
import type { ReferenceStyle } from './kinds';

/** One CSL-JSON item (the fields Gloss fills). */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  language?: string;
  abstract?: string;
}

/** The clip's metadata as a CSL-JSON item: a web page, its site as container, clip date as accessed. */
export function toCsl(meta: ClipMeta): CslItem {
  const authors = splitAuthors(meta.byline).map(cslName);
  const issued = dateParts(meta.published);
  const accessed = dateParts(meta.clippedAt);
  return {
    id: meta.id,
    type: 'webpage',
    title: meta.title,
    ...(authors.length && { author: authors }),
    ...(meta.site && { 'container-title': meta.site }),
    ...(meta.url && { URL: meta.url }),
    ...(issued && { issued: { 'date-parts': [issued] } }),
    ...(accessed && { accessed: { 'date-parts': [accessed] } }),
    ...(meta.lang && { language: meta.lang }),
    ...(meta.excerpt && { abstract: meta.excerpt }),
  };
}

/** CSL-JSON for the clips: a pretty-printed array, as Zotero and pandoc read it. */
export function cslJson(metas: ClipMeta[]): string {
  return JSON.stringify(metas.map(toCsl), null, 2) + '\n';
}

/** BibTeX entries for the clips, keyed `surname` + `year` + title word and unique within the file (see {@link citationKeys}). */
export function bibtex(metas: ClipMeta[]): string {
  const keys = citationKeys(metas);
  const items = metas.map((meta, i) => ({ ...toCsl(meta), 'citation-key': keys[i] }));
  return new Cite(items).format('bibtex', { format: 'text' }).trim() + '\n';
}

function registerChicago(): void {
  const templates = plugins.config.get('@csl').styles;
  if (!templates.has(CHICAGO_TEMPLATE)) templates.add(CHICAGO_TEMPLATE, CHICAGO_CSL);
}

/** Formatted references (one line each, sorted as the style sorts them) in APA or Chicago. */
export function formatReferences(metas: ClipMeta[], style: ReferenceStyle): string {
  if (style === 'chicago') registerChicago();
  const template = style === 'chicago' ? CHICAGO_TEMPLATE : 'apa';
  return new Cite(metas.map(toCsl)).format('bibliography', { format: 'text', template, lang: 'en-US' }).trim() + '\n';
}

/**
 * The text the reader copies with a quote: `“quote” — Author, Title (Site, Date), URL`.
 * Parts the clip does not know are left out with their punctuation.
 */
export function quoteWithCitation(quote: string, meta: ClipMeta): string {
  const authors = splitAuthors(meta.byline).join(', ');
  const where = [meta.site, readableDate(meta.published)].filter(Boolean).join(', ');
  const source = [authors, where ? `${meta.title} (${where})` : meta.title, meta.url].filter(Boolean).join(', ');
  return `“${quote.trim()}” — ${source}`;
}
