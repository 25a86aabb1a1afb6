import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { findQuote } from '../core/anchoring/describe';
import { articlePlainText } from '../core/article/plainText';
import { charsetFromBom, decodeHtml } from '../core/clipper/charset';
import { MAX_CLIP_TEXT, MAX_PDF_BYTES } from '../core/clipLimits';
import { parseQuery } from '../core/common/searchQuery';
import { GlossError } from '../core/errors';
import type { GlossService } from '../core/service';
import type { OnDuplicate } from '../core/libraryClips/duplicates';
import { parseCommandArgs } from './args';
import { backupCommand, restoreCommand } from './backupCommands';
import { exportCommand } from './exportCommands';
import { usage, type CommandName } from './help';
import { importCommand } from './importCommands';
import { clipJson, clipLine, type CommandOutput } from './listCommand';
import type { CliIo } from './run';

export type { CommandOutput };

/** A command: what it prints, from the open library's service, its arguments and the run's streams. */
export type Command = (service: GlossService, args: string[], io: CliIo) => Promise<CommandOutput>;

const HTML_FILE = new Set(['.html', '.htm', '.xhtml']);

type ClipOptions = { title?: string; url?: string; onDuplicate: OnDuplicate; stdin: CliIo['stdin'] };

async function clipSource(service: GlossService, source: string, { title, url, onDuplicate, stdin }: ClipOptions) {
  if (source === '-') {
    const text = await stdin();
    // Piped from a photo or a binary by mistake: refused, not clipped as noise (no text holds a NUL).
    if (text.includes('\0'))
      throw new GlossError('invalid-input', 'The input is not text: gloss clip - takes text piped or typed in.');
    return service.clipText({ text, title, url, onDuplicate });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^(javascript|data|file|about):/i.test(source)) {
    return service.clipUrl({ url: source, title, onDuplicate });
  }
  const info = await stat(source).catch(() => null);
  if (!info) throw new GlossError('not-found', `No such file or web address: ${source}`);
  if (!info.isFile()) throw new GlossError('invalid-input', `Not a file: ${source}`);
  const pdf = extname(source).toLowerCase() === '.pdf';
  const limit = pdf ? MAX_PDF_BYTES : MAX_CLIP_TEXT;
  if (info.size > limit) {
    const mb = `${limit / (1024 * 1024)} MB`;
    throw new GlossError('too-large', `${basename(source)} is larger than ${mb}, so it was not clipped.`);
  }
  if (pdf) {
    const data = (await readFile(source)).toString('base64');
    return service.clipPdf({ data, fileName: basename(source), title, url, onDuplicate });
  }
  const bytes = await readFile(source);
  // A saved page keeps its own encoding: read as a browser opens the file (byte order mark, <meta charset>, UTF-8).
  if (HTML_FILE.has(extname(source).toLowerCase()))
    return service.clipHtml({ html: decodeHtml(bytes, null), title, url, onDuplicate });
  return service.clipText({ text: textFile(bytes, source), title, url, onDuplicate });
}

/** A text file's contents (UTF-8, or UTF-16 with its byte order mark): a photo or a binary is refused, not clipped as noise. */
function textFile(bytes: Buffer, source: string): string {
  const encoding = charsetFromBom(bytes) ?? 'utf-8';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (!text.includes('\0')) return text;
  } catch {
    // Not text in that encoding: refused below.
  }
  throw new GlossError(
    'invalid-input',
    `${basename(source)} is not UTF-8 text: gloss clip takes web addresses, .html, .md and .txt files, and PDFs.`,
  );
}

const clip: Command = async (service, args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    title: { type: 'string' },
    url: { type: 'string' },
    update: { type: 'boolean' },
    copy: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [source] = positionals;
  if (!source || positionals.length > 1 || (values.update && values.copy)) {
    throw new GlossError('invalid-input', usage('clip'));
  }
  const onDuplicate: OnDuplicate = values.update ? 'update' : values.copy ? 'copy' : 'ask';
  const result = await clipSource(service, source, {
    title: values.title,
    url: values.url,
    onDuplicate,
    stdin: io.stdin,
  }).catch((error: unknown) => {
    // The app asks with buttons; on the command line the choice is a flag.
    if (error instanceof GlossError && error.code === 'duplicate' && error.existing) {
      const { id, title, clippedAt } = error.existing;
      throw new GlossError(
        'duplicate',
        `“${title}” is already in your library as ${id} (clipped ${clippedAt.slice(0, 10)}). Run again with --update (keeps its highlights) or --copy.`,
        { existing: error.existing },
      );
    }
    throw error;
  });
  return { json: clipJson(result), text: `Clipped: ${clipLine(result)}` };
};

