/**
 * Rendering text units as article HTML. Text is escaped first; only a few Markdown inline forms that people
 * actually paste ([text](url), **bold**, `code`) become markup, and that markup goes through the sanitiser.
 * Units whose text holds none of those forms can instead be written straight in the stored form
 * ({@link storedUnitsHtml}): exactly what the sanitiser would return, without its two DOM parses.
 */
import { escapeText } from './serialize';
import type { TextUnit } from './textBlocks';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes `text` and turns Markdown links, bold and code spans into HTML. */
export function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

/** How one rendering writes a unit's text and joins the parts of a list or quote. */
interface Style {
  inline(text: string): string;
  code(text: string): string;
  /** Between the items of a list and the lines of a quote. */
  join: string;
}

function renderUnits(units: TextUnit[], style: Style): string {
  const out: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    switch (unit.kind) {
      case 'heading':
        out.push(`<h${unit.level ?? 2}>${style.inline(unit.text)}</h${unit.level ?? 2}>`);
        break;
      case 'caption':
        out.push(`<figure><figcaption>${style.inline(unit.text)}</figcaption></figure>`);
        break;
      case 'code':
        out.push(`<pre><code>${style.code(unit.text)}</code></pre>`);
        break;
      case 'item': {
        const tag = unit.ordered ? 'ol' : 'ul';
        const items: string[] = [];
        for (; i < units.length && units[i]!.kind === 'item' && !!units[i]!.ordered === !!unit.ordered; i++) {
          items.push(`<li>${style.inline(units[i]!.text)}</li>`);
        }
        i--;
        out.push(`<${tag}>${items.join(style.join)}</${tag}>`);
        break;
      }
      case 'quote': {
        const lines: string[] = [];
        for (; i < units.length && units[i]!.kind === 'quote'; i++)
          lines.push(`<p>${style.inline(units[i]!.text)}</p>`);
        i--;
        out.push(`<blockquote>${lines.join(style.join)}</blockquote>`);
        break;
      }
      default:
        out.push(`<p>${style.inline(unit.text)}</p>`);
    }
  }
  return out.join('\n');
}

/** Renders units as HTML (to be sanitised), grouping consecutive list items and quote lines. */
export function unitsToHtml(units: TextUnit[]): string {
  return renderUnits(units, { inline: inlineHtml, code: escapeHtml, join: '' });
}

/** What could become markup ([text](url), **bold**, `code`). */
const MARKDOWN = /\]\(|\*\*|`/;
/**
 * Characters the HTML parser drops, changes or reports (NUL, carriage returns, other controls, lone surrogates,
 * non-characters): text holding any of them goes through the sanitiser, which sees what a browser would.
 */
const PARSER_SENSITIVE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The stored (sanitised) HTML of `units`, written directly: the same string `sanitizeArticleHtml(unitsToHtml(units))`
 * gives, at a fraction of the cost. Null when a unit's text could hold markup, holds characters the parser would
 * treat specially, or is not already trimmed to something visible; the caller then sanitises as usual.
 */
export function storedUnitsHtml(units: TextUnit[]): string | null {
  for (const unit of units) {
    const text = unit.text;
    if (MARKDOWN.test(text) || PARSER_SENSITIVE.test(text) || (unit.level ?? 2) < 2) return null;
    // Blocks are trimmed by the serialiser (code keeps its white space) and dropped when blank.
    if (text.trim() === '' || (unit.kind !== 'code' && text.trim() !== text)) return null;
  }
  return renderUnits(units, { inline: escapeText, code: escapeText, join: '\n' });
}
