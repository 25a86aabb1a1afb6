/**
 * `gloss list`: the library's clips from the store alone (its catalogue file, see core/library/catalogueFile.ts),
 * without the search index, the clipper or jsdom, so the command starts fast on a large library.
 */
import { summarise } from '../core/catalogue/summary';
import { LibraryStore } from '../core/library/store';
import type { ClipSummary } from '../core/model';
import { parseCommandArgs } from './args';

/** What a command prints: machine output for --json, else lines for people. */
export interface CommandOutput {
  json?: unknown;
  text: string;
}

/** The `clip --json` / `list --json` shape that scripts rely on. */
export function clipJson(clip: ClipSummary) {
  const { id, title, site, byline, published, url, words } = clip;
  return { id, title, site, byline, published, url, words };
}

/** One clip as a line for people: id, title, where it came from and its length. */
export function clipLine(clip: ClipSummary): string {
  const where = clip.site ?? (clip.url ? new URL(clip.url).host : 'pasted');
  return `${clip.id}  ${clip.title}  (${where}, ${clip.words} words)`;
}

/**
 * Lists the library at `libraryDir`, newest first; `problems` counts the files in quarantine (for the
 * warning every command gives). Clips changed behind the catalogue's back are read, and the catalogue saved.
 */
export async function listLibrary(
  libraryDir: string,
  args: string[],
): Promise<{ output: CommandOutput; problems: number }> {
  parseCommandArgs(args, { json: { type: 'boolean' } });
  const store = await LibraryStore.open(libraryDir, { catalogue: true });
  try {
    const clips = store.list().map((meta) => summarise(meta, store.highlightsOf(meta.id).length));
    const output = {
      json: clips.map(clipJson),
      text: clips.length
        ? clips.map(clipLine).join('\n')
        : 'The library is empty. Clip something with: gloss clip <url|file|->',
    };
    return { output, problems: store.problems().length };
  } finally {
    await store.close();
  }
}
