/**
 * Loopback Bot Connector: the routes of the Bot Framework channel service that the bot calls on `serviceUrl`.
 *
 *   POST   v3/conversations/{id}/activities                 send to conversation   → {id}
 *   POST   v3/conversations/{id}/activities/{activityId}    reply to activity      → {id}
 *   PUT    v3/conversations/{id}/activities/{activityId}    update activity        → {id}
 *   DELETE v3/conversations/{id}/activities/{activityId}    delete activity        → 200
 *   POST   v3/conversations                                 create conversation    → {id, activityId, serviceUrl}
 *   GET    v3/conversations/{id}/members[/{memberId}]       roster / one member
 *   GET    v3/conversations/{id}/pagedmembers               {members, continuationToken?}
 *   GET    v3/teams/{teamId}/conversations                  {conversations: [{id, name}]} (as Teams: the General
 *                                                            channel first, its id = the team id, no name)
 *   GET    v3/conversations/{teamId}/members/{userId}       a team member, or 404 MemberNotFoundInConversation
 *
 * Everything received is recorded in `received` (method, path, decoded ids, JSON body, whether and how the
 * request was authorised). `waitFor(predicate)` resolves from that record stream — no sleeping.
 * Only 127.0.0.1 is listened on.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: string;
}

export interface ReceivedRequest {
  method: string;
  /** Path without the query, URL-decoded segments re-joined (e.g. v3/conversations/19:abc@thread.tacv2;messageid=1/activities). */
  path: string;
  /** Which operation it was. */
  route:
    | 'sendToConversation'
    | 'replyToActivity'
    | 'updateActivity'
    | 'deleteActivity'
    | 'createConversation'
    | 'getMembers'
    | 'getMember'
    | 'getPagedMembers'
    | 'getTeamChannels'
    | 'unknown';
  conversationId?: string;
  activityId?: string;
  /** Parsed JSON body (activities, conversation parameters), if any. */
  body?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The Authorization header split into scheme and token (only ever test tokens here). */
  authorization?: { scheme: string; token: string };
  status: number;
}

