/**
 * The benchmark's pages: real-world shapes (news with navigation, ads, comments and related stories;
 * blogs with sidebars; docs with navigation trees; papers; forums; recipes with a story and a card;
 * div soup with JSON-LD; table-heavy reports; paginated articles; very short news), in six languages,
 * each with the article text a careful reader would keep.
 */
import { CHROME, paragraphs, seeded } from './text';

type Block =
  | { p: string }
  | { h2: string }
  | { ul: string[] }
  | { ol: string[] }
  | { table: string[][] }
  | { quote: string }
  | { figure: string }
  | { pre: string };

export interface BenchPage {
  name: string;
  lang: string;
  html: string;
  /** The article's text, block by block. */
  expected: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function blockHtml(b: Block, style: 'semantic' | 'divs'): string {
  if ('p' in b) return style === 'divs' ? `<div class="txt">${esc(b.p)}</div>` : `<p>${esc(b.p)}</p>`;
  if ('h2' in b) return style === 'divs' ? `<div class="subhead"><b>${esc(b.h2)}</b></div>` : `<h2>${esc(b.h2)}</h2>`;
  if ('ul' in b) return `<ul>${b.ul.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  if ('ol' in b) return `<ol>${b.ol.map((i) => `<li>${esc(i)}</li>`).join('')}</ol>`;
  if ('table' in b)
    return `<table><tbody>${b.table.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  if ('quote' in b) return `<blockquote><p>${esc(b.quote)}</p></blockquote>`;
  if ('figure' in b)
    return `<figure><img src="/img/photo.jpg" alt=""><figcaption>${esc(b.figure)}</figcaption></figure>`;
  return `<pre><code>${esc(b.pre)}</code></pre>`;
}

function blockText(b: Block): string {
  if ('p' in b) return b.p;
  if ('h2' in b) return b.h2;
  if ('ul' in b) return b.ul.join('\n');
  if ('ol' in b) return b.ol.join('\n');
  if ('table' in b) return b.table.map((r) => r.join(' ')).join('\n');
  if ('quote' in b) return b.quote;
  if ('figure' in b) return b.figure;
  return b.pre;
}

const HEADINGS: Record<string, string[]> = {
  en: ['What the figures show', 'A long history', 'What happens next', 'The view from the ground'],
  de: ['Was die Zahlen zeigen', 'Eine lange Geschichte', 'Wie es weitergeht'],
  es: ['Lo que muestran las cifras', 'Una larga historia', 'Qué pasará ahora'],
  ru: ['Что показывают данные', 'Долгая история', 'Что будет дальше'],
  fr: ['Ce que montrent les chiffres', 'Une longue histoire', 'Et maintenant'],
  ja: ['数字が示すもの', '長い歴史', '今後の見通し'],
};

const TITLES: Record<string, string[]> = {
  en: [
    'River Town Counts the Cost of a Wet Decade',
    'The Quiet Revival of Small Exporters',
    'What Six Years of Household Data Reveal',
    'A Museum Rebuilt From the Ground Up',
    'The Bridge That Never Carried a Tram',
    'Counting Birds on a Changing Coast',
  ],
  de: ['Die Stadt am Fluss zieht Bilanz', 'Kleine Betriebe entdecken den Export'],
  es: ['El río que cambió de sitio', 'Las pequeñas empresas salen al exterior'],
  ru: ['Город у реки подводит итоги', 'Малый бизнес выходит на экспорт'],
  fr: ['La rivière qui a changé de lit', 'Le retour des petits exportateurs'],
  ja: ['川の町、十年の変化を数える', '中小企業、初の輸出に挑む'],
};

/** An article of `n` paragraphs with headings and maybe a list, quote, figure or table. */
function article(
  lang: string,
  seed: number,
  n: number,
  extras: Array<'list' | 'quote' | 'figure' | 'table' | 'code'> = [],
): Block[] {
  const rnd = seeded(seed * 7 + 1);
  const paras = paragraphs(lang, n, seed);
  const heads = HEADINGS[lang] ?? HEADINGS['en']!;
  const blocks: Block[] = [];
  paras.forEach((p, i) => {
    if (i > 0 && i % 3 === 0) blocks.push({ h2: heads[(i / 3 - 1) % heads.length]! });
    blocks.push({ p });
    if (i === 1 && extras.includes('quote')) blocks.push({ quote: paragraphs(lang, 1, seed + 99)[0]! });
    if (i === 2 && extras.includes('figure'))
      blocks.push({ figure: `${paragraphs(lang, 1, seed + 5)[0]!.split(/[.。]/)[0]}. Photo: Sam Reyes` });
    if (i === 2 && extras.includes('list'))
      blocks.push({ ul: paragraphs(lang, 3, seed + 11).map((x) => x.split(/(?<=[.。])\s*/)[0]!) });
    if (i === 3 && extras.includes('table')) {
      blocks.push({
        table: [
          ['Year', 'Households', 'Share'],
          ...Array.from({ length: 6 }, (_, k) => [
            String(2018 + k),
            String(Math.floor(1000 + rnd() * 900)),
            `${Math.floor(rnd() * 60)}%`,
          ]),
        ],
      });
    }
    if (i === 2 && extras.includes('code'))
      blocks.push({ pre: 'const cache = createCache({ dir: "/tmp/cache", maxEntries: 500 });\ncache.clear();' });
  });
  return blocks;
}

const nav = (n: number) =>
  `<nav class="site-nav"><ul>${[
    'Home',
    'World',
    'Politics',
    'Business',
    'Science',
    'Culture',
    'Sport',
    'Opinion',
    'Travel',
    'Podcasts',
  ]
    .slice(0, n)
    .map((l) => `<li><a href="/${l.toLowerCase()}">${l}</a></li>`)
    .join('')}</ul></nav>`;
const comments = () =>
  `<section class="comments" id="comments"><h3>Comments (6)</h3>${CHROME.comments.map((c, i) => `<div class="comment"><div class="comment-meta"><a href="/u/${i}">reader${i}</a> · 2 hours ago</div><p>${esc(c)}</p><a href="#">Reply</a></div>`).join('')}</section>`;
const related = (title = 'Related stories') =>
  `<aside class="related"><h3>${title}</h3><ul>${CHROME.promos.map((p) => `<li><a href="/story"><img src="/t.jpg" alt="">${esc(p)}</a></li>`).join('')}</ul></aside>`;
const ad = (k: number) =>
  `<div class="ad ad-slot-${k}" data-ad="true"><span>Advertisement</span><div id="gpt-${k}"></div></div>`;
const cookie = () =>
  `<div class="cookie-banner" role="dialog"><p>${CHROME.cookie}</p><button>Accept all</button><button>Manage</button></div>`;
const footer = () =>
  `<footer class="site-footer"><p>${CHROME.footer}</p><ul><li><a href="/about">About us</a></li><li><a href="/jobs">Jobs</a></li></ul></footer>`;
const newsletter = () =>
  `<div class="newsletter-box"><h3>Morning Briefing</h3><p>${CHROME.newsletter}</p><form><input type="email"><button>Sign up</button></form></div>`;

function doc(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)} | Example</title>${head}</head><body>${body}</body></html>`;
}

type Shell = (lang: string, title: string, blocks: Block[]) => string;

const SHELLS: Record<string, Shell> = {
  news: (lang, title, blocks) => {
    const body = blocks
      .map(
        (b, i) =>
          blockHtml(b, 'semantic') +
          (i === 2
            ? `<div class="inline-related"><strong>Read more:</strong> <a href="/x">${esc(CHROME.promos[0]!)}</a></div>`
            : '') +
          (i === 4 ? ad(2) : ''),
      )
      .join('');
    return doc(
      lang,
      title,
      '<meta property="og:site_name" content="The Example Post">',
      `${cookie()}<header><a class="logo" href="/">The Example Post</a>${nav(10)}</header><div class="ticker">Breaking: markets open higher · Storm warning for the coast</div>${ad(1)}
      <main><article><header><h1>${esc(title)}</h1><p class="byline">By Alex Moreno</p><time datetime="2025-03-12">12 March 2025</time></header><div class="article-body">${body}</div></article>
      ${newsletter()}${related()}${comments()}</main>${footer()}`,
    );
  },
  blog: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '',
      `<div class="wrapper"><header class="masthead"><h2 class="blog-name">Field Notes</h2>${nav(5)}</header>
      <div class="content"><div class="post"><h1 class="post-title">${esc(title)}</h1><div class="post-meta">Posted on March 3, 2024 by Alex · 5 min read</div>
      <div class="entry">${blocks.map((b) => blockHtml(b, 'semantic')).join('')}</div><div class="share">Share this: Twitter Facebook LinkedIn</div><div class="tags">Tags: cities, rivers, data</div></div>${comments()}</div>
      <div class="sidebar"><div class="widget about"><h3>About the author</h3><p>${CHROME.bio}</p></div><div class="widget"><h3>Popular posts</h3><ul>${CHROME.promos.map((p) => `<li><a href="/p">${esc(p)}</a></li>`).join('')}</ul></div>
      <div class="widget tags">${['cities', 'data', 'rivers', 'history', 'travel', 'maps', 'books'].map((t) => `<a href="/t/${t}">${t}</a>`).join(' ')}</div></div></div>${footer()}`,
    ),
  docs: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '',
      `<a class="skip" href="#main">Skip to main content</a><div class="layout"><nav class="docs-nav" aria-label="Docs">${['Getting started', 'Installation', 'Configuration', 'Caching', 'Plugins', 'CLI', 'API reference', 'Deployment', 'Troubleshooting', 'FAQ', 'Changelog', 'Contributing'].map((s) => `<div class="group"><a href="/docs/${s}">${s}</a><ul><li><a href="#">Overview</a></li><li><a href="#">Options</a></li><li><a href="#">Examples</a></li></ul></div>`).join('')}</nav>
      <main id="main"><div class="breadcrumbs">Docs › Guides › ${esc(title)}</div><h1>${esc(title)}</h1>${blocks.map((b) => blockHtml(b, 'semantic')).join('')}
      <div class="feedback">Was this page helpful? <button>Yes</button><button>No</button></div><div class="pager"><a href="#">← Previous: Installation</a><a href="#">Next: Plugins →</a></div></main>
      <aside class="toc"><h4>On this page</h4><ul>${blocks
        .filter((b) => 'h2' in b)
        .map((b) => `<li><a href="#">${esc((b as { h2: string }).h2)}</a></li>`)
        .join('')}</ul></aside></div>${footer()}`,
    ),
  academic: (lang, title, blocks) =>
    doc(
      lang,
      title,
      `<meta name="citation_title" content="${esc(title)}"><meta name="citation_author" content="Rossi, Maria"><meta name="citation_journal_title" content="Journal of Urban Studies">`,
      `${cookie()}<header class="journal"><a href="/">Journal of Urban Studies</a>${nav(4)}<form class="search"><input placeholder="Search articles"></form></header>
      <main><div class="article-header"><h1>${esc(title)}</h1><div class="authors">Maria Rossi, Kenji Tanaka</div><div class="doi">https://doi.org/10.1234/jus.2023.042</div><div class="metrics">1,204 views · 12 citations</div></div>
      <section class="abstract"><h2>Abstract</h2>${blockHtml(blocks[0]!, 'semantic')}</section><section class="body">${blocks
        .slice(1)
        .map((b) => blockHtml(b, 'semantic'))
        .join('')}</section>
      <section class="references"><h2>References</h2><ol>${['Smith, J. (2019). Cities and rivers. Urban Press.', 'Lee, K. (2020). Counting households. Data Journal, 4, 1–20.', 'Garcia, M. (2021). Small firms abroad. Trade Review, 9, 33–51.'].map((r) => `<li>${r}</li>`).join('')}</ol></section></main>
      <aside class="recommended"><h3>Recommended articles</h3>${related('You may also like')}</aside>${footer()}`,
    ),
  forum: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '',
      `<header>${nav(4)}<div class="user-box">Log in · Register</div></header><main><h1>${esc(title)}</h1>
      ${blocks
        .filter((b) => 'p' in b)
        .map(
          (b, i) =>
            `<div class="post" id="p${i}"><div class="post-author"><a href="/u/${i}">member_${i}</a><span class="rank">Senior member</span><span class="joined">Joined 2019</span></div><div class="post-body">${blockHtml(b, 'semantic')}</div><div class="post-actions">Reply · Quote · Like (${i + 2})</div></div>`,
        )
        .join('')}
      <div class="pagination">Page 1 of 1</div></main><aside>${related('Similar threads')}</aside>${footer()}`,
    ),
  recipe: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '',
      `${cookie()}<header>${nav(6)}</header><main><h1>${esc(title)}</h1><div class="recipe-meta">By Alex Moreno · Updated October 2, 2024 · <a href="#recipe">Jump to Recipe</a> · <a href="#">Print</a> · <a href="#">Pin</a></div>
      <div class="rating">★★★★☆ 4.6 from 212 votes</div><div class="entry-content">${blocks.map((b, i) => blockHtml(b, 'semantic') + (i % 2 === 1 ? ad(i) : '')).join('')}
      <div class="recipe-card" id="recipe"><h2>Weeknight Lentil Soup</h2><div class="recipe-times">Prep 10 mins · Cook 30 mins · Serves 4</div><h3>Ingredients</h3><ul><li>2 tablespoons olive oil</li><li>1 onion, diced</li><li>1 cup red lentils</li><li>6 cups vegetable stock</li></ul><h3>Instructions</h3><ol><li>Warm the oil and soften the onion for eight minutes.</li><li>Add the lentils and stock and simmer for twenty-five minutes.</li></ol></div></div>
      ${newsletter()}${comments()}</main><aside>${related('More recipes')}</aside>${footer()}`,
    ),
  divsoup: (lang, title, blocks) =>
    doc(
      lang,
      title,
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, author: { '@type': 'Person', name: 'Alex Moreno' }, datePublished: '2025-02-01' })}</script>`,
      `<div id="app"><div class="top"><div class="menu">${['Home', 'News', 'Sport', 'Weather', 'Login'].map((l) => `<div class="item"><a href="#">${l}</a></div>`).join('')}</div></div>
      <div class="main"><div class="title-area"><div class="h">${esc(title)}</div><div class="meta">Alex Moreno · 1 Feb 2025</div></div><div class="content">${blocks.map((b) => blockHtml(b, 'divs')).join('')}</div>
      <div class="more"><div class="more-title">More news</div>${CHROME.promos.map((p) => `<div class="card"><a href="#">${esc(p)}</a></div>`).join('')}</div></div><div class="bottom">${CHROME.footer}</div></div>`,
    ),
  paginated: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '<link rel="next" href="?page=2">',
      `<header>${nav(8)}</header><main><article><h1>${esc(title)}</h1>${blocks.map((b) => blockHtml(b, 'semantic')).join('')}
      <nav class="pagination"><span>Page 1 of 3</span><a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=2">Next page »</a></nav></article>${related()}</main>${footer()}`,
    ),
  short: (lang, title, blocks) =>
    doc(
      lang,
      title,
      '',
      `${cookie()}<header>${nav(10)}</header>${ad(1)}<main><article><h1>${esc(title)}</h1><p class="byline">By Alex Moreno</p>${blocks.map((b) => blockHtml(b, 'semantic')).join('')}</article>${related('Most read')}${newsletter()}</main>${footer()}`,
    ),
};

