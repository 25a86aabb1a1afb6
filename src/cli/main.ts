#!/usr/bin/env node
/**
 * The Gloss CLI: `gloss clip|list|show|highlight|search|…` on the same library and core as the app.
 * Errors go to stderr as one line with a non-zero exit. Built into out/cli/gloss.js by `npm run build`
 * (scripts/buildCli.mjs); `npm run gloss` runs this source through tsx.
 */
import { toErrorInfo } from '../core/errors';
import { resolveLibraryDir } from '../core/libraryLocation';
import { createGlossService } from '../core/service';
import { COMMANDS } from './commands';
import { commandHelp, generalHelp, HELP, type CommandName } from './help';

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
  const command = COMMANDS[name as CommandName];
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
