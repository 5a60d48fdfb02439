/**
 * A user as the subject of a group-family question (issue #8): "why won't Kari Nordmann sync?", "duplicate
 * proxyAddress on Ola", "why didn't Sigrid get the licence from Lisens Power BI Pro?". Pure: a UserSnapshot and a
 * Clock in, a Diagnosis out. Its own folder because a user is its own subject kind with its own checks (U1–U4, L6);
 * it reuses the group folder's building blocks (tenant sync freshness, SKU names, licence error codes, texts).
 *
 * Every check runs for every question; the question only decides which area leads the card: licence findings for a
 * licence question, directory-sync findings otherwise.
 */
import type { Clock } from '../../clock';
import type { IssueIntent } from '../../topics';
import { tenantSyncFinding } from '../group/tenant';
import { NEEDS } from '../group/requirements';
import { callerUnchecked } from '../group/requirements';
import { tx } from '../group/text';
import type { UserSnapshot } from '../snapshot';
import { sortFindings, type Diagnosis, type Finding, type Unchecked } from '../types';
import { unchecked } from '../unchecked';
import { licenseFindings } from './licenses';
import {
  authorityFinding,
  disabledFinding,
  isSynced,
  noSyncErrorsFinding,
  placeholderWithoutErrorFinding,
  serviceErrorFindings,
  syncErrorFindings,
  userName,
} from './sync';

export { userName } from './sync';

/**
 * Topics whose question is about licences: licence findings lead. Adding a topic (e.g. 'group.licensing') is one
 * entry here.
 */
export const LICENSE_TOPICS: ReadonlySet<IssueIntent> = new Set<IssueIntent>(['group.delete_licensed', 'group.licensing']);

const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** Licence findings lead when the topic is about licences or the admin named the group a licence should come from. */
export function leadsWithLicenses(topic: IssueIntent, snapshot: UserSnapshot): boolean {
  return LICENSE_TOPICS.has(topic) || snapshot.focusGroup !== undefined;
}

/** The question's area first (most severe first within it), then everything else (most severe first). */
export function rankByQuestion(lead: Finding[], rest: Finding[]): Finding[] {
  return [...sortFindings(lead), ...sortFindings(rest)];
}

export function diagnoseUser(topic: IssueIntent, snapshot: UserSnapshot, clock: Clock): Diagnosis {
  const u = snapshot.user;
  const errors = syncErrorFindings(u, snapshot.conflicts);
  const sync: Finding[] = [
    ...errors,
    ...[placeholderWithoutErrorFinding(u)].filter(defined),
    ...serviceErrorFindings(u),
    ...(errors.length === 0 && u.onPremisesProvisioningErrors !== undefined ? [noSyncErrorsFinding(u)] : []),
    ...[disabledFinding(u)].filter(defined),
    authorityFinding(u),
    ...(isSynced(u) && snapshot.organization.ok ? [tenantSyncFinding(snapshot.organization.value, clock)] : []),
  ];
  const licenses = licenseFindings(snapshot);
  const findings = leadsWithLicenses(topic, snapshot) ? rankByQuestion(licenses, sync) : rankByQuestion(sync, licenses);
  return {
    topic,
    // The id carries the kind, so "Check again" (which sends only the id back) looks a user up, not a group.
    subject: { kind: 'user', id: userSubjectId(u.id), displayName: userName(u) },
    findings,
    unchecked: userUnchecked(snapshot),
    checkedAt: snapshot.fetchedAt || clock.now().toISOString(),
  };
}

const USER_SUBJECT = 'user:';

/** The subject id of a user verdict ("user:<object id>"), which a refresh hands back to the check. */
export function userSubjectId(objectId: string): string {
  return `${USER_SUBJECT}${objectId}`;
}

/** The object id in a user subject id; undefined for any other subject id. */
export function userIdOfSubject(subjectId: string | undefined): string | undefined {
  return subjectId?.startsWith(USER_SUBJECT) ? subjectId.slice(USER_SUBJECT.length) : undefined;
}

function userUnchecked(s: UserSnapshot): Unchecked[] {
  const out = callerUnchecked(s.caller);
  if (isSynced(s.user) && !s.organization.ok) out.push(unchecked('T1', tx('group.unchecked.organization'), s.organization, NEEDS.organization));
  if (!s.subscribedSkus.ok && (s.user.licenseAssignmentStates ?? []).length > 0) {
    out.push(unchecked('L2', tx('group.unchecked.skus.fallback'), s.subscribedSkus, NEEDS.subscribedSkus));
  }
  const groupFailure = Object.values(s.licenseGroups).find((p) => !p.ok);
  if (groupFailure && !groupFailure.ok) out.push(unchecked('L6', tx('user.unchecked.licenseGroups'), groupFailure, NEEDS.group));
  const conflictFailure = s.conflicts.map((c) => c.holders).find((p) => !p.ok);
  if (conflictFailure && !conflictFailure.ok) out.push(unchecked('U2', tx('user.unchecked.holders'), conflictFailure, USER_NEEDS.holders));
  return out;
}

/** Reading other users' and groups' addresses (to find who holds a conflicting value). */
export const USER_NEEDS = {
  holders: { roles: ['directoryReaders', 'globalReader'], scopes: ['User.Read.All + Group.Read.All', 'Directory.Read.All'] },
  user: { roles: ['directoryReaders', 'globalReader', 'userAdministrator'], scopes: ['User.Read.All', 'Directory.Read.All'] },
} as const satisfies Record<string, import('../unchecked').Requirement>;
