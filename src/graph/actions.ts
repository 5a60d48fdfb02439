/**
 * Write actions (docs/decision-trees.md, P3 and P2: provision on demand and restart; docs/architecture.md, "Write actions"). Only call these after the admin confirmed the action on a card and consented
 * to Synchronization.ReadWrite.All; they are never part of a check. Each returns a typed result or a `Failed`.
 */
import type { Part } from '../diagnostics/snapshot';
import type { GraphApi } from './client';
import { encodePathSegment } from './odata';

export interface ProvisionOnDemandResult {
  /** Graph answers a stringKeyStringValuePair; `value` is a JSON string with the provisioning trace. */
  key: string | null;
  value: string | null;
  /** `value` parsed as JSON when it is JSON (the step-by-step trace), else undefined. */
  details?: unknown;
}

/** Flags for POST …/jobs/{jobId}/restart (`resetScope`, e.g. 'Full' or 'Watermark, Escrows, QuarantineState'). */
export interface RestartCriteria {
  resetScope?: string;
}

const jobPath = (spId: string, jobId: string) =>
  `/servicePrincipals/${encodePathSegment(spId)}/synchronization/jobs/${encodePathSegment(jobId)}`;

/** POST …/jobs/{jobId}/provisionOnDemand for one user against the synchronization rule `ruleId` (from the schema). */
export async function provisionOnDemand(
  api: GraphApi,
  spId: string,
  jobId: string,
  ruleId: string,
  userId: string,
): Promise<Part<ProvisionOnDemandResult>> {
  const body = { parameters: [{ ruleId, subjects: [{ objectId: userId, objectTypeName: 'User' }] }] };
  const res = await api.post<{ key?: string | null; value?: string | null }>(`${jobPath(spId, jobId)}/provisionOnDemand`, body);
  if (!res.ok) return res;
  const key = res.value?.key ?? null;
  const value = res.value?.value ?? null;
  const result: ProvisionOnDemandResult = { key, value };
  if (value) {
    try {
      result.details = JSON.parse(value);
    } catch {
      // not JSON: keep the raw string only
    }
  }
  return { ok: true, value: result };
}

/** POST …/jobs/{jobId}/restart (204 No Content on success). */
export async function restartJob(
  api: GraphApi,
  spId: string,
  jobId: string,
  criteria?: RestartCriteria,
): Promise<Part<{ restarted: true }>> {
  const res = await api.post(`${jobPath(spId, jobId)}/restart`, criteria ? { criteria } : {});
  return res.ok ? { ok: true, value: { restarted: true } } : res;
}
