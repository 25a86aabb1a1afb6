/**
 * Authors for citations: a clip's byline (one free-text line, "By Ines Calder and Tom Reyes") or the list a
 * source states (`ClipBiblio.authors`) as CSL names. People are parsed with `@citation-js/name` (particles
 * such as "van"), plus Gloss's rules for what that parser gets wrong in bylines: capitalised particles
 * ("Ursula K. Le Guin" → family "Le Guin"), suffixes ("Martin Luther King Jr." → suffix "Jr.") and
 * organisations ("World Health Organization", "Ledger Newsroom"), which stay one literal name.
 */
import { parse as parseName } from '@citation-js/name';
import type { ClipMeta } from '../model';

/** One author as CSL-JSON names it: a person or an organisation (`literal`). */
export type CslName =
  | {
      family: string;
      given?: string;
      'non-dropping-particle'?: string;
      'dropping-particle'?: string;
      suffix?: string;
    }
  | { literal: string };

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV|V|VI|Esq\.?|Ph\.?D\.?|M\.?D\.?)$/i;

/** Words that make a byline an organisation rather than a person. */
const ORGANISATION_WORDS = new RegExp(
  '\\b(?:' +
    [
      'organi[sz]ation',
      'association',
      'institute',
      'institution',
      'university',
      'college',
      'council',
      'committee',
      'commission',
      'ministry',
      'department',
      'agency',
      'authority',
      'bureau',
      'office',
      'foundation',
      'society',
      'federation',
      'union',
      'nations',
      'centre',
      'center',
      'group',
      'network',
      'newsroom',
      'news',
      'staff',
      'desk',
      'team',
      'editors',
      'editorial',
      'board',
      'press',
      'service',
      'services',
      'company',
      'corporation',
      'inc',
      'ltd',
      'llc',
      'gmbh',
      'bank',
      'fund',
      'trust',
      'party',
      'government',
      'reporters',
      'correspondents',
      'contributors',
      'wire',
      'reuters',
    ].join('|') +
    ')\\b',
  'i',
);

/** Particles written with a capital that belong to the family name ("Le Guin", "De Gaulle", "Van Buren"). */
const CAPITAL_PARTICLES = new Set([
  'Le',
  'La',
  'Les',
  'De',
  'Du',
  'Des',
  'Del',
  'Della',
  'Di',
  'Da',
  'Van',
  'Von',
  'Der',
  'Den',
  'Ten',
  'Ter',
  "D'",
  'St.',
  'Mac',
  'Al',
  'El',
  'Bin',
  'Ibn',
]);

/** Splits a byline into names: drops a leading "By", splits on ",", ";", "&" and "and"; "Jr." stays with its name. */
export function splitAuthors(byline: string | null): string[] {
  if (!byline) return [];
  const parts = byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const names: string[] = [];
  for (const part of parts) {
    if (SUFFIX.test(part) && names.length > 0) names[names.length - 1] += ` ${part}`;
    else names.push(part);
  }
  return names;
}

/** Whether a name is an organisation's: organisation words, an acronym, one word, or the site itself. */
export function isOrganisation(name: string, site: string | null = null): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return true;
  if (site && name.trim().toLowerCase() === site.trim().toLowerCase()) return true;
  if (ORGANISATION_WORDS.test(name)) return true;
  if (words.some((w) => /^[A-Z]{2,}$/.test(w) && !SUFFIX.test(w))) return true;
  return words.length > 5;
}

/** A person's name as CSL parts. */
function personName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  const last = words.at(-1)!;
  const suffix = words.length > 2 && SUFFIX.test(last) ? last : undefined;
  const rest = suffix ? words.slice(0, -1).join(' ') : words.join(' ');
  const parsed = parseName(rest) as Record<string, string | undefined>;
  let given = parsed['given']?.trim();
  let family = parsed['family']?.trim() ?? rest;
  // "Ursula K. Le Guin": the parser leaves a capitalised particle at the end of the given names.
  const givenWords = given?.split(/\s+/) ?? [];
  if (givenWords.length > 1 && CAPITAL_PARTICLES.has(givenWords.at(-1)!)) {
    family = `${givenWords.at(-1)!} ${family}`;
    given = givenWords.slice(0, -1).join(' ');
  }
  return {
    family,
    ...(given && { given }),
    ...(parsed['non-dropping-particle'] && { 'non-dropping-particle': parsed['non-dropping-particle'] }),
    ...(parsed['dropping-particle'] && { 'dropping-particle': parsed['dropping-particle'] }),
    ...((suffix ?? parsed['suffix']) && { suffix: suffix ?? parsed['suffix'] }),
  };
}

/** One author's name as CSL-JSON: an organisation as a literal, a person parsed into its parts. */
export function cslName(name: string, site: string | null = null): CslName {
  const clean = name.trim().replace(/\s+/g, ' ');
  return isOrganisation(clean, site) ? { literal: clean } : personName(clean);
}

/** A clip's authors as CSL names: the source's own list when it states one, else the byline split. */
export function clipAuthors(meta: Pick<ClipMeta, 'byline' | 'site' | 'biblio'>): CslName[] {
  const names = meta.biblio?.authors?.length ? meta.biblio.authors : splitAuthors(meta.byline);
  return names.map((n) => cslName(n, meta.site));
}

/** The name to sort and key by: a person's family name (with its particle), an organisation's whole name. */
export function sortName(name: CslName): string {
  return 'literal' in name ? name.literal : [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}