const show: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    json: { type: 'boolean' },
  });
  const [id] = positionals;
  if (!id) throw new GlossError('invalid-input', usage('show'));
  const format = values.json ? 'json' : values.format;
  if (!['text', 'html', 'json'].includes(format)) {
    throw new GlossError('invalid-input', `Unknown format "${format}": use text, html or json.`);
  }
  const document = await service.getClip(id);
  if (format === 'json') return { json: document, text: '' };
  if (format === 'html') return { text: document.html };
  return { text: `${document.meta.title}\n\n${articlePlainText(document.html)}`.trimEnd() };
};

const highlight: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, {
    quote: { type: 'string' },
    note: { type: 'string' },
    color: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [id] = positionals;
  if (!id || !values.quote) throw new GlossError('invalid-input', usage('highlight'));
  const { text } = await service.getClip(id);
  const range = findQuote(text, values.quote);
  if (!range) throw new GlossError('not-found', `The quote was not found in clip "${id}".`);
  const color = values.color as Parameters<GlossService['addHighlight']>[0]['color'];
  const created = await service.addHighlight({ clipId: id, ...range, note: values.note, color });
  return { json: created, text: `Highlighted “${created.target.selector[0].exact}” (${created.id})` };
};

const search: Command = async (service, args, io) => {
  const { values, positionals } = parseCommandArgs(args, { limit: { type: 'string' }, json: { type: 'boolean' } });
  const query = positionals.join(' ');
  if (!query.trim()) throw new GlossError('empty-input', usage('search'));
  // What the query language did not take as asked (a bad date, an unknown filter), as the app says under its box.
  for (const hint of parseQuery(query).hints) io.err(`gloss: note: ${hint}\n`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new GlossError('invalid-input', '--limit takes a whole number from 1 to 500.');
  const { results, total, byKind } = await service.searchPage({ query, limit });
  const counts = (['article', 'highlight', 'page'] as const)
    .filter((kind) => byKind[kind] > 0)
    .map((kind) => `${byKind[kind]} ${kind}${byKind[kind] === 1 ? '' : 's'}`)
    .join(', ');
  const shown = results.length < total ? `, showing the first ${results.length}` : '';
  return {
    json: results.map(({ id, kind, title, score, snippet, highlightId }) => ({
      id,
      kind,
      title,
      score,
      snippet,
      ...(highlightId && { highlightId }),
    })),
    text: results.length
      ? [
          `${total} result${total === 1 ? '' : 's'} (${counts}${shown})`,
          ...results.map((r) => `${r.id}  [${r.kind}]  ${r.title}\n    ${r.snippet}`),
        ].join('\n')
      : `No results for “${query}”.`,
  };
};

const problems: Command = async (service, args) => {
  parseCommandArgs(args, { json: { type: 'boolean' } });
  const info = await service.getLibraryInfo();
  const lines = [
    ...info.problems.map(
      (p) => `${p.file}: ${p.reason}\n    ${p.quarantinedAs ? `moved to ${p.quarantinedAs}` : 'left where it is'}`,
    ),
    ...info.conflicts.map(
      (c) =>
        `${c.current}: a sync tool (${c.tool}) left another version at ${c.conflict}\n    choose the one to keep in the app; the other goes to the trash`,
    ),
  ];
  return {
    json: info.problems,
    text: lines.length ? lines.join('\n') : 'No problems: every file in the library reads correctly.',
  };
};

/** Every CLI command by name but `list`, which needs only the store (listCommand.ts). */
export const COMMANDS: Record<Exclude<CommandName, 'list'>, Command> = {
  clip,
  show,
  highlight,
  search,
  problems,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
