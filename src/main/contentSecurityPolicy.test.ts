import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy the renderer page declares in its meta tag', () => {
    const html = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline, eval or remote script, and no frames, objects, forms or base', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    for (const name of ['frame-src', 'object-src', 'form-action', 'base-uri'])
      expect(directives.get(name)).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // Reading a clip never contacts the web: pictures only from the app, data: and the downloaded copies.
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'gloss-asset:']);
    // Requests (fetch) reach only the app and the library's own files (a PDF clip's original, by range).
    expect(directives.get('connect-src')).toEqual(["'self'", 'gloss-asset:']);
  });
});
