/**
 * `gloss export`: clips to Markdown files, BibTeX, CSL-JSON, APA or Chicago references, or W3C annotations.
 */
import { GlossError } from '../core/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/kinds';
import { parseCommandArgs } from './args';
import type { Command } from './commands';
import { usage } from './help';

/** Progress goes to stderr so stdout stays the result (and `--json` stays parseable). */
function progress(done: number, total: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\rExporting ${done}/${total}…${done === total ? '\n' : ''}`);
}

export const exportCommand: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, {
    all: { type: 'boolean' },
    collection: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new GlossError('invalid-input', `${usage('export')}\n(--format must be one of ${EXPORT_FORMATS.join(', ')})`);
  const choices = [values.all, values.collection !== undefined, positionals.length > 0].filter(Boolean).length;
  if (!values.out || choices !== 1) throw new GlossError('invalid-input', usage('export'));
  if (values.collection !== undefined && !values.collection.trim())
    throw new GlossError('invalid-input', '--collection needs the name of a collection.');
  const { exportLibrary } = await import('../core/export/library');
  const { files, clips, pages, skipped } = await exportLibrary(service, {
    ...(positionals.length && { ids: positionals }),
    ...(values.collection !== undefined && { collection: values.collection }),
    format,
    out: values.out,
    onProgress: (p) => progress(p.done, p.total),
  });
  const what = format === 'md' ? `${files.length} file(s) in ${values.out}` : files[0];
  const notes = pages ? ` and ${pages} notebook page(s)` : '';
  const lines = [`Exported ${clips - skipped.length} clip(s)${notes} as ${format}: ${what}`];
  for (const s of skipped) lines.push(`  skipped ${s.title ? `“${s.title}” (${s.id})` : s.id}: ${s.reason}`);
  return { json: { format, clips, pages, files, skipped }, text: lines.join('\n') };
};
