import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI tests call the built command: build it once for the whole run. Tests' temp folders go in one root
    // per run, removed at its end (test/tempRoot.globalSetup.ts); each file's go after the file (setupFiles below).
    globalSetup: ['test/buildCli.globalSetup.ts', 'test/tempRoot.globalSetup.ts'],
    // Two workers even on a 2-core machine: most core tests wait on files and child processes, so they overlap
    // well. UI files still run one at a time (fileParallelism: false below), one Chromium each. In one
    // `vitest run` the UI files start only once every core file is done; `npm test` (scripts/runTests.mjs)
    // runs the two projects side by side instead, so the core files use the core the UI files leave idle.
    maxWorkers: 2,
    projects: [
      {
        // The renderer's plain modules (tested here) import the core's shared helpers as the renderer's build does.
        resolve: { alias: { '@core': fileURLToPath(new URL('src/core', import.meta.url)) } },
        test: {
          name: 'core',
          include: ['src/**/*.test.ts', 'test/core/**/*.test.ts', 'test/security/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/tempFolders.setup.ts'],
          // A safety net only: tests wait on conditions, and a loaded machine must not fail them.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'ui',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/tempFolders.setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One browser at a time: the machines are small and shared.
          fileParallelism: false,
          // The UI files run one after another in one worker, which loads the core and the harness once.
          isolate: false,
          // After the core files (a project of one worker needs its own group) when both run in one `vitest run`.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
