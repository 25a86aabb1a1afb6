import { useEffect, useState } from 'react';

interface Heading {
  level: number;
  text: string;
  element: HTMLElement;
}

/**
 * The article's headings as a table of contents; clicking one scrolls to it. Hidden when the article
 * has fewer than two headings. `version` changes when the article's HTML does.
 */
export function ArticleOutline({
  article,
  version,
  onGo,
}: {
  article: HTMLElement | null;
  version: string;
  onGo: (el: HTMLElement) => void;
}) {
  const [headings, setHeadings] = useState<Heading[]>([]);
  useEffect(() => {
    const found = article
      ? [...article.querySelectorAll<HTMLElement>('h1, h2, h3, h4')]
          .map((element) => ({ level: Number(element.tagName[1]), text: element.textContent?.trim() ?? '', element }))
          .filter((h) => h.text)
      : [];
    // The headings live in HTML React does not own; reading them after it is in the page is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHeadings(found);
  }, [article, version]);
  if (headings.length < 2) return null;
  const top = Math.min(...headings.map((h) => h.level));
  return (
    <nav className="article-outline" aria-label="Outline">
      <h2>Contents</h2>
      <ol>
        {headings.map((h, i) => (
          <li key={i} style={{ paddingLeft: (h.level - top) * 12 }}>
            <button type="button" onClick={() => onGo(h.element)}>
              {h.text}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
