/**
 * Application Insights export, on only when APPLICATIONINSIGHTS_CONNECTION_STRING is set: the records handed to
 * `trackEvent` (one per turn, one per failed Graph request) become custom events, posted in batches to the
 * resource's ingestion endpoint, `{IngestionEndpoint}/v2.1/track`, as the JSON envelopes the Application Insights
 * SDKs send. No SDK: a small batching queue on `fetch`.
 *
 * Batches go when `maxBatch` events are waiting or `flushMs` after the first one, and on close. What the service
 * answers as "try later" (408, 429, 5xx, per item in a 206) is queued again for the next batch; the queue is bounded
 * (oldest dropped first), so an unreachable endpoint never grows memory. Failures are logged, never thrown.
 */
import type { AppInsightsTarget } from './config';
import { log } from './log';
import type { TelemetrySink } from './telemetry';

export interface Envelope {
  name: string;
  time: string;
  iKey: string;
  tags: Record<string, string>;
  data: { baseType: 'EventData'; baseData: { ver: 2; name: string; properties: Record<string, string>; measurements: Record<string, number> } };
}

export interface ExporterOptions {
  /** Events per request (default 100). */
  maxBatch?: number;
  /** Longest an event waits before its batch is sent (default 5 s). */
  flushMs?: number;
  /** Events kept while the endpoint is unreachable (default 1000). */
  maxQueue?: number;
  now?: () => Date;
  /** Cloud role name shown in Application Insights (default SyncHelper). */
  roleName?: string;
}

const RETRY = new Set([408, 429, 439, 500, 502, 503, 504]);

interface TrackResponse {
  errors?: { index?: number; statusCode?: number }[];
}

export class AppInsightsExporter implements TelemetrySink {
  private queue: Envelope[] = [];
  private timer?: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly url: string;
  private readonly maxBatch: number;
  private readonly flushMs: number;
  private readonly maxQueue: number;
  private readonly now: () => Date;
  private readonly tags: Record<string, string>;

  constructor(
    private readonly target: AppInsightsTarget,
    options: ExporterOptions = {},
  ) {
    this.url = `${target.ingestionEndpoint}/v2.1/track`;
    this.maxBatch = options.maxBatch ?? 100;
    this.flushMs = options.flushMs ?? 5000;
    this.maxQueue = options.maxQueue ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.tags = { 'ai.cloud.role': options.roleName ?? 'SyncHelper', 'ai.internal.sdkVersion': 'synchelper-track:1' };
  }

  event(name: string, properties: Record<string, string>, measurements: Record<string, number>): void {
    this.enqueue([
      {
        name: `Microsoft.ApplicationInsights.${this.target.instrumentationKey.replace(/-/g, '')}.Event`,
        time: this.now().toISOString(),
        iKey: this.target.instrumentationKey,
        tags: this.tags,
        data: { baseType: 'EventData', baseData: { ver: 2, name, properties, measurements } },
      },
    ]);
    if (this.queue.length >= this.maxBatch) void this.flush();
  }

  private schedule(): void {
    if (!this.closed && this.queue.length > 0) this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Sends everything waiting now, batch by batch; resolves when done (never rejects). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches: Envelope[][] = [];
    while (this.queue.length > 0) batches.push(this.queue.splice(0, this.maxBatch));
    this.sending = this.sending.then(async () => {
      for (const batch of batches) await this.post(batch);
    });
    return this.sending;
  }

  /** Flushes and stops the timer (server shutdown). Events queued again for retry are dropped at this point. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private enqueue(items: Envelope[]): void {
    this.queue.push(...items);
    const over = this.queue.length - this.maxQueue;
    if (over > 0) this.queue.splice(0, over);
    this.schedule();
  }

  private async post(batch: Envelope[]): Promise<void> {
    let status: number;
    let body: TrackResponse = {};
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      body = ((await res.json().catch(() => ({}))) ?? {}) as TrackResponse;
    } catch (err) {
      this.enqueue(batch);
      log.warn('application insights export failed; will retry', { endpoint: this.target.ingestionEndpoint, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (status === 200) return;
    if (status === 206) {
      const retry = (body.errors ?? []).filter((e) => RETRY.has(e.statusCode ?? 0) && batch[e.index ?? -1]).map((e) => batch[e.index!]);
      this.enqueue(retry);
      log.warn('application insights accepted part of a batch', { endpoint: this.target.ingestionEndpoint, sent: batch.length, rejected: body.errors?.length ?? 0, retrying: retry.length });
      return;
    }
    if (RETRY.has(status)) this.enqueue(batch);
    log.warn('application insights export failed', { endpoint: this.target.ingestionEndpoint, status, events: batch.length, retrying: RETRY.has(status) });
  }
}
