/**
 * A loopback Application Insights ingestion endpoint: records every POST /v2.1/track body and answers as the
 * service does (200 with itemsReceived/itemsAccepted, or what the test queues: 503, 206 with per-item errors…).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Envelope } from '../../src/appInsights';

export interface Ingestion {
  /** IngestionEndpoint for the connection string, e.g. http://127.0.0.1:PORT/ */
  endpoint: string;
  posts: { path: string; contentType: string | undefined; envelopes: Envelope[] }[];
  /** Answers for the next posts, in order (then 200). */
  answers: { status: number; body?: unknown }[];
  /** Resolves once `count` posts have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startIngestion(): Promise<Ingestion> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const posts: Ingestion['posts'] = [];
  const answers: Ingestion['answers'] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const envelopes = JSON.parse(text) as Envelope[];
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'], envelopes });
      const answer = answers.shift() ?? { status: 200, body: { itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] } };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body ?? {}));
      for (const w of waiters.filter((w) => posts.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    posts,
    answers,
    received: (count) => (posts.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
