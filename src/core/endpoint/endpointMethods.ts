/**
 * The bookmarklet's clip endpoint as the service runs it: started by the desktop app, token made on
 * first start and kept in the settings with an expiry, renewed from Settings. A page clipped through it
 * is added and its selection becomes a highlight; a page the library already holds is never changed from
 * the browser: its new version waits (browserUpdates.ts) until the person compares it in the reader and
 * applies or discards it. The page is told to reload its library so either shows at once. From a browser's
 * PDF viewer only the address comes: the PDF is downloaded here (pdfAddress.ts says which addresses may be).
 */
import { randomBytes } from 'node:crypto';
import type { AddHighlightInput, GlossApi } from '../api';
import { GlossError } from '../errors';
import { ENDPOINT_PORT } from '../common/settingsLimits';
import { anchorSelectors } from '../anchoring/anchor';
import type { CommandId } from '../common/commands';
import type { AnchoredHighlight, ClipDocument, ClipDraft, ClipSummary, ReanchorReport } from '../model';
import type { SettingsStore } from '../settings/settingsStore';
import { bookmarkletUrl } from './bookmarklet';
import { describeUpdate, readPendingUpdate, removePendingUpdate, savePendingUpdate } from './browserUpdates';
import type { ClipOutcome, ClipRequest } from './handler';
import { endpointLimits, type EndpointLimits } from './rateLimit';
import { startClipEndpoint, type RunningEndpoint } from './server';
import type { ClipEndpointInfo, EndpointRequestRecord } from './types';

export type { ClipEndpointInfo } from './types';

export interface EndpointDeps {
  settings: SettingsStore;
  libraryPath: string;
  /** Reads a page's article (the page-reading worker). */
  extract(html: string, opts: { url: string; title?: string }): Promise<ClipDraft>;
  /**
   * Downloads the PDF at `url` (sent from a PDF viewer tab of `origin`) through the URL clipper's
   * hardened fetch and reads it; anything but a PDF fails with a message for the person.
   */
  fetchPdf(url: string, opts: { origin: string | null }): Promise<ClipDraft>;
  /** The clip already holding a draft's article, if any. */
  findExisting(draft: ClipDraft): ClipSummary | undefined;
  addClipDraft(draft: ClipDraft): Promise<ClipSummary>;
  replaceClipDraft(id: string, draft: ClipDraft): Promise<ReanchorReport>;
  getClip(id: string): Promise<ClipDocument>;
  addHighlight(input: AddHighlightInput): Promise<AnchoredHighlight>;
  sendCommand(id: CommandId): void;
}

export type EndpointMethods = Pick<
  GlossApi,
  | 'getClipEndpoint'
  | 'regenerateClipToken'
  | 'setClipEndpointPort'
  | 'getBrowserUpdate'
  | 'applyBrowserUpdate'
  | 'discardBrowserUpdate'
> & {
  /** Starts the endpoint (the desktop app, at start); tests pass their own limits and size cap. */
  startClipEndpoint(opts?: { limits?: EndpointLimits; maxBytes?: number }): Promise<ClipEndpointInfo>;
  closeEndpoint(): Promise<void>;
};

/** How long a bookmarklet's token works: a stolen one stops working on its own. */
export const TOKEN_DAYS = 90;

const newToken = () => ({
  token: randomBytes(32).toString('base64url'),
  tokenExpiresAt: new Date(Date.now() + TOKEN_DAYS * 86_400_000).toISOString(),
});

/** How many answered requests `getClipEndpoint` lists. */
const RECENT = 20;

/** Builds the endpoint methods over the service. */
export function createEndpointMethods(deps: EndpointDeps): EndpointMethods {
  let running: RunningEndpoint | null = null;
  let failure: string | null = null;
  /** Set by startClipEndpoint: the app wants the endpoint up (the CLI and most tests never start it). */
  let wanted: { limits: EndpointLimits; maxBytes?: number } | null = null;
  const recent: EndpointRequestRecord[] = [];
  /** One port change at a time: a second waits for the first to settle. */
  let changing: Promise<unknown> = Promise.resolve();

  const serve = (port: number, exact: boolean) =>
    startClipEndpoint({
      port,
      exact,
      token: () => {
        const { token, tokenExpiresAt } = deps.settings.get().clipEndpoint;
        return { value: token, expiresAt: tokenExpiresAt };
      },
      clip,
      limits: wanted!.limits,
      maxBytes: wanted!.maxBytes,
      record: (entry) => {
        recent.unshift({ at: new Date().toISOString(), ...entry });
        recent.length = Math.min(recent.length, RECENT);
      },
    });

  const info = (): ClipEndpointInfo => ({
    running: running !== null,
    port: running?.port ?? null,
    bookmarklet: running ? bookmarkletUrl(running.port, deps.settings.get().clipEndpoint.token) : null,
    error: failure,
    tokenExpiresAt: deps.settings.get().clipEndpoint.tokenExpiresAt,
    recent: [...recent],
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

  async function clip(request: ClipRequest): Promise<ClipOutcome> {
    const draft =
      request.kind === 'pdf'
        ? await deps.fetchPdf(request.url, { origin: request.origin })
        : await deps.extract(request.html, { url: request.url, title: request.title });
    const selection = request.kind === 'page' ? request.selection : undefined;
    const existing = deps.findExisting(draft);
    if (existing) {
      // The page may be hostile (it can read the bookmarklet's token): the clip stays as it is until the
      // person has compared the new version and applied it.
      await savePendingUpdate(deps.libraryPath, {
        clipId: existing.id,
        receivedAt: new Date().toISOString(),
        origin: request.origin,
        draft,
        ...(selection && { selection }),
      });
      deps.sendCommand('reload-library');
      return { id: existing.id, title: existing.title, waiting: true };
    }
    const summary = await deps.addClipDraft(draft);
    if (selection) await highlightSelection(summary.id, selection).catch(() => undefined);
    deps.sendCommand('reload-library');
    return { id: summary.id, title: summary.title, waiting: false };
  }

  return {
    async getClipEndpoint() {
      return info();
    },

    async regenerateClipToken() {
      await deps.settings.update({ clipEndpoint: newToken() });
      return info();
    },

    async getBrowserUpdate({ id }) {
      const update = await readPendingUpdate(deps.libraryPath, id);
      if (!update) return null;
      const current = await deps.getClip(id).catch(() => null);
      if (!current) {
        await removePendingUpdate(deps.libraryPath, id);
        return null;
      }
      return describeUpdate(update, current.text);
    },

    async applyBrowserUpdate({ id }) {
      const update = await readPendingUpdate(deps.libraryPath, id);
      if (!update) throw new GlossError('not-found', 'No update from the browser waits for this clip.');
      const report = await deps.replaceClipDraft(id, update.draft);
      await removePendingUpdate(deps.libraryPath, id);
      if (update.selection) await highlightSelection(id, update.selection).catch(() => undefined);
      return report;
    },

    async discardBrowserUpdate({ id }) {
      await removePendingUpdate(deps.libraryPath, id);
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
      wanted = { limits: opts.limits ?? endpointLimits(), maxBytes: opts.maxBytes };
      const { token, tokenExpiresAt } = deps.settings.get().clipEndpoint;
      if (!token) await deps.settings.update({ clipEndpoint: newToken() });
      // A token from before tokens expired gets the full term from now, not an instant lock-out.
      else if (!tokenExpiresAt) await deps.settings.update({ clipEndpoint: { ...newToken(), token } });
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
