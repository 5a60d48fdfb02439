/** A tiny Graph-shaped HTTP server on 127.0.0.1 for the client mechanics tests. */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Logged {
  method: string;
  /** Raw request target as received (path + query, still percent-encoded). */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Return undefined to never answer (for timeout tests). */
export type Handler = (req: Logged) => Reply | undefined | Promise<Reply | undefined>;

export interface Loopback {
  url: string;
  requests: Logged[];
  close(): Promise<void>;
}

export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: Logged[] = [];
  const sockets = new Set<import('net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const logged: Logged = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      requests.push(logged);
      const reply = await handler(logged);
      if (!reply) return; // never answer
      const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(payload);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The decoded query of a logged request target. */
export function queryOf(logged: Logged): URLSearchParams {
  return new URL(logged.url, 'http://x').searchParams;
}

/** The path of a logged request target, without the /v1.0 prefix. */
export function pathOf(url: string): string {
  return decodeURIComponent(new URL(url, 'http://x').pathname).replace(/^\/v1\.0/, '');
}

/** A recording sleep: no real waiting. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
