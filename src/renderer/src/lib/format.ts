/** Small formatting helpers for dates, lengths and hosts. */

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
// Made once: `toLocaleString` with a locale builds a new formatter on every call (costly in lists and counts).
const numberFormat = new Intl.NumberFormat();
const englishCount = new Intl.NumberFormat('en');

/** "12,345" in English digits and grouping, whatever the system's locale (search counts). */
export function formatCount(n: number): string {
  return englishCount.format(n);
}

/** Parses an ISO date or date-time; a bare date (YYYY-MM-DD) is taken as a local calendar date. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = bare ? new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Aug 19, 2025"; the raw value when it is not a date we understand. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = parseDate(value);
  return date ? dateFormat.format(date) : value;
}

/** "1,234 words". */
export function formatWords(words: number): string {
  return `${numberFormat.format(words)} ${words === 1 ? 'word' : 'words'}`;
}

/** "4 min read", at about 230 words a minute. */
export function readingTime(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230));
  return `${minutes} min read`;
}

/** "example.com" from a URL, without a leading "www."; null when it is not a URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Only web links are offered as "open the original". */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/** The human message of anything thrown; the core's messages are written for people and shown as they are. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || String(error);
  return String(error);
}
