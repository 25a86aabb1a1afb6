import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import type { ClipMeta } from '../model';
import { bibtex } from './citation';
import { asciiFold, baseCitationKey, citationKeys } from './citationKeys';
import { clipMeta } from '../library/testHelpers';

const GOLDEN = path.resolve(__dirname, '../../../test/fixtures/export/keys.bib');

const clip = (id: string, fields: Partial<ClipMeta>) =>
  clipMeta(id, { clippedAt: '2025-05-01T10:00:00.000Z', ...fields });

const metas: ClipMeta[] = [
  clip('20250101-aaaaaaa1', {
    title: 'Climate Models Get Sharper',
    byline: 'By Jane Smith and Li Wei',
    published: '2024-03-02',
    site: 'Science Daily',
  }),
  clip('20250101-aaaaaaa2', { title: 'The Climate of Cities', byline: 'Ana Smith', published: '2024-11-30' }),
  clip('20250101-aaaaaaa3', { title: 'Über die Gezeiten', byline: 'Zoë Müller', published: '2023' }),
  clip('20250101-aaaaaaa4', {
    title: 'Why the Grid Needs Storage',
    site: 'www.nytimes.com',
    published: '2025-01-09T08:00:00Z',
  }),
  clip('20250101-aaaaaaa5', { title: 'A Note on Tidal Power', published: null }),
  clip('20250101-aaaaaaa6', { title: 'US and Russia in Talks on Truce', byline: 'Reuters', published: '2025-02-01' }),
  clip('20250101-aaaaaaa7', { title: '???', byline: null }),
];

describe('BibTeX citation keys', () => {
  it('fold names to plain ASCII', () => {
    expect(asciiFold('Zoë Łukasz-Ørsted')).toBe('zoelukaszorsted');
    expect(asciiFold('Straße')).toBe('strasse');
    expect(asciiFold('Ægir Þórsson')).toBe('aegirthorsson');
  });

  it('are surname + year + first significant title word, with site or title standing in for an author', () => {
    expect(metas.map(baseCitationKey)).toEqual([
      'smith2024climate',
      'smith2024climate',
      'muller2023uber',
      'nytimes2025grid',
      'notetidal',
      'reuters2025us',
      'clip',
    ]);
  });

  it('are unique within one export: clashing keys get a, b …, never another clip’s key', () => {
    expect(citationKeys(metas.slice(0, 2))).toEqual(['smith2024climatea', 'smith2024climateb']);
    const tricky = [
      metas[0]!,
      metas[1]!,
      clip('20250101-aaaaaaa8', { title: 'Climatea', byline: 'Jo Smith', published: '2024' }),
    ];
    const keys = citationKeys(tricky);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toEqual(['smith2024climateb', 'smith2024climatec', 'smith2024climatea']);
    const many = citationKeys(
      Array.from({ length: 30 }, (_, i) => clip(`20250101-bbbbbb${String(i).padStart(2, '0')}`, { title: 'Same' })),
    );
    expect(many.slice(25, 28)).toEqual(['samez', 'sameaa', 'sameab']);
    expect(new Set(many).size).toBe(30);
  });

  it('match the golden file, which parses back to the same keys and metadata', () => {
    const text = bibtex(metas);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
    const parsed = new Cite(text).data as Array<Record<string, unknown>>;
    expect(parsed.map((item) => item['citation-key'])).toEqual(citationKeys(metas));
    expect(parsed.map((item) => item['title'])).toEqual(metas.map((m) => m.title));
    expect(parsed[2]!['author']).toEqual([{ given: 'Zoë', family: 'Müller' }]);
  });
});