/** Every benchmark page, built deterministically. */
export function benchPages(): BenchPage[] {
  const specs: Array<[string, string, number, number, Array<'list' | 'quote' | 'figure' | 'table' | 'code'>]> = [
    ['news', 'en', 1, 8, ['quote', 'figure']],
    ['news', 'en', 2, 6, []],
    ['news', 'de', 3, 7, ['figure']],
    ['news', 'es', 4, 7, ['quote']],
    ['news', 'ru', 5, 6, []],
    ['news', 'ja', 6, 6, []],
    ['news', 'fr', 7, 6, ['list']],
    ['blog', 'en', 8, 7, ['list']],
    ['blog', 'en', 9, 5, ['quote']],
    ['blog', 'es', 10, 6, []],
    ['blog', 'de', 11, 6, ['list']],
    ['docs', 'en', 12, 6, ['code', 'list']],
    ['docs', 'en', 13, 7, ['code', 'table']],
    ['docs', 'ru', 14, 5, ['code']],
    ['academic', 'en', 15, 9, ['table']],
    ['academic', 'fr', 16, 7, []],
    ['academic', 'en', 17, 7, ['figure']],
    ['forum', 'en', 18, 5, []],
    ['forum', 'de', 19, 4, []],
    ['recipe', 'en', 20, 6, []],
    ['recipe', 'en', 21, 4, ['figure']],
    ['divsoup', 'en', 22, 8, []],
    ['divsoup', 'es', 23, 7, []],
    ['divsoup', 'ja', 24, 7, []],
    ['news', 'en', 25, 9, ['table']],
    ['academic', 'en', 26, 6, ['table', 'list']],
    ['paginated', 'en', 27, 6, []],
    ['paginated', 'de', 28, 6, []],
    ['short', 'en', 29, 1, []],
    ['short', 'ru', 30, 1, []],
    ['short', 'es', 31, 2, []],
    ['short', 'en', 32, 2, []],
  ];
  return specs.map(([shell, lang, seed, n, extras], i) => {
    const titles = TITLES[lang] ?? TITLES['en']!;
    const title = titles[seed % titles.length]!;
    const blocks = article(lang, seed, n, extras);
    const kept = shell === 'forum' ? blocks.filter((b) => 'p' in b) : blocks;
    const extra =
      shell === 'recipe'
        ? [
            'Weeknight Lentil Soup',
            'Prep 10 mins · Cook 30 mins · Serves 4',
            'Ingredients',
            '2 tablespoons olive oil',
            '1 onion, diced',
            '1 cup red lentils',
            '6 cups vegetable stock',
            'Instructions',
            'Warm the oil and soften the onion for eight minutes.',
            'Add the lentils and stock and simmer for twenty-five minutes.',
          ]
        : [];
    return {
      name: `${String(i + 1).padStart(2, '0')}-${shell}-${lang}`,
      lang,
      html: SHELLS[shell]!(lang, title, blocks),
      expected: [...kept.map(blockText), ...extra].join('\n'),
    };
  });
}
