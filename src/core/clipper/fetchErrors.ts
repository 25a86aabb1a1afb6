/**
 * Turning network failures into one-line messages a person can act on. Node's fetch (undici)
 * reports them as `TypeError('fetch failed')` with the system error code on `cause`.
 */
import { STATUS_CODES } from 'node:http';
import { GlossError } from '../errors';

function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** A `GlossError('unreachable', …)` describing why `host` could not be reached. */
export function connectionError(error: unknown, host: string): GlossError {
  const code = causeCode(error);
  let message: string;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      message = `Could not find ${host}: check the address and your connection.`;
      break;
    case 'ECONNREFUSED':
      message = `${host} refused the connection.`;
      break;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      message = `The connection to ${host} was cut off before the page arrived.`;
      break;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      message = `Could not connect to ${host}: the connection timed out.`;
      break;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      message = `Could not reach ${host}: the network is unreachable.`;
      break;
    default:
      message =
        code && /CERT|SSL|TLS|SELF_SIGNED/.test(code)
          ? `${host} has an invalid security certificate, so the page was not loaded.`
          : `Could not reach ${host}${code ? ` (${code})` : ''}.`;
  }
  return new GlossError('unreachable', message, { cause: error });
}

/** A `GlossError('http-status', …)` for an error status. */
export function statusError(status: number, statusText: string, host: string): GlossError {
  const text = statusText || STATUS_CODES[status] || 'Error';
  return new GlossError('http-status', `The server ${host} answered ${status} ${text}.`);
}

const FRIENDLY_TYPES: Array<[RegExp, string]> = [
  [/^application\/pdf$/, 'a PDF document'],
  [/^image\//, 'an image'],
  [/^video\//, 'a video'],
  [/^audio\//, 'an audio file'],
  [/json$/, 'JSON data'],
  [/^text\/plain$/, 'plain text'],
  [/^text\/css$/, 'a stylesheet'],
  [/javascript$|ecmascript$/, 'a script'],
  [/xml$/, 'XML data'],
  [/zip|octet-stream|compressed|tar|gzip/, 'a file download'],
];

/** A `GlossError('unsupported-content', …)` naming what the server sent instead of a page. */
export function contentTypeError(mime: string, host: string): GlossError {
  const friendly = FRIENDLY_TYPES.find(([re]) => re.test(mime))?.[1] ?? 'something that is not a web page';
  return new GlossError(
    'unsupported-content',
    `${host} sent ${friendly} (${mime}), not a web page; Gloss can only clip web pages.`,
  );
}
