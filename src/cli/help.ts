/**
 * What `gloss --help` and `gloss <command> --help` print, and the usage line a command's error repeats.
 * Light on purpose: help never opens the library or loads the core.
 */
import { EXPORT_FORMATS } from '../core/export/kinds';

/** One command's help: its usage line, a one-line summary, and what its options mean. */
export interface CommandHelp {
  usage: string;
  summary: string;
  details: string[];
}

const IMPORT_SOURCES = ['readwise', 'omnivore', 'pocket', 'folder', 'backup'] as const;

/** Every command's help, in the order `gloss --help` lists them. */
export const HELP = {
  clip: {
    usage: 'gloss clip <url|file|-> [--title T] [--url U] [--update|--copy] [--json]',
    summary: 'clip a web page, a saved .html/.md/.txt/.pdf file, or stdin (-)',
    details: [
      '--title T        use T as the title instead of the one found in the page',
      '--url U          the address a file or stdin came from',
      '--update         when it is already in the library: replace its text, keep its highlights',
      '--copy           when it is already in the library: keep both',
      '--json           print the clip as JSON',
    ],
  },
  list: {
    usage: 'gloss list [--json]',
    summary: 'the clips, newest first',
    details: ['--json           print the clips as JSON'],
  },
  show: {
    usage: 'gloss show <id> [--format text|html|json]',
    summary: "one clip's article",
    details: ['--format F       text (default), the sanitised html, or json with the highlights'],
  },
  highlight: {
    usage: 'gloss highlight <id> --quote "exact text" [--note "…"] [--color C] [--json]',
    summary: 'highlight a passage of a clip',
    details: [
      '--quote Q        the exact words to highlight (the first place they occur)',
      '--note N         a note on the highlight',
      '--color C        yellow, green, blue, pink or purple',
      '--json           print the highlight as JSON',
    ],
  },
  search: {
    usage: 'gloss search <query> [--limit N] [--json]',
    summary: 'search articles, highlights and notebook pages',
    details: [
      'The query takes words, "phrases" and filters: site:, author:, kind:, before:, after:, tag:, collection:.',
      '--limit N        at most N results (1 to 500, default 20)',
      '--json           print the results as JSON',
    ],
  },
  problems: {
    usage: 'gloss problems [--json]',
    summary: 'files that could not be read and were quarantined, and sync conflicts',
    details: ['--json           print the problems as JSON'],
  },
  export: {
    usage: `gloss export <id…|--all|--collection NAME> --format ${EXPORT_FORMATS.join('|')} --out PATH`,
    summary: 'export clips as Markdown files, BibTeX, CSL-JSON, APA or Chicago references, or W3C annotations',
    details: [
      'md writes a folder PATH (with images and notebook pages); the other formats write the file PATH.',
      '--all            every clip; --collection NAME: the clips of one collection; else the ids given',
      '--json           print what was written as JSON',
    ],
  },
  import: {
    usage: `gloss import <file|dir> --from ${IMPORT_SOURCES.join('|')} [--json]`,
    summary: "bring in other tools' exports (or a Gloss backup); prints what was imported",
    details: ['--json           print the import report as JSON'],
  },
  backup: {
    usage: 'gloss backup --out FILE [--json]',
    summary: 'the whole library in one file',
    details: ['--json           print the counts as JSON'],
  },
  restore: {
    usage: 'gloss restore FILE [--json]',
    summary: 'a backup into the library, which must be empty',
    details: ['--json           print the counts as JSON'],
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof HELP;

/** The import sources `gloss import --from` takes. */
export const IMPORT_FROM: readonly string[] = IMPORT_SOURCES;

/** `Usage: …` for one command, the text of a usage error. */
export function usage(name: CommandName): string {
  return `Usage: ${HELP[name].usage}`;
}

/** `gloss <command> --help`. */
export function commandHelp(name: CommandName): string {
  const { summary, details } = HELP[name];
  return [usage(name), '', `${summary[0]!.toUpperCase()}${summary.slice(1)}.`, '', ...details, '', GLOBAL].join('\n');
}

const GLOBAL = `--library DIR    the library folder (else $GLOSS_LIBRARY, else the app's default library)`;

/** `gloss --help`. */
export function generalHelp(): string {
  const rows = Object.entries(HELP).map(([name, h]) => `  ${name.padEnd(11)}${h.summary}`);
  return [
    'Usage: gloss [--library DIR] <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run gloss <command> --help for its options.',
    GLOBAL,
  ].join('\n');
}
