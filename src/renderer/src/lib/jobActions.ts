/**
 * What the app's long-work buttons and commands ask for: each action chooses its paths with the native
 * dialogs (the renderer cannot see the file system) and becomes a job request for the core.
 */
import type { HighlightQuery } from '@core/api';
import type { JobImportSource, JobRequest, PathRequest } from '@core/jobs/types';

export type JobAction =
  | { kind: 'export'; collection?: string }
  | { kind: 'export-highlights'; query: Omit<HighlightQuery, 'offset' | 'limit'> }
  | { kind: 'import'; source: JobImportSource }
  | { kind: 'backup' }
  | { kind: 'restore' }
  | { kind: 'reindex' }
  | { kind: 'move' };

/** Where each import reads from, and what its dialog says. */
export const IMPORT_CHOICES: Record<JobImportSource, { label: string; pick: PathRequest }> = {
  readwise: {
    label: 'Readwise CSV',
    pick: {
      mode: 'open-file',
      title: 'Choose the CSV file Readwise exported',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    },
  },
  omnivore: { label: 'Omnivore', pick: { mode: 'open-folder', title: 'Choose the unzipped Omnivore export folder' } },
  pocket: {
    label: 'Pocket',
    pick: {
      mode: 'open-file',
      title: 'Choose Pocket’s export (ril_export.html or CSV)',
      filters: [{ name: 'Pocket export', extensions: ['html', 'csv'] }],
    },
  },
  folder: {
    label: 'Folder of files',
    pick: { mode: 'open-folder', title: 'Choose a folder of .html, .md, .txt and .pdf files' },
  },
};

const choose = (request: PathRequest) => window.gloss.choosePath(request);

/** Asks for the paths `action` needs and returns its job request, or null when a dialog was cancelled. */
export async function jobRequestFor(action: JobAction): Promise<JobRequest | null> {
  switch (action.kind) {
    case 'export': {
      const what = action.collection ? `“${action.collection}”` : 'the library';
      const out = await choose({
        mode: 'open-folder',
        title: `Choose a folder to export ${what} into (an Obsidian vault works)`,
      });
      return out ? { kind: 'export', out, ...(action.collection && { collection: action.collection }) } : null;
    }
    case 'export-highlights': {
      const out = await choose({
        mode: 'save-file',
        title: 'Export these highlights as Markdown',
        defaultName: 'Highlights.md',
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      });
      return out ? { kind: 'export-highlights', out, query: action.query } : null;
    }
    case 'import': {
      const from = await choose(IMPORT_CHOICES[action.source].pick);
      return from ? { kind: 'import', source: action.source, from } : null;
    }
    case 'backup': {
      const day = new Date().toISOString().slice(0, 10);
      const out = await choose({
        mode: 'save-file',
        title: 'Save a backup of the library',
        defaultName: `Gloss backup ${day}.backup`,
      });
      return out ? { kind: 'backup', out } : null;
    }
    case 'restore': {
      const from = await choose({
        mode: 'open-file',
        title: 'Choose a Gloss backup',
        filters: [
          { name: 'Gloss backup', extensions: ['backup', 'gz', 'tgz'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!from) return null;
      const into = await choose({ mode: 'open-folder', title: 'Choose an empty folder to restore the library into' });
      return into ? { kind: 'restore', from, into } : null;
    }
    case 'reindex':
      return { kind: 'reindex' };
    case 'move': {
      const to = await choose({ mode: 'open-folder', title: 'Choose an empty folder to move the library to' });
      return to ? { kind: 'move', to } : null;
    }
  }
}
