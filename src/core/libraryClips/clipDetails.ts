/**
 * Checking the details a person edits on a clip (byline, site, published date, address) before they
 * reach `meta.json`: blank means "unknown", a date must read as one, an address must be a web address.
 */
import { toIsoDate } from '../clipper/dates';
import { webUrl } from '../clipper/metadata';
import { GlossError } from '../errors';
import type { ClipMeta } from '../model';

/** The editable details; `undefined` leaves a field alone, an empty string clears it. */
export interface ClipDetailsInput {
  byline?: string;
  site?: string;
  published?: string;
  url?: string;
}

type DetailsPatch = Partial<Pick<ClipMeta, 'byline' | 'site' | 'published' | 'url'>>;

const blankToNull = (value: string) => value.replace(/\s+/g, ' ').trim() || null;

/**
 * The metadata patch for edited details.
 *
 * @throws GlossError `invalid-input` for a date that is not one (2024, 2024-05, 2024-05-17, ISO date-time
 *   or a written date) or an address that is not http(s)
 */
export function detailsPatch(input: ClipDetailsInput): DetailsPatch {
  const patch: DetailsPatch = {};
  if (input.byline !== undefined) patch.byline = blankToNull(input.byline);
  if (input.site !== undefined) patch.site = blankToNull(input.site);
  if (input.published !== undefined) {
    const raw = blankToNull(input.published);
    const date = raw && (/^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : toIsoDate(raw));
    if (raw && !date)
      throw new GlossError(
        'invalid-input',
        `“${raw.slice(0, 60)}” is not a date Gloss can read; write it like 2024-05-17.`,
      );
    patch.published = date;
  }
  if (input.url !== undefined) {
    const raw = blankToNull(input.url);
    const url = raw && webUrl(raw);
    if (raw && !url)
      throw new GlossError('invalid-input', `“${raw.slice(0, 60)}” is not a web address (http or https).`);
    patch.url = url;
  }
  return patch;
}
