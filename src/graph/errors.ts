/**
 * Turns an HTTP response or a $batch sub-response that did not succeed into the contract type `Failed`
 * (src/diagnostics/snapshot.ts), so a diagnosis can say what it could not see and why.
 */
import type { Failed } from '../diagnostics/snapshot';

/** One HTTP response or one $batch sub-response, with the body already parsed (JSON) where it was JSON. */
export interface GraphResponse {
  /** HTTP status; 0 when no response arrived (timeout, network failure). */
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: unknown;
}

export const TIMEOUT_CODE = 'timeout';
export const NETWORK_CODE = 'network';

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** 'GET /groups' from a method and a Graph path or URL (host, version and query string dropped). */
export function requestLabel(method: string, pathOrUrl: string): string {
  let p = pathOrUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
  const q = p.indexOf('?');
  if (q !== -1) p = p.slice(0, q);
  p = p.replace(/^\/(v1\.0|beta)(?=\/)/, '');
  if (!p.startsWith('/')) p = '/' + p;
  return `${method.toUpperCase()} ${p}`;
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown };
}

function defaultCode(status: number): string {
  if (status === 0) return NETWORK_CODE;
  if (status === 401) return 'InvalidAuthenticationToken';
  if (status === 403) return 'Authorization_RequestDenied';
  if (status === 404) return 'Request_ResourceNotFound';
  if (status === 429) return 'TooManyRequests';
  if (status >= 500) return 'ServiceUnavailable';
  return `http_${status}`;
}

/** Graph's `request-id` and the `client-request-id` it echoes (or we sent), which Microsoft support asks for. */
export function correlationIds(response: GraphResponse): { requestId?: string; clientRequestId?: string } {
  const h = response.headers;
  return { requestId: h['request-id'] || undefined, clientRequestId: h['client-request-id'] || undefined };
}

/** A failed (sub-)response as `Failed`: status, Graph `error.code`, message and the request ('GET /organization'). */
export function toFailed(response: GraphResponse, request?: string): Failed {
  const body = (response.body && typeof response.body === 'object' ? response.body : {}) as GraphErrorBody;
  const code = typeof body.error?.code === 'string' && body.error.code ? body.error.code : defaultCode(response.status);
  const message = typeof body.error?.message === 'string' ? body.error.message : undefined;
  const failed: Failed = { ok: false, status: response.status, code };
  if (message) failed.message = message;
  if (request) failed.request = request;
  const ids = correlationIds(response);
  if (ids.requestId) failed.requestId = ids.requestId;
  if (ids.clientRequestId) failed.clientRequestId = ids.clientRequestId;
  return failed;
}

/** A response that never arrived, in the shape the client hands back (status 0, Graph-like error body). */
export function transportFailure(code: string, message: string, clientRequestId?: string): GraphResponse {
  return { status: 0, headers: clientRequestId ? { 'client-request-id': clientRequestId } : {}, body: { error: { code, message } } };
}

export function timeoutFailed(request?: string, message = 'The request timed out.'): Failed {
  return toFailed(transportFailure(TIMEOUT_CODE, message), request);
}

export function networkFailed(request?: string, message = 'The request could not be sent.'): Failed {
  return toFailed(transportFailure(NETWORK_CODE, message), request);
}
