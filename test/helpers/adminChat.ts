/**
 * An admin chatting with the real SyncHelper (started as `npm start` does) over HTTP, with the loopback Bot
 * Connector recording what the bot sends and a sample tenant the test controls. Reads like the conversation:
 *   await admin.say("my group 'Salg Oslo' won't update"); await admin.click('issue.mode', { mode: 'live' });
 */
import { start, type RunningSyncHelper, type StartSeams } from '../../src/index';
import { loadConfig } from '../../src/config';
import type { RunningServer } from '../../src/server';
import { fixedClock, type Clock } from '../../src/clock';
import type { Budgets } from '../../src/deadline';
import { startSampleTenant, type SampleTenant } from '../../src/sampleTenant';
import { startBotConnector, type BotConnector } from './botConnector';
import { teamsActivities, type Scope, type Account } from './teamsActivity';
import { currentTestFile, recordTraffic } from './graphTraffic';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const NOW = '2026-11-21T09:00:00Z';

let admins = 0;
/** A new Teams user (29:… id, AAD object id) for one scenario. */
export function newAdmin(name = 'Admin'): Account {
  admins += 1;
  const n = String(admins).padStart(4, '0');
  return { id: `29:1admin-${n}`, name: `${name} ${n}`, aadObjectId: `00000000-0000-4000-8000-00000000${n}` };
}

export interface World {
  bot: RunningSyncHelper;
  tenant: SampleTenant;
  connector: BotConnector;
  clock: Clock;
  /** Every wait the Graph client asked for (Retry-After honoured without real sleeping). */
  waits: number[];
  /** `via`: another instance to talk to (see startInstance); default the world's bot. */
  chat(opts?: { scope?: Scope; from?: Account; locale?: string; via?: RunningServer }): AdminChat;
  /** A second (third…) bot instance with the same configuration: same storage, tenant and connector. */
  startInstance(): Promise<RunningSyncHelper>;
  /**
   * Stops the bot process and starts a new one with the same configuration (same storage settings, tenant and
   * connector), as a redeploy or crash would. Chats opened before keep talking to the new bot at its new URL.
   */
  restartBot(): Promise<void>;
  close(): Promise<void>;
}

/** A clock the test moves forward ("five minutes later…") without waiting. */
export class TestClock implements Clock {
  private at = Date.parse(NOW);
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export async function startWorld(
  env: Record<string, string> = {},
  opts: { tenant?: Parameters<typeof startSampleTenant>[0]; clock?: Clock; budgets?: Budgets; seams?: Pick<StartSeams, 'watchPolling'> } = {},
): Promise<World> {
  const clock = opts.clock ?? fixedClock(NOW);
  // Every Graph round trip of the end-to-end suites goes to .graph-traffic/ for the conformance check (jest globalTeardown).
  const tenant = await startSampleTenant({ clock, onExchange: recordTraffic(currentTestFile()), ...(opts.tenant ?? {}) });
  const connector = await startBotConnector();
  const waits: number[] = [];
  const seams: StartSeams = { clock, graphSleep: async (ms) => void waits.push(ms), ...(opts.budgets ? { budgets: opts.budgets } : {}), ...(opts.seams ?? {}) };
  // The connector is the one local channel this sample-mode bot may answer.
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', GRAPH_BASE_URL: tenant.url, SAMPLE_SERVICE_URLS: connector.serviceUrl, ...env });
  const instances: RunningSyncHelper[] = [];
  const world: World = {
    bot: await start(config, seams),
    tenant,
    connector,
    clock,
    waits,
    // Each chat is a different admin unless told otherwise: their own conversation, dialog state and sign-in.
    chat: (o = {}) => new AdminChat(() => (o.via ?? world.bot).url, connector, o.scope ?? 'personal', o.from ?? newAdmin(), o.locale ?? 'en-US'),
    startInstance: async () => {
      const instance = await start(config, seams);
      instances.push(instance);
      return instance;
    },
    restartBot: async () => {
      await world.bot.close();
      world.bot = await start(config, seams);
    },
    close: async () => {
      for (const instance of instances) await instance.close();
      await world.bot.close();
      await connector.close();
      await tenant.close();
      process.env.LOG_LEVEL = 'silent';
    },
  };
  return world;
}

export interface Turn {
  status: number;
  /** The invoke response body (Action.Execute). */
  body: any;
  /** Activities the bot sent to the connector during this turn. */
  activities: any[];
}

export class AdminChat {
  private readonly teams;
  /** Cards received so far, newest last. */
  readonly cards: any[] = [];

