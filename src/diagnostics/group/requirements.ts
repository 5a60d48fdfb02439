/** Which roles/scopes let the admin see each part of a GroupSnapshot (docs/decision-trees.md, "Who is asking"), for the "could not check" list. */
import type { Caller, GroupSnapshot } from '../snapshot';
import type { Unchecked } from '../types';
import { ROLE_NEEDS, unchecked, type Requirement } from '../unchecked';
import { tx } from './text';

/** Scopes: any one entry suffices (see Requirement); GET /organization and /me/ownedObjects need only User.Read. */
export const NEEDS = {
  roles: ROLE_NEEDS,
  owned: { scopes: ['User.Read'] } as Requirement,
  organization: { roles: ['directoryReaders', 'globalReader'], scopes: ['User.Read'] } as Requirement,
  subscribedSkus: {
    roles: ['directoryReaders', 'globalReader', 'licenseAdministrator'],
    scopes: ['LicenseAssignment.Read.All', 'Organization.Read.All', 'Directory.Read.All'],
  } as Requirement,
  // Members (GroupMember.Read.All) with other users' licence attributes (User.Read.All); Directory.Read.All covers both.
  membersWithLicenseErrors: {
    roles: ['licenseAdministrator', 'globalReader'],
    scopes: ['GroupMember.Read.All + User.Read.All', 'Directory.Read.All'],
  } as Requirement,
  /**
   * The group itself with its sync properties: GroupMember.Read.All and Group.ReadBasic.All return only basic
   * properties (tools/graph-conformance/permissions-supplement.json), so not onPremisesSyncEnabled and the like.
   */
  group: { roles: ['directoryReaders', 'globalReader', 'groupsAdministrator'], scopes: ['Group.Read.All', 'Directory.Read.All'] } as Requirement,
};

export function callerUnchecked(caller: Caller): Unchecked[] {
  return caller.roles.ok ? [] : [unchecked('A1', tx('group.unchecked.roles'), caller.roles, NEEDS.roles)];
}

/** One Unchecked for every part of the snapshot that couldn't be read. */
export function snapshotUnchecked(s: GroupSnapshot): Unchecked[] {
  const out = callerUnchecked(s.caller);
  if (!s.ownedGroupIds.ok) out.push(unchecked('A2', tx('group.unchecked.owned'), s.ownedGroupIds, NEEDS.owned));
  if (!s.organization.ok) out.push(unchecked('T1', tx('group.unchecked.organization'), s.organization, NEEDS.organization));
  if (!s.subscribedSkus.ok) {
    const hasLicenses = (s.group.assignedLicenses ?? []).length > 0;
    out.push(unchecked('L2', tx(hasLicenses ? 'group.unchecked.skus.fallback' : 'group.unchecked.skus'), s.subscribedSkus, NEEDS.subscribedSkus));
  }
  if (!s.membersWithLicenseErrors.ok) {
    out.push(unchecked('L4', tx('group.unchecked.licenseErrors'), s.membersWithLicenseErrors, NEEDS.membersWithLicenseErrors));
  }
  return out;
}
