/**
 * Every export format behind one function: a clip (or many) in, a file's name, type and content out.
 * The app's "export" and "copy citation", and the CLI's `gloss export`, all go through here.
 */
import type { ClipDocument, ClipMeta } from '../model';
import { bibtex, cslJson, formatReferences } from './citation';
import { FileNamer } from './fileNames';
import { clipMarkdown } from './markdown';
import type { ExportedFile, ExportFormat } from './kinds';
import { annotationCollection, clipAnnotations } from './w3c';

export type { ExportedFile, ExportFormat } from './kinds';

const KINDS: Record<ExportFormat, { extension: string; mimeType: string }> = {
  md: { extension: 'md', mimeType: 'text/markdown' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  csl: { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  apa: { extension: 'txt', mimeType: 'text/plain' },
  chicago: { extension: 'txt', mimeType: 'text/plain' },
  w3c: { extension: 'jsonld', mimeType: 'application/ld+json' },
};

function content(documents: ClipDocument[], format: ExportFormat, label: string): string {
  const metas: ClipMeta[] = documents.map((d) => d.meta);
  switch (format) {
    case 'md':
      return documents.map(clipMarkdown).join('\n');
    case 'bibtex':
      return bibtex(metas);
    case 'csl':
      return cslJson(metas);
    case 'apa':
    case 'chicago':
      return formatReferences(metas, format);
    case 'w3c': {
      const collection =
        documents.length === 1
          ? clipAnnotations(documents[0]!.meta, documents[0]!.highlights)
          : annotationCollection(
              label,
              'urn:gloss:library',
              documents.flatMap((d) => d.highlights),
            );
      return JSON.stringify(collection, null, 2) + '\n';
    }
  }
}

/** One clip in `format`, named after its title, e.g. `Tidal Power Comes of Age.bib`. */
export function exportClipFile(document: ClipDocument, format: ExportFormat): ExportedFile {
  const { extension, mimeType } = KINDS[format];
  const filename = new FileNamer().name(document.meta.title, document.meta.id, extension);
  return { filename, mimeType, content: content([document], format, document.meta.title) };
}

/** Many clips in one file (`library.bib`, `library.json`…): the format for everything but Markdown. */
export function exportManyFile(documents: ClipDocument[], format: ExportFormat, label = 'Gloss library'): ExportedFile {
  const { extension, mimeType } = KINDS[format];
  return { filename: `library.${extension}`, mimeType, content: content(documents, format, label) };
}
