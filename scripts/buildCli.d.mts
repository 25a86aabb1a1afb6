import type { BuildOptions } from 'esbuild';

/** The built command's path (out/cli/gloss.js). */
export const CLI_FILE: string;
/** Bundles the CLI into out/cli (replacing what was there) and returns the command's path. */
export function buildCli(): Promise<string>;
/** How Gloss bundles code that runs under plain Node: esbuild options shared by the CLI and bench:scale. */
export const NODE_BUNDLE: BuildOptions;
