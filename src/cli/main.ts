/**
 * The Gloss CLI: `gloss clip|list|show|highlight|search|problems` on the same library and core as the app.
 * Errors go to stderr as one line with a non-zero exit.
 */
import { toErrorInfo } from '../core/errors';
import { resolveLibraryDir } from '../core/libraryLocation';
import { createGlossService } from '../core/service';
import { COMMANDS } from './commands';

const USAGE = `Usage: gloss [--library DIR] <command> [options]

Commands:
  clip <url|file|-> [--title T] [--url U] [--update|--copy] [--json]
                                                     clip a web page, a saved .html/.md/.txt file, or stdin;
                                                     --update / --copy when it is already in the library
  list [--json]                                      the clips, newest first
  show <id> [--format text|html|json]                one clip's article
  highlight <id> --quote "exact text" [--note "…"] [--json]
  search <query> [--limit N] [--json]                search articles, highlights and notebook pages
  problems [--json]                                  files that could not be read and were quarantined
  export <id…|--all|--collection NAME> --format md|bibtex|csl|apa|chicago|w3c --out PATH
                                                     Markdown files (with images and notebook pages) into
                                                     folder PATH, other formats into file PATH
  import <file|dir> --from readwise|omnivore|pocket|folder|backup [--json]
                                                     bring in other tools' exports; prints what was imported
  backup --out FILE                                  the whole library in one file
  restore FILE                                       a backup into the library, which must be empty

The library is DIR, else $GLOSS_LIBRARY, else the app's default library.`;

/** Splits off the global `--library DIR` option wherever it appears. */
function takeLibraryOption(argv: string[]): { library: string | null; rest: string[] } {
  const rest: string[] = [];
  let library: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--library') library = argv[++i] ?? '';
    else if (arg.startsWith('--library=')) library = arg.slice('--library='.length);
    else rest.push(arg);
  }
  return { library, rest };
}

async function main(argv: string[]): Promise<number> {
  const { library, rest } = takeLibraryOption(argv);
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`gloss: unknown command "${name}". Run gloss --help for the list.\n`);
    return 2;
  }
  if (library === '') {
    process.stderr.write('gloss: --library needs a folder.\n');
    return 2;
  }
  const service = await createGlossService({ libraryDir: resolveLibraryDir(library), images: {} });
  try {
    // One-shot commands answer from the complete index, never a half-rebuilt one.
    await service.indexReady();
    const info = await service.getLibraryInfo();
    if (info.problems.length && name !== 'problems') {
      process.stderr.write(
        `gloss: warning: ${info.problems.length} file(s) in the library could not be read and were moved to quarantine; run gloss problems\n`,
      );
    }
    const output = await command(service, args);
    const wantsJson = args.includes('--json') || (name === 'show' && output.json !== undefined);
    const printed = wantsJson ? JSON.stringify(output.json, null, 2) : output.text;
    if (printed) process.stdout.write(`${printed}\n`);
    return 0;
  } finally {
    await service.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gloss: ${toErrorInfo(error).message}\n`);
    process.exitCode = 1;
  },
);
