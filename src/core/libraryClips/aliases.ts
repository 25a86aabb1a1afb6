/**
 * The other addresses a clip is known by (see {@link ClipMeta.aliases}): a link that redirected to the
 * article, or the address a re-clip or placeholder had before the page moved.
 */
import { normalizeUrl } from '../clipper/urls';
import type { ClipMeta } from '../model';

/**
 * The aliases of a clip whose address is `url`: every address in `lists` that is a web address and,
 * once normalised, neither `url` nor an earlier one. `undefined` when none is left, so the field stays
 * out of `meta.json`.
 */
export function mergeAliases(
  url: string | null,
  ...lists: Array<ReadonlyArray<string | null | undefined> | undefined>
): string[] | undefined {
  const seen = new Set([normalizeUrl(url)]);
  const aliases: string[] = [];
  for (const address of lists.flatMap((list) => list ?? [])) {
    const key = normalizeUrl(address);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    aliases.push(address!);
  }
  return aliases.length ? aliases : undefined;
}

/** Every address of a clip, normalised: its `url` and its aliases. */
export function clipAddresses(clip: Pick<ClipMeta, 'url' | 'aliases'>): string[] {
  return [clip.url, ...(clip.aliases ?? [])].map(normalizeUrl).filter((key): key is string => key !== null);
}
