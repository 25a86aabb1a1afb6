#!/usr/bin/env node
/**
 * The Gloss CLI: `gloss clip|list|show|highlight|search|…` on the same library and core as the app.
 * Errors go to stderr as one line with a non-zero exit. Built into out/cli/gloss.js by `npm run build`
 * (scripts/buildCli.mjs); `npm run gloss` runs this source through tsx.
 */
import { toErrorInfo } from '../core/errors';
import { resolveLibraryDir } from '../core/libraryLocation';
import { commandHelp, generalHelp, HELP, type CommandName } from './help';
import { listLibrary, type CommandOutput } from './listCommand';

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
  const wantsHelp = (arg: string) => arg === '--help' || arg === '-h';
  if (!name || wantsHelp(name) || (name === 'help' && !args.length)) {
    process.stdout.write(`${generalHelp()}\n`);
    return name ? 0 : 2;
  }
  const helpFor = name === 'help' ? args[0]! : args.some(wantsHelp) ? name : null;
  const known = (n: string): n is CommandName => Object.hasOwn(HELP, n);
  if (!known(helpFor ?? name)) {
    process.stderr.write(`gloss: unknown command "${helpFor ?? name}". Run gloss --help for the list.\n`);
    return 2;
  }
  if (helpFor !== null) {
    process.stdout.write(`${commandHelp(helpFor as CommandName)}\n`);
    return 0;
  }
  if (library === '') {
    process.stderr.write('gloss: --library needs a folder.\n');
    return 2;
  }
  const libraryDir = resolveLibraryDir(library);
  const warn = (problems: number) => {
    if (problems && name !== 'problems') {
      process.stderr.write(
        `gloss: warning: ${problems} file(s) in the library could not be read and were moved to quarantine; run gloss problems\n`,
      );
    }
  };
  const print = (output: CommandOutput) => {
    const wantsJson = args.includes('--json') || (name === 'show' && output.json !== undefined);
    const printed = wantsJson ? JSON.stringify(output.json, null, 2) : output.text;
    if (printed) process.stdout.write(`${printed}\n`);
  };
  // `list` needs only the store: no search index, clipper or jsdom to load.
  if (name === 'list') {
    const { output, problems } = await listLibrary(libraryDir, args);
    warn(problems);
    print(output);
    return 0;
  }
  const [{ createGlossService }, { COMMANDS }] = await Promise.all([import('../core/service'), import('./commands')]);
  const command = COMMANDS[name as Exclude<CommandName, 'list'>];
  const service = await createGlossService({ libraryDir, images: {} });
  try {
    // One-shot commands answer from the complete index, never a half-rebuilt one.
    await service.indexReady();
    warn((await service.getLibraryInfo()).problems.length);
    print(await command(service, args));
    return 0;
  } finally {
    await service.close();
  }
}

// A reader that stops early (`gloss list | head`) closes the pipe: the rest of the output has nowhere to go,
// which is not an error of the command (it still finishes, and exits with its own code).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gloss: ${toErrorInfo(error).message}\n`);
    process.exitCode = 1;
  },
);
