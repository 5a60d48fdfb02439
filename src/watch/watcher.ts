/**
 * The watcher: every interval it claims each watch (one instance per watch per interval, through a lock in the
 * shared RecordStore), reads what the claimed watches need in ONE $batch per tenant, compares each with what its
 * conversation was last told (model.ts `step`) and posts at most one message per watch through the `Notifier`.
 *
 * Production runs `start()` (a real, unref'd interval); tests and the benchmark call `tick()` themselves, on a
 * clock they move. The watcher reads the tenant with its own access (`graphFor`): app-only in live mode, the
 * configured persona in sample-tenant mode. It never sees a user's token.
 */
import type { Activity } from 'botbuilder';
import type { Clock } from '../clock';
import type { BatchRequest, GraphApi } from '../graph';
import { log } from '../log';
import { initialState, step, type Observation, type Watch, type WatchMessage } from './model';
import { observe, watchRequests } from './observe';
import type { WatchStore } from './store';

/** Posts into the conversation a watch was set in; false when it could not. */
export interface Notifier {
  post(watch: Watch, activity: Partial<Activity>): Promise<boolean>;
}

export interface WatcherDeps {
  store: WatchStore;
  /** Graph with the watcher's own access for a tenant; undefined when it has none there. */
  graphFor: (tenantId: string) => GraphApi | undefined;
  clock: Clock;
  intervalMs: number;
  notifier: Notifier;
  /** The message for a watch's state change, in the watch's language. */
  render: (watch: Watch, message: WatchMessage) => Partial<Activity>;
}

export interface TickReport {
  /** Watches this instance evaluated (claimed) in this tick. */
  evaluated: number;
  /** Messages posted. */
  posted: number;
}

export class Watcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickReport>;

  constructor(private readonly deps: WatcherDeps) {}

  get intervalMs(): number {
    return this.deps.intervalMs;
  }

  /** Polls every interval until stop(); the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) => log.warn('watch poll failed', { error: err instanceof Error ? err.message : String(err) }));
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One poll. Overlapping calls share the poll already running. */
  tick(): Promise<TickReport> {
    if (!this.running) this.running = this.poll().finally(() => (this.running = undefined));
    return this.running;
  }

  private interval(): number {
    return Math.floor(this.deps.clock.now().getTime() / this.deps.intervalMs);
  }

  private async poll(): Promise<TickReport> {
    const interval = this.interval();
    const claimed: Watch[] = [];
    for (const watch of await this.deps.store.all()) {
      // The lock outlives the interval a little, so a slow poll is never taken over mid-way.
      if (await this.deps.store.claim(watch.id, interval, 2 * this.deps.intervalMs)) claimed.push(watch);
    }
    const byTenant = new Map<string, Watch[]>();
    for (const w of claimed) byTenant.set(w.tenantId, [...(byTenant.get(w.tenantId) ?? []), w]);
    let posted = 0;
    for (const [tenantId, watches] of byTenant) {
      const observations = await this.read(tenantId, watches);
      for (const watch of watches) {
        if (await this.apply(watch, observations.get(watch.id)!)) posted += 1;
      }
    }
    return { evaluated: claimed.length, posted };
  }

  /** Observes watches of one tenant: their sub-requests, deduplicated, in one $batch (chunks of 20 beyond that). */
  async read(tenantId: string, watches: Watch[]): Promise<Map<string, Observation>> {
    const out = new Map<string, Observation>();
    const api = this.deps.graphFor(tenantId);
    if (!api) {
      for (const w of watches) out.set(w.id, { level: 'unknown', items: [], additive: false, failure: 'no access to this tenant' });
      return out;
    }
    const requests = new Map<string, BatchRequest>();
    for (const w of watches) for (const r of watchRequests(w)) requests.set(r.id, r);
    const responses = requests.size > 0 ? await api.batch([...requests.values()]) : new Map();
    for (const w of watches) out.set(w.id, observe(w, responses, this.deps.clock));
    return out;
  }

  /** Evaluates a new watch at once: what it sees now is its starting point (shown on the set-up card). */
  async baseline(watch: Watch): Promise<Observation> {
    const observation = (await this.read(watch.tenantId, [watch])).get(watch.id)!;
    const existing = await this.deps.store.state(watch.id);
    await this.deps.store.saveState(watch.id, initialState(observation, this.deps.clock.now()), existing?.etag);
    return observation;
  }

  /** Compares, stores, then posts. Returns true when a message went out. */
  private async apply(watch: Watch, observation: Observation): Promise<boolean> {
    const now = this.deps.clock.now();
    // Stopped since the poll listed it: nothing to evaluate (and no state to leave behind).
    if (!(await this.deps.store.get(watch.tenantId, watch.id))) return false;
    const found = await this.deps.store.state(watch.id);
    if (!found) {
      // Set-up could not record a starting point: this evaluation is it.
      await this.deps.store.saveState(watch.id, initialState(observation, now), undefined);
      return false;
    }
    if (observation.level === 'unknown') log.warn('watch could not read the tenant', { kind: watch.kind, failure: observation.failure });
    const next = step(found.value, observation, now);
    if (!(await this.deps.store.saveState(watch.id, next.state, found.etag))) return false;
    if (!next.message) return false;
    // The watch may have been stopped while it was evaluated: then it says nothing.
    if (!(await this.deps.store.get(watch.tenantId, watch.id))) return false;
    const sent = await this.deps.notifier.post(watch, this.deps.render(watch, next.message));
    if (!sent) {
      // Not delivered: forget this evaluation, so the next interval tries again.
      const written = await this.deps.store.state(watch.id);
      if (written) await this.deps.store.saveState(watch.id, found.value, written.etag);
      log.warn('watch message could not be posted', { kind: watch.kind, message: next.message.kind });
    }
    return sent;
  }
}
