import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './externalLinks';

describe('safeExternalUrl', () => {
  it.each([
    ['https://example.org/page?q=1#top', 'https://example.org/page?q=1#top'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/A', 'https://example.org/A'],
    ['HtTp://example.org/', 'http://example.org/'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['mailto:someone@example.org?subject=Hi', 'mailto:someone@example.org?subject=Hi'],
    ['MAILTO:someone@example.org', 'mailto:someone@example.org'],
    // Read the way a browser reads them, so what opens is what the link showed.
    ['http:example.org', 'http://example.org/'],
    ['https:///example.org', 'https://example.org/'],
  ])('opens %s', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'smb://server/share',
    'ms-settings:',
    'chrome://settings',
    'about:blank',
    'gloss:clip/abc',
    '//example.org/protocol-relative',
    '/relative/path',
    '#fragment',
    'example.org',
    'http://',
    'https://exa mple.org',
    '',
    `https://example.org/${'a'.repeat(9000)}`,
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org']]) expect(safeExternalUrl(value)).toBeNull();
  });
});
