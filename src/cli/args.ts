import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GlossError } from '../core/errors';

/** Parses one command's arguments; unknown options and missing values become a usage error. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GlossError('invalid-input', error instanceof Error ? error.message : String(error));
  }
}

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
