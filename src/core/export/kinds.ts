/**
 * The export formats and reference styles by name: light enough for the API schemas and the UI,
 * which must not load the converters just to list them.
 */

export const EXPORT_FORMATS = ['md', 'bibtex', 'csl', 'apa', 'chicago', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formatted reference styles Gloss offers. */
export const REFERENCE_STYLES = ['apa', 'chicago'] as const;
export type ReferenceStyle = (typeof REFERENCE_STYLES)[number];

/** The formats a set of citations can be exported in (the app's citation export). */
export const CITATION_FORMATS = ['bibtex', 'csl', 'apa', 'chicago'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** One exported file. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}
