/**
 * What a single line of text copied from a web page is: page chrome (navigation, share buttons,
 * reading time, today's date, a language switcher), article metadata (byline, date), an image
 * credit, the start of the "related stories" tail, or article content. Each rule is a general
 * pattern of how news sites, blogs and docs lay out their pages, never one site's strings.
 */
import { findDateMatch } from './dates';
import type { Script } from './lang';
import { dominantScript } from './lang';

/** Chinese and Japanese write without spaces: about two characters make a word. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words in a line, Unicode-aware (Chinese and Japanese counted at two characters a word). */
export function wordCount(line: string): number {
  const cjk = line.match(CJK)?.length ?? 0;
  const rest = cjk ? line.replace(CJK, ' ') : line;
  return (rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length + Math.ceil(cjk / 2);
}

/** Sentence-ending punctuation, also before a closing quote or bracket. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:;,。！？]["'”’»)\]」』]*$/u.test(line.trim());
}

/** Phrases that are page furniture when a line consists of nothing else. */
const CHROME_PHRASES = [
  'skip to main content',
  'skip to content',
  'skip navigation',
  'main menu',
  'menu',
  'search',
  'home',
  'sign in',
  'sign up',
  'log in',
  'login',
  'log out',
  'register',
  'subscribe now',
  'subscribe',
  'newsletter',
  'newsletters',
  'account',
  'my account',
  'close',
  'open menu',
  'share this article',
  'share this story',
  'share this post',
  'share this',
  'share on',
  'share',
  'tweet',
  'email',
  'e-mail',
  'print',
  'copy link',
  'link copied',
  'save',
  'bookmark',
  'follow us on',
  'follow us',
  'follow',
  'like',
  'comment',
  'comments',
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'pinterest',
  'instagram',
  'youtube',
  'mastodon',
  'bluesky',
  'threads',
  'rss',
  'listen',
  'listen to this article',
  'advertisement',
  'ad',
  'sponsored',
  'back to top',
  'next',
  'previous',
  'toggle navigation',
  'on this page',
  'table of contents',
  'contents',
  'edit this page',
  'like this',
  'yes',
  'no',
  'accept cookies',
  'accept all',
  'gift this article',
  'forum',
  'forums',
  'reply',
  'quote',
  'pin',
  'jump to recipe',
  'rate this recipe',
  'view in browser',
  'forward to a friend',
  'unsubscribe',
  'view online',
  'redacción',
  'redaktion',
  'la rédaction',
  'staff',
  'newsroom',
  'поиск',
  'меню',
  'главная',
  'войти',
  'подписаться',
  'поделиться',
  'реклама',
  'вход',
  'startseite',
  'suche',
  'anmelden',
  'abmelden',
  'registrieren',
  'teilen',
  'drucken',
  'merken',
  'kommentare',
  'kommentieren',
  'inicio',
  'portada',
  'buscar',
  'compartir',
  'compartir en',
  'comentarios',
  'suscríbete',
  'iniciar sesión',
  'contacto',
  'sobre mí',
  'accueil',
  'rechercher',
  'se connecter',
  'partager',
  'commentaires',
  "s'abonner",
  'ホーム',
  '検索',
  'ログイン',
  'シェア',
  'メニュー',
  'ツイート',
  '印刷',
];
const CHROME_RE = new RegExp(`^(?:(?:${CHROME_PHRASES.join('|')})(?:\\s*[|•·,/:]\\s*|\\s+|$))+$`, 'iu');

/** Navigation, share and subscribe lines: every word is page furniture. */
export function isChromeLine(line: string): boolean {
  const normal = line
    .trim()
    .replace(/\s*\(\d+\)$/, '')
    .replace(/^\d+\s+(?=comments?$)/i, '');
  return normal.length > 0 && wordCount(normal) <= 10 && CHROME_RE.test(normal);
}

/** "3 mins read", "5 minute read", "Reading time: 4 minutes", "7 мин чтения". */
export function isReadingTimeLine(line: string): boolean {
  return (
    /^(?:reading time:?\s*|lesezeit:?\s*|tiempo de lectura:?\s*)?(?:about\s+|ca\.\s+)?\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?|minuten|minutos|мин\.?|минут[аы]?)\.?(?:\s+(?:to\s+)?read|\s+чтения|\s+на\s+чтение|\s+lesezeit|\s+de\s+lectura|\s+de\s+lecture)?$/iu.test(
      line.trim(),
    ) || /^\d+\s*分(?:で読めます|で読める|読了)?$/u.test(line.trim())
  );
}

/** "Today: Aug 19, 2025", "Today is Monday": the visit date, not the article's. */
export function isTodayLine(line: string): boolean {
  return /^(?:today|сегодня|heute|aujourd'hui)(?![\p{L}\p{N}])\s*[:,]?/iu.test(line.trim()) && wordCount(line) <= 8;
}

/** A line that is only a date, optionally labelled ("Published March 3, 2024", "Updated: …"). */
export function dateLineValue(line: string): string | null {
  const trimmed = line.trim();
  if (wordCount(trimmed) > 10) return null;
  const found = findDateMatch(trimmed);
  if (!found) return null;
  const rest = trimmed
    .replace(found.written, '')
    // A dateline's place: "Madrid, 22 de abril de 2024".
    .replace(/^\p{Lu}[\p{L}. -]{1,30},\s*(?=$)/u, '')
    .replace(/\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?/giu, '')
    .replace(
      /(?<![\p{L}])(?:published|posted|updated|last updated|on|at|date|опубликовано|обновлено|publié le|publié|mis à jour le|mis à jour|veröffentlicht am|veröffentlicht|aktualisiert am|aktualisiert|stand|actualizado|publicado|更新|公開)(?![\p{L}]):?/giu,
      '',
    )
    .replace(
      /[\p{L}]{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[\p{L}]{3,10}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}/u,
      '',
    )
    .replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?/giu, '')
    .replace(/[\s,|·•—–-]+/gu, '');
  return rest === '' ? found.date : null;
}

