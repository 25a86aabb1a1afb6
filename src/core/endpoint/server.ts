/**
 * Starting the clip endpoint: an HTTP server bound to 127.0.0.1 only (never all interfaces), on the
 * preferred port or, when that is taken, the next free one of a few, else any free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GlossError } from '../errors';
import { createClipHandler, type HandlerOptions } from './handler';

export interface RunningEndpoint {
  port: number;
  close(): Promise<void>;
}

/** How many ports after the preferred one are tried before any free port is taken. */
const PORT_TRIES = 10;

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the endpoint on loopback, preferring `port`; with `exact`, on that port only (a `port-busy`
 * error when another program holds it), for a port the person chose.
 */
export async function startClipEndpoint(
  opts: HandlerOptions & { port: number; exact?: boolean },
): Promise<RunningEndpoint> {
  let bound = 0;
  const handle = createClipHandler(opts, () => bound);
  const server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
  // Slow or stalled senders must not hold sockets open forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;
  const candidates = opts.exact
    ? [opts.port]
    : [...Array.from({ length: PORT_TRIES }, (_, i) => opts.port + i).filter((p) => p > 0 && p < 65536), 0];
  let listening = false;
  for (const candidate of candidates) {
    listening = await listen(server, candidate);
    if (listening) break;
  }
  if (!listening) throw new GlossError('port-busy', `Port ${opts.port} is in use by another program (or not allowed).`);
  bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
