/**
 * Errors in Gloss are values with a stable machine-readable code and a human message.
 * The message is written for the person using the app: it is shown as-is in the UI and the CLI.
 */
export type GlossErrorCode =
  | 'invalid-input'
  | 'duplicate'
  | 'empty-input'
  | 'not-found'
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'unsupported-content'
  | 'unsupported-url'
  | 'extraction-failed'
  | 'corrupt-file'
  | 'io'
  | 'port-busy'
  | 'internal';

/**
 * The clip a `duplicate` error is about, as data: each front end words its own choice
 * (the app offers buttons, the CLI names its flags) around the core's neutral message.
 */
export interface ExistingClip {
  id: string;
  title: string;
  /** ISO date-time the existing clip was made. */
  clippedAt: string;
}

/** An error with a code and a one-line human message (no stack traces for users). */
export class GlossError extends Error {
  readonly code: GlossErrorCode;
  /** Set on `duplicate` errors: the clip already in the library. */
  readonly existing?: ExistingClip;

  constructor(code: GlossErrorCode, message: string, options?: { cause?: unknown; existing?: ExistingClip }) {
    super(message, options);
    this.name = 'GlossError';
    this.code = code;
    if (options?.existing) this.existing = options.existing;
  }
}

/** The plain-data form of an error, safe to send over IPC or print as JSON. */
export interface ErrorInfo {
  code: GlossErrorCode;
  message: string;
  /** See {@link GlossError.existing}. */
  existing?: ExistingClip;
}

/**
 * Turns anything thrown into an {@link ErrorInfo}. Unknown errors become `internal`
 * with their message kept, so nothing is swallowed.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof GlossError) {
    return error.existing
      ? { code: error.code, message: error.message, existing: error.existing }
      : { code: error.code, message: error.message };
  }
  if (error instanceof Error) return { code: 'internal', message: error.message || String(error) };
  return { code: 'internal', message: String(error) };
}

/** Wraps a filesystem error in a GlossError `io` with a human lead-in. */
export function ioError(what: string, error: unknown): GlossError {
  if (error instanceof GlossError) return error;
  return new GlossError('io', `${what}: ${(error as Error).message ?? String(error)}`, { cause: error });
}
