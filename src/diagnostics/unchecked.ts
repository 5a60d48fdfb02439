/**
 * A part of a snapshot that could not be read becomes an Unchecked entry that says what is missing and
 * how to get it ("I can't see X — role Y or scope Z is needed"), never a failed diagnosis.
 * Keys: diag.unchecked.* in src/i18n/locales/<lang>/diag.json.
 */
import type { Failed } from './snapshot';
import type { Text, Unchecked } from './types';
import { roleList, type RoleName } from './roles';

export interface Requirement {
  /** Roles that can read it (least privileged first). */
  roles?: RoleName[];
  /** Delegated Graph scopes that are needed. */
  scopes?: string[];
  /** Extra condition, e.g. a licence ('Microsoft Entra ID P1 or P2'). */
  licence?: string;
}

/** Why a read failed, as text for the admin. */
export function whyFailed(failure: Failed, needs: Requirement): Text {
  const roles = needs.roles?.length ? roleList(needs.roles) : '';
  const scopes = needs.scopes?.join(', ') ?? '';
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

export function unchecked(id: string, what: Text, failure: Failed, needs: Requirement): Unchecked {
  return { id, what, why: whyFailed(failure, needs) };
}
