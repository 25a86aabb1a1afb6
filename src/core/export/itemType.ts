/**
 * What kind of work a clip is, for citations (a CSL item type) and where it appeared (the container
 * title). The source's own statement wins (`ClipMeta.biblio`, from `citation_*` tags, JSON-LD or a PDF);
 * otherwise the site and address tell a newspaper or magazine article, a blog post or a web page apart.
 */
import type { ClipMeta, ClipWorkType } from '../model';

/** The CSL item types Gloss writes. */
export type CslItemType = ClipWorkType | 'document';

const NEWSPAPER =
  /\b(?:times|post|herald|gazette|tribune|ledger|chronicle|guardian|telegraph|daily|observer|courier|inquirer|dispatch|examiner|independent|standard|globe|mail|sun|star|news|newspaper|zeitung|journal|record|register|bulletin)\b/i;
const MAGAZINE =
  /\b(?:magazine|review|monthly|weekly|quarterly|atlantic|new yorker|economist|wired|harper'?s|vanity fair|vogue|time|newsweek|spectator|nation)\b/i;
const BLOG_HOSTS =
  /(?:^|\.)(?:substack\.com|medium\.com|wordpress\.com|blogspot\.com|tumblr\.com|ghost\.io|bearblog\.dev|hashnode\.dev)$/i;

function host(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The CSL item type of a clip. */
export function itemType(meta: Pick<ClipMeta, 'site' | 'url' | 'biblio'>): CslItemType {
  if (meta.biblio?.type) return meta.biblio.type;
  if (meta.biblio?.doi && meta.biblio.containerTitle) return 'article-journal';
  const h = host(meta.url);
  const path = (() => {
    try {
      return meta.url ? new URL(meta.url).pathname : '';
    } catch {
      return '';
    }
  })();
  if (
    (h && (BLOG_HOSTS.test(h) || /^blog\./.test(h))) ||
    /\/blog(?:\/|$)/i.test(path) ||
    /\bblog\b/i.test(meta.site ?? '')
  )
    return 'post-weblog';
  const site = meta.site ?? '';
  if (site && MAGAZINE.test(site)) return 'article-magazine';
  if (site && NEWSPAPER.test(site)) return 'article-newspaper';
  return meta.url ? 'webpage' : 'document';
}

/** Where the work appeared: the journal (or newspaper) the source names, else the site. */
export function containerTitle(meta: Pick<ClipMeta, 'site' | 'biblio'>): string | null {
  return meta.biblio?.containerTitle?.trim() || meta.site?.trim() || null;
}

/** Whether a container title is a bare host name ("who.int"), which styles must not title-case. */
export function isHostName(title: string): boolean {
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(title);
}
