/**
 * Write actions, bound: a verdict card never carries what to write. It carries the id of an *offer* the bot
 * stored when it drew the card (which app, job, user — from the diagnosis, never from a click). Clicking it turns the
 * offer into a *pending action* with its own id, owned by the admin who clicked, in that conversation, for a few
 * minutes. Confirm and cancel buttons carry only that id; the confirmation text and the write come from the stored
 * record. Every change of status is an ETag-guarded replace, so a double click, a second instance or a stale card
 * can never confirm twice, run twice or run another action.
 *
 *   offer ──request──▶ pending ──confirm──▶ confirmed ──start──▶ running ──finish──▶ done | failed
 *                        │  └─cancel / supersede─▶ cancelled        │
 *                        └─(expiresAt passes)──▶ expired ◀──────────┘ (consent not given in time)
 *
 * Bot-Framework-free: the live dialogs (liveDialog.ts and its three subclasses) and the root dialog call it.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ProvisioningAction } from '../diagnostics/provisioning';
import type { IssueIntent } from '../topics';
import type { RecordStore } from '../state/records';
import type { Target } from './liveCheckTypes';

/** What a write is about, as the diagnosis found it. */
export interface ActionSubject {
  topic: IssueIntent;
  /** What the admin asked about (for "Check again" afterwards). */
  target: Target;
  /** The enterprise app's service principal id. */
  servicePrincipalId: string;
  /** The app's display name in the tenant. */
  app: string;
  /** The user's UPN or name, for provision on demand. */
  user?: string;
  action: ProvisioningAction;
}

export interface ActionOffer extends ActionSubject {
  id: string;
  conversationId: string;
}

export type PendingStatus = 'pending' | 'confirmed' | 'running' | 'done' | 'failed' | 'cancelled' | 'expired';

export interface PendingAction extends ActionSubject {
  id: string;
  conversationId: string;
  /** The admin who asked (AAD object id, else the channel account id): the only one who may confirm. */
  owner: string;
  status: PendingStatus;
  createdAt: string;
  /** Confirm before this, and give the write consent before `consentBy`. */
  expiresAt: string;
  consentBy?: string;
}

export interface Clicker {
  /** Stable id of the person who clicked (AAD object id, else channel account id). */
  id: string;
  conversationId: string;
}

export type Refusal = 'unknown' | 'notOwner' | 'otherConversation' | 'expired' | PendingStatus;

export type Transition = { ok: true; action: PendingAction } | { ok: false; reason: Refusal; action?: PendingAction };

export const ACTION_TIMES = Object.freeze({
  /** How long a verdict card's action button stays usable. */
  offerMs: 24 * 60 * 60 * 1000,
  /** How long a confirmation card waits for its answer. */
  confirmMs: 5 * 60 * 1000,
  /** How long, after confirming, the write consent (sign-in) may take. */
  consentMs: 10 * 60 * 1000,
  /** How long a finished or abandoned request is kept, to say what happened to it. */
  keepMs: 24 * 60 * 60 * 1000,
});

const OFFER = 'actionOffer/';
const PENDING = 'pendingAction/';

export class PendingActions {
  constructor(
    private readonly store: RecordStore,
    private readonly clock: Clock,
    private readonly times = ACTION_TIMES,
  ) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  /** Stores what a verdict card's button may do; the card carries only the returned id. */
  async offer(subject: ActionSubject, conversationId: string): Promise<string> {
    const id = randomUUID();
    const offer: ActionOffer = { ...copy(subject), id, conversationId };
    if (!(await this.store.create(OFFER + id, offer, { ttlMs: this.times.offerMs }))) throw new Error('offer id collision');
    return id;
  }

