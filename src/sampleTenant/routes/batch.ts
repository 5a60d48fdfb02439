/**
 * `POST /v1.0/$batch`: up to 20 parts with relative URLs, each answered by the same path as a round trip (its own
 * authorisation and faults), `dependsOn` with 424 for a failed dependency, per-part status, headers and body.
 * A "/v1.0/…" part is answered 400 as Graph does; absolute URLs are refused.
 */
import type { Clock } from '../../clock';
import type { PersonaName } from '../dataset';
import type { ExchangePart, LoggedRequest } from '../exchange';
import { graphError, ODATA_JSON, safeDecode, type GraphResponse } from '../query';

export interface BatchDeps {
  clock: Clock;
  /** One Graph request as a round trip would be served (target = "/v1.0/…" with its query). */
  serve(method: string, target: string, headers: Record<string, string>, body: unknown, persona: PersonaName): Promise<GraphResponse>;
}

export async function answerBatch(deps: BatchDeps, body: unknown, headers: Record<string, string>, persona: PersonaName, log: LoggedRequest, parts: ExchangePart[]): Promise<GraphResponse> {
  const { clock, serve } = deps;
  const cid = headers['client-request-id'];
  const list = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(list)) return graphError(400, 'BadRequest', 'Invalid batch payload format: a "requests" array is required.', clock.now(), cid);
  if (list.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format: the batch contains no requests.', clock.now(), cid);
  if (list.length > 20) return graphError(400, 'BadRequest', `The number of batch requests (${list.length}) exceeds the allowed limit of 20.`, clock.now(), cid);
  const byId = new Map<string, { id: string; method: string; url: string; headers: Record<string, string>; body?: unknown; dependsOn: string[] }>();
  for (const raw of list as Record<string, unknown>[]) {
    const id = raw?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return graphError(400, 'BadRequest', 'Invalid batch payload format: every request needs an id.', clock.now(), cid);
    if (typeof raw.method !== 'string' || typeof raw.url !== 'string') return graphError(400, 'BadRequest', `Invalid batch payload format: request '${id}' needs a method and a url.`, clock.now(), cid);
    if (/^https?:/i.test(raw.url)) return graphError(400, 'BadRequest', `Invalid batch payload format: request '${id}' must use a relative url (e.g. "/me"), not '${raw.url}'.`, clock.now(), cid);
    if (byId.has(String(id))) return graphError(400, 'BadRequest', `Invalid batch payload format: duplicate request id '${id}'.`, clock.now(), cid);
    const subHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries((raw.headers as Record<string, string> | undefined) ?? {})) subHeaders[k.toLowerCase()] = String(v);
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    byId.set(String(id), { id: String(id), method: raw.method.toUpperCase(), url: raw.url, headers: subHeaders, body: raw.body, dependsOn });
  }
  for (const r of byId.values()) {
    for (const d of r.dependsOn) if (!byId.has(d)) return graphError(400, 'BadRequest', `Invalid batch payload format: request '${r.id}' depends on unknown request '${d}'.`, clock.now(), cid);
  }
  const done = new Map<string, GraphResponse>();
  const running = new Set<string>();
  const run = async (id: string): Promise<GraphResponse> => {
    const have = done.get(id);
    if (have) return have;
    if (running.has(id)) return graphError(400, 'BadRequest', `Circular dependsOn involving request '${id}'.`, clock.now(), cid);
    running.add(id);
    const r = byId.get(id)!;
    let res: GraphResponse | undefined;
    for (const d of r.dependsOn) {
      const dep = await run(d);
      if (dep.status >= 400) {
        res = graphError(424, 'FailedDependency', `The request depends on request '${d}', which failed with status ${dep.status}.`, clock.now(), cid);
        break;
      }
    }
    if (!res) {
      const url = r.url.startsWith('/') ? r.url : '/' + r.url;
      const version = /^\/(v1\.0|beta)(\/|\?|$)/i.exec(url);
      // Part URLs are relative to the $batch endpoint's version: Graph answers a "/v1.0/…" part 400 (the JS SDK's
      // BatchRequestContent produces such URLs from absolute ones; microsoftgraph/msgraph-sdk-javascript#1178).
      res = version
        ? graphError(400, 'BadRequest', `Resource not found for the segment '${version[1]}'.`, clock.now(), cid)
        : await serve(r.method, '/v1.0' + url, { ...r.headers, ...(cid ? { 'client-request-id': cid } : {}) }, r.body, persona);
    }
    done.set(id, res);
    return res;
  };
  const responses: Record<string, unknown>[] = [];
  log.subRequests = [];
  for (const r of byId.values()) {
    const res = await run(r.id);
    const h: Record<string, string> = { 'Cache-Control': 'no-cache', 'OData-Version': '4.0', ...res.headers };
    if (res.body !== undefined && !h['Content-Type']) h['Content-Type'] = ODATA_JSON;
    delete h['request-id'];
    delete h['client-request-id'];
    const item: Record<string, unknown> = { id: r.id, status: res.status, headers: h };
    if (res.body !== undefined) item.body = res.body;
    responses.push(item);
    log.subRequests.push({ id: r.id, method: r.method, url: safeDecode(r.url), status: res.status });
    parts.push({ id: r.id, method: r.method, url: r.url, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}), status: res.status, ...(res.body !== undefined ? { response: res.body } : {}) });
  }
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
}
