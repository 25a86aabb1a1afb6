/** The built command's path (out/cli/gloss.js). */
export const CLI_FILE: string;
/** Bundles the CLI into out/cli (replacing what was there) and returns the command's path. */
export function buildCli(): Promise<string>;
