/**
 * One run of the Gloss CLI on given arguments and streams: what `gloss …` does between reading its arguments and
 * exiting. The command (main.ts) runs it on the process's own streams; tests may run it in-process on theirs.
 */
import { toErrorInfo } from '../core/errors';
import { resolveLibraryDir } from '../core/libraryLocation';
import { commandHelp, generalHelp, HELP, type CommandName } from './help';
import { listLibrary, type CommandOutput } from './listCommand';

/** Where a run reads and writes. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** All of standard input as UTF-8 text (only `gloss clip -` reads it). */
  stdin(): Promise<string>;
  /** The environment the library is found from (GLOSS_LIBRARY). */
  env: NodeJS.ProcessEnv;
}

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

async function run(argv: string[], io: CliIo): Promise<number> {
  const { library, rest } = takeLibraryOption(argv);
  const [name, ...args] = rest;
  const wantsHelp = (arg: string) => arg === '--help' || arg === '-h';
  if (!name || wantsHelp(name) || (name === 'help' && (!args.length || wantsHelp(args[0]!)))) {
    io.out(`${generalHelp()}\n`);
    return name ? 0 : 2;
  }
  const helpFor = name === 'help' ? args[0]! : args.some(wantsHelp) ? name : null;
  const known = (n: string): n is CommandName => Object.hasOwn(HELP, n);
  if (!known(helpFor ?? name)) {
    io.err(`gloss: unknown command "${helpFor ?? name}". Run gloss --help for the list.\n`);
    return 2;
  }
  if (helpFor !== null) {
    io.out(`${commandHelp(helpFor as CommandName)}\n`);
    return 0;
  }
  if (library === '') {
    io.err('gloss: --library needs a folder.\n');
    return 2;
  }
  const libraryDir = resolveLibraryDir(library, io.env);
  const warn = (problems: number) => {
    if (problems && name !== 'problems') {
      io.err(
        `gloss: warning: ${problems} file(s) in the library could not be read and were set aside; run gloss problems\n`,
      );
    }
  };
  const print = (output: CommandOutput) => {
    const wantsJson = args.includes('--json') || (name === 'show' && output.json !== undefined);
    const printed = wantsJson ? JSON.stringify(output.json, null, 2) : output.text;
    if (printed) io.out(`${printed}\n`);
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
    print(await command(service, args, io));
    return 0;
  } finally {
    await service.close();
  }
}

/**
 * Runs `gloss <argv…>` and resolves to its exit code: 0 done, 1 failed (the reason as one line on standard error),
 * 2 a usage error. Never rejects.
 */
export async function runGloss(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.err(`gloss: ${toErrorInfo(error).message}\n`);
    return 1;
  }
}
