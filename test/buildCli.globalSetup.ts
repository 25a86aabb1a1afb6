/**
 * Vitest global set-up: builds the `gloss` command once before any test runs, so the CLI tests call the
 * built command (out/cli/gloss.js), as a user's shell would, and always the current source.
 */
import { buildCli } from '../scripts/buildCli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
