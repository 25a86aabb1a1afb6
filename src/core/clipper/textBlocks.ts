/**
 * Splitting pasted text into units: one per line as copied from a page (web pages copy as one
 * line per block), with Markdown-ish lines (#, -, 1., >, ```) recognised, and hard-wrapped
 * paragraphs (plain-text mail, README files) joined back together.
 */
import { endsLikeSentence } from './lineRules';

export type UnitKind = 'line' | 'heading' | 'item' | 'quote' | 'code' | 'caption';

export interface TextUnit {
  kind: UnitKind;
  text: string;
  /** Heading level (2–6) for headings. */
  level?: number;
  /** For list items: numbered or bulleted. */
  ordered?: boolean;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;
const BULLET = /^\s*[-*•‣–]\s+(.+)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.+)$/;
const QUOTE = /^>\s?(.*)$/;
const FENCE = /^\s*```/;

/** Collapses runs of spaces and tabs (not no-break spaces, which the author chose). */
function tidyLine(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

/**
 * A paragraph block whose lines were wrapped at a fixed width: the lines are of similar,
 * moderate length and mostly stop mid-sentence. Pages copied one-line-per-paragraph do not
 * look like this (their lines end with full stops and vary widely in length).
 */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  const lengths = body.map((l) => l.length);
  const midSentence = body.filter((l) => !endsLikeSentence(l)).length;
  return (
    Math.min(...lengths) >= 30 &&
    Math.max(...lengths) <= 100 &&
    Math.max(...lengths) - Math.min(...lengths) <= 40 &&
    midSentence * 2 >= body.length
  );
}

function markdownUnit(line: string): TextUnit | null {
  const h = HEADING.exec(line);
  if (h) return { kind: 'heading', text: tidyLine(h[2]!), level: Math.min(6, Math.max(2, h[1]!.length)) };
  const b = BULLET.exec(line);
  if (b) return { kind: 'item', text: tidyLine(b[1]!), ordered: false };
  const n = NUMBERED.exec(line);
  if (n) return { kind: 'item', text: tidyLine(n[1]!), ordered: true };
  const q = QUOTE.exec(line);
  if (q) return { kind: 'quote', text: tidyLine(q[1]!) };
  return null;
}

/** Splits normalised text ("\n" line ends) into units. */
export function splitUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const lines = text.split('\n');
  let block: string[] = [];
  const flush = (): void => {
    if (isHardWrapped(block)) units.push({ kind: 'line', text: tidyLine(block.join(' ')) });
    else for (const line of block) units.push({ kind: 'line', text: tidyLine(line) });
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) code.push(lines[i]!);
      units.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const md = markdownUnit(line);
    if (md) {
      flush();
      if (md.text) units.push(md);
    } else {
      block.push(line);
    }
  }
  flush();
  return units;
}
