import type { GlossApi, GlossMethod } from './api';
import { apiInputSchemas, GLOSS_METHODS } from './api';
import type { ErrorInfo } from './errors';
import { GlossError, toErrorInfo } from './errors';

/** What crosses a process boundary for one call: a value or an error, never a thrown exception. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Sends one call across a boundary and gets its envelope back. */
export type Invoke = (method: GlossMethod, args: unknown[]) => Promise<Envelope>;

/** Returns true when `name` is a method of {@link GlossApi}. */
export function isGlossMethod(name: unknown): name is GlossMethod {
  return typeof name === 'string' && (GLOSS_METHODS as string[]).includes(name);
}

/**
 * Serves one call from an untrusted caller: checks the method name and validates the arguments against
 * {@link apiInputSchemas} before the core sees them, and turns every failure into an error envelope.
 * Used by the main process's IPC handlers and by the UI tests' binding alike.
 */
export async function dispatchApiCall(api: GlossApi, method: unknown, args: unknown): Promise<Envelope> {
  try {
    if (!isGlossMethod(method)) throw new GlossError('invalid-input', `Unknown request "${String(method)}".`);
    const parsed = apiInputSchemas[method].safeParse(args);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` (${first.path.join('.')})` : '';
      throw new GlossError('invalid-input', `Invalid input for ${method}${where}: ${first?.message ?? 'rejected'}.`);
    }
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/**
 * Builds a {@link GlossApi} whose methods forward to `invoke` and unwrap the envelope, rejecting with an
 * Error that carries `code`. Deliberately self-contained (no imports used inside) so that the UI tests can
 * inject its source into a page exactly as the preload runs it.
 */
export function createApiClient(methods: readonly string[], invoke: Invoke): GlossApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    api[method] = async (...args: unknown[]) => {
      const envelope = await invoke(method as GlossMethod, args);
      if (envelope.ok) return envelope.value === null ? undefined : envelope.value;
      const error = new Error(envelope.error.message) as Error & { code: string };
      error.name = 'GlossError';
      error.code = envelope.error.code;
      throw error;
    };
  }
  return api as unknown as GlossApi;
}
