/**
 * `gloss export`: clips to Markdown files, BibTeX, CSL-JSON, APA or Chicago references, or W3C annotations.
 */
import { GlossError } from '../core/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/kinds';
import { parseCommandArgs } from './args';
import type { Command } from './commands';

const USAGE = `Usage: gloss export <id…|--all> --format ${EXPORT_FORMATS.join('|')} --out PATH`;

/** Progress goes to stderr so stdout stays the result (and `--json` stays parseable). */
function progress(done: number, total: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\rExporting ${done}/${total}…${done === total ? '\n' : ''}`);
}

export const exportCommand: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, {
    all: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new GlossError('invalid-input', `${USAGE}\n(--format must be one of ${EXPORT_FORMATS.join(', ')})`);
  if (!values.out || (values.all ? positionals.length > 0 : positionals.length === 0)) throw new GlossError('invalid-input', USAGE);
  const all = (await service.listClips()).map((c) => c.id);
  const ids = values.all ? all : positionals;
  // An unknown id fails before anything is written.
  const unknown = ids.find((id) => !all.includes(id));
  if (unknown) await service.getClip(unknown);
  const { exportToDisk } = await import('../core/export/folder');
  const { files } = await exportToDisk({ ids, format, out: values.out, getClip: (id) => service.getClip(id), onProgress: (p) => progress(p.done, p.total) });
  const what = format === 'md' ? `${files.length} Markdown file(s) in ${values.out}` : files[0];
  return { json: { format, clips: ids.length, files }, text: `Exported ${ids.length} clip(s) as ${format}: ${what}` };
};
