/**
 * Data-driven DialogTestClient harness (after core-bot's bookingDialog tests): a case is a list of
 * turns "admin says/clicks → the replies contain these texts (i18n keys, resolved in the case's language)".
 */
import { ActivityTypes, AutoSaveStateMiddleware, ConversationState, MemoryStorage, UserState, type Activity } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { ACTION_VERSION } from '../../src/cards/actions';
import { t, bcp47, type Lang } from '../../src/i18n';
import { INTENTS, type Intent } from '../../src/topics';
import type { Entities, IntentRecognizer, Recognition } from '../../src/recognizer/types';
import { LIVE_CHECK_DIALOG, type LiveCheckOptions } from '../../src/dialogs/liveCheckTypes';
import { normalize } from '../../src/dialogs/send';

export interface FakeRecognition {
  intent: Intent;
  uncertain?: boolean;
  entities?: Entities;
  /** Best first; defaults to [intent]. */
  ranked?: Intent[];
}

/** A recogniser that answers from a table, so dialog tests don't depend on the model's accuracy. */
export class FakeRecognizer implements IntentRecognizer {
  readonly calls: { text: string; locale?: string }[] = [];
  private readonly table: Record<string, FakeRecognition>;
  constructor(table: Record<string, FakeRecognition>) {
    this.table = Object.fromEntries(Object.entries(table).map(([k, v]) => [normalize(k), v]));
  }
  recognize(text: string, locale?: string): Recognition {
    this.calls.push({ text, locale });
    const hit = this.table[normalize(text)];
    if (!hit) return { intent: 'out_of_scope', score: 0.2, uncertain: true, ranked: INTENTS.map((intent, i) => ({ intent, score: 0.2 - i * 0.01 })), entities: {} };
    const order = hit.ranked ?? [hit.intent];
    const ranked = [...order, ...INTENTS.filter((i) => !order.includes(i))].map((intent, i) => ({ intent, score: Math.max(0.01, (hit.uncertain ? 0.45 : 0.9) - i * 0.08) }));
    return { intent: hit.intent, score: ranked[0].score, ranked, uncertain: Boolean(hit.uncertain), entities: hit.entities ?? {} };
  }
}

/** Stands in for the lead's live check: reports what it was begun with; target "fallback" → guided. */
export class FakeLiveCheck extends Dialog<LiveCheckOptions> {
  readonly runs: LiveCheckOptions[] = [];
  constructor() {
    super(LIVE_CHECK_DIALOG);
  }
  override async beginDialog(dc: DialogContext, options?: LiveCheckOptions): Promise<DialogTurnResult> {
    this.runs.push(options!);
    await dc.context.sendActivity(`LIVE ${options!.topic} ${JSON.stringify(options!.target)} ${options!.lang}`);
    const t = options!.target;
    if ([t.group, t.app, t.user].includes('fallback')) return dc.endDialog({ fallback: 'guided' });
    return dc.endDialog({ done: true });
  }
}

export type Expect = { key: string; params?: Record<string, string | number>; lang?: Lang; topicParam?: string } | { raw: string } | { notKey: string };

export interface Turn {
  /** Typed text. */
  say?: string;
  /** A card button: Action.Submit (message with value) or Action.Execute (adaptiveCard/action invoke). */
  click?: { verb: string; data?: Record<string, unknown>; via?: 'submit' | 'execute'; v?: number };
  expect: Expect[];
  /** Dialog status after the turn. */
  status?: 'waiting' | 'complete' | 'cancelled' | 'empty';
}

export interface Case {
  name: string;
  turns: Turn[];
  live?: boolean;
  recognitions?: Record<string, FakeRecognition>;
  /** Options the dialog under test begins with. */
  options?: unknown;
}

/** Every string value in a reply (text + all card strings), joined: what the admin can read. */
export function readable(activity: Partial<Activity>): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  if (activity.text) out.push(activity.text);
  walk(activity.attachments?.map((a) => a.content));
  return out.join('\n');
}

export function activityFor(turn: Turn, lang: Lang): Partial<Activity> {
  const locale = bcp47(lang);
  if (turn.say !== undefined) return { type: ActivityTypes.Message, text: turn.say, locale };
  const c = turn.click!;
  const data = { ...(c.data ?? {}), verb: c.verb, v: c.v ?? ACTION_VERSION };
  if (c.via === 'execute') return { type: ActivityTypes.Invoke, name: 'adaptiveCard/action', locale, value: { action: { type: 'Action.Execute', verb: c.verb, data } } };
  return { type: ActivityTypes.Message, value: data, locale };
}

export interface Harness {
  client: DialogTestClient;
  userState: UserState;
  live: FakeLiveCheck;
}

export function makeClient(dialog: Dialog, options?: unknown, userState?: UserState): DialogTestClient {
  const storage = new MemoryStorage();
  const convo = new ConversationState(storage);
  const middlewares = userState ? [new AutoSaveStateMiddleware(userState)] : [];
  return new DialogTestClient('msteams', dialog, options, middlewares, convo);
}

export async function sendTurn(client: DialogTestClient, activity: Partial<Activity>): Promise<string[]> {
  const replies: string[] = [];
  let reply = await client.sendActivity(activity);
  while (reply) {
    replies.push(readable(reply));
    reply = client.getNextReply();
  }
  return replies;
}

/** Asserts the expectations appear in order across the turn's replies. */
export function check(replies: string[], expects: Expect[], lang: Lang): void {
  const all = replies.join('\n---\n');
  let from = 0;
  for (const e of expects) {
    if ('notKey' in e) {
      expect(all).not.toContain(t(lang, e.notKey));
      continue;
    }
    const l = 'raw' in e ? lang : e.lang ?? lang;
    const params = 'raw' in e ? undefined : e.topicParam ? { ...(e.params ?? {}), topic: t(l, `guide.${e.topicParam}.title`) } : e.params;
    const needle = 'raw' in e ? e.raw : t(l, e.key, params);
    const at = all.indexOf(needle, from);
    if (at < 0) throw new Error(`expected "${needle}" in replies (after offset ${from}):\n${all}`);
    from = at + needle.length;
  }
}

export function statusOf(client: DialogTestClient): string {
  const s = client.dialogTurnResult?.status;
  return s === DialogTurnStatus.waiting ? 'waiting' : s === DialogTurnStatus.complete ? 'complete' : s === DialogTurnStatus.cancelled ? 'cancelled' : 'empty';
}
