/**
 * Builds the `gloss` command: src/cli/main.ts bundled by esbuild into out/cli/gloss.js, with the page
 * reader's and the Markdown converter's workers beside it (out/cli/extractWorker.js, markdownWorker.js). Packages stay in node_modules (not bundled) and
 * code only some commands need (jsdom, converters, importers) sits in chunks loaded on first use, so
 * `gloss list` starts without them. Run by `npm run build`, and by the tests' global set-up.
 *
 * Usage: node scripts/buildCli.mjs
 */
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built command's path. */
export const CLI_FILE = path.join(ROOT, 'out/cli/gloss.js');

/**
 * How Gloss bundles code that runs under plain Node (the CLI here; bench:scale's steps measure the same build):
 * ES modules split into chunks loaded on first use, packages left in node_modules.
 */
export const NODE_BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};

/** Bundles the CLI into out/cli (replacing what was there) and returns the command's path. */
export async function buildCli() {
  const outdir = path.dirname(CLI_FILE);
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...NODE_BUNDLE,
    absWorkingDir: ROOT,
    entryPoints: {
      gloss: 'src/cli/main.ts',
      extractWorker: 'src/core/clipper/extractWorker.ts',
      markdownWorker: 'src/core/export/markdownWorker.ts',
    },
    outdir,
    sourcemap: 'linked',
  });
  await chmod(CLI_FILE, 0o755);
  return CLI_FILE;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = await buildCli();
  process.stdout.write(`built ${path.relative(ROOT, file)}\n`);
}
