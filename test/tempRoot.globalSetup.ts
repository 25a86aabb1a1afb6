/**
 * Vitest global set-up: one root folder for this run's temp folders, `gloss-test-<pid>-…` in the system temp
 * folder, handed to the tests (`inject('glossTestTempRoot')`, see src/core/library/testTempFolders.ts) and removed
 * when the run ends, whatever the tests did. `npm test` starts two vitest runs side by side: each has its own root,
 * and neither touches the other's. Ctrl-C removes it too; a root whose run was killed otherwise (its process is
 * gone) is removed by the next run. `GLOSS_KEEP_TEST_TEMP=1` keeps the root (as `gloss-test-kept-…`) and prints
 * where it is.
 */
import { promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { KEEP_TEST_TEMP } from '../src/core/library/testTempFolders';

const ROOT_NAME = /^gloss-test-(\d+)-/;

/** Whether process `pid` is running (a process of another user counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the roots of earlier runs whose process is gone (killed before their teardown). */
async function removeOrphanRoots(): Promise<void> {
  const names = await fs.readdir(os.tmpdir()).catch(() => [] as string[]);
  const orphans = names.filter((name) => {
    const pid = Number(ROOT_NAME.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(orphans.map((name) => fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true })));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeOrphanRoots();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `gloss-test-${process.pid}-`));
  project.provide('glossTestTempRoot', root);
  // Ctrl-C: vitest exits without the teardown below, but through process.exit, which runs this.
  const onExit = () => KEEP_TEST_TEMP || rmSync(root, { recursive: true, force: true });
  process.once('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    if (KEEP_TEST_TEMP) {
      // Renamed out of the orphans' pattern, so that the next run leaves it too.
      const kept = path.join(path.dirname(root), path.basename(root).replace('gloss-test-', 'gloss-test-kept-'));
      await fs.rename(root, kept);
      process.stdout.write(`Test temp folders kept (GLOSS_KEEP_TEST_TEMP=1): ${kept}\n`);
      return;
    }
    await fs.rm(root, { recursive: true, force: true, maxRetries: 2 }).catch((error: Error) => {
      process.stderr.write(`Could not remove the test temp folder ${root}: ${error.message}\n`);
    });
  };
}
