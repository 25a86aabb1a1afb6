/**
 * The bibliographic details a scholarly page states for reference managers: Highwire/Google Scholar
 * `citation_*` meta tags (what Zotero reads first), then a schema.org `ScholarlyArticle` in JSON-LD. Gives
 * journal, volume, issue, pages, DOI, arXiv id, publisher and authors, so a clipped journal page cites as
 * an `@article` with its DOI instead of a web page.
 */
import type { ClipBiblio, ClipWorkType } from '../model';
import { jsonLdNodes, typesOf, type Json } from './jsonLd';
import { metaAll, metaTags } from './metadata';

const one = (tags: Element[], key: string): string | undefined => metaAll(tags, key)[0];

/** A bare DOI (`10.x/y`) from a DOI, a `doi:` name or a doi.org address; undefined when it is none. */
export function bareDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let raw = value.trim();
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the DOI is read as written.
  }
  const m = /\b(10\.\d{4,9}\/\S+)/.exec(raw);
  return m?.[1]?.replace(/[.,;]+$/, '');
}

function pageRange(first: string | undefined, last: string | undefined): string | undefined {
  if (!first) return undefined;
  return last && last !== first ? `${first}-${last}` : first;
}

/** Keeps only the fields that are set (a biblio holds only what is known). */
function known(biblio: ClipBiblio): ClipBiblio | null {
  const entries = Object.entries(biblio).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v));
  return entries.length ? (Object.fromEntries(entries) as ClipBiblio) : null;
}

/** From `citation_*` meta tags. */
function fromCitationTags(doc: Document): ClipBiblio | null {
  const tags = metaTags(doc);
  const journal = one(tags, 'citation_journal_title');
  const conference = one(tags, 'citation_conference_title');
  const type: ClipWorkType | undefined = journal
    ? 'article-journal'
    : conference
      ? 'paper-conference'
      : one(tags, 'citation_dissertation_institution')
        ? 'thesis'
        : one(tags, 'citation_technical_report_institution')
          ? 'report'
          : undefined;
  const arxiv = one(tags, 'citation_arxiv_id');
  return known({
    type,
    containerTitle: journal ?? conference,
    volume: one(tags, 'citation_volume'),
    issue: one(tags, 'citation_issue'),
    pages: pageRange(one(tags, 'citation_firstpage'), one(tags, 'citation_lastpage')),
    doi: bareDoi(one(tags, 'citation_doi')),
    arxiv: arxiv?.replace(/^arxiv:/i, ''),
    publisher: one(tags, 'citation_publisher'),
    authors: metaAll(tags, 'citation_author'),
  });
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as Json)['name']);
  return undefined;
}

/** From a JSON-LD `ScholarlyArticle`: `isPartOf` issue → volume → periodical, pages, DOI. */
function fromJsonLd(nodes: Json[]): ClipBiblio | null {
  const article = nodes.find((n) => typesOf(n).some((t) => /ScholarlyArticle$/.test(t)));
  if (!article) return null;
  let journal: string | undefined;
  let volume: string | undefined;
  let issue: string | undefined;
  // isPartOf chains: PublicationIssue → PublicationVolume → Periodical (any may be missing).
  for (let part = article['isPartOf'], depth = 0; part && typeof part === 'object' && depth < 4; depth++) {
    const node = (Array.isArray(part) ? part[0] : part) as Json;
    const types = typesOf(node);
    if (types.includes('PublicationIssue')) issue ??= text(node['issueNumber']);
    else if (types.includes('PublicationVolume')) volume ??= text(node['volumeNumber']);
    else journal ??= text(node['name']);
    part = node['isPartOf'];
  }
  const ids = [article['doi'], article['identifier'], article['sameAs'], article['@id'], article['url']].flat();
  const doi = ids.map((v) => bareDoi(typeof v === 'object' && v ? (v as Json)['value'] : v)).find(Boolean);
  const authors = [article['author']]
    .flat()
    .map((a) => text(a))
    .filter((n): n is string => !!n && !/^https?:/i.test(n));
  return known({
    type: 'article-journal',
    containerTitle: journal,
    volume,
    issue,
    pages: text(article['pagination']) ?? pageRange(text(article['pageStart']), text(article['pageEnd'])),
    doi,
    publisher: text(article['publisher']),
    authors,
  });
}

/**
 * The page's bibliographic details: `citation_*` tags first, JSON-LD filling what they leave out; null when
 * the page states none (an ordinary web page).
 *
 * @param nodes the page's `jsonLdNodes` when the caller has read them already
 */
export function readScholarlyBiblio(doc: Document, nodes: Json[] = jsonLdNodes(doc)): ClipBiblio | null {
  const tags = fromCitationTags(doc);
  const ld = fromJsonLd(nodes);
  if (!tags && !ld) return null;
  return known({ ...ld, ...tags });
}
