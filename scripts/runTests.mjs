/**
 * `npm test`'s runner: the core tests and the UI tests as two vitest runs side by side.
 *
 * The UI files run one at a time (one Chromium at a time: vitest.config.ts), and vitest runs a project whose files
 * run one at a time only after every other project's files, so in one `vitest run` the second core sat idle
 * through the whole UI part (half the suite's time). Here the UI files still run one after another, while the
 * core files run beside them on their own two workers. Each line of output is prefixed with its run's name; the
 * exit code fails if either run fails (both always finish, so every failure is shown).
 *
 * The CLI is built once here (the tests call out/cli/gloss.js); GLOSS_CLI_BUILT tells vitest's global set-up
 * not to build it again in each run. Extra arguments go to both runs (`npm test -- -t clip`).
 *
 * Usage: node scripts/runTests.mjs [vitest options]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildCli } from './buildCli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

/** Runs one vitest project, printing its lines with a prefix; resolves to its exit code and wall time. */
function runProject(name, args) {
  const started = Date.now();
  const child = spawn(process.execPath, [VITEST, 'run', '--project', name, '--passWithNoTests', ...args], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_CLI_BUILT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  createInterface({ input: child.stdout }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`${prefix}${line}\n`));
  return new Promise((done) => {
    child.on('error', (error) => {
      process.stderr.write(`${prefix}could not start vitest: ${error.message}\n`);
      done({ name, code: 1, seconds: 0 });
    });
    child.on('close', (code, signal) =>
      done({ name, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) }),
    );
  });
}

await buildCli();
const args = process.argv.slice(2);
// The UI run is the longer chain (its files one after another): it starts first.
const results = await Promise.all([runProject('ui', args), runProject('core', args)]);
for (const { name, code, seconds } of results) {
  process.stdout.write(`tests: ${name} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
