/**
 * Reading the dates people print on pages ("Aug 19, 2025", "19 августа 2025", "2025-08-19")
 * into ISO 8601 dates, so `published` is sortable. Unknown shapes give null, never a guess.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'января', 'январь', 'janvier', 'januar', 'enero'],
  ['february', 'feb', 'февраля', 'февраль', 'février', 'februar', 'febrero'],
  ['march', 'mar', 'марта', 'март', 'mars', 'märz', 'marzo'],
  ['april', 'apr', 'апреля', 'апрель', 'avril', 'abril'],
  ['may', 'мая', 'май', 'mai', 'mayo'],
  ['june', 'jun', 'июня', 'июнь', 'juin', 'juni', 'junio'],
  ['july', 'jul', 'июля', 'июль', 'juillet', 'juli', 'julio'],
  ['august', 'aug', 'августа', 'август', 'août', 'agosto'],
  ['september', 'sep', 'sept', 'сентября', 'сентябрь', 'septembre', 'septiembre'],
  ['october', 'oct', 'октября', 'октябрь', 'octobre', 'oktober', 'octubre'],
  ['november', 'nov', 'ноября', 'ноябрь', 'novembre', 'noviembre'],
  ['december', 'dec', 'декабря', 'декабрь', 'décembre', 'dezember', 'diciembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const MONTH = '([\\p{L}]{3,10})\\.?';
/** A day-month-year or month-day-year or ISO date somewhere in a line. */
const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => [number, number, number] | null]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/u, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'u'), (m) => monthFirst(m)],
  [new RegExp(`\\b(\\d{1,2})\\.?\\s+${MONTH}\\s+(\\d{4})\\b`, 'u'), (m) => dayFirst(m)],
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
  // Spanish and Portuguese: "5 de febrero de 2024".
  [new RegExp(`\\b(\\d{1,2})\\s+de\\s+${MONTH}\\s+de\\s+(\\d{4})\\b`, 'iu'), (m) => dayFirst(m)],
  // Chinese and Japanese: "2025年7月8日".
  [/(\d{4})年(\d{1,2})月(\d{1,2})日/u, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  // Day first with slashes, as most of the world writes it: "22/04/2024".
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/u,
    (m) => (Number(m[2]) <= 12 ? [Number(m[3]), Number(m[2]), Number(m[1])] : null),
  ],
];

function monthFirst(m: RegExpMatchArray): [number, number, number] | null {
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  return month ? [Number(m[3]), month, Number(m[2])] : null;
}

function dayFirst(m: RegExpMatchArray): [number, number, number] | null {
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  return month ? [Number(m[3]), month, Number(m[1])] : null;
}

/** Finds the first date in `text` and returns it as `YYYY-MM-DD`, or null. */
export function findDate(text: string): string | null {
  return findDateMatch(text)?.date ?? null;
}

/** {@link findDate} with the words that wrote the date, so a caller can see what else the line says. */
export function findDateMatch(text: string): { date: string; written: string } | null {
  for (const [re, read] of PATTERNS) {
    const m = text.match(re);
    const ymd = m && read(m);
    if (!ymd) continue;
    const [y, mo, d] = ymd;
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, written: m[0] };
  }
  return null;
}

/** Normalises a machine-readable date (ISO or RFC 2822) to ISO 8601, or null if unparsable. */
export function toIsoDate(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  if (/^\d{4}$/.test(raw)) return raw;
  const ms = Date.parse(raw);
  if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  return findDate(raw);
}
