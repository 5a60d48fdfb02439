/** Tree G1 – "I can't edit the group, add members or assign owners" (docs/decision-trees.md, G1). */
import type { GraphGroup, Organization } from '../snapshot';
import type { EvidenceValue, Finding } from '../types';
import { holdsAny, roleList, type RoleName } from '../roles';
import { groupKind, isDynamic, isExchangeManaged, sourceOfAuthority, type GroupKind } from './classify';
import { LEARN } from './links';
import { finding, groupEvidence, groupName, tx } from './text';

export type Change = 'members' | 'owners' | 'properties' | 'delete';

export interface CallerRights {
  /** Roles the caller holds; undefined when they couldn't be read. */
  held: Set<RoleName> | undefined;
  /** Display names of the caller's directory roles, as read (for evidence). */
  roleNames: string[] | undefined;
  /** Whether the caller owns the group; undefined when ownership couldn't be read. */
  owns: boolean | undefined;
}

const SOA_KEYS: (keyof GraphGroup)[] = [
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
];

/** G1.1 / G1.3 – where the group is managed. */
export function authorityFinding(g: GraphGroup, org: Organization | undefined): Finding {
  const name = groupName(g);
  const authority = sourceOfAuthority(g);
  const kind = groupKind(g);
  if (authority === 'onPremises') {
    const mail = isExchangeManaged(kind);
    return finding({
      id: 'G1.1.synced',
      severity: 'blocker',
      key: 'group.g1.synced',
      params: { name },
      fixSteps: 0,
      extraFix: [
        tx('group.g1.synced.fix.ad', { name }),
        ...(mail ? [tx('group.g1.synced.fix.exchange', { name })] : []),
        tx('group.g1.synced.fix.wait'),
        tx('group.g1.synced.fix.verify', { name }),
        tx('group.g1.synced.fix.soa'),
      ],
      evidence: groupEvidence(g, SOA_KEYS),
      learnMore: LEARN.soaOverview,
    });
  }
  if (authority === 'converted') {
    const tenantOff = org?.onPremisesSyncEnabled === false;
    return finding({
      id: 'G1.3.soaConverted',
      severity: 'info',
      key: tenantOff ? 'group.g1.converted.tenantOff' : 'group.g1.converted',
      params: { name },
      fixSteps: 3,
      evidence: {
        ...groupEvidence(g, SOA_KEYS),
        ...(org ? { 'organization.onPremisesSyncEnabled': org.onPremisesSyncEnabled } : {}),
      },
      learnMore: LEARN.groupSoaConfigure,
    });
  }
  return finding({
    id: 'G1.1.cloud',
    severity: 'ok',
    key: 'group.g1.cloud',
    params: { name },
    detail: false,
    evidence: groupEvidence(g, ['onPremisesSyncEnabled', 'onPremisesSecurityIdentifier']),
  });
}

/** G1.2 – mail-enabled security groups and distribution groups are managed in Exchange. */
export function exchangeFinding(g: GraphGroup, change: Change | undefined): Finding | undefined {
  const kind = groupKind(g);
  if (!isExchangeManaged(kind)) return undefined;
  const synced = sourceOfAuthority(g) === 'onPremises';
  const name = groupName(g);
  const variant = kind === 'distribution' ? 'distribution' : 'mailSecurity';
  const evidence = groupEvidence(g, ['groupTypes', 'mailEnabled', 'securityEnabled', 'mail']);
  if (synced) {
    // G1.1 already says where to change it; this only adds why Exchange is involved.
    return finding({ id: 'G1.2.exchange', severity: 'info', key: `group.g1.exchange.${variant}.synced`, params: { name }, fixSteps: 0, evidence, learnMore: LEARN.groupsOverview });
  }
  return finding({
    id: 'G1.2.exchange',
    severity: 'blocker',
    key: `group.g1.exchange.${variant}`,
    params: { name },
    fixSteps: 0,
    extraFix: [
      tx(change === 'delete' ? 'group.g1.exchange.fix.eacDelete' : 'group.g1.exchange.fix.eac', { name }),
      tx('group.g1.exchange.fix.powershell', { name }),
      tx('group.g1.exchange.fix.roles', { roles: roleList(EXCHANGE_ROLES) }),
    ],
    evidence,
    learnMore: LEARN.groupsOverview,
  });
}

/** G1.4 – dynamic membership: members come from the rule. */
export function dynamicFindings(g: GraphGroup, change: Change | undefined): Finding[] {
  if (!isDynamic(g)) return [];
  const name = groupName(g);
  const evidence = groupEvidence(g, ['groupTypes', 'membershipRule', 'membershipRuleProcessingState']);
  const out: Finding[] = [];
  const aboutMembers = change === undefined || change === 'members';
  out.push(
    finding({
      id: 'G1.4.dynamic',
      severity: aboutMembers ? 'blocker' : 'info',
      key: aboutMembers ? 'group.g1.dynamic.members' : 'group.g1.dynamic.other',
      params: { name },
      fixSteps: aboutMembers ? 3 : 0,
      evidence,
      learnMore: LEARN.groupsTroubleshooting,
    }),
  );
  if ((g.membershipRuleProcessingState ?? '').toLowerCase() === 'paused') {
    out.push(finding({ id: 'G1.4.paused', severity: 'warning', key: 'group.g1.dynamic.paused', params: { name }, fixSteps: 2, evidence, learnMore: LEARN.groupsTroubleshooting }));
  }
  return out;
}

