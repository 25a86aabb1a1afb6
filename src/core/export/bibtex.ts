/**
 * BibTeX entries from CSL items, written to be accepted by BibTeX, biber and reference managers: the entry
 * type by the item's type, the site or journal in the field that type prints (`journal`, `howpublished`,
 * `booktitle`, `institution`, `school`), `month` as the standard three-letter macro with the full date in
 * `date`, organisations braced as one name, and every special character escaped.
 */
import type { CslItem } from './citation';
import type { CslName } from './names';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX entry types by CSL item type, and the field the container title goes in. */
const ENTRY: Record<string, { type: string; container: string }> = {
  'article-journal': { type: 'article', container: 'journal' },
  'article-newspaper': { type: 'article', container: 'journal' },
  'article-magazine': { type: 'article', container: 'journal' },
  'paper-conference': { type: 'inproceedings', container: 'booktitle' },
  chapter: { type: 'incollection', container: 'booktitle' },
  book: { type: 'book', container: 'series' },
  report: { type: 'techreport', container: 'institution' },
  thesis: { type: 'phdthesis', container: 'school' },
};
const MISC = { type: 'misc', container: 'howpublished' };

/** A value safe inside braces: TeX's special characters escaped, whitespace folded. */
export function escapeBibtex(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_~^]/g, (c) =>
      c === '\\'
        ? '\\textbackslash{}'
        : c === '~'
          ? '\\textasciitilde{}'
          : c === '^'
            ? '\\textasciicircum{}'
            : `\\${c}`,
    );
}

/** One name as BibTeX reads it: `von Last, Jr, First`; an organisation braced so it is never split. */
function bibtexName(name: CslName): string {
  if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
  const last = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const first = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [last, name.suffix, first]
    .filter((p): p is string => Boolean(p))
    .map(escapeBibtex)
    .join(', ');
}

function iso(parts: number[] | undefined): string | null {
  if (!parts?.length) return null;
  return parts.map((p, i) => (i === 0 ? String(p).padStart(4, '0') : String(p).padStart(2, '0'))).join('-');
}

/** One entry. `arxiv` adds the eprint fields. */
function entry(item: CslItem & { 'citation-key': string }, arxiv?: string): string {
  const kind = ENTRY[item.type] ?? MISC;
  const fields: Array<[string, string]> = [];
  const put = (name: string, value: string | undefined | null, raw = false) => {
    if (value) fields.push([name, raw ? value : `{${escapeBibtex(value)}}`]);
  };
  if (item.author?.length) fields.push(['author', `{${item.author.map(bibtexName).join(' and ')}}`]);
  put('title', item.title);
  put(kind.container, item['container-title']);
  if (kind.type === 'book' || kind.type === 'incollection') put('publisher', item.publisher);
  else if (kind.type === 'misc' && item.publisher) put('organization', item.publisher);
  put('volume', item.volume);
  put('number', item.issue);
  put('pages', item.page?.replace(/\s*[-–—]+\s*/g, '--'));
  const issued = item.issued?.['date-parts'][0];
  if (issued?.[0]) put('year', String(issued[0]));
  if (issued?.[1]) put('month', MONTHS[issued[1] - 1], true);
  if (issued && issued.length > 1) put('date', iso(issued));
  put('doi', item.DOI);
  if (arxiv) {
    put('eprint', arxiv);
    put('archiveprefix', 'arXiv');
  }
  put('url', item.URL);
  put('urldate', iso(item.accessed?.['date-parts'][0]));
  put('language', item.language);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${kind.type}{${item['citation-key']},\n${body}\n}`;
}

/** The entries of a `.bib` file, one blank line apart. */
export function bibtexEntries(entries: Array<{ item: CslItem & { 'citation-key': string }; arxiv?: string }>): string {
  return entries.map(({ item, arxiv }) => entry(item, arxiv)).join('\n\n') + '\n';
}
