#!/usr/bin/env node
/**
 * The Gloss CLI: `gloss clip|list|show|highlight|search|…` on the same library and core as the app.
 * Errors go to stderr as one line with a non-zero exit. Built into out/cli/gloss.js by `npm run build`
 * (scripts/buildCli.mjs); `npm run gloss` runs this source through tsx. What a run does: run.ts.
 */
import { readStdin } from './args';
import { runGloss } from './run';

// A reader that stops early (`gloss list | head`) closes the pipe: the rest of the output has nowhere to go,
// which is not an error of the command (it still finishes, and exits with its own code).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

void runGloss(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: readStdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
