/**
 * Citation export from the app: the references of a clip, a selection of clips or a collection as one
 * file (BibTeX, CSL-JSON, APA or Chicago), returned for copying and, when a path was chosen, saved there.
 */
import path from 'node:path';
import type { GlossApi } from '../api';
import { GlossError } from '../errors';
import { writeFileAtomic } from '../library/atomicWrite';
import { ioError } from '../library/checks';
import type { LibraryStore } from '../library/store';
import type { ClipMeta } from '../model';
import { safeFileStem } from './fileNames';

export type CitationMethods = Pick<GlossApi, 'exportCitations'>;

const EXTENSIONS = { bibtex: 'bib', csl: 'json', apa: 'txt', chicago: 'txt' } as const;
const MIME_TYPES = {
  bibtex: 'application/x-bibtex',
  csl: 'application/vnd.citationstyles.csl+json',
  apa: 'text/plain',
  chicago: 'text/plain',
} as const;

/** Builds the citation export over the library store; the converters load on first use. */
export function createCitationMethods(store: LibraryStore): CitationMethods {
  return {
    async exportCitations({ all, clipIds, collection, format, out }) {
      if (!all && !clipIds && collection === undefined)
        throw new GlossError('invalid-input', 'Choose the clips or the collection to cite.');
      const wanted = new Set(clipIds ?? []);
      const metas: ClipMeta[] = [...wanted].map((id) => store.getMeta(id));
      if (collection !== undefined)
        for (const meta of store.list())
          if (!wanted.has(meta.id) && meta.collections?.includes(collection)) metas.push(meta);
      if (all) for (const meta of store.list()) if (!wanted.has(meta.id)) metas.push(meta);
      if (metas.length === 0)
        throw new GlossError('empty-input', `Nothing to cite: the collection “${collection}” holds no clips.`);
      const { bibtex, cslJson, formatReferences } = await import('./citation');
      const content =
        format === 'bibtex' ? bibtex(metas) : format === 'csl' ? cslJson(metas) : formatReferences(metas, format);
      const label = metas.length === 1 ? metas[0]!.title : (collection ?? (all ? 'Library' : 'Citations'));
      const file = {
        filename: `${safeFileStem(label, 'citations')}.${EXTENSIONS[format]}`,
        mimeType: MIME_TYPES[format],
        content,
      };
      if (out === undefined) return file;
      if (!path.isAbsolute(out) || out.includes('\0'))
        throw new GlossError('invalid-input', 'Choose where to save the citations with the save dialog.');
      await writeFileAtomic(out, content).catch((e) => {
        throw ioError(`Could not save the citations to ${out}`, e);
      });
      return { ...file, path: out };
    },
  };
}
