import { createGraphClient, type RoundTripInfo } from '../../src/graph/client';
import { filterEq, query } from '../../src/graph/odata';
import { toFailed } from '../../src/graph/errors';
import { type Loopback, pathOf, queryOf, recordingSleep, startLoopback } from './helpers/loopback';

const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbkBjb250b3NvIn0.secret-signature-xyz';

describe('Graph client mechanics (against a loopback server over http)', () => {
  const servers: Loopback[] = [];
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
  });
  async function serve(handler: Parameters<typeof startLoopback>[0]): Promise<Loopback> {
    const s = await startLoopback(handler);
    servers.push(s);
    return s;
  }

  it('sends the bearer token to the configured http:// base URL and reads the JSON answer', async () => {
    const server = await serve(() => ({ status: 200, body: { id: 'org-1', displayName: 'Contoso' } }));
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const org = await api.get<{ id: string }>('/organization/org-1?$select=id,displayName');
    expect(org).toEqual({ ok: true, value: { id: 'org-1', displayName: 'Contoso' } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(pathOf(server.requests[0].url)).toBe('/organization/org-1');
    expect(server.requests[0].url.startsWith('/v1.0/')).toBe(true);
  });

  it('asks a token function for a fresh token on every request', async () => {
    const server = await serve(() => ({ status: 200, body: {} }));
    let n = 0;
    const api = createGraphClient({ accessToken: async () => `tok-${++n}`, baseUrl: server.url });
    await api.get('/me');
    await api.get('/me');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('follows an http @odata.nextLink on the same server, and never follows one to another host', async () => {
    const elsewhere = await serve(() => ({ status: 200, body: { value: [{ id: 'stolen' }] } }));
    const server = await serve((req) => {
      const q = queryOf(req);
      if (q.get('$skiptoken') === 'p2') {
        return { status: 200, body: { value: [{ id: 'c' }], '@odata.nextLink': `${elsewhere.url}/v1.0/groups?$skiptoken=p3` } };
      }
      return { status: 200, body: { value: [{ id: 'a' }, { id: 'b' }], '@odata.nextLink': `${server.url}/v1.0/groups?$select=id&$skiptoken=p2` } };
    });
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const all = await api.getAll<{ id: string }>('/groups?$select=id');
    expect(all).toEqual({ ok: true, value: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    expect(server.requests).toHaveLength(2);
    expect(queryOf(server.requests[1]).get('$skiptoken')).toBe('p2');
    expect(server.requests[1].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('stops paging after maxPages', async () => {
    const server = await serve((req) => ({
      status: 200,
      body: { value: [{ id: req.url }], '@odata.nextLink': `${server.url}/v1.0/users?$skiptoken=${server.requests.length}` },
    }));
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const all = await api.getAll('/users', 3);
    expect(all.ok && all.value).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
  });

  it('never writes the token to the log, even when a request fails', async () => {
    const server = await serve(() => undefined);
    const writes: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (writes.push(String(s)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (writes.push(String(s)), true));
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'debug';
    try {
      const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, timeoutMs: 50 });
      await api.get('/organization');
      const closed = createGraphClient({ accessToken: TOKEN, baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 });
      await closed.get('/organization');
    } finally {
      process.env.LOG_LEVEL = level;
      out.mockRestore();
      err.mockRestore();
    }
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.join('')).not.toContain('secret-signature-xyz');
    expect(writes.join('')).not.toContain('eyJhbGciOiJub25lIn0');
  });

  it('encodes OData literals so "Sales O\'Brien" and "Økonomi Bærum" reach the server intact', async () => {
    const server = await serve(() => ({ status: 200, body: { value: [] } }));
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    await api.get(`/groups${query({ $filter: filterEq('displayName', "Sales O'Brien"), $select: 'id,displayName', $top: 10 })}`);
    await api.get(`/groups${query({ $filter: filterEq('displayName', 'Økonomi Bærum & Co') })}`);
    expect(queryOf(server.requests[0]).get('$filter')).toBe("displayName eq 'Sales O''Brien'");
    expect(queryOf(server.requests[0]).get('$select')).toBe('id,displayName');
    expect(queryOf(server.requests[0]).get('$top')).toBe('10');
    expect(queryOf(server.requests[1]).get('$filter')).toBe("displayName eq 'Økonomi Bærum & Co'");
    expect(server.requests[1].url).not.toMatch(/[ Øæ]/);
  });

  it('retries a 503 with exponential back-off when there is no Retry-After, then succeeds', async () => {
    let calls = 0;
    const server = await serve(() => (++calls === 1 ? { status: 503, body: { error: { code: 'serviceNotAvailable' } } } : { status: 200, body: { id: 'x' } }));
    const { sleep, waits } = recordingSleep();
    const trips: RoundTripInfo[] = [];
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep, onRoundTrip: (i) => trips.push(i) });
    const res = await api.get<{ id: string }>('/organization');
    expect(res).toEqual({ ok: true, value: { id: 'x' } });
    expect(waits).toEqual([1000]);
    expect(trips.map((t) => [t.status, t.attempt])).toEqual([
      [503, 0],
      [200, 1],
    ]);
    expect(JSON.stringify(trips)).not.toContain(TOKEN);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    let calls = 0;
    const server = await serve(() =>
      ++calls === 1 ? { status: 429, headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:05 GMT' } } : { status: 200, body: {} },
    );
    const { sleep, waits } = recordingSleep();
    const now = () => Date.parse('Wed, 21 Oct 2026 07:28:02 GMT');
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep, now });
    expect((await api.get('/me')).ok).toBe(true);
    expect(waits).toEqual([3000]);
  });

  it('gives up with Failed 429 when Retry-After is beyond the retry budget', async () => {
    const server = await serve(() => ({
      status: 429,
      headers: { 'Retry-After': '30' },
      body: { error: { code: 'TooManyRequests', message: 'Slow down' } },
    }));
    const { sleep, waits } = recordingSleep();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep, retryBudgetMs: 8000 });
    const res = await api.get('/subscribedSkus?$select=skuId');
    // The client-request-id we sent travels with the failure (for a support case).
    expect(res).toEqual({ ok: false, status: 429, code: 'TooManyRequests', message: 'Slow down', request: 'GET /subscribedSkus', clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops after maxRetries even when the budget would allow more', async () => {
    const server = await serve(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const { sleep, waits } = recordingSleep();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep, maxRetries: 2, retryBudgetMs: 60_000 });
    const res = await api.get('/me');
    expect(res.ok).toBe(false);
    expect(waits).toEqual([1000, 1000]);
    expect(server.requests).toHaveLength(3);
  });

  it('turns a server that never answers into Failed status 0 "timeout"', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, timeoutMs: 80 });
    const res = await api.get('/organization?$select=id');
    expect(res).toMatchObject({ ok: false, status: 0, code: 'timeout', request: 'GET /organization' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns a refused connection into Failed status 0 "network"', async () => {
    const server = await serve(() => ({ status: 200 }));
    const url = server.url;
    await servers.pop()!.close();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: url, timeoutMs: 2000 });
    const res = await api.get('/organization');
    expect(res).toMatchObject({ ok: false, status: 0, code: 'network', request: 'GET /organization' });
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => createGraphClient({ accessToken: TOKEN, baseUrl: 'ftp://graph.example' })).toThrow(/http/);
  });

  it('posts JSON and reads a 204 without a body', async () => {
    const server = await serve(() => ({ status: 204 }));
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const res = await api.post('/servicePrincipals/sp/synchronization/jobs/j/restart', { criteria: { resetScope: 'Full' } });
    expect(res).toEqual({ ok: true, value: undefined });
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].headers['content-type']).toMatch(/application\/json/);
    expect(server.requests[0].body).toEqual({ criteria: { resetScope: 'Full' } });
  });
});

