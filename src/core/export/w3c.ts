/**
 * Highlights as W3C Web Annotations (JSON-LD), the format Hypothesis and other annotation tools
 * exchange: the target is the page with a TextQuoteSelector and a TextPositionSelector, the body
 * is the note when there is one.
 */
import type { ClipMeta, Highlight } from '../model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One W3C Web Annotation. */
export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' };
  target: { source: string; selector: Highlight['target']['selector'] };
}

/** A stable IRI for a highlight (Gloss has no server, so a URN). */
export function highlightIri(highlight: Highlight): string {
  return `urn:gloss:highlight:${highlight.clipId}:${highlight.id}`;
}

/** One highlight as a Web Annotation; `withContext` adds `@context` for a stand-alone document. */
export function toWebAnnotation(highlight: Highlight, withContext = true): WebAnnotation {
  const note = highlight.note.trim();
  return {
    ...(withContext && { '@context': ANNOTATION_CONTEXT }),
    id: highlightIri(highlight),
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(note && {
      body: {
        type: 'TextualBody' as const,
        value: highlight.note,
        format: 'text/plain' as const,
        purpose: 'commenting' as const,
      },
    }),
    target: { source: highlight.target.source, selector: highlight.target.selector },
  };
}

/**
 * Many highlights as one AnnotationCollection whose single embedded AnnotationPage lists them all
 * (the model allows a collection to carry its first page inline).
 */
export function annotationCollection(label: string, id: string, highlights: Highlight[]) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: highlights.length,
    first: {
      id: `${id}:page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: highlights.map((h) => toWebAnnotation(h, false)),
    },
  };
}

/** The highlights of one clip as a collection labelled with the clip's title. */
export function clipAnnotations(meta: ClipMeta, highlights: Highlight[]) {
  return annotationCollection(meta.title, `urn:gloss:clip:${meta.id}`, highlights);
}
