/**
 * Vitest global set-up: builds the `gloss` command once before any test runs, so the CLI tests call the
 * built command (out/cli/gloss.js), as a user's shell would, and always the current source. `npm test`
 * (scripts/runTests.mjs) builds it once for its two vitest runs and sets GLOSS_CLI_BUILT, so they do not
 * rebuild it under each other.
 */
import { buildCli } from '../scripts/buildCli.mjs';

export default async function setup(): Promise<void> {
  if (process.env['GLOSS_CLI_BUILT'] !== '1') await buildCli();
}
