import type { GlossApi, GlossMethod } from './api';
import { GLOSS_METHODS } from './api';
import { apiInputSchemas } from './apiSchemas';
import type { Envelope } from './apiClient';
import { GlossError, toErrorInfo } from './errors';

/** Returns true when `name` is a method of {@link GlossApi}. */
export function isGlossMethod(name: unknown): name is GlossMethod {
  return typeof name === 'string' && (GLOSS_METHODS as readonly string[]).includes(name);
}

/**
 * Serves one call from an untrusted caller: checks the method name and validates the arguments against
 * {@link apiInputSchemas} before the core sees them, and turns every failure into an error envelope.
 * The main process's IPC handlers and the UI tests' page binding both serve calls through this.
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
    // IPC and page bindings cannot carry `undefined`; the client maps null back.
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
