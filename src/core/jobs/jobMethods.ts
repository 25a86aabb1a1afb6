/**
 * The GlossApi methods for long work: start a job (export, import, backup, restore, rebuild the search
 * index, move the library), follow and cancel it, choose paths with the desktop's native dialogs, and
 * open another library folder. Every path is checked here, in the main process, before any work starts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { GlossApi } from '../api';
import { GlossError } from '../errors';
import type { ExportSource } from '../export/library';
import type { ImportTarget } from '../import/types';
import { moveLibrary } from './moveLibrary';
import { JobRunner, type JobContext } from './runner';
import { backupSummary, importSummary, sizeText } from './summaries';
import type { JobOutcome, JobRequest, PathRequest } from './types';

export interface JobOptions {
  /** The runner that keeps jobs; pass one to keep jobs (and their outcomes) across a library switch. */
  jobs?: JobRunner;
  /** Shows a native open/save/folder dialog (the desktop app); resolves null when the person cancels. */
  choosePath?: (request: PathRequest) => Promise<string | null>;
  /**
   * Makes the app use the library at `dir` from now on (reopening the service there and remembering the
   * choice); must leave the current library in use if it fails. Without it, moving and opening libraries is refused.
   */
  switchLibrary?: (dir: string) => Promise<void>;
}

