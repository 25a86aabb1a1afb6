/**
 * Temp folders for tests, removed once the test file that made them is done, whatever its outcome.
 *
 * Each vitest run makes one root folder of its own in the system temp folder, `gloss-test-<pid>-…`
 * (test/tempRoot.globalSetup.ts), and removes it when the run ends. {@link tempDir} makes a test's folders inside
 * that root, and the setup file test/tempFolders.setup.ts removes a file's folders after the file's own `afterAll`
 * hooks (services closed, browsers shut), so a long run does not pile them up. What the product writes inside a
 * test's folder (quarantine, exports, a Chromium profile) goes with it. `GLOSS_KEEP_TEST_TEMP=1` keeps
 * everything, and the run prints where.
 *
 * Outside vitest (a benchmark driving the UI harness) there is no run root: the folder goes in the system temp
 * folder and its caller removes it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder this vitest run's temp folders go in (made and removed by test/tempRoot.globalSetup.ts). */
    glossTestTempRoot: string;
  }
}

/** Whether the test temp folders stay after the run, for a look at what a test left (`GLOSS_KEEP_TEST_TEMP=1`). */
export const KEEP_TEST_TEMP = process.env['GLOSS_KEEP_TEST_TEMP'] === '1';

/** The folders made in this test file (one module instance per file, or per worker of files run in turn). */
const made = new Set<string>();

/** The run's root folder, or null outside vitest. */
function runRoot(): string | null {
  if (!process.env['VITEST']) return null;
  const root = inject('glossTestTempRoot');
  if (!root) throw new Error('No test temp root: run the tests with vitest.config.ts (its globalSetup makes it).');
  return root;
}

/**
 * A fresh empty folder for a test, named `<prefix>-…`: inside the test run's root, and removed after the test file
 * (see the module's comment); outside vitest, `gloss-<prefix>-…` in the system temp folder, for the caller to remove.
 */
export async function tempDir(prefix = 'lib'): Promise<string> {
  const root = runRoot();
  if (!root) return fs.mkdtemp(path.join(os.tmpdir(), `gloss-${prefix}-`));
  const dir = await fs.mkdtemp(path.join(root, `${prefix}-`));
  made.add(dir);
  return dir;
}

/**
 * Removes every folder {@link tempDir} made in this test file (unless `GLOSS_KEEP_TEST_TEMP=1`). A folder that
 * cannot be removed is left to the run's end, which removes the whole root.
 */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...made];
  made.clear();
  if (KEEP_TEST_TEMP) return;
  await Promise.all(
    dirs.map((dir) => fs.rm(dir, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined)),
  );
}