const ROLE_ASSIGNABLE_ROLES: RoleName[] = ['privilegedRoleAdministrator', 'globalAdministrator'];
const EXCHANGE_ROLES: RoleName[] = ['exchangeRecipientAdministrator', 'exchangeAdministrator', 'globalAdministrator'];

/** G1.5 – role-assignable groups: only Privileged Role Administrator (or Global Administrator). */
export function roleAssignableFinding(g: GraphGroup, rights: CallerRights): Finding | undefined {
  if (g.isAssignableToRole !== true) return undefined;
  const name = groupName(g);
  const evidence: Record<string, EvidenceValue> = { isAssignableToRole: true, ...callerEvidence(rights) };
  const params = { name, roles: roleList(ROLE_ASSIGNABLE_ROLES) };
  if (rights.held === undefined) {
    return finding({ id: 'G1.5.roleAssignable', severity: 'warning', key: 'group.g1.roleAssignable.unknown', params, fixSteps: 2, evidence, learnMore: LEARN.groupPostMembers });
  }
  if (holdsAny(rights.held, ROLE_ASSIGNABLE_ROLES)) {
    return finding({ id: 'G1.5.roleAssignable', severity: 'info', key: 'group.g1.roleAssignable.held', params, fixSteps: 1, evidence, learnMore: LEARN.groupPostMembers });
  }
  return finding({ id: 'G1.5.roleAssignable', severity: 'blocker', key: 'group.g1.roleAssignable.missing', params, fixSteps: 3, evidence, learnMore: LEARN.groupPostMembers });
}

/** Roles that can make this change on this kind of group (docs/decision-trees.md, G1; Learn: group-post-members). */
export function rolesThatCan(kind: GroupKind, roleAssignable: boolean, change: Change | undefined): RoleName[] {
  if (roleAssignable) return ROLE_ASSIGNABLE_ROLES;
  if (isExchangeManaged(kind)) return EXCHANGE_ROLES;
  const roles: RoleName[] =
    change === 'delete'
      ? ['groupsAdministrator', 'userAdministrator', 'globalAdministrator']
      : ['groupsAdministrator', 'userAdministrator', 'directoryWriters', 'identityGovernanceAdministrator', 'globalAdministrator'];
  if (kind === 'microsoft365') roles.push('exchangeAdministrator', 'sharePointAdministrator', 'teamsAdministrator');
  if (kind === 'security') roles.push('intuneAdministrator');
  return roles;
}

export function callerEvidence(rights: CallerRights): Record<string, EvidenceValue> {
  return {
    'me/transitiveMemberOf/directoryRole[].displayName': rights.roleNames === undefined ? null : rights.roleNames.join(', '),
    'me/ownedObjects[].id contains group': rights.owns === undefined ? null : rights.owns,
  };
}

/**
 * G1.6 – does the caller's role or ownership allow this change on this kind of group?
 * Not run for synced groups (G1.1 explains it; owners aren't even listed for them).
 */
export function rightsFinding(g: GraphGroup, rights: CallerRights, change: Change | undefined): Finding | undefined {
  if (sourceOfAuthority(g) === 'onPremises') return undefined;
  const kind = groupKind(g);
  const roleAssignable = g.isAssignableToRole === true;
  const wanted = rolesThatCan(kind, roleAssignable, change);
  // Graph doesn't list owners of Exchange-managed groups: ownership is unknown there, not "no".
  if (isExchangeManaged(kind)) rights = { ...rights, owns: undefined };
  // Owners manage their own groups, except role-assignable ones (only the privileged roles there).
  const ownerCounts = !roleAssignable && rights.owns === true;
  const name = groupName(g);
  const params = { name, roles: roleList(wanted) };
  const evidence = { ...callerEvidence(rights), ...groupEvidence(g, ['groupTypes', 'mailEnabled', 'securityEnabled', 'isAssignableToRole']) };
  if (ownerCounts) {
    return finding({ id: 'G1.6.ok', severity: 'ok', key: 'group.g1.rights.owner', params, detail: false, evidence });
  }
  if (rights.held === undefined) return undefined; // can't tell: the unchecked list says why
  const matched = wanted.filter((r) => rights.held!.has(r));
  if (matched.length > 0) {
    return finding({ id: 'G1.6.ok', severity: 'ok', key: 'group.g1.rights.role', params: { ...params, held: roleList(matched) }, detail: false, evidence });
  }
  return finding({
    id: 'G1.6.insufficient',
    severity: 'blocker',
    key: isExchangeManaged(kind) ? 'group.g1.rights.insufficientExchange' : 'group.g1.rights.insufficient',
    params,
    fixSteps: 3,
    evidence,
    learnMore: LEARN.groupPostMembers,
  });
}

/** G1.7 – nothing explains it: ask for the exact error text. */
export function unexplainedFinding(g: GraphGroup): Finding {
  return finding({
    id: 'G1.7.unexplained',
    severity: 'info',
    key: 'group.g1.unexplained',
    params: { name: groupName(g) },
    fixSteps: 4,
    learnMore: LEARN.groupsTroubleshooting,
  });
}