export interface JobDeps {
  /** The library the jobs work on (read when a job starts): what exports read and imports write through. */
  service(): ExportSource & ImportTarget & Pick<GlossApi, 'listHighlightsPage'>;
  /** Re-reads and re-indexes every clip (see SearchKeeper.rebuild). */
  rebuildIndex(options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<number>;
  /** Writes the search index's pending changes now (so a move copies them and leaves nothing to write in the old folder). */
  saveIndex(): Promise<void>;
}

type JobMethodName = 'startJob' | 'listJobs' | 'cancelJob' | 'dismissJob' | 'choosePath' | 'openLibrary';
export type JobMethods = Pick<GlossApi, JobMethodName> & { jobs: JobRunner };

/** Throws unless `p` is an absolute path (what the app's dialogs give). */
export function absolutePath(p: string, what: string): string {
  if (!path.isAbsolute(p)) throw new GlossError('invalid-input', `The ${what} must be a full path, not “${p}”.`);
  return path.resolve(p);
}

/** Throws unless `p` is an existing file or folder, as wanted. */
export async function existingPath(p: string, kind: 'file' | 'folder', what: string): Promise<string> {
  const full = absolutePath(p, what);
  const info = await fs.stat(full).catch(() => null);
  if (!info) throw new GlossError('not-found', `The ${what} ${full} does not exist.`);
  if (kind === 'folder' ? !info.isDirectory() : !info.isFile())
    throw new GlossError('invalid-input', `The ${what} ${full} is not a ${kind}.`);
  return full;
}

const TITLES: Record<JobRequest['kind'], string> = {
  export: 'Export the library as Markdown',
  'export-highlights': 'Export highlights as Markdown',
  import: 'Import',
  backup: 'Back up the library',
  restore: 'Restore a backup',
  reindex: 'Rebuild the search index',
  move: 'Move the library',
};

function titleOf(request: JobRequest): string {
  if (request.kind === 'export' && request.collection) return `Export “${request.collection}” as Markdown`;
  if (request.kind === 'import')
    return `Import from ${request.source === 'folder' ? 'a folder' : request.source[0]!.toUpperCase() + request.source.slice(1)}`;
  return TITLES[request.kind];
}

/** Builds the job methods; the work of each job checks its paths before it is started. */
export function createJobMethods(deps: JobDeps, options: JobOptions): JobMethods {
  const jobs = options.jobs ?? new JobRunner();

  const needSwitch = () => {
    if (!options.switchLibrary) throw new GlossError('invalid-input', 'Switching libraries needs the desktop app.');
    return options.switchLibrary;
  };

  /** Checks the request's paths and returns the work to run. */
  async function prepare(request: JobRequest): Promise<(context: JobContext) => Promise<JobOutcome>> {
    const service = deps.service();
    const library = service.libraryPath;
    switch (request.kind) {
      case 'export': {
        const out = absolutePath(request.out, 'export folder');
        const { exportLibrary, selectClips } = await import('../export/library');
        const selection = { collection: request.collection };
        if (!(await selectClips(service, selection)).length)
          throw new GlossError('empty-input', 'The library has no clips to export.');
        return async ({ signal, progress }) => {
          let done = 0;
          let total = 0;
          try {
            const result = await exportLibrary(service, {
              ...selection,
              format: 'md',
              out,
              signal,
              onProgress: (p) => progress({ done: (done = p.done), total: (total = p.total), label: p.title }),
            });
            const pages = result.pages ? ` and ${result.pages} notebook page${result.pages === 1 ? '' : 's'}` : '';
            const exported = result.clips - result.skipped.length;
            const left = result.skipped.length
              ? ` ${result.skipped.length} could not be exported: ${result.skipped.map((s) => `${s.title ?? s.id} (${s.reason})`).join('; ')}.`
              : '';
            return {
              summary: `Exported ${exported} clip${exported === 1 ? '' : 's'}${pages} as Markdown to ${out}.${left}`,
              path: out,
            };
          } catch (error) {
            if (!signal.aborted) throw error;
            const summary = done
              ? `Cancelled after ${done} of ${total} items; the files written are complete.`
              : 'Cancelled before anything was written.';
            return { summary, path: out };
          }
        };
      }
      case 'export-highlights': {
        const out = absolutePath(request.out, 'highlights file');
        await existingPath(path.dirname(out), 'folder', 'folder for the highlights file');
        const query = request.query ?? {};
        if (!(await service.listHighlightsPage({ ...query, limit: 1 })).total)
          throw new GlossError('empty-input', 'No highlights match, so there is nothing to export.');
        return async ({ signal, progress }) => {
          const { exportHighlights } = await import('../export/highlights');
          const count = await exportHighlights((q) => service.listHighlightsPage(q), query, out, {
            signal,
            onProgress: (done, total) => progress({ done, total, label: `${done} of ${total} highlights` }),
          });
          return { summary: `Exported ${count} highlight${count === 1 ? '' : 's'} as Markdown to ${out}.`, path: out };
        };
      }
      case 'import': {
        const from = await existingPath(
          request.from,
          ['omnivore', 'folder'].includes(request.source) ? 'folder' : 'file',
          'import source',
        );
        return async ({ signal, progress }) => {
          const { importFrom } = await import('../import');
          const report = await importFrom(service, request.source, from, {
            signal,
            onProgress: (p) => progress({ ...p, label: p.title }),
          });
          return importSummary(report, signal.aborted);
        };
      }
      case 'backup': {
        const out = absolutePath(request.out, 'backup file');
        await existingPath(path.dirname(out), 'folder', 'folder for the backup');
        if (out === library || out.startsWith(library + path.sep))
          throw new GlossError('invalid-input', 'Save the backup outside the library folder.');
        return async ({ signal, progress }) => {
          // The backup carries the search index: saved first, so it holds every change made so far.
          progress({ label: 'Saving the search index' });
          await deps.saveIndex();
          const { createBackup } = await import('../backup/create');
          const manifest = await createBackup(
            library,
            out,
            (p) => progress({ ...p, label: `${p.done} of ${p.total} files` }),
            signal,
          );
          return { summary: backupSummary(manifest.counts, out), path: out };
        };
      }
      case 'restore': {
        const from = await existingPath(request.from, 'file', 'backup file');
        const into = absolutePath(request.into, 'folder to restore into');
        const { assertEmptyLibrary, restoreBackup } = await import('../backup/restore');
        await assertEmptyLibrary(into);
        return async ({ signal, progress }) => {
          const manifest = await restoreBackup(from, into, {
            signal,
            onProgress: (p) => progress({ ...p, label: `${p.done} of ${p.total} files` }),
          });
          const { clips, highlights } = manifest.counts;
          return {
            summary: `Restored ${clips} clip${clips === 1 ? '' : 's'} and ${highlights} highlight${highlights === 1 ? '' : 's'} into ${into}.`,
            path: into,
          };
        };
      }
      case 'reindex':
        return async ({ signal, progress }) => {
          const count = await deps.rebuildIndex({
            signal,
            onProgress: (done, total) => progress({ done, total, label: `${done} of ${total} clips` }),
          });
          return { summary: `Rebuilt the search index: ${count} clip${count === 1 ? '' : 's'} indexed.` };
        };
      case 'move': {
        const switchTo = needSwitch();
        const to = absolutePath(request.to, 'new library folder');
        const { checkMoveTarget } = await import('./moveLibrary');
        await checkMoveTarget(library, to);
        return async ({ signal, progress, commit }) => {
          progress({ label: 'Saving the search index' });
          await deps.saveIndex();
          const result = await moveLibrary(
            library,
            to,
            async (dir) => {
              commit();
              await switchTo(dir);
            },
            { signal, onProgress: progress },
          );
          const env = process.env['GLOSS_LIBRARY'];
          const details = env
            ? [
                `GLOSS_LIBRARY is set (${env}): it still wins when Gloss starts, so change or unset it to keep using the new folder.`,
              ]
            : undefined;
          return {
            summary: `Moved the library (${result.files} files, ${sizeText(result.bytes)}) to ${to}. The old folder ${library} is untouched: remove it once you have checked the new one.`,
            path: to,
            ...(details && { details }),
          };
        };
      }
    }
  }

  return {
    jobs,
    async startJob(request) {
      const work = await prepare(request);
      return jobs.start(request.kind, titleOf(request), work, { exclusive: request.kind === 'move' });
    },
    async listJobs() {
      return jobs.list();
    },
    async cancelJob(id) {
      return jobs.cancel(id);
    },
    async dismissJob(id) {
      jobs.dismiss(id);
    },
    async choosePath(request) {
      if (!options.choosePath) throw new GlossError('invalid-input', 'Choosing files needs the desktop app.');
      const chosen = await options.choosePath(request);
      if (chosen === null) return null;
      if (request.mode === 'save-file') return absolutePath(chosen, 'chosen file');
      return existingPath(chosen, request.mode === 'open-file' ? 'file' : 'folder', 'chosen path');
    },
    async openLibrary({ path: dir }) {
      const switchTo = needSwitch();
      const full = await existingPath(dir, 'folder', 'library folder');
      if (full === deps.service().libraryPath)
        throw new GlossError('invalid-input', 'Gloss is already using that library.');
      if (jobs.busy())
        throw new GlossError(
          'invalid-input',
          'Wait for the running jobs to finish (or cancel them) before opening another library.',
        );
      const entries = await fs.readdir(full);
      if (entries.length && !entries.includes('clips')) {
        throw new GlossError(
          'invalid-input',
          `${full} does not look like a Gloss library (it has no clips folder); choose an empty folder or a library.`,
        );
      }
      await switchTo(full);
      return full;
    },
  };
}
