/**
 * Authors from a clip's byline: a byline is one free-text line ("By Ines Calder and Tom Reyes"),
 * citation formats and front matter want a list of people.
 */

/** One author as CSL-JSON names it: a person (given + family) or an organisation (literal). */
export type CslName = { given: string; family: string } | { literal: string };

/** Splits a byline into author names: drops a leading "By", splits on commas, "and", "&" and ";". */
export function splitAuthors(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** A person's name as given + family (the last word is the family name); one-word names stay literal. */
export function cslName(name: string): CslName {
  const words = name.split(/\s+/);
  if (words.length < 2) return { literal: name };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1]! };
}
