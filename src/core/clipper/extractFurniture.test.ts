/**
 * Each class of failure seen on real pages (issue #15), reproduced on a page written for it: the clip keeps
 * the article's paragraphs and nothing of the furniture around or inside it.
 */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './extractHtml';

const PARAGRAPHS = [
  'The harbour authority confirmed on Monday that the new tidal gates will be installed before the winter storms arrive, ending two years of delays.',
  'Engineers tested the gates in a scale model for eighteen months, adjusting the hinges until they closed smoothly against the strongest surge on record.',
  'Fishermen who use the inner basin say the construction noise has already driven the mackerel shoals further out, and they want compensation for lost catches.',
  'The council expects the project to cost about forty million pounds, most of it paid by a national flood-defence fund set up after the floods of 2014.',
  'Residents will be able to walk along the top of the gates once the work is finished, and a small exhibition about the harbour history is planned beside them.',
];

const ARTICLE = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Tidal gates at last</title><meta name="description" content="The gates will protect two thousand homes from the sea after years of delay and cost overruns.">${head}</head><body>${body}</body></html>`;
}

function clip(html: string) {
  return extractFromHtml(html, { url: 'https://news.example/harbour/tidal-gates' });
}

function expectArticle(text: string): void {
  for (const p of PARAGRAPHS) expect(text).toContain(p);
}

const CLASSES: Array<{ name: string; furniture: string; where: 'inside' | 'after' | 'before'; absent: string[] }> = [
  {
    name: 'related-article list',
    where: 'inside',
    furniture:
      '<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes for spring</a></li><li><a href="/b">Lifeboat crew rescues kayakers</a></li></ul></div>',
    absent: ['Ferry timetable', 'Lifeboat crew'],
  },
  {
    name: 'newsletter box',
    where: 'inside',
    furniture:
      '<div class="newsletter-signup"><p>Get the harbour news in your inbox every morning. Sign up for our free newsletter today and never miss a story.</p><input type="email"><button>Sign up</button></div>',
    absent: ['inbox every morning', 'Sign up'],
  },
  {
    name: 'share bar',
    where: 'before',
    furniture:
      '<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a> <span>Share this article</span></div>',
    absent: ['Facebook', 'Share this article'],
  },
  {
    name: 'image credit outside a caption',
    where: 'inside',
    furniture: '<img src="/gates.jpg" alt=""><p>Photo: Jane Smith / Harbour Press</p>',
    absent: ['Jane Smith'],
  },
  {
    name: '"Read more" teaser',
    where: 'inside',
    furniture: '<p><a href="/other">Read more: Why the old sea wall failed in 1953</a></p>',
    absent: ['Why the old sea wall failed'],
  },
  {
    name: 'comment count',
    where: 'after',
    furniture: '<p>12 Comments</p>',
    absent: ['12 Comments'],
  },
  {
    name: 'tag cloud',
    where: 'after',
    furniture:
      '<div class="tags"><a href="/t/harbour">harbour</a> <a href="/t/flooding">flooding</a> <a href="/t/council">council budget</a></div><p>Tags: harbour, flooding, council budget</p>',
    absent: ['council budget'],
  },
  {
    name: 'byline and date lines at the top',
    where: 'before',
    furniture: '<p>By Maria Lopez</p><p>Updated 11:21 pm CST, Tuesday, November 19, 2019</p>',
    absent: ['Maria Lopez', '11:21'],
  },
  {
    name: 'repeated block (a gallery caption shown twice)',
    where: 'after',
    furniture:
      '<div class="slide"><p>The gates seen from the harbour wall at low tide, with the old lock keeper cottage behind them.</p></div><div class="slide"><p>The gates seen from the harbour wall at low tide, with the old lock keeper cottage behind them.</p></div>',
    absent: [],
  },
  {
    name: 'furniture named in other languages (es, pt, de, id)',
    where: 'after',
    furniture:
      '<div class="noticias-relacionadas"><p>Otra noticia sobre el puerto de la ciudad y sus nuevas compuertas.</p></div><div class="leia-tambem"><p>Outra notícia sobre o porto da cidade e as comportas novas.</p></div><div class="teilen-leiste"><p>Auf Facebook teilen oder per Mail verschicken, jetzt sofort.</p></div><div class="baca-juga"><p>Berita lain tentang pelabuhan kota dan pintu air baru.</p></div>',
    absent: ['Otra noticia', 'Outra notícia', 'Facebook teilen', 'Berita lain'],
  },
  {
    name: 'caption outside a <figcaption> (its picture lazy-loaded away)',
    where: 'inside',
    furniture:
      '<div class="image-box"><div class="caption-text">Workers lower the first gate into the channel at dawn.</div><div class="credit">(Image: Harbour Press)</div></div>',
    absent: ['Workers lower the first gate', 'Harbour Press'],
  },
  {
    name: 'hover card inside a sentence and screen-reader labels',
    where: 'before',
    furniture:
      '<p>Harbour master <span class="rollover-people"><a href="/people/ann">Ann Reid</a><span class="rollover-people-block"><a href="/people/ann">Ann Margaret Reid</a><a href="/x">Ann Reid warns of winter storms</a><a href="/y">Harbour master retires after decades</a></span></span> has welcomed the decision to build the new gates this year.</p><figure><img src="/g.jpg" alt=""><figcaption><span class="off-screen">Image caption</span>The basin at low water</figcaption></figure>',
    absent: ['Ann Margaret Reid', 'warns of winter storms', 'Image caption'],
  },
  {
    name: 'promotion of the publisher and the author at the end',
    where: 'after',
    furniture:
      '<p>Have a tip? Tom Hale may be reached at tom@news.example. Follow him on Twitter @tomhale.</p><p>Join our harbour forums to keep talking about the coast, and subscribe to our sister magazine for more.</p><p>SOURCE: News agencies</p><p>harbournews.com</p>',
    absent: ['Have a tip', 'harbour forums', 'News agencies', 'harbournews.com'],
  },
  {
    name: 'standfirst under the headline',
    where: 'before',
    furniture:
      '<h3>The gates will protect two thousand homes from the sea after years of delay and cost overruns.</h3>',
    absent: ['two thousand homes'],
  },
];

describe('extraction drops page furniture, class by class', () => {
  for (const c of CLASSES) {
    it(`drops a ${c.name}`, () => {
      const body =
        c.where === 'before'
          ? `<article><h1>Tidal gates at last</h1>${c.furniture}${ARTICLE}</article>`
          : c.where === 'after'
            ? `<article><h1>Tidal gates at last</h1>${ARTICLE}${c.furniture}</article>`
            : `<article><h1>Tidal gates at last</h1>${PARAGRAPHS.slice(0, 2)
                .map((p) => `<p>${p}</p>`)
                .join('')}${c.furniture}${PARAGRAPHS.slice(2)
                .map((p) => `<p>${p}</p>`)
                .join('')}</article>`;
      const draft = clip(page(body));
      expectArticle(draft.text);
      for (const junk of c.absent) expect(draft.text).not.toContain(junk);
      if (c.name.startsWith('repeated')) {
        expect(draft.text.split('The gates seen from the harbour wall').length - 1).toBe(1);
      }
    });
  }

  it('keeps a short article without the page around it (Breaking News, Most Popular, other headlines)', () => {
    const body = `
      <div class="breaking-news-bar"><span>Breaking News</span> <a href="/x">Bridge closed after crash</a></div>
      <header><a href="/">Harbour News</a></header>
      <div id="main"><h1>Gate opening delayed</h1>
        <p>Updated 11:21 pm CST, Tuesday, November 19, 2019</p>
        <p>${PARAGRAPHS[0]}</p>
        <div class="most-popular"><h2>Most Popular</h2><ol>
          <li><a href="/1">Council votes to close the old pier</a></li>
          <li><a href="/2">Storm warning for the weekend</a></li>
          <li><a href="/3">New ferry route announced</a></li></ol></div>
        <div class="headlines"><h3><a href="/4">School roof repairs finished early</a></h3><h3><a href="/5">Market moves to the quay</a></h3></div>
      </div>`;
    const draft = clip(page(body));
    expect(draft.text.trim()).toBe(PARAGRAPHS[0]);
  });

  it('does not make a byline at the top of the body the excerpt (Russian page)', () => {
    const ru = [
      'Городской совет утвердил проект новых приливных ворот, строительство которых начнётся весной и продлится два года.',
      'Инженеры испытывали модель ворот полтора года, добиваясь того, чтобы створки закрывались плавно даже при самом сильном нагоне воды.',
      'Рыбаки опасаются, что шум стройки отпугнёт косяки скумбрии, и требуют компенсации за потерянный улов в этом сезоне.',
    ];
    const html = `<!doctype html><html lang="ru"><head><title>Ворота</title><meta name="author" content="Иван Петров"></head><body><article><h1>Ворота</h1><p>Иван Петров</p><p>Автор: Иван Петров</p>${ru.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const draft = extractFromHtml(html, { url: 'https://gorod.example/news/1' });
    expect(draft.text).not.toContain('Иван Петров');
    expect(draft.excerpt).toBe(ru[0]);
    for (const p of ru) expect(draft.text).toContain(p);
    expect(draft.html.indexOf(ru[0]!)).toBeLessThan(draft.html.indexOf(ru[1]!));
    expect(draft.byline).toBe('Иван Петров');
  });

  it('clips a page whose style sheet the DOM library cannot parse', () => {
    const html = page(
      `<article><h1>Tidal gates at last</h1>${ARTICLE}</article>`,
      '<style>@media (min-width: 40em) { .hero { min-height: calc(($container-max-width - $secondary-max-width - 16px) / 16 * 9); } }</style>',
    );
    expectArticle(clip(html).text);
  });

  it('keeps every paragraph after a <noscript> whose attribute contains </noscript> (issue #19, item 8)', () => {
    const many = Array.from({ length: 27 }, (_, i) => `Paragraph ${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]}`);
    const body = `<article><h1>Tidal gates at last</h1>${many
      .slice(0, 13)
      .map((p) => `<p>${p}</p>`)
      .join('')}<noscript><img src="/pixel.gif" alt="</noscript>"></noscript>${many
      .slice(13)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article>`;
    const draft = clip(page(body));
    for (const p of many) expect(draft.text).toContain(p);
    expect(draft.text).not.toContain('pixel');
  });
});
