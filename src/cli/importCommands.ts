/**
 * `gloss import`: exports of Readwise, Omnivore and Pocket, plain folders, and Gloss backups.
 */
import { GlossError } from '../core/errors';
import type { ImportReport } from '../core/import';
import { parseCommandArgs } from './args';
import { restoreInto } from './backupCommands';
import type { Command } from './commands';
import { IMPORT_FROM, usage } from './help';

function reportText(report: ImportReport): string {
  const { placed, orphaned, duplicates } = report.highlights;
  const lines = [
    `Imported ${report.imported} clip(s), merged ${report.merged} with existing clips, skipped ${report.skipped.length}.`,
    `Highlights: ${placed} placed, ${orphaned} kept but not placed in the text, ${duplicates} already there.`,
  ];
  if (report.placeholders)
    lines.push(`${report.placeholders} page(s) could not be fetched and wait as placeholders; import again to retry.`);
  for (const s of report.skipped) lines.push(`  skipped ${s.source}${s.title ? ` (${s.title})` : ''}: ${s.reason}`);
  return lines.join('\n');
}

export const importCommand: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, json: { type: 'boolean' } });
  const [target] = positionals;
  if (!target || positionals.length > 1 || !values.from || !IMPORT_FROM.includes(values.from))
    throw new GlossError('invalid-input', usage('import'));
  if (values.from === 'backup') return restoreInto(service, target);
  const { importFrom } = await import('../core/import');
  const report = await importFrom(service, values.from as 'readwise', target, {
    onProgress: ({ done, total, title }) => {
      if (process.stderr.isTTY && done < total)
        process.stderr.write(`\r\u001b[K[${done + 1}/${total}] ${title.slice(0, 70)}`);
      else if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
    },
  });
  return { json: report, text: reportText(report) };
};