  constructor(
    /** The bot's base URL, or a getter for it (it changes when the world restarts the bot). */
    private readonly url: string | (() => string),
    private readonly connector: BotConnector,
    private readonly scope: Scope,
    private readonly from: Account,
    private readonly locale: string,
  ) {
    this.teams = teamsActivities(connector.serviceUrl);
  }

  private async post(activity: any): Promise<Turn> {
    activity.locale = this.locale;
    const before = this.connector.activities().length;
    const res = await fetch(`${typeof this.url === 'function' ? this.url() : this.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    const activities = this.connector.activities().slice(before);
    for (const a of activities) for (const att of a.attachments ?? []) if (att.contentType === 'application/vnd.microsoft.card.adaptive') this.cards.push(att.content);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body, activities };
  }

  say(text: string): Promise<Turn> {
    const o = { from: this.from, locale: this.locale };
    const activity =
      this.scope === 'personal' ? this.teams.personalMessage(text, o) : this.scope === 'groupChat' ? this.teams.groupChatMessage(text, o) : this.teams.channelPost(text, o);
    return this.post(activity);
  }

  /** Clicks the newest card button with this verb (and matching data, if given), as Action.Execute or Action.Submit. */
  click(verb: string, match: Record<string, unknown> = {}, opts: { via?: 'execute' | 'submit'; inputs?: Record<string, unknown> } = {}): Promise<Turn> {
    const action = this.findAction(verb, match);
    if (!action) throw new Error(`no "${verb}" button ${JSON.stringify(match)} on the cards received: ${this.cards.map(actionVerbs).join(' | ')}`);
    const data = { ...action.data, ...(opts.inputs ?? {}) };
    const o = { from: this.from, locale: this.locale };
    return this.post(opts.via === 'submit' ? this.teams.submit(data, this.scope, o) : this.teams.execute(verb, data, this.scope, o));
  }

  findAction(verb: string, match: Record<string, unknown> = {}): any {
    for (let i = this.cards.length - 1; i >= 0; i--) {
      const found = allActions(this.cards[i]).find(
        (a) => a.data?.verb === verb && Object.entries(match).every(([k, v]) => JSON.stringify(a.data?.[k]) === JSON.stringify(v)),
      );
      if (found) return found;
    }
    return undefined;
  }

  /** The newest verdict card (it has finding-* element ids). */
  lastVerdict(): any {
    return [...this.cards].reverse().find((c) => findingIds(c).length > 0);
  }
}

export function allActions(node: any, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => allActions(n, out));
  else if (node && typeof node === 'object') {
    if ((node.type === 'Action.Execute' || node.type === 'Action.Submit') && node.data) out.push(node);
    Object.values(node).forEach((v) => allActions(v, out));
  }
  return out;
}

function actionVerbs(card: any): string {
  return allActions(card).map((a) => a.data?.verb).join(',');
}

/** Finding ids of a verdict card, most important first ("G1.1.synced", …). */
export function findingIds(card: any): string[] {
  const ids: string[] = [];
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.id === 'string') {
      const m = /^finding-\d+-(.+)$/.exec(node.id);
      if (m) ids.push(m[1]);
    }
    Object.values(node).forEach(visit);
  };
  visit(card);
  return ids;
}

/** All visible text of a card (TextBlocks and facts), for "the card says…" assertions. */
export function cardText(card: any): string {
  const parts: string[] = [];
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') parts.push(node.text);
    if (typeof node.title === 'string' && typeof node.value === 'string') parts.push(`${node.title}: ${node.value}`);
    Object.values(node).forEach(visit);
  };
  visit(card?.body ?? card);
  return parts.join('\n');
}

/** Graph round trips the tenant saw since `from` (an index into tenant.requests). */
export function roundTripsSince(tenant: SampleTenant, from: number): number {
  return tenant.requests.length - from;
}
