/**
 * Answering an HTTP request before its turn ends: the early answer goes out once, exactly as given, and the
 * adapter's own answer at the end of the turn changes nothing — over a real loopback HTTP exchange.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { earlyAnswerable } from '../../src/bot/answerNow';
import { BotHttpResponse } from '../../src/server';

async function exchange(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<{ status: number; body: string }> {
  let done: Promise<void> = Promise.resolve();
  const server = createServer((req, res) => {
    done = handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const body = await res.text();
    await done;
    return { status: res.status, body };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('answering a card click before the turn ends', () => {
  it('the early answer is what the client gets; the late status/send/end of the adapter are ignored', async () => {
    const late: boolean[] = [];
    const got = await exchange(async (_req, res) => {
      const early = earlyAnswerable(new BotHttpResponse(res));
      expect(early.answerNow(200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Checking…' })).toBe(true);
      expect(early.answerNow(500, 'again')).toBe(false);
      // What CloudAdapter does when the turn is over:
      early.res.status(200);
      early.res.send({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} });
      early.res.end();
      late.push(res.writableEnded);
    });
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Checking…' });
    expect(late).toEqual([true]);
  });

  it('without an early answer the adapter answers as usual', async () => {
    const got = await exchange(async (_req, res) => {
      const early = earlyAnswerable(new BotHttpResponse(res));
      early.res.status(401);
      early.res.send('Unauthorized');
      early.res.end();
    });
    expect(got).toEqual({ status: 401, body: 'Unauthorized' });
  });
});