describe('$batch', () => {
  const servers: Loopback[] = [];
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
  });

  type Sub = { id: string; method: string; url: string; dependsOn?: string[] };
  async function batchServer(answer: (sub: Sub, round: number) => { status: number; headers?: Record<string, string>; body?: unknown }) {
    let round = 0;
    const s = await startLoopback((req) => {
      if (req.method !== 'POST' || pathOf(req.url) !== '/$batch') return { status: 404 };
      round++;
      const subs = (req.body as { requests: Sub[] }).requests;
      return { status: 200, body: { responses: subs.map((sub) => ({ id: sub.id, ...answer(sub, round) })) } };
    });
    servers.push(s);
    return s;
  }

  it('splits 45 reads into three $batch calls of at most 20 and answers every id', async () => {
    const server = await batchServer((sub) => ({ status: 200, body: { url: sub.url } }));
    const trips: RoundTripInfo[] = [];
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, onRoundTrip: (i) => trips.push(i) });
    const reqs = Array.from({ length: 45 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/users/u${i}?$select=id` }));
    const res = await api.batch(reqs);
    expect(server.requests).toHaveLength(3);
    const sizes = server.requests.map((r) => (r.body as { requests: unknown[] }).requests.length).sort((a, b) => a - b);
    expect(sizes).toEqual([5, 20, 20]);
    expect(res.size).toBe(45);
    expect(res.get('r44')).toMatchObject({ status: 200, body: { url: '/users/u44?$select=id' } });
    expect(trips).toHaveLength(3);
    expect(trips.every((t) => t.method === 'POST' && t.path === '/$batch')).toBe(true);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('keeps a dependsOn chain in one chunk', async () => {
    const server = await batchServer(() => ({ status: 200, body: {} }));
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const reqs = Array.from({ length: 19 }, (_, i) => ({ id: `a${i}`, method: 'GET', url: '/me' }));
    reqs.push({ id: 'first', method: 'GET', url: '/me' }, { id: 'second', method: 'GET', url: '/me', dependsOn: ['first'] } as never);
    await api.batch(reqs);
    const chunkOf = (id: string) => server.requests.findIndex((r) => (r.body as { requests: Sub[] }).requests.some((s) => s.id === id));
    expect(chunkOf('first')).toBe(chunkOf('second'));
    const second = server.requests.flatMap((r) => (r.body as { requests: Sub[] }).requests).find((s) => s.id === 'second');
    expect(second?.dependsOn).toEqual(['first']);
  });

  it('reports a 403 sub-request as Failed while the other parts succeed', async () => {
    const server = await batchServer((sub) =>
      sub.id === 'org'
        ? { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } }
        : { status: 200, body: { value: [] } },
    );
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url });
    const res = await api.batch([
      { id: 'roles', method: 'GET', url: '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id' },
      { id: 'org', method: 'GET', url: '/organization?$select=id' },
    ]);
    expect(res.get('roles')?.status).toBe(200);
    expect(toFailed(res.get('org')!, 'GET /organization')).toEqual({
      ok: false,
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
      request: 'GET /organization',
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/), // the $batch request's, which the part inherits
    });
    expect(server.requests).toHaveLength(1);
  });

  it('retries only the throttled sub-request, after the Retry-After it asked for', async () => {
    const server = await batchServer((sub, round) =>
      sub.id === 'skus' && round === 1
        ? { status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } }
        : { status: 200, body: { round } },
    );
    const { sleep, waits } = recordingSleep();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep });
    const res = await api.batch([
      { id: 'org', method: 'GET', url: '/organization' },
      { id: 'skus', method: 'GET', url: '/subscribedSkus' },
      { id: 'roles', method: 'GET', url: '/me/transitiveMemberOf' },
    ]);
    expect(waits).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
    expect((server.requests[1].body as { requests: Sub[] }).requests.map((s) => s.id)).toEqual(['skus']);
    expect(res.get('skus')).toMatchObject({ status: 200, body: { round: 2 } });
    expect(res.get('org')).toMatchObject({ status: 200, body: { round: 1 } });
  });

  it('leaves a sub-request as Failed 429 when its Retry-After exceeds the remaining budget', async () => {
    const server = await batchServer((sub) =>
      sub.id === 'logs' ? { status: 429, headers: { 'retry-after': '5' }, body: { error: { code: 'TooManyRequests' } } } : { status: 200, body: {} },
    );
    const { sleep, waits } = recordingSleep();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: server.url, sleep, retryBudgetMs: 12_000 });
    const res = await api.batch([
      { id: 'jobs', method: 'GET', url: '/servicePrincipals/sp/synchronization/jobs' },
      { id: 'logs', method: 'GET', url: '/auditLogs/provisioning' },
    ]);
    // 5 s + 5 s fit the 12 s budget, the third 5 s does not.
    expect(waits).toEqual([5000, 5000]);
    expect(server.requests).toHaveLength(3);
    expect(toFailed(res.get('logs')!)).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(res.get('jobs')?.status).toBe(200);
  });

  it('retries a 503 for the whole $batch call at the HTTP level', async () => {
    let calls = 0;
    const s = await startLoopback((req) => {
      if (++calls === 1) return { status: 503, headers: { 'Retry-After': '2' } };
      const subs = (req.body as { requests: Sub[] }).requests;
      return { status: 200, body: { responses: subs.map((x) => ({ id: x.id, status: 200, body: {} })) } };
    });
    servers.push(s);
    const { sleep, waits } = recordingSleep();
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: s.url, sleep });
    const res = await api.batch([{ id: 'me', method: 'GET', url: '/me' }]);
    expect(waits).toEqual([2000]);
    expect(res.get('me')?.status).toBe(200);
  });

  it('gives every sub-request the transport failure when the $batch call times out', async () => {
    const s = await startLoopback(() => undefined);
    servers.push(s);
    const api = createGraphClient({ accessToken: TOKEN, baseUrl: s.url, timeoutMs: 60 });
    const res = await api.batch([
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'b', method: 'GET', url: '/organization' },
    ]);
    expect(toFailed(res.get('a')!)).toMatchObject({ status: 0, code: 'timeout' });
    expect(toFailed(res.get('b')!)).toMatchObject({ status: 0, code: 'timeout' });
  });
});
