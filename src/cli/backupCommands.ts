/**
 * `gloss backup` and `gloss restore`: the whole library in one file, and back into an empty library.
 */
import { GlossError } from '../core/errors';
import type { GlossService } from '../core/service';
import { parseCommandArgs } from './args';
import type { Command, CommandOutput } from './commands';
import { usage } from './help';

export const backupCommand: Command = async (service, args) => {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.out || positionals.length) throw new GlossError('invalid-input', usage('backup'));
  const { createBackup } = await import('../core/backup/create');
  const manifest = await createBackup(service.libraryPath, values.out);
  const { clips, highlights, files } = manifest.counts;
  return {
    json: { file: values.out, ...manifest.counts },
    text: `Backed up ${clips} clip(s), ${highlights} highlight(s), ${files} file(s) to ${values.out}`,
  };
};

/** Restores `file` into the service's library, which must be empty. */
export async function restoreInto(service: GlossService, file: string): Promise<CommandOutput> {
  const info = await service.getLibraryInfo();
  if (info.clipCount > 0) {
    throw new GlossError(
      'invalid-input',
      `The library at ${info.path} already holds ${info.clipCount} clip(s); restore only into an empty library (use --library DIR).`,
    );
  }
  const { restoreBackup } = await import('../core/backup/restore');
  const manifest = await restoreBackup(file, service.libraryPath);
  const { clips, highlights, files } = manifest.counts;
  return {
    json: { library: info.path, ...manifest.counts },
    text: `Restored ${clips} clip(s), ${highlights} highlight(s), ${files} file(s) into ${info.path}`,
  };
}

export const restoreCommand: Command = async (service, args) => {
  const { positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new GlossError('invalid-input', usage('restore'));
  return restoreInto(service, positionals[0]!);
};
