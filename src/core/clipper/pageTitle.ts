/**
 * A page's title as a reader wants it: `<title>` and `og:title` often carry the site's name
 * ("Tidal power | Harbour News") and a shortened form of the article's own heading.
 */

import { looseText } from '../article/text';

/** " | ", " - ", " – ", " — ", " · ", " » ", " :: " between a title and a site name. */
const SEPARATOR_ALL = /\s+(?:\||-|–|—|·|»|::)\s+/g;

const fold = (s: string): string => looseText(s.normalize('NFKC'));

/** True when `part` names the site: its name, or its host without `www.` and the top-level domain. */
function namesSite(part: string, site: string | null, host: string | null): boolean {
  const p = fold(part).replace(/[\s.]/g, '');
  if (!p) return false;
  if (site && p === fold(site).replace(/[\s.]/g, '')) return true;
  const hostName = host
    ?.replace(/^www\./, '')
    .split('.')
    .slice(0, -1)
    .join('');
  return !!hostName && p === hostName.toLowerCase();
}

/**
 * Removes a leading or trailing site name from a title, then prefers the page's main heading when
 * that heading starts with what is left (the `<title>` is often a shortened form of the headline).
 * Returns the title unchanged when nothing applies.
 *
 * @param title the title found in the page's metadata or `<title>`
 * @param site the site's name (`og:site_name` or similar), if known
 * @param host the page's host name, if known
 * @param heading the text of the page's first `<h1>`, if any
 */
export function tidyPageTitle(title: string, site: string | null, host: string | null, heading: string | null): string {
  const seps = Array.from(title.matchAll(SEPARATOR_ALL));
  const first = seps[0];
  const last = seps[seps.length - 1];
  let tidy = title;
  if (last?.index !== undefined && namesSite(title.slice(last.index + last[0].length), site, host))
    tidy = title.slice(0, last.index);
  else if (first?.index !== undefined && namesSite(title.slice(0, first.index), site, host))
    tidy = title.slice(first.index + first[0].length);
  tidy = tidy.trim() || title;
  const h1 = heading?.replace(/\s+/g, ' ').trim() ?? '';
  if (h1 && h1.length <= 200 && h1.length > tidy.length && fold(h1).startsWith(fold(tidy))) return h1;
  return tidy;
}
