/**
 * Rendering text units as article HTML (before sanitising). Text is escaped first; only a few
 * Markdown inline forms that people actually paste ([text](url), **bold**, `code`) become markup.
 */
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

/** Renders units as HTML, grouping consecutive list items and quote lines. */
export function unitsToHtml(units: TextUnit[]): string {
  const out: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    switch (unit.kind) {
      case 'heading':
        out.push(`<h${unit.level ?? 2}>${inlineHtml(unit.text)}</h${unit.level ?? 2}>`);
        break;
      case 'caption':
        out.push(`<figure><figcaption>${inlineHtml(unit.text)}</figcaption></figure>`);
        break;
      case 'code':
        out.push(`<pre><code>${escapeHtml(unit.text)}</code></pre>`);
        break;
      case 'item': {
        const tag = unit.ordered ? 'ol' : 'ul';
        const items: string[] = [];
        for (; i < units.length && units[i]!.kind === 'item' && !!units[i]!.ordered === !!unit.ordered; i++) {
          items.push(`<li>${inlineHtml(units[i]!.text)}</li>`);
        }
        i--;
        out.push(`<${tag}>${items.join('')}</${tag}>`);
        break;
      }
      case 'quote': {
        const lines: string[] = [];
        for (; i < units.length && units[i]!.kind === 'quote'; i++) lines.push(`<p>${inlineHtml(units[i]!.text)}</p>`);
        i--;
        out.push(`<blockquote>${lines.join('')}</blockquote>`);
        break;
      }
      default:
        out.push(`<p>${inlineHtml(unit.text)}</p>`);
    }
  }
  return out.join('\n');
}
