import { existsSync } from 'node:fs';
import { readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help';
import { tempDir } from '../../src/core/library/testHelpers';
import { gloss, glossInProcess, type Run, SEED, SEED_TITLE, stopGlossInProcess } from './cliHelpers';

let library: string;
let server: Server;
let base: string;

beforeAll(async () => {
  library = await tempDir('cli');
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Tidal Power Comes of Age | Harbour Review</title>
        <meta property="og:site_name" content="Harbour Review"><meta name="author" content="Ines Calder">
        <meta property="article:published_time" content="2025-03-04T08:00:00Z"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Tidal Power Comes of Age</h1>
        ${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: engineers in the estuary report that the turbines ran through the winter storms without a single unplanned stop, which the operators call a first for the industry and a sign that tidal energy is ready for the grid.</p>`).join('')}
        </article><footer>© Harbour Review</footer></body></html>`);
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  stopGlossInProcess();
  server.close();
});

// `gloss` runs the built command as a fresh Node process, as a user's shell would: every command (and its error,
// help and closed-pipe paths) is run so at least once. `glossInProcess` runs the same CLI code in this process for
// the other cases, which saves a process start and the page reader's load per case. The timeout is only a safety net.
describe('gloss CLI', { timeout: 120_000 }, () => {
  let seedId = '';

  it('prints help for every command, without touching a library', async () => {
    const nowhere = join(library, 'not-created');
    const names = Object.keys(HELP);
    const runs = await Promise.all(names.map((name) => glossInProcess(nowhere, [name, '--help'])));
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: gloss ${names[i]} `));
      expect(run.stdout).toContain('--library DIR');
    });
    const general = await gloss(nowhere, ['--help']);
    expect(general.code).toBe(0);
    for (const name of names) expect(general.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    for (const args of [['help'], ['help', '--help']]) {
      const run = await glossInProcess(nowhere, args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 0, stdout: general.stdout });
    }
    const unknown = await glossInProcess(nowhere, ['frobnicate', '--help']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(existsSync(nowhere)).toBe(false);
    // The development entry point (the source through tsx) is the same program.
    const dev = await gloss(nowhere, ['--help'], { viaNpm: true });
    expect(dev.stdout).toBe(general.stdout);
  });

  it('clips the seed file and prints the clip as JSON', async () => {
    const run = await gloss(library, ['clip', SEED, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const clip = JSON.parse(run.stdout);
    expect(Object.keys(clip).sort()).toEqual(['byline', 'id', 'published', 'site', 'title', 'url', 'words']);
    expect(clip.title).toBe(SEED_TITLE);
    expect(clip.words).toBeGreaterThan(600);
    expect(clip.words).toBeLessThan(1000);
    seedId = clip.id;
  });

  it('refuses to clip the same article twice unless told to update it or keep a copy', async () => {
    const again = await glossInProcess(library, ['clip', SEED, '--json']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already in your library.*--update.*--copy/);
    expect(again.stderr).toContain(`as ${seedId} (clipped `);
    const updated = await glossInProcess(library, ['clip', SEED, '--update', '--json']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout).id).toBe(seedId);
  });

  it('shows the article as text: headings and paragraphs separated by blank lines, no cruft', async () => {
    const run = await gloss(library, ['show', seedId, '--format', 'text']);
    expect(run.code).toBe(0);
    const blocks = run.stdout.trim().split('\n\n');
    expect(blocks[0]).toBe(SEED_TITLE);
    expect(blocks).toContain('Moscow’s Demands and the Risk for Kyiv');
    expect(blocks).toContain('Possible Talks and Skepticism');
    expect(run.stdout).toContain('According to sources familiar with the negotiations');
    expect(run.stdout).toContain('All rights to the original text belong to');
    for (const cruft of ['Today:', 'Русский', '3 mins read', 'Don’t Miss', "Don't Miss", 'Deflation']) {
      expect(run.stdout).not.toContain(cruft);
    }
  });

  it('shows html and json formats', async () => {
    const html = await glossInProcess(library, ['show', seedId, '--format', 'html']);
    expect(html.stdout).toContain('<h2>Kremlin’s Firm Position</h2>');
    expect(html.stdout).toMatch(/<figcaption>[^<]*Photographer: Chris McGrath/);
    const json = JSON.parse((await glossInProcess(library, ['show', seedId, '--format', 'json'])).stdout);
    expect(json.meta.id).toBe(seedId);
    expect(typeof json.text).toBe('string');
  });

  it('highlights by quote with a note, and the highlight is searchable', async () => {
    const quote = 'Putin has repeatedly stated that his war goals remain unchanged.';
    const run = await gloss(library, ['highlight', seedId, '--quote', quote, '--note', 'Maximalist aims', '--json']);
    expect(run.stderr).toBe('');
    const highlight = JSON.parse(run.stdout);
    const [textQuote, position] = highlight.target.selector;
    expect(textQuote).toMatchObject({ type: 'TextQuoteSelector', exact: quote });
    expect(textQuote.prefix.length).toBeGreaterThan(0);
    expect(textQuote.suffix.length).toBeGreaterThan(0);
    expect(position.type).toBe('TextPositionSelector');
    expect(position.end - position.start).toBe(quote.length);
    expect(highlight.note).toBe('Maximalist aims');

    const found = JSON.parse((await glossInProcess(library, ['search', 'maximalist', '--json'])).stdout);
    expect(found[0]).toMatchObject({ id: seedId, kind: 'highlight' });
  });

  it('searches articles with snippets and honours --limit', async () => {
    const results = JSON.parse((await gloss(library, ['search', 'zaporizhzhia', '--json', '--limit', '1'])).stdout);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ id: seedId, kind: 'article', title: SEED_TITLE });
    expect(results[0].snippet.toLowerCase()).toContain('zaporizhzhia');
    expect(typeof results[0].score).toBe('number');
  });

  it('says which filters of a search it could not take, and still searches', async () => {
    const run = await glossInProcess(library, ['search', 'zaporizhzhia', 'after:2019-13-45', 'kind:bogus', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ id: seedId });
    const notes = run.stderr.trim().split('\n');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^gloss: note: .*2019-13-45/);
    expect(notes[1]).toMatch(/^gloss: note: .*bogus/);
  });

  it('clips from stdin and from a real HTTP server, and lists newest first', async () => {
    const piped = await gloss(library, ['clip', '-', '--title', 'Field notes', '--json'], {
      stdin:
        'The survey team counted forty-one nesting pairs on the north cliff this spring.\n\nThat is twice last year.',
    });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).title).toBe('Field notes');

    const web = JSON.parse((await glossInProcess(library, ['clip', `${base}/article`, '--json'])).stdout);
    expect(web).toMatchObject({ title: 'Tidal Power Comes of Age', site: 'Harbour Review', byline: 'Ines Calder' });
    expect(web.url).toBe(`${base}/article`);
    expect(web.published).toMatch(/^2025-03-04/);

    const listed = JSON.parse((await gloss(library, ['list', '--json'])).stdout);
    expect(listed.map((c: { title: string }) => c.title)).toEqual([
      'Tidal Power Comes of Age',
      'Field notes',
      SEED_TITLE,
    ]);
    // A reader that stops early (`gloss list | head`) is no error: no EPIPE crash, the command's own exit code.
    for (const args of [['list'], ['search', 'tidal'], ['--help']]) {
      const cut = await gloss(library, args, { closeStdout: true });
      expect({ args, code: cut.code, stderr: cut.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });

  it('clips a page saved in a legacy encoding as its <meta charset> says, as a browser opens it', async () => {
    const page = join(await tempDir('cli-saved'), 'Saved café page.html');
    const paragraph = (i: number) =>
      `<p>Paragraph ${i}: the \x91caf\xe9\x92 near the harbour charges \x805 for a coffee \x97 \x93a fair price\x94, say the regulars who come every morning before work.</p>`;
    const body = `<html><head><meta charset="windows-1252"><title>Harbour caf\xe9 prices</title></head><body><article><h1>Harbour caf\xe9 prices</h1>${Array.from({ length: 6 }, (_, i) => paragraph(i)).join('')}</article></body></html>`;
    await writeFile(page, Buffer.from(body, 'latin1'));
    const clipped = await glossInProcess(library, ['clip', page, '--json']);
    expect(clipped.stderr).toBe('');
    const { id, title } = JSON.parse(clipped.stdout);
    expect(title).toBe('Harbour café prices');
    const shown = await glossInProcess(library, ['show', id]);
    expect(shown.stdout).toContain('the ‘café’ near the harbour charges €5 for a coffee — “a fair price”, say');
  });

  it('fails with a one-line reason and a non-zero exit on bad input', async () => {
    const photo = join(await tempDir('cli-binary'), 'photo.jpg');
    await writeFile(
      photo,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xc3, 0x28]),
    );
    // Sparse files: as large as the app's limits allow plus one byte, without writing them.
    const [bigText, bigPdf] = [join(dirname(photo), 'big.txt'), join(dirname(photo), 'big.pdf')];
    await writeFile(bigText, '');
    await truncate(bigText, 20 * 1024 * 1024 + 1);
    await writeFile(bigPdf, '');
    await truncate(bigPdf, 100 * 1024 * 1024 + 1);
    const cases: Array<[string[], RegExp, string?]> = [
      [['clip', photo], /photo\.jpg is not UTF-8 text/],
      [['clip', bigText], /big\.txt is larger than 20 MB/],
      [['clip', bigPdf], /big\.pdf is larger than 100 MB/],
      [['show', 'no-such-clip'], /No clip with id "no-such-clip"/],
      [['show', '../../etc'], /not a valid/],
      [['clip', '-'], /empty/i, '   \n'],
      [['clip', '-'], /The input is not text/, 'JFIF\0\u0001\u0002\0binary'],
      [['clip', `${base}/missing`], /404/],
      [['clip', 'http://127.0.0.1:9/'], /127\.0\.0\.1/],
      [['clip', 'file:///etc/passwd'], /file:/],
      [['clip', '/no/such/file.txt'], /No such file/],
      [['highlight', seedId, '--quote', 'words that are not in the article'], /not found/],
      [['frobnicate'], /unknown command/],
      [['search', 'x', '--limit', 'lots'], /--limit/],
    ];
    const check = (run: Run, args: string[], reason: RegExp) => {
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(reason);
    };
    for (const [args, reason, stdin] of cases) check(await glossInProcess(library, args, { stdin }), args, reason);
    // The same reason and exit code from the command as a process.
    const [args, reason] = cases[0]!;
    check(await gloss(library, args), args, reason);
  });

  it('quarantines a corrupt clip, warns about it, and keeps the rest of the library working', async () => {
    const clips = await readdir(join(library, 'clips'));
    const victim = clips.find((id) => id !== seedId)!;
    await writeFile(join(library, 'clips', victim, 'meta.json'), '{"schema": 1, "title": "trunc');
    const listed = await glossInProcess(library, ['list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(
      /1 file\(s\) in the library could not be read and were set aside; run gloss problems/,
    );
    const ids = JSON.parse(listed.stdout).map((c: { id: string }) => c.id);
    expect(ids).toContain(seedId);
    expect(ids).not.toContain(victim);

    const problems = JSON.parse((await gloss(library, ['problems', '--json'])).stdout);
    expect(problems.length).toBeGreaterThan(0);
    const moved = join(library, problems[0].quarantinedAs);
    expect(await readFile(moved, 'utf8').catch(async () => (await readdir(moved)).join(','))).toBeTruthy();
  });

  // As root (CI) permissions stop no rename: a quarantine linked to another file system (/proc) fails every move
  // as a read-only library's does.
  it.runIf(process.platform === 'linux')(
    'opens a library whose damaged files cannot be moved, and says they were left where they are',
    async () => {
      const readOnly = await tempDir('cli-readonly');
      const ids = await Promise.all(
        ['Kelp forests return to the bay after a decade.', 'Otters came back with them.'].map(async (stdin) => {
          const run = await glossInProcess(readOnly, ['clip', '-', '--json'], { stdin });
          return JSON.parse(run.stdout).id as string;
        }),
      );
      await writeFile(join(readOnly, 'clips', ids[0]!, 'meta.json'), '{"schema": 1, "title": "cut');
      await rm(join(readOnly, 'quarantine'), { recursive: true });
      await symlink('/proc', join(readOnly, 'quarantine'));
      const listed = await glossInProcess(readOnly, ['list', '--json']);
      expect(listed.code).toBe(0);
      expect(listed.stderr).not.toMatch(/moved/);
      expect(JSON.parse(listed.stdout).map((c: { id: string }) => c.id)).toEqual([ids[1]]);
      const problems = await glossInProcess(readOnly, ['problems']);
      expect(problems.stdout).toMatch(
        new RegExp(
          `^clips/${ids[0]}/meta\\.json: .*could not be moved to the quarantine folder \\(EXDEV\\), so it is left where it is\\.\n    left where it is\n$`,
        ),
      );
    },
  );

  it('lists conflicted copies left by sync tools', async () => {
    const folder = join(library, 'clips', seedId);
    await writeFile(join(folder, 'meta (1).json'), await readFile(join(folder, 'meta.json'), 'utf8'));
    const { stdout } = await glossInProcess(library, ['problems']);
    expect(stdout).toContain(
      `clips/${seedId}/meta.json: a sync tool (google-drive) left another version at clips/${seedId}/meta (1).json`,
    );
  });
});
