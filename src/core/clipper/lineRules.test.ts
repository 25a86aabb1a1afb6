import { describe, expect, it } from 'vitest';
import { findDate, toIsoDate } from './dates';
import { detectLanguage, dominantScript } from './lang';
import {
  bylineValue,
  dateLineValue,
  isChromeLine,
  isLanguageSwitcherLine,
  isNameList,
  isPhotoCreditLine,
  isReadingTimeLine,
  isTailStart,
  isTodayLine,
} from './lineRules';

describe('line rules', () => {
  it('recognises page chrome but not sentences that mention those words', () => {
    for (const line of [
      'Search',
      'Menu',
      'Sign in',
      'Share this article',
      'Facebook | Twitter | LinkedIn',
      'Follow us on Twitter',
      'Subscribe',
      '12 Comments',
      'Поиск',
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
    for (const line of [
      'Search engines index the web.',
      'Home prices rose again',
      'Share prices fell sharply on Monday',
    ]) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });

  it('recognises reading times and today lines', () => {
    for (const line of ['3 mins read', '5 min read', '1 minute read', 'Reading time: 4 minutes', '7 мин чтения']) {
      expect(isReadingTimeLine(line), line).toBe(true);
    }
    expect(isReadingTimeLine('3 mins read the report before the vote')).toBe(false);
    expect(isTodayLine('Today: Aug 19, 2025')).toBe(true);
    expect(isTodayLine('Сегодня: 19 августа')).toBe(true);
    expect(isTodayLine('Today the council voted to approve the plan after a long debate that went on.')).toBe(false);
  });

  it('reads date and byline lines', () => {
    expect(dateLineValue('Updated: June 2, 2025 10:15 AM EDT')).toBe('2025-06-02');
    expect(dateLineValue('19 августа 2025')).toBe('2025-08-19');
    expect(dateLineValue('Published 2024-01-05')).toBe('2024-01-05');
    expect(dateLineValue('The deal was signed on June 2, 2025 in Geneva')).toBeNull();
    expect(bylineValue('By Jane Doe')).toBe('Jane Doe');
    expect(bylineValue('Автор: Иван Петров')).toBe('Иван Петров');
    expect(bylineValue('By the end of the year, prices had doubled.')).toBeNull();
    expect(isNameList('Maria Rossi, Kenji Tanaka and Olga Ivanova')).toBe(true);
    expect(isNameList('Moscow’s Demands and the Risk for Kyiv')).toBe(false);
    expect(isNameList('Breaking News')).toBe(false);
  });

  it('recognises language switchers', () => {
    expect(isLanguageSwitcherLine('Русский', 'latin')).toBe(true);
    expect(isLanguageSwitcherLine('EN | RU | UA', 'latin')).toBe(true);
    expect(isLanguageSwitcherLine('English', 'cyrillic')).toBe(true);
    expect(isLanguageSwitcherLine('Kremlin’s Firm Position', 'latin')).toBe(false);
  });

  it('recognises photo credits without catching news sentences', () => {
    for (const line of [
      'Donald Trump and Vladimir Putin in 2016. Photographer: Chris McGrath/Getty Images via Bloomberg',
      'Photo: Jane Roe/Reuters',
      'Protesters in Paris. (AP Photo/Michel Euler)',
      'Фото: Сергей Иванов/ТАСС',
      'Photo by Anna Lee on Unsplash',
    ])
      expect(isPhotoCreditLine(line), line).toBe(true);
    expect(isPhotoCreditLine('Reuters reported that the talks had stalled.')).toBe(false);
  });

  it('recognises the start of the related-stories tail', () => {
    for (const line of [
      "Don't Miss",
      'Read more',
      'Related articles',
      'More from Bloomberg',
      'You may also like',
      'Most popular',
      'Recommended for you',
      'Читайте также',
    ]) {
      expect(isTailStart(line), line).toBe(true);
    }
    expect(isTailStart('Related research suggests the effect is small.')).toBe(false);
  });
});

describe('dates', () => {
  it('finds printed dates and normalises machine dates', () => {
    expect(findDate('Aug 19, 2025')).toBe('2025-08-19');
    expect(findDate('3 March 2024')).toBe('2024-03-03');
    expect(findDate('no date here')).toBeNull();
    expect(toIsoDate('2025-08-19T10:00:00Z')).toBe('2025-08-19T10:00:00.000Z');
    expect(toIsoDate('2025-08-19')).toBe('2025-08-19');
    expect(toIsoDate('garbage')).toBeNull();
  });
});

describe('language', () => {
  it('detects the dominant script and a language when sure', () => {
    expect(dominantScript('Hello мир мир')).toBe('cyrillic');
    expect(
      detectLanguage('The council voted on the plan and it is expected that the lanes will be built in the autumn.'),
    ).toBe('en');
    expect(
      detectLanguage('Банк России на очередном заседании совета директоров принял решение сохранить ставку.'),
    ).toBe('ru');
    expect(detectLanguage('Україна та її союзники обговорюють нові кроки щодо підтримки економіки країни.')).toBe('uk');
    expect(detectLanguage('東京は日本の首都であり、多くの人々が住んでいます。')).toBe('ja');
    expect(detectLanguage('xyz qwv')).toBeNull();
  });
});