  /** A click on the verdict's action button: a new pending action for this admin. */
  async request(offerId: string, who: Clicker): Promise<Transition> {
    const found = isId(offerId) ? await this.store.read<ActionOffer>(OFFER + offerId) : undefined;
    if (!found) return { ok: false, reason: 'expired' };
    const offer = found.value;
    if (offer.conversationId !== who.conversationId) return { ok: false, reason: 'otherConversation' };
    const now = this.now();
    const { id: _offerId, conversationId, ...subject } = offer;
    const action: PendingAction = {
      ...subject,
      id: randomUUID(),
      conversationId,
      owner: who.id,
      status: 'pending',
      createdAt: iso(now),
      expiresAt: iso(now + this.times.confirmMs),
    };
    if (!(await this.store.create(PENDING + action.id, action, { ttlMs: this.times.keepMs }))) throw new Error('pending id collision');
    return { ok: true, action };
  }

  async get(id: unknown): Promise<PendingAction | undefined> {
    if (!isId(id)) return undefined;
    return (await this.store.read<PendingAction>(PENDING + id))?.value;
  }

  /** pending → confirmed, by its owner, before it expires. */
  confirm(id: unknown, who: Clicker): Promise<Transition> {
    return this.move(id, who, ['pending'], (a) => ({ ...a, status: 'confirmed', consentBy: iso(this.now() + this.times.consentMs) }));
  }

  /** pending/confirmed → cancelled, by its owner. */
  cancel(id: unknown, who: Clicker): Promise<Transition> {
    return this.move(id, who, ['pending', 'confirmed'], (a) => ({ ...a, status: 'cancelled' }));
  }

  /** confirmed → running: exactly one caller gets ok and may write. */
  start(id: unknown, who: Clicker): Promise<Transition> {
    return this.move(id, who, ['confirmed'], (a) => ({ ...a, status: 'running' }));
  }

  /** running → done | failed. */
  finish(id: unknown, who: Clicker, ok: boolean): Promise<Transition> {
    return this.move(id, who, ['running'], (a) => ({ ...a, status: ok ? 'done' : 'failed' }));
  }

  /** Why a click on this request can't act now (or undefined when it is still waiting for its owner's answer). */
  async explain(id: unknown, who: Clicker): Promise<{ reason: Refusal; action?: PendingAction }> {
    const found = isId(id) ? await this.store.read<PendingAction>(PENDING + id) : undefined;
    if (!found) return { reason: 'unknown' };
    const action = this.withExpiry(found.value);
    return { reason: this.refusal(action, who) ?? action.status, action };
  }

  private refusal(a: PendingAction, who: Clicker): Refusal | undefined {
    if (a.conversationId !== who.conversationId) return 'otherConversation';
    if (a.owner !== who.id) return 'notOwner';
    return undefined;
  }

  /** A request past its deadline reads as expired, whatever was stored. */
  private withExpiry(a: PendingAction): PendingAction {
    const now = this.now();
    if (a.status === 'pending' && Date.parse(a.expiresAt) <= now) return { ...a, status: 'expired' };
    if (a.status === 'confirmed' && a.consentBy && Date.parse(a.consentBy) <= now) return { ...a, status: 'expired' };
    return a;
  }

  private async move(id: unknown, who: Clicker, from: PendingStatus[], to: (a: PendingAction) => PendingAction): Promise<Transition> {
    if (!isId(id)) return { ok: false, reason: 'unknown' };
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.store.read<PendingAction>(PENDING + id);
      if (!found) return { ok: false, reason: 'unknown' };
      const current = this.withExpiry(found.value);
      const refused = this.refusal(current, who);
      if (refused) return { ok: false, reason: refused, action: current };
      if (!from.includes(current.status)) {
        if (current.status === 'expired' && found.value.status !== 'expired') {
          await this.store.replace(PENDING + id, current, found.etag, { ttlMs: this.times.keepMs });
        }
        return { ok: false, reason: current.status, action: current };
      }
      const next = to(current);
      if (await this.store.replace(PENDING + id, next, found.etag, { ttlMs: this.times.keepMs })) return { ok: true, action: next };
      // Someone else changed it first (a double click, another instance): read again and decide on what is there now.
    }
    return { ok: false, reason: 'unknown' };
  }
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
