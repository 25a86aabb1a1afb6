/**
 * The bookmarklet's clip endpoint as the service runs it: started by the desktop app, token made on
 * first start and kept in the settings, regenerable from Settings. A page clipped through it is added
 * (or, when already in the library, updated with its highlights kept), the selection becomes a
 * highlight, and the page is told to reload its library so the clip shows at once.
 */
import { randomBytes } from 'node:crypto';
import type { AddHighlightInput, ClipHtmlInput, GlossApi } from '../api';
import { GlossError } from '../errors';
import { ENDPOINT_PORT } from '../common/settingsLimits';
import { anchorSelectors } from '../anchoring/anchor';
import type { CommandId } from '../common/commands';
import type { AnchoredHighlight, ClipDocument, ClipSummary } from '../model';
import type { SettingsStore } from '../settings/settingsStore';
import { bookmarkletUrl } from './bookmarklet';
import type { ClipRequest } from './handler';
import { tokenBucket, type RateLimiter } from './rateLimit';
import { startClipEndpoint, type RunningEndpoint } from './server';
import type { ClipEndpointInfo } from './types';

export type { ClipEndpointInfo } from './types';

export interface EndpointDeps {
  settings: SettingsStore;
  clipHtml(input: ClipHtmlInput): Promise<ClipSummary>;
  getClip(id: string): Promise<ClipDocument>;
  addHighlight(input: AddHighlightInput): Promise<AnchoredHighlight>;
  sendCommand(id: CommandId): void;
}

export type EndpointMethods = Pick<GlossApi, 'getClipEndpoint' | 'regenerateClipToken' | 'setClipEndpointPort'> & {
  /** Starts the endpoint (the desktop app, at start); tests pass their own limiter and size cap. */
  startClipEndpoint(opts?: { limiter?: RateLimiter; maxBytes?: number }): Promise<ClipEndpointInfo>;
  closeEndpoint(): Promise<void>;
};

const newToken = () => randomBytes(32).toString('base64url');

/** Builds the endpoint methods over the service. */
export function createEndpointMethods(deps: EndpointDeps): EndpointMethods {
  let running: RunningEndpoint | null = null;
  let failure: string | null = null;
  /** Set by startClipEndpoint: the app wants the endpoint up (the CLI and most tests never start it). */
  let wanted: { limiter: RateLimiter; maxBytes?: number } | null = null;
  /** One port change at a time: a second waits for the first to settle. */
  let changing: Promise<unknown> = Promise.resolve();

  const serve = (port: number, exact: boolean) =>
    startClipEndpoint({
      port,
      exact,
      token: () => deps.settings.get().clipEndpoint.token,
      clip,
      limiter: wanted!.limiter,
      maxBytes: wanted!.maxBytes,
    });

  const info = (): ClipEndpointInfo => ({
    running: running !== null,
    port: running?.port ?? null,
    bookmarklet: running ? bookmarkletUrl(running.port, deps.settings.get().clipEndpoint.token) : null,
    error: failure,
  });

  /** The selection, when it can be found in the article, becomes a highlight (once). */
  async function highlightSelection(clipId: string, selection: string): Promise<void> {
    const doc = await deps.getClip(clipId);
    const exact = selection.replace(/\s+/g, ' ').trim();
    const at = anchorSelectors(doc.text, [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 0 },
    ]);
    if (!at || doc.highlights.some((h) => h.anchor?.start === at.start && h.anchor.end === at.end)) return;
    await deps.addHighlight({ clipId, start: at.start, end: at.end });
  }

  async function clip(request: ClipRequest): Promise<{ id: string; title: string }> {
    // Clipping from the browser again means "this page as it is now": update, keeping highlights.
    const summary = await deps.clipHtml({
      html: request.html,
      url: request.url,
      title: request.title,
      onDuplicate: 'update',
    });
    if (request.selection) await highlightSelection(summary.id, request.selection).catch(() => undefined);
    deps.sendCommand('reload-library');
    return { id: summary.id, title: summary.title };
  }

  return {
    async getClipEndpoint() {
      return info();
    },

    async regenerateClipToken() {
      await deps.settings.update({ clipEndpoint: { token: newToken() } });
      return info();
    },

    async setClipEndpointPort(port) {
      if (!Number.isInteger(port) || port < ENDPOINT_PORT.min || port > ENDPOINT_PORT.max) {
        throw new GlossError(
          'invalid-input',
          `The port must be a whole number from ${ENDPOINT_PORT.min} to ${ENDPOINT_PORT.max}.`,
        );
      }
      const change = changing.then(async () => {
        if (wanted && running?.port !== port) {
          // The new server must be listening before the old one closes: a busy port keeps the old one.
          const next = await serve(port, true).catch((error: unknown) => {
            const keeps = running ? ` Gloss keeps listening on port ${running.port}.` : '';
            throw new GlossError('port-busy', `${error instanceof Error ? error.message : String(error)}${keeps}`, {
              cause: error,
            });
          });
          await running?.close();
          running = next;
          failure = null;
        }
        await deps.settings.update({ clipEndpoint: { port } });
        return info();
      });
      changing = change.catch(() => undefined);
      return change;
    },

    async startClipEndpoint(opts = {}) {
      if (running) return info();
      wanted = { limiter: opts.limiter ?? tokenBucket(30), maxBytes: opts.maxBytes };
      if (!deps.settings.get().clipEndpoint.token) await deps.settings.update({ clipEndpoint: { token: newToken() } });
      try {
        running = await serve(deps.settings.get().clipEndpoint.port, false);
        failure = null;
      } catch (error) {
        failure = `The bookmarklet’s endpoint could not start: ${error instanceof Error ? error.message : String(error)}`;
      }
      return info();
    },

    async closeEndpoint() {
      await running?.close();
      running = null;
    },
  };
}