export interface BotConnector {
  /** Use as the activities' serviceUrl (ends with '/'). */
  serviceUrl: string;
  received: ReceivedRequest[];
  /** Activities the bot sent or replied (in order). */
  activities(): any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Text of every message activity the bot sent. */
  texts(): string[];
  waitFor(predicate: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  /** Forget what was received so far. */
  reset(): void;
  /** Members returned by the roster routes. */
  members: ConnectorMember[];
  /** Channels returned for a team (after its General channel), unless `teams` names the team. */
  channels: { id: string; name?: string }[];
  /** Teams with their own channels (after General) and roster; a team's roster answers GET members/{userId}. */
  teams: Map<string, { channels: { id: string; name: string }[]; members: ConnectorMember[] }>;
  /** Make the next N requests fail with this status (e.g. 403 BotNotInConversationRoster). */
  failNext(status: number, code: string, count?: number): void;
  close(): Promise<void>;
}

export const DEFAULT_MEMBERS: ConnectorMember[] = [
  {
    id: '29:1kari-normann',
    name: 'Kari Nordmann',
    aadObjectId: '6b1e0e6e-1111-4c39-9d1b-0a1b2c3d4e5f',
    userPrincipalName: 'kari@contoso.example',
    email: 'kari@contoso.example',
    givenName: 'Kari',
    surname: 'Nordmann',
    tenantId: 'a1b2c3d4-0000-4000-8000-000000000001',
    userRole: 'user',
  },
  {
    id: '29:1ola-hansen',
    name: 'Ola Hansen',
    aadObjectId: '7c2f1f7f-2222-4c39-9d1b-0a1b2c3d4e5f',
    userPrincipalName: 'ola@contoso.example',
    email: 'ola@contoso.example',
    givenName: 'Ola',
    surname: 'Hansen',
    tenantId: 'a1b2c3d4-0000-4000-8000-000000000001',
    userRole: 'user',
  },
];

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBotConnector(): Promise<BotConnector> {
  const received: ReceivedRequest[] = [];
  const waiters: { predicate: (r: ReceivedRequest) => boolean; resolve: (r: ReceivedRequest) => void }[] = [];
  let counter = 0;
  let failures: { status: number; code: string; remaining: number } | undefined;
  const members = DEFAULT_MEMBERS.map((m) => ({ ...m }));
  const channels: { id: string; name?: string }[] = [];
  const teams = new Map<string, { channels: { id: string; name: string }[]; members: ConnectorMember[] }>();

  const nextId = () => {
    counter += 1;
    return `1:${String(1700000000000 + counter)}`;
  };

  const record = (entry: ReceivedRequest) => {
    received.push(entry);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(entry)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const header = req.headers.authorization;
    const authorization = header ? { scheme: header.split(' ')[0], token: header.split(' ').slice(1).join(' ') } : undefined;

    const reply = (status: number, payload: unknown, entry: Omit<ReceivedRequest, 'status' | 'method' | 'path' | 'body' | 'authorization'>) => {
      record({ method, path: segments.join('/'), body, authorization, status, ...entry });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };

    // v3/conversations/{id}/...
    const [v3, kind, id, sub, subId] = segments;
    let route: ReceivedRequest['route'] = 'unknown';
    if (v3 === 'v3' && kind === 'conversations') {
      if (!id && method === 'POST') route = 'createConversation';
      else if (id && sub === 'activities' && !subId && method === 'POST') route = 'sendToConversation';
      else if (id && sub === 'activities' && subId && method === 'POST') route = 'replyToActivity';
      else if (id && sub === 'activities' && subId && method === 'PUT') route = 'updateActivity';
      else if (id && sub === 'activities' && subId && method === 'DELETE') route = 'deleteActivity';
      else if (id && sub === 'members' && !subId && method === 'GET') route = 'getMembers';
      else if (id && sub === 'members' && subId && method === 'GET') route = 'getMember';
      else if (id && sub === 'pagedmembers' && method === 'GET') route = 'getPagedMembers';
    } else if (v3 === 'v3' && kind === 'teams' && id && sub === 'conversations' && method === 'GET') {
      route = 'getTeamChannels';
    }
    const ids = { conversationId: kind === 'conversations' ? id : undefined, activityId: sub === 'activities' ? subId : undefined };

    if (failures && failures.remaining > 0 && route !== 'unknown') {
      failures.remaining -= 1;
      const { status, code } = failures;
      if (failures.remaining === 0) failures = undefined;
      reply(status, { error: { code, message: `Simulated ${code}` } }, { route, ...ids });
      return;
    }

    switch (route) {
      case 'sendToConversation':
      case 'replyToActivity':
        reply(200, { id: nextId() }, { route, ...ids });
        return;
      case 'updateActivity':
        reply(200, { id: subId }, { route, ...ids });
        return;
      case 'deleteActivity':
        reply(200, undefined, { route, ...ids });
        return;
      case 'createConversation': {
        const conversationId = `a:1new-conversation-${counter + 1}`;
        reply(201, { id: conversationId, activityId: nextId(), serviceUrl: `http://127.0.0.1:${port()}/` }, { route, ...ids });
        return;
      }
      case 'getMembers':
        reply(200, members, { route, ...ids });
        return;
      case 'getMember': {
        const roster = teams.get(id ?? '')?.members ?? members;
        const member = roster.find((m) => m.id === subId || m.aadObjectId === subId);
        if (member) reply(200, member, { route, ...ids });
        else reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } }, { route, ...ids });
        return;
      }
      case 'getPagedMembers': {
        const pageSize = Number(url.searchParams.get('pageSize') ?? '100') || 100;
        const start = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
        const page = members.slice(start, start + pageSize);
        const next = start + pageSize < members.length ? String(start + pageSize) : undefined;
        reply(200, { members: page, ...(next ? { continuationToken: next } : {}) }, { route, ...ids });
        return;
      }
      case 'getTeamChannels':
        // Teams lists the General channel first: its id is the team id and it comes without a name.
        reply(200, { conversations: [{ id }, ...(teams.get(id)?.channels ?? channels)] }, { route, conversationId: id });
        return;
      default:
        reply(404, { error: { code: 'NotFound', message: `No route for ${method} ${url.pathname}` } }, { route, ...ids });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  const serviceUrl = `http://127.0.0.1:${port()}/`;

  const isActivityRoute = (r: ReceivedRequest) => r.route === 'sendToConversation' || r.route === 'replyToActivity';

  return {
    serviceUrl,
    received,
    members,
    channels,
    teams,
    activities: () => received.filter(isActivityRoute).map((r) => r.body),
    texts: () =>
      received
        .filter(isActivityRoute)
        .map((r) => r.body)
        .filter((a) => a && a.type === 'message' && typeof a.text === 'string')
        .map((a) => a.text as string),
    waitFor(predicate, timeoutMs = 2000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedRequest>((resolve, reject) => {
        // The timer is only a failsafe so a broken test fails with a message instead of hanging.
        const timer = setTimeout(() => {
          waiters.splice(waiters.findIndex((w) => w.resolve === done), 1);
          reject(new Error(`waitFor: nothing matching arrived within ${timeoutMs} ms; received: ${JSON.stringify(received.map((r) => `${r.method} ${r.path}`))}`));
        }, timeoutMs);
        const done = (r: ReceivedRequest) => {
          clearTimeout(timer);
          resolve(r);
        };
        waiters.push({ predicate, resolve: done });
      });
    },
    reset() {
      received.length = 0;
    },
    failNext(status, code, count = 1) {
      failures = { status, code, remaining: count };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
