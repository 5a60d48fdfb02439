/** Turning (sub-)responses into snapshot Parts. Internal to src/graph. */
import type { Caller, DirectoryRole, Failed, Part } from '../diagnostics/snapshot';
import type { BatchRequest } from './client';
import { type GraphResponse, isSuccess, toFailed, transportFailure } from './errors';
import { requestLabel } from './errors';

/**
 * `ConsistencyLevel: eventual`: Microsoft Learn requires it (with `$count=true`) for OData casts on `memberOf` /
 * `transitiveMemberOf` and other advanced queries (https://learn.microsoft.com/graph/aad-advanced-queries). In a
 * `$batch` it goes on each part: the envelope's headers don't apply to the parts.
 */
export const EVENTUAL: Readonly<Record<string, string>> = Object.freeze({ ConsistencyLevel: 'eventual' });

/** The caller's directory roles (an OData cast on transitiveMemberOf: advanced query, send with EVENTUAL). */
export const ROLES_URL = '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id,displayName,roleTemplateId&$count=true';

/** The roles sub-request every snapshot starts with. */
export function rolesRequest(): BatchRequest {
  return { id: 'roles', method: 'GET', url: ROLES_URL, headers: { ...EVENTUAL } };
}

/** The response for one batch id (a missing one reads as a transport failure, never undefined). */
export function sub(responses: Map<string, GraphResponse>, id: string): GraphResponse {
  return responses.get(id) ?? transportFailure('missingBatchResponse', `No response for '${id}'.`);
}

/** Part from a response: `map` picks the value out of a 2xx body. */
export function partOf<T>(res: GraphResponse, method: string, url: string, map: (body: unknown) => T): Part<T> {
  if (!isSuccess(res.status)) return toFailed(res, requestLabel(method, url));
  return { ok: true, value: map(res.body) };
}

/** The `value` array of a collection body. */
export function valueOf<T>(body: unknown): T[] {
  const v = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(v) ? (v as T[]) : [];
}

export function idsOf(body: unknown): string[] {
  return valueOf<{ id?: unknown }>(body)
    .map((o) => o.id)
    .filter((id): id is string => typeof id === 'string');
}

export function callerFrom(res: GraphResponse): Caller {
  return { roles: partOf<DirectoryRole[]>(res, 'GET', ROLES_URL, (b) => valueOf<DirectoryRole>(b)) };
}

export function failedOf(res: GraphResponse, method: string, url: string): Failed {
  return toFailed(res, requestLabel(method, url));
}
