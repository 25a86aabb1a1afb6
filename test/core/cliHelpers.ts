import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { stopExtractionWorker } from '../../src/core/clipper/extractInWorker';
import { runGloss } from '../../src/cli/run';

export const ROOT = resolve(__dirname, '../..');
/** The built command (vitest's global set-up builds it: test/buildCli.globalSetup.ts). */
export const CLI = resolve(ROOT, 'out/cli/gloss.js');
export const SEED = resolve(ROOT, 'test/fixtures/clipper/seed-article.txt');
export const SEED_TITLE =
  'US and Russia in Talks on Truce Agreement That Would Cement Putin’s Territorial Gains in Ukraine';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, with its own library folder. `viaNpm` goes through `npm run -s gloss --`
 * instead: the source through tsx, as a developer runs it. `closeStdout` closes the reading end of its output at
 * once, as `gloss list | head` does once `head` has its lines.
 */
export function gloss(
  library: string,
  args: string[],
  options: { stdin?: string; viaNpm?: boolean; closeStdout?: boolean } = {},
): Promise<Run> {
  const [command, argv] = options.viaNpm
    ? ['npm', ['run', '-s', 'gloss', '--', ...args]]
    : [process.execPath, [CLI, ...args]];
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, GLOSS_LIBRARY: library } });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Runs the same CLI in this process (src/cli/run.ts, the code the built command runs) on its own library and
 * streams: for the many cases of a command whose run as a real process a test also checks with {@link gloss}.
 * The page reader's worker it may start stays up for the next call; stop it with {@link stopGlossInProcess}.
 */
export async function glossInProcess(library: string, args: string[], options: { stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runGloss(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stdin: async () => options.stdin ?? '',
    env: { ...process.env, GLOSS_LIBRARY: library },
  });
  return { code, stdout, stderr };
}

/** Stops the page reader's worker that {@link glossInProcess} calls may have started (in a test file's afterAll). */
export function stopGlossInProcess(): void {
  stopExtractionWorker();
}
