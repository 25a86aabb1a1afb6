/**
 * Spotting an article the library already holds: by normalised address (tracking parameters,
 * fragments, default ports and trailing slashes do not count), its own or one it was clipped from
 * (a link that redirected to it), or by the hash of its text.
 */
import { contentHash, MIN_HASHED_CHARS } from '../article/contentHash';
import { normalizeUrl } from '../clipper/urls';
import { GlossError } from '../errors';
import type { ClipDraft, ClipMeta } from '../model';
import { clipAddresses } from './aliases';

export type { OnDuplicate } from '../api';

/** The clip among `clips` with the same normalised address as `url` (or an alias of it), if any. */
export function findByUrl(clips: readonly ClipMeta[], url: string | null | undefined): ClipMeta | undefined {
  const key = normalizeUrl(url);
  return key ? clips.find((c) => !c.placeholder && clipAddresses(c).includes(key)) : undefined;
}

/**
 * The clip among `clips` that holds the same article as a draft with address `url` and text `text`:
 * first by address, then by content hash (only for texts long enough to be an article).
 */
export function findDuplicate(
  clips: readonly ClipMeta[],
  url: string | null | undefined,
  text: string,
): ClipMeta | undefined {
  const byUrl = findByUrl(clips, url);
  if (byUrl || text.trim().length < MIN_HASHED_CHARS) return byUrl;
  const hash = contentHash(text);
  return clips.find((c) => c.contentHash === hash);
}

/**
 * The clip among `clips` that holds the same work as `draft`: for a PDF, the same file (SHA-256) or the
 * same DOI first; then, for any draft, {@link findDuplicate}.
 */
export function findDraftDuplicate(
  clips: readonly ClipMeta[],
  draft: Pick<ClipDraft, 'url' | 'text' | 'pdf' | 'biblio'>,
): ClipMeta | undefined {
  const sha = draft.pdf?.sha256;
  const doi = draft.biblio?.doi?.toLowerCase();
  const same = clips.find((c) => (sha && c.pdf?.sha256 === sha) || (doi && c.biblio?.doi?.toLowerCase() === doi));
  return same ?? findDuplicate(clips, draft.url, draft.text);
}

/**
 * The `duplicate` error that names the clip already in the library and carries it as data
 * ({@link GlossError.existing}); the message states the fact, and each front end offers its own choice.
 */
export function duplicateError(existing: ClipMeta): GlossError {
  const day = existing.clippedAt.slice(0, 10);
  return new GlossError('duplicate', `“${existing.title}” is already in your library (clipped ${day}).`, {
    existing: { id: existing.id, title: existing.title, clippedAt: existing.clippedAt },
  });
}
