/** What finished jobs say: one sentence with the counts, plus the lines worth reading. */
import type { ImportReport } from '../import';
import type { BackupManifest } from '../backup/manifest';
import type { JobOutcome } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A size people read at a glance: 812 KB, 3.4 MB. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Most skipped entries listed in an import's outcome (the CLI prints them all). */
const MAX_DETAILS = 50;

/** An import's counts; after a cancel, what the import kept. */
export function importSummary(report: ImportReport, cancelled: boolean): JobOutcome {
  const { imported, merged, placeholders, skipped, highlights } = report;
  const parts = [`imported ${plural(imported, 'clip')}`, `merged ${merged}`, `skipped ${skipped.length}`];
  if (placeholders) parts.push(`${plural(placeholders, 'page')} to fetch later`);
  parts.push(`${plural(highlights.placed + highlights.orphaned, 'highlight')} added`);
  const counts = parts.join(', ');
  const summary = cancelled
    ? `Cancelled; kept what was imported: ${counts}.`
    : `${counts[0]!.toUpperCase()}${counts.slice(1)}.`;
  const details = skipped.slice(0, MAX_DETAILS).map((s) => `${s.title ?? s.source}: ${s.reason}`);
  if (skipped.length > MAX_DETAILS) details.push(`…and ${skipped.length - MAX_DETAILS} more.`);
  return { summary, ...(details.length && { details }) };
}

/** A backup's counts. */
export function backupSummary(counts: BackupManifest['counts'], out: string): string {
  return `Backed up ${plural(counts.clips, 'clip')} and ${plural(counts.highlights, 'highlight')} (${plural(counts.files, 'file')}, ${sizeText(counts.bytes)}) to ${out}.`;
}