/** "By Jane Doe", "Author: Jane Doe", "Автор: …": the byline, or null. */
export function bylineValue(line: string): string | null {
  const m =
    /^(?:by|written by|author:|words by|автор:?|текст:|von|por|par|autor:|autora:|auteur\s*:)\s+(.{2,80})$/iu.exec(
      line.trim(),
    );
  if (!m?.[1]) return null;
  const name = m[1].trim();
  // A byline is a name or two, not a sentence.
  return wordCount(name) <= 8 && !/[.!?]$/.test(name) ? name : null;
}

/**
 * A list of personal names ("Maria Rossi, Kenji Tanaka and Olga Ivanova"), as printed under
 * the titles of papers and reports.
 */
export function isNameList(line: string): boolean {
  const parts = line
    .trim()
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|и|et|und|y|e)\s+/u)
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 12) return false;
  const name = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|di|der|le|la))*$/u;
  return parts.every((p) => name.test(p) && wordCount(p) >= 2 && wordCount(p) <= 4);
}

/** Known language names as shown by language switchers. */
const LANGUAGE_NAMES = new Set([
  'english',
  'русский',
  'українська',
  'беларуская',
  'deutsch',
  'français',
  'español',
  'italiano',
  'português',
  'polski',
  'nederlands',
  'svenska',
  'türkçe',
  '中文',
  '日本語',
  '한국어',
  'العربية',
  'עברית',
  'ελληνικά',
  'čeština',
  'magyar',
  'română',
  'қазақша',
  'eng',
  'рус',
  'укр',
  'en',
  'ru',
  'ua',
  'uk',
  'de',
  'fr',
  'es',
]);

/**
 * A language switcher: a short line made only of language names or codes ("Русский",
 * "EN | RU"), or a one- or two-word line in another script than the article's.
 */
export function isLanguageSwitcherLine(line: string, articleScript: Script | null): boolean {
  const parts = line
    .trim()
    .toLowerCase()
    .split(/\s*[|/•·,]\s*|\s+/u)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return false;
  if (parts.length >= 2 && parts.every((p) => LANGUAGE_NAMES.has(p))) return true;
  if (parts.length === 1 && LANGUAGE_NAMES.has(parts[0]!) && parts[0]!.length > 3) return true;
  const script = dominantScript(line);
  return parts.length <= 2 && !!script && !!articleScript && script !== articleScript;
}

/** Photo credit markers: a label with a colon, a picture agency, or "Photo by". */
const CREDIT_RE =
  /(?<![\p{L}])(?:photographer|photograph|photo|picture|image|illustration|credit|credits|фото|фотография|иллюстрация|foto|bild|imagen|写真|画像)\s*[:：]|\bphoto(?:graph)? by\b|\b(?:getty images|shutterstock|ap photo|afp via|alamy|istock|epa-efe|unsplash|reuters\/|\/reuters|\/afp|\/ap\b)/iu;

/** An image caption or credit line (short, and carrying a credit marker). */
export function isPhotoCreditLine(line: string): boolean {
  return wordCount(line) <= 40 && CREDIT_RE.test(line);
}

/** Headings that start the page's tail of related links, comments and promotions. */
const TAIL_RE =
  /^(?:don['’]t miss|do not miss|read (?:more|next|also)|related(?: (?:articles?|stories|posts|content|news|reading|coverage|links))?|more (?:from|on|in|stories|news|articles|like this)\b.*|recommended(?: for you| reading| articles| stories)?|you (?:may|might) (?:also )?like|most (?:popular|read|viewed|shared)|trending(?: now)?|popular (?:now|posts|articles|stories)|also read|see also|further reading|what to read next|leave a (?:comment|reply)|was this (?:page|article|answer) (?:helpful|useful)\??|\d*\s*comments?(?: \(\d+\))?|join the (?:conversation|discussion)|читайте также|по теме|ещё по теме|еще по теме|рекомендуем|популярное|самое читаемое|новости по теме|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|te puede interesar|noticias relacionadas|lee también|también te puede interesar|à lire aussi|sur le même sujet|lire aussi|関連記事|関連ニュース|あわせて読みたい|comentarios(?: \(\d+\))?|kommentare(?: \(\d+\))?|commentaires(?: \(\d+\))?)(?:[:.!]|\.\.\.|…)?$/iu;

/** The first line of the page's end-of-article tail (related stories, comments…). */
export function isTailStart(line: string): boolean {
  return wordCount(line) <= 8 && TAIL_RE.test(line.trim());
}

export interface LineMeta {
  byline: string | null;
  published: string | null;
}

/**
 * A metadata line such as "By Jane Doe · March 3, 2024 · 5 min read": when every part of it is
 * a byline, a date, a reading time or chrome, returns what it says; otherwise null.
 */
export function readMetaLine(text: string): LineMeta | null {
  const parts = text
    .split(/\s+[·•|—–]\s+|\s+\|\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const seen: LineMeta = { byline: null, published: null };
  for (const part of parts) {
    const byline = bylineValue(part);
    const date = dateLineValue(part);
    if (byline) seen.byline ??= byline;
    else if (date) seen.published ??= date;
    else if (!isReadingTimeLine(part) && !isChromeLine(part) && !isTodayLine(part)) return null;
  }
  return seen;
}
