import { describe, expect, it } from 'vitest';
import { tidyPageTitle } from './pageTitle';

describe('tidyPageTitle', () => {
  it('drops a trailing or leading site name', () => {
    expect(tidyPageTitle('Tidal power rises | Harbour News', 'Harbour News', null, null)).toBe('Tidal power rises');
    expect(tidyPageTitle('Harbour News — Tidal power rises', 'Harbour News', null, null)).toBe('Tidal power rises');
    expect(tidyPageTitle('Tidal power rises - The Harbour', null, 'www.theharbour.com', null)).toBe(
      'Tidal power rises',
    );
  });

  it('keeps separators that do not name the site', () => {
    expect(tidyPageTitle('Tides - a primer | Harbour News', 'Harbour News', null, null)).toBe('Tides - a primer');
    expect(tidyPageTitle('Cats | Dogs', 'Harbour News', 'news.example', null)).toBe('Cats | Dogs');
    expect(tidyPageTitle('Harbour News', 'Harbour News', null, null)).toBe('Harbour News');
  });

  it('prefers the main heading when the title is its shortened form', () => {
    expect(tidyPageTitle('Tidal power | Harbour News', 'Harbour News', null, 'Tidal power comes to the harbour')).toBe(
      'Tidal power comes to the harbour',
    );
    expect(tidyPageTitle('Tidal power | Harbour News', 'Harbour News', null, 'Weather today')).toBe('Tidal power');
  });
});
