/**
 * A clip as an Obsidian-compatible Markdown file: YAML front matter (written by the `yaml` library, so
 * any title or author is escaped), the article converted by turndown with Joplin's maintained GFM plugin
 * (tables, strikethrough), then the highlights as blockquotes, each with a stable block id
 * (`^gloss-<highlightId>`) that notes can link to, and its note below. import/glossMarkdown.ts reads
 * such a file back.
 */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { stringify } from 'yaml';
import type { AnchoredHighlight, ClipDocument, ClipMeta } from '../model';
import { HIGHLIGHTS_HEADING, ORPHAN_LINE } from './markdownMarks';
import { splitAuthors } from './names';

let converter: TurndownService | null = null;

function turndown(): TurndownService {
  if (!converter) {
    converter = new TurndownService({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
      emDelimiter: '*',
    });
    converter.use(gfm);
  }
  return converter;
}

/**
 * The article's sanitised HTML as Markdown. Turndown parses the string itself (with domino, its light
 * DOM, in Node): Markdown needs no spec-exact text, and jsdom's parse plus turndown's whitespace pass over
 * jsdom nodes cost ~5 ms an article and kept memory growing over a whole-library export.
 */
export function articleMarkdown(html: string): string {
  return turndown().turndown(html).trim();
}

/** A tag as Obsidian takes one: no spaces (`Ocean energy` → `Ocean-energy`), no leading `#`. */
function obsidianTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\s+/g, '-');
}

/** The front matter fields, in the order Obsidian shows them; the clip's collections become a list property. */
export function frontMatter(meta: ClipMeta): Record<string, unknown> {
  return {
    title: meta.title,
    authors: splitAuthors(meta.byline),
    url: meta.url,
    site: meta.site,
    published: meta.published,
    clipped: meta.clippedAt,
    tags: (meta.tags ?? []).map(obsidianTag).filter(Boolean),
    ...(meta.collections?.length && { collections: meta.collections }),
    'gloss-id': meta.id,
  };
}

/** The block id of a highlight: Obsidian allows only letters, digits and dashes in block ids. */
export function blockId(highlightId: string): string {
  return `gloss-${highlightId.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** Highlights in reading order; orphans (no place in the text) last, oldest first. */
function inReadingOrder(highlights: AnchoredHighlight[]): AnchoredHighlight[] {
  const at = (h: AnchoredHighlight) => h.anchor?.start ?? Number.MAX_SAFE_INTEGER;
  return [...highlights].sort((a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt));
}

function quoteBlock(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

/** One highlight: the quote, its block id on the line after it (Obsidian's form for quotes), the note. */
function highlightMarkdown(highlight: AnchoredHighlight): string {
  const parts = [quoteBlock(highlight.target.selector[0].exact), `^${blockId(highlight.id)}`];
  if (!highlight.anchor) parts.push(ORPHAN_LINE);
  if (highlight.note.trim()) parts.push(highlight.note.trim());
  return parts.join('\n\n');
}

/** What a clip's Markdown file is made from: its metadata, article and highlights (not its text). */
export type MarkdownSource = Pick<ClipDocument, 'meta' | 'html' | 'highlights'>;

/** The whole Markdown file for one clip. */
export function clipMarkdown(document: MarkdownSource): string {
  const yaml = stringify(frontMatter(document.meta), { lineWidth: 0 }).trimEnd();
  const sections = [`---\n${yaml}\n---`, articleMarkdown(document.html)];
  if (document.highlights.length) {
    sections.push([HIGHLIGHTS_HEADING, ...inReadingOrder(document.highlights).map(highlightMarkdown)].join('\n\n'));
  }
  return sections.filter(Boolean).join('\n\n') + '\n';
}
