import type { GlossApi, GlossMethod } from './api';
import type { ErrorInfo } from './errors';

/** What crosses a process boundary for one call: a value or an error, never a thrown exception. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Sends one call across a boundary and gets its envelope back. */
export type Invoke = (method: GlossMethod, args: unknown[]) => Promise<Envelope>;

/**
 * Builds a {@link GlossApi} whose methods forward to `invoke` and unwrap the envelope, rejecting with an
 * Error that carries the core's `code`, its human message and, for `duplicate`, the `existing` clip.
 *
 * Deliberately self-contained (nothing from outside is used inside the function body) so that the UI
 * tests can inject its source into a page and run exactly what the preload runs.
 */
export function createApiClient(methods: readonly string[], invoke: Invoke): GlossApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    api[method] = async (...args: unknown[]) => {
      const envelope = await invoke(method as GlossMethod, args);
      if (envelope.ok) return envelope.value === null ? undefined : envelope.value;
      const error = new Error(envelope.error.message) as Error & { code: string; existing?: unknown };
      error.name = 'GlossError';
      error.code = envelope.error.code;
      if (envelope.error.existing) error.existing = envelope.error.existing;
      throw error;
    };
  }
  return api as unknown as GlossApi;
}
