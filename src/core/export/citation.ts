/**
 * Citations from clip metadata: CSL-JSON (the common data, item type and container by what the clip is,
 * organisations as literal names), BibTeX (bibtex.ts) and formatted references through citation-js with
 * the official CSL styles (APA as citation-js ships it, Chicago author-date from styles/), and the reader's
 * "copy quote with citation" line.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { ClipMeta } from '../model';
import { bibtexEntries } from './bibtex';
import { citationKeys } from './citationKeys';
import { dateParts, readableDate } from './dates';
import { containerTitle, isHostName, itemType, type CslItemType } from './itemType';
import type { ReferenceStyle } from './kinds';
import { clipAuthors, splitAuthors, type CslName } from './names';
import { cslTemplate } from './cslStyles';

/** One CSL-JSON item (the fields Gloss fills). */
export interface CslItem {
  id: string;
  type: CslItemType;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  language?: string;
  abstract?: string;
  'citation-key'?: string;
}

/** The clip's metadata as a CSL-JSON item. */
export function toCsl(meta: ClipMeta): CslItem {
  const authors = clipAuthors(meta);
  const issued = dateParts(meta.published);
  const accessed = dateParts(meta.clippedAt);
  const container = containerTitle(meta);
  const b = meta.biblio ?? {};
  return {
    id: meta.id,
    type: itemType(meta),
    title: meta.title,
    ...(authors.length && { author: authors }),
    ...(container && { 'container-title': container }),
    ...(b.publisher && { publisher: b.publisher }),
    ...(b.volume && { volume: b.volume }),
    ...(b.issue && { issue: b.issue }),
    ...(b.pages && { page: b.pages }),
    ...(b.doi && { DOI: b.doi }),
    ...(meta.url && { URL: meta.url }),
    ...(issued && { issued: { 'date-parts': [issued] } }),
    ...(accessed && { accessed: { 'date-parts': [accessed] } }),
    ...(meta.lang && { language: meta.lang }),
    ...(meta.excerpt && { abstract: meta.excerpt }),
  };
}

/** CSL-JSON for the clips, each with its BibTeX key: a pretty-printed array, as Zotero and pandoc read it. */
export function cslJson(metas: ClipMeta[]): string {
  const keys = citationKeys(metas);
  return (
    JSON.stringify(
      metas.map((m, i) => ({ ...toCsl(m), 'citation-key': keys[i] })),
      null,
      2,
    ) + '\n'
  );
}

/** BibTeX entries for the clips, keyed `surname` + `year` + title word and unique within the file (see {@link citationKeys}). */
export function bibtex(metas: ClipMeta[]): string {
  const keys = citationKeys(metas);
  return bibtexEntries(
    metas.map((meta, i) => ({ item: { ...toCsl(meta), 'citation-key': keys[i]! }, arxiv: meta.biblio?.arxiv })),
  );
}

/** An item as the styles should print it: a bare host name keeps its case ("who.int", not "Who.Int"). */
function forStyle(item: CslItem): CslItem {
  const container = item['container-title'];
  return container && isHostName(container)
    ? { ...item, 'container-title': `<span class="nocase">${container}</span>` }
    : item;
}

/** Formatted references (one a line, sorted as the style sorts them) in APA 7th or Chicago author-date. */
export function formatReferences(metas: ClipMeta[], style: ReferenceStyle): string {
  const items = metas.map((m) => forStyle(toCsl(m)));
  const text = new Cite(items).format('bibliography', { format: 'text', template: cslTemplate(style), lang: 'en-US' });
  return text.trim() + '\n';
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
