/**
 * A part of a snapshot that could not be read becomes an Unchecked entry that says what is missing and
 * how to get it ("I can't see X — role Y or scope Z is needed"), never a failed diagnosis.
 * Keys: diag.unchecked.* in src/i18n/locales/<lang>/diag.json.
 */
import type { Failed } from './snapshot';
import type { Finding, Text, Unchecked } from './types';
import { roleList, type RoleName } from './roles';

export interface Requirement {
  /** Roles that can read it (least privileged first). */
  roles?: RoleName[];
  /**
   * Delegated Graph scopes, any ONE of which lets the app read it (least privileged first; "A + B" when two are
   * needed together). SyncHelper's read set, `User.Read Directory.Read.All AuditLog.Read.All Synchronization.Read.All`,
   * covers every entry. Checked against Microsoft Graph's permissions data (tools/graph-conformance/metadata).
   */
  scopes?: string[];
  /** Extra condition, e.g. a licence ('Microsoft Entra ID P1 or P2'). */
  licence?: string;
}

/** Why a read failed, as text for the admin. */
export function whyFailed(failure: Failed, needs: Requirement): Text {
  const roles = needs.roles?.length ? roleList(needs.roles) : '';
  const scopes = needs.scopes?.join(', ') ?? '';
  // 401 is Graph rejecting the token itself (expired or invalid), not a missing role: sign in again.
  if (failure.status === 401 && failure.code === 'InvalidAuthenticationToken') return { key: 'diag.unchecked.signInExpired', params: {} };
  if (failure.status === 401 || failure.status === 403) {
    if (needs.licence && /licen[cs]e|premium|B2C|Authentication_RequestFromNonPremiumTenantOrB2CTenant/i.test(`${failure.code} ${failure.message ?? ''}`)) {
      return { key: 'diag.unchecked.licence', params: { licence: needs.licence } };
    }
    return { key: 'diag.unchecked.denied', params: { roles: roles || '-', scopes: scopes || '-' } };
  }
  if (failure.status === 404) return { key: 'diag.unchecked.notFound', params: {} };
  if (failure.status === 429) return { key: 'diag.unchecked.throttled', params: {} };
  if (failure.status === 0) return { key: 'diag.unchecked.timeout', params: {} };
  return { key: 'diag.unchecked.failed', params: { status: failure.status, code: failure.code } };
}

/**
 * The caller's directory roles (`/me/transitiveMemberOf/microsoft.graph.directoryRole`): User.Read lists the
 * memberships, but the role objects' details need RoleManagement.Read.Directory or Directory.Read.All.
 */
export const ROLE_NEEDS: Requirement = { scopes: ['RoleManagement.Read.Directory', 'Directory.Read.All'] };

export function unchecked(id: string, what: Text, failure: Failed, needs: Requirement): Unchecked {
  return { id, what, why: whyFailed(failure, needs) };
}

/** 401/403: the account or the app's consent lacks access. Anything else (timeout, 429, 5xx) is "try again". */
export function isAccessDenied(failure: Failed): boolean {
  return failure.status === 401 || failure.status === 403;
}

/**
 * The look-up itself couldn't be done right now (timeout, throttling that outlasted the retries, a Graph 5xx):
 * say so plainly — it is not a permissions problem — and point to "Check again".
 */
export function graphUnavailableFinding(id: string, failure: Failed, what: Text): Finding {
  return {
    id,
    severity: 'warning',
    title: what,
    detail: { key: 'diag.unavailable.detail', params: {} },
    evidence: {
      request: failure.request ?? null,
      status: failure.status,
      code: failure.code,
      ...(failure.requestId ? { 'request-id': failure.requestId } : {}),
      ...(failure.clientRequestId ? { 'client-request-id': failure.clientRequestId } : {}),
    },
    fix: [
      { key: 'diag.unavailable.fix.1', params: {} },
      { key: 'diag.unavailable.fix.2', params: {} },
    ],
    learnMore: 'https://learn.microsoft.com/graph/throttling',
  };
}
