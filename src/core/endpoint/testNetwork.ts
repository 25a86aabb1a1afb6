/** Test helpers: real HTTP requests to a clip endpoint on 127.0.0.1, and loopback ports held or free. */
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';

/** A real HTTP request; returns status, headers and the body text. */
export function send(
  port: number,
  opts: { method?: string; path?: string; body?: string; type?: string; host?: string; origin?: string },
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'POST',
        path: opts.path ?? '/clip',
        headers: {
          'content-type': opts.type ?? 'text/plain;charset=utf-8',
          ...(opts.host && { host: opts.host }),
          ...(opts.origin && { origin: opts.origin }),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Holds a loopback port the way another program would; `port` 0 takes any free one. */
export async function occupyPort(port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()));
  return { port: (server.address() as { port: number }).port, server };
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const { port, server } = await occupyPort();
  await new Promise((ok) => server.close(ok));
  return port;
}
