/**
 * `gloss list`: the library's clips from its catalogue file (core/library/listFromCatalogue.ts) when it is up
 * to date, else from the store alone; never the search index, the clipper, jsdom or the schemas' zod when the
 * catalogue serves, so the command starts fast on a large library.
 */
import { listFromCatalogue } from '../core/library/listFromCatalogue';
import type { ClipMeta } from '../core/model';
import { parseCommandArgs } from './args';

/** What a command prints: machine output for --json, else lines for people. */
export interface CommandOutput {
  json?: unknown;
  text: string;
}

/** What `clip --json` and `list --json` print of a clip. */
type ListedClip = Pick<ClipMeta, 'id' | 'title' | 'site' | 'byline' | 'published' | 'url' | 'words'>;

/** The `clip --json` / `list --json` shape that scripts rely on. */
export function clipJson(clip: ListedClip) {
  const { id, title, site, byline, published, url, words } = clip;
  return { id, title, site, byline, published, url, words };
}

/** One clip as a line for people: id, title, where it came from and its length. */
export function clipLine(clip: ListedClip): string {
  const where = clip.site ?? (clip.url ? new URL(clip.url).host : 'pasted');
  return `${clip.id}  ${clip.title}  (${where}, ${clip.words} words)`;
}

/** The library's clips from the store, which reads clips changed behind the catalogue's back and saves it. */
async function listFromStore(libraryDir: string): Promise<{ clips: ClipMeta[]; problems: number }> {
  const { LibraryStore } = await import('../core/library/store');
  const store = await LibraryStore.open(libraryDir, { catalogue: true });
  try {
    return { clips: store.list(), problems: store.problems().length };
  } finally {
    await store.close();
  }
}

/**
 * Lists the library at `libraryDir`, newest first; `problems` counts the files in quarantine (for the
 * warning every command gives). An up-to-date catalogue file is all it reads (its rows without their
 * highlights); otherwise the store opens, reads the clips changed behind the catalogue's back and saves it.
 */
export async function listLibrary(
  libraryDir: string,
  args: string[],
): Promise<{ output: CommandOutput; problems: number }> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const { clips, problems } = (await listFromCatalogue(libraryDir)) ?? (await listFromStore(libraryDir));
  // One form only: the other would be 10k objects or lines made for nothing.
  if (values.json) return { output: { json: clips.map(clipJson), text: '' }, problems };
  const text = clips.length
    ? clips.map(clipLine).join('\n')
    : 'The library is empty. Clip something with: gloss clip <url|file|->';
  return { output: { text }, problems };
}
