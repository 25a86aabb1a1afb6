/**
 * Guessing an article's writing system and language from its text, cheaply and conservatively:
 * `null` is a fine answer, a wrong language tag is not (it drives hyphenation and search stemming).
 */

export type Script =
  'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han' | 'kana' | 'hangul' | 'thai' | 'devanagari' | 'other';

const SCRIPT_TESTS: Array<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

/** Counts letters per script in `text`. */
export function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  let latin = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // ASCII (most text) without the Unicode property tests: its only letters are Latin ones.
    if (code < 0x80) {
      if ((code | 0x20) < 0x61 || (code | 0x20) > 0x7a) continue;
      // Counted at the end, but placed in the map now: ties go to the script seen first.
      if (!latin++ && !counts.has('latin')) counts.set('latin', 0);
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPT_TESTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (latin) counts.set('latin', (counts.get('latin') ?? 0) + latin);
  return counts;
}

/** The script with the most letters in `counts` (the first counted on a tie), or null when there are none. */
function mostLetters(counts: Map<Script, number>): Script | null {
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}

/** The script most letters of `text` are written in, or null when there are no letters. */
export function dominantScript(text: string): Script | null {
  return mostLetters(scriptCounts(text));
}

/** Very common function words; a language is only claimed when they are frequent. */
const STOP_WORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'it',
    'with',
    'as',
    'was',
    'on',
    'are',
    'this',
    'be',
    'by',
    'have',
    'from',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'ein',
    'eine',
    'zu',
    'den',
    'mit',
    'sich',
    'auf',
    'für',
    'dem',
    'von',
  ],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au'],
  es: ['el', 'la', 'los', 'las', 'que', 'y', 'en', 'del', 'por', 'una', 'con', 'para', 'es', 'se', 'no', 'lo'],
  it: ['il', 'la', 'che', 'di', 'e', 'è', 'per', 'un', 'una', 'non', 'gli', 'della', 'sono', 'del', 'con'],
  pt: ['o', 'a', 'que', 'de', 'e', 'do', 'da', 'em', 'um', 'para', 'não', 'uma', 'os', 'no', 'com'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'voor', 'met', 'die'],
};

function latinLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null; // too few words to be sure
  let best: string | null = null;
  let bestShare = 0;
  let second = 0;
  for (const [lang, list] of Object.entries(STOP_WORDS)) {
    const set = new Set(list);
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) [best, bestShare, second] = [lang, share, bestShare];
    else if (share > second) second = share;
  }
  // Function words make up a quarter or more of running text; demand a clear winner.
  return bestShare >= 0.12 && bestShare >= second * 1.5 ? best : null;
}

function cyrillicLanguage(text: string): string {
  const ukrainian = (text.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const russian = (text.match(/[ыэёъЫЭЁЪ]/g) ?? []).length;
  if (ukrainian > russian * 2 && ukrainian >= 3) return 'uk';
  if (/[ўЎ]/.test(text) && ukrainian > 0) return 'be';
  return 'ru';
}

/**
 * A BCP 47 language guess for `text` (at least: 'ru' for Cyrillic, 'en' for English),
 * or null when unsure.
 */
export function detectLanguage(text: string): string | null {
  const counts = scriptCounts(text);
  const total = Array.from(counts.values()).reduce((a, b) => a + b, 0);
  if (total < 20) return null;
  const script = mostLetters(counts);
  const share = (counts.get(script ?? 'other') ?? 0) / total;
  if ((counts.get('kana') ?? 0) > total * 0.05) return 'ja';
  if (share < 0.6) return null;
  switch (script) {
    case 'latin':
      return latinLanguage(text);
    case 'cyrillic':
      return cyrillicLanguage(text);
    case 'greek':
      return 'el';
    case 'hebrew':
      return 'he';
    case 'han':
      return 'zh';
    case 'hangul':
      return 'ko';
    case 'thai':
      return 'th';
    case 'arabic':
      return 'ar';
    case 'devanagari':
      return 'hi';
    default:
      return null;
  }
}
