/**
 * Reading back a Markdown file: YAML front matter (any file may have some; Obsidian notes often do) becomes
 * the clip's details instead of article text, and a file Gloss exported (front matter with `gloss-id`, see
 * export/markdown.ts) gives back its highlights and notes from the `## Highlights` section, not as text.
 */
import { parse } from 'yaml';
import { HIGHLIGHTS_HEADING, ORPHAN_LINE } from '../export/markdownMarks';
import type { ImportedHighlight } from './types';

/** What a Markdown file's front matter and highlights section give an import. */
export interface MarkdownParts {
  /** The Markdown without front matter and, for a Gloss export, without the highlights section. */
  body: string;
  title: string | null;
  url: string | null;
  byline: string | null;
  site: string | null;
  published: string | null;
  tags: string[];
  collections: string[];
  highlights: ImportedHighlight[];
}

const FRONT = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const BLOCK_ID = /^\^gloss-[A-Za-z0-9-]+$/;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null;
const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map(text)
    .filter((v): v is string => v !== null);

/** A date front matter may hold as a YAML timestamp (`2024-05-17` unquoted) or a string. */
function dateText(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return text(value);
}

/** The front matter as a mapping, or null when there is none or it is not YAML holding one. */
function frontMatter(markdown: string): { fields: Record<string, unknown>; rest: string } | null {
  const match = FRONT.exec(markdown);
  if (!match) return null;
  let fields: unknown;
  try {
    fields = parse(match[1]!);
  } catch {
    return null;
  }
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return null;
  return { fields: fields as Record<string, unknown>, rest: markdown.slice(match[0].length) };
}

/** A quote paragraph's text: each line without its `>` marker. */
function unquote(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) => line.replace(/^>\s?/, ''))
    .join('\n')
    .trim();
}

/**
 * The highlights of an exported section: each is a quote paragraph followed by its block id line, then
 * (optionally) the orphan line and the note's paragraphs up to the next quote that has a block id.
 */
export function parseHighlightsSection(section: string): ImportedHighlight[] {
  const paragraphs = section
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: ImportedHighlight[] = [];
  let note: string[] | null = null;
  const flush = () => {
    if (note && out.length) out[out.length - 1]!.note = note.join('\n\n');
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1];
    if (p.startsWith('>') && next !== undefined && BLOCK_ID.test(next)) {
      flush();
      out.push({ quote: unquote(p), note: '' });
      note = [];
      i++;
    } else if (note && !(note.length === 0 && p === ORPHAN_LINE)) {
      note.push(p);
    }
  }
  flush();
  return out.filter((h) => h.quote);
}

/**
 * Splits a Markdown file into its parts. Without front matter the body is the whole file; with front matter
 * but no `gloss-id`, only the front matter is taken out (its title, tags and the like are kept).
 */
export function parseMarkdownFile(markdown: string): MarkdownParts {
  const front = frontMatter(markdown);
  const fields = front?.fields ?? {};
  let body = front ? front.rest : markdown;
  let highlights: ImportedHighlight[] = [];
  if (front && text(fields['gloss-id'])) {
    const at = body.lastIndexOf(`\n${HIGHLIGHTS_HEADING}\n`);
    const start = body.startsWith(`${HIGHLIGHTS_HEADING}\n`) ? 0 : at >= 0 ? at + 1 : -1;
    if (start >= 0) {
      highlights = parseHighlightsSection(body.slice(start + HIGHLIGHTS_HEADING.length + 1));
      body = body.slice(0, start);
    }
  }
  const authors = texts(fields['authors'] ?? fields['author']);
  return {
    body: body.trim(),
    title: text(fields['title']),
    url: text(fields['url'] ?? fields['source']),
    byline: authors.length ? authors.join(', ') : null,
    site: text(fields['site']),
    published: dateText(fields['published']),
    tags: texts(fields['tags']),
    collections: texts(fields['collections']),
    highlights,
  };
}
