/**
 * BibTeX citation keys people can type and recognise: author surname + year + first significant title
 * word (`calder2025tidal`), ASCII only, unique within one export (`calder2025tidala`, `…b` on a clash).
 */
import type { ClipMeta } from '../model';
import { clipAuthors, sortName } from './names';
import { dateParts } from './dates';

/** Words that say nothing about a title, skipped when picking its first significant word. */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor of on in at to for from by with without into onto over under about after before ' +
    'as is are was were be been it its this that these those how why what when where who which not no'
  ).split(' '),
);

/** Letters that Unicode decomposition does not split into an ASCII base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
};

/** `Zoë Łukasz-Ørsted` → `zoelukaszorsted`: lower case, accents dropped, only a–z and 0–9 left. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıħŋ]/g, (c) => SPECIAL_LETTERS[c]!)
    .replace(/[^a-z0-9]/g, '');
}

/** The words of a text as folded ASCII, empty ones (punctuation, other scripts) left out. */
function foldedWords(text: string): string[] {
  return text
    .split(/[\s\-–—/:;,.!?"'“”‘’()[\]]+/)
    .map(asciiFold)
    .filter(Boolean);
}

/** The first title word that is not a stop word (else the first word at all). */
function significantWord(title: string, skip = 0): string {
  const words = foldedWords(title);
  const significant = words.filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w));
  return significant[skip] ?? (skip === 0 ? (words[0] ?? '') : '');
}

/** A site as a name: `www.nytimes.com` → `nytimes`, `Harbour Review` → `harbourreview`. */
function siteName(site: string): string {
  const host = /^(?:www\.)?([a-z0-9-]+)\.[a-z.]{2,}$/i.exec(site.trim());
  return asciiFold(host ? host[1]! : site);
}

/** The name part of a key: the first author's surname, else the site. */
function namePart(meta: ClipMeta): string {
  const first = clipAuthors(meta)[0];
  if (first) {
    const folded = asciiFold('literal' in first ? first.literal : sortName(first));
    if (folded) return folded;
  }
  return meta.site ? siteName(meta.site) : '';
}

/**
 * The key one clip would get on its own: `surname` + `year` + first significant title word. Without
 * an author the site stands in; without either the title's first two significant words do
 * (`tidalpower2025`), so a key never starts with a bare year.
 */
export function baseCitationKey(meta: ClipMeta): string {
  const year = String(dateParts(meta.published)?.[0] ?? '');
  const name = namePart(meta);
  const word = significantWord(meta.title);
  const key = name ? `${name}${year}${word}` : `${word}${significantWord(meta.title, 1)}${year}`;
  if (!key) return 'clip';
  return /^[a-z]/.test(key) ? key : `clip${key}`;
}

/** a, b … z, aa, ab …: the suffixes that tell clashing keys apart. */
function suffix(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(97 + (i % 26)) + out;
  return out;
}

/**
 * Keys for `metas`, in order, unique within the list: a key that several clips share gets a, b, c…
 * on each of them (as author-year styles do), and a suffixed key never repeats another clip's key.
 */
export function citationKeys(metas: readonly ClipMeta[]): string[] {
  const bases = metas.map(baseCitationKey);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const taken = new Set(bases.filter((b) => counts.get(b) === 1));
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (counts.get(base) === 1) return base;
    for (let n = next.get(base) ?? 0; ; n++) {
      const key = base + suffix(n);
      if (taken.has(key)) continue;
      taken.add(key);
      next.set(base, n + 1);
      return key;
    }
  });
}
