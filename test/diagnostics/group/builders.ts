/** Small builders for GroupSnapshots in genuine Graph v1.0 shapes, on a fixed clock. */
import { fixedClock } from '../../../src/clock';
import type { Diagnosis, Finding } from '../../../src/diagnostics/types';
import { ROLE, type RoleName } from '../../../src/diagnostics/roles';
import type {
  DirectoryRole,
  Failed,
  GraphGroup,
  GroupSnapshot,
  LicenseAssignmentState,
  LicenseErrorMember,
  Organization,
  Part,
  SubscribedSku,
} from '../../../src/diagnostics/snapshot';

export const NOW = '2026-03-10T12:00:00.000Z';
export const clock = fixedClock(NOW);

export const minutesAgo = (m: number): string => new Date(Date.parse(NOW) - m * 60_000).toISOString();
export const hoursAgo = (h: number): string => minutesAgo(h * 60);
export const daysAgo = (d: number): string => minutesAgo(d * 24 * 60);

export const SKU = {
  ENTERPRISEPACK: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  EMS: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
  POWER_BI_PRO: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
};

export const subscribedSkus: SubscribedSku[] = [
  { skuId: SKU.ENTERPRISEPACK, skuPartNumber: 'ENTERPRISEPACK', capabilityStatus: 'Enabled', consumedUnits: 25, prepaidUnits: { enabled: 25 } },
  { skuId: SKU.EMS, skuPartNumber: 'EMS', capabilityStatus: 'Enabled', consumedUnits: 10, prepaidUnits: { enabled: 50 } },
  { skuId: SKU.POWER_BI_PRO, skuPartNumber: 'POWER_BI_PRO', capabilityStatus: 'Enabled', consumedUnits: 3, prepaidUnits: { enabled: 5 } },
];

export const failed = (status: number, code: string, request?: string): Failed => ({ ok: false, status, code, request });
export const denied = (request: string): Failed => failed(403, 'Authorization_RequestDenied', request);
const ok = <T>(value: T): Part<T> => ({ ok: true, value });

export function role(name: RoleName): DirectoryRole {
  const displayName = name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  return { id: `dr-${name}`, displayName, roleTemplateId: ROLE[name] };
}

let counter = 0;
const nextId = (): string => `0000${++counter}`.slice(-4).padStart(4, '0');

/** A cloud security group; override anything. */
export function group(over: Partial<GraphGroup> = {}): GraphGroup {
  return {
    id: `a1b2c3d4-0000-4000-8000-00000000${nextId()}`,
    displayName: 'Sales',
    description: null,
    mail: null,
    mailNickname: 'sales',
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    membershipRule: null,
    membershipRuleProcessingState: null,
    isAssignableToRole: false,
    onPremisesSyncEnabled: null,
    onPremisesLastSyncDateTime: null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    proxyAddresses: [],
    assignedLicenses: [],
    licenseProcessingState: null,
    createdDateTime: '2021-05-04T08:00:00Z',
    resourceProvisioningOptions: [],
    ...over,
  };
}

/** A security group synced from on-premises AD by Microsoft Entra Connect. */
export function syncedGroup(over: Partial<GraphGroup> = {}): GraphGroup {
  return group({
    onPremisesSyncEnabled: true,
    onPremisesLastSyncDateTime: minutesAgo(12),
    onPremisesSamAccountName: 'Sales',
    onPremisesSecurityIdentifier: 'S-1-5-21-1004336348-1177238915-682003330-12001',
    ...over,
  });
}

export function m365Group(over: Partial<GraphGroup> = {}): GraphGroup {
  return group({
    displayName: 'Marketing',
    groupTypes: ['Unified'],
    mailEnabled: true,
    securityEnabled: false,
    mail: 'marketing@contoso.com',
    proxyAddresses: ['SMTP:marketing@contoso.com'],
    resourceProvisioningOptions: ['Team'],
    ...over,
  });
}

export function distributionGroup(over: Partial<GraphGroup> = {}): GraphGroup {
  return group({
    displayName: 'All Oslo',
    mailEnabled: true,
    securityEnabled: false,
    mail: 'alle.oslo@contoso.com',
    proxyAddresses: ['SMTP:alle.oslo@contoso.com'],
    ...over,
  });
}

export function mailSecurityGroup(over: Partial<GraphGroup> = {}): GraphGroup {
  return group({
    displayName: 'Finance Approvers',
    mailEnabled: true,
    securityEnabled: true,
    mail: 'finance.approvers@contoso.com',
    proxyAddresses: ['SMTP:finance.approvers@contoso.com'],
    ...over,
  });
}

export function dynamicGroup(over: Partial<GraphGroup> = {}): GraphGroup {
  return group({
    displayName: 'Oslo Staff',
    groupTypes: ['DynamicMembership'],
    membershipRule: '(user.city -eq "Oslo")',
    membershipRuleProcessingState: 'On',
    ...over,
  });
}

export function licensed(...skuIds: string[]): Partial<GraphGroup> {
  return {
    assignedLicenses: skuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
    licenseProcessingState: { state: 'ProcessingComplete' },
  };
}

export function memberWithError(
  upn: string,
  groupId: string,
  error: string,
  skuId: string = SKU.ENTERPRISEPACK,
  extra: Partial<LicenseErrorMember> = {},
  state: Partial<LicenseAssignmentState> = {},
): LicenseErrorMember {
  return {
    id: `u-${upn}`,
    displayName: upn.split('@')[0],
    userPrincipalName: upn,
    usageLocation: 'NO',
    licenseAssignmentStates: [
      { skuId, assignedByGroup: groupId, state: 'Error', error, disabledPlans: [], lastUpdatedDateTime: hoursAgo(2), ...state },
    ],
    ...extra,
  };
}

export interface SnapshotOptions {
  roles?: RoleName[] | Failed;
  owned?: string[] | Failed;
  /** 'fresh' etc. shortcuts, an Organization patch, or a failure. */
  org?: Partial<Organization> | Failed;
  skus?: SubscribedSku[] | Failed;
  licenseErrors?: LicenseErrorMember[] | Failed;
}

const isFailed = (x: unknown): x is Failed => typeof x === 'object' && x !== null && (x as Failed).ok === false;

export function snapshot(g: GraphGroup, o: SnapshotOptions = {}): GroupSnapshot {
  const roles = o.roles ?? ['groupsAdministrator'];
  const owned = o.owned ?? [];
  const org = o.org ?? {};
  const skus = o.skus ?? subscribedSkus;
  const errors = o.licenseErrors ?? [];
  return {
    fetchedAt: NOW,
    caller: { roles: isFailed(roles) ? roles : ok(roles.map(role)) },
    ownedGroupIds: isFailed(owned) ? owned : ok(owned),
    group: g,
    organization: isFailed(org)
      ? org
      : ok({ id: 'org-1', displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: minutesAgo(12), ...org }),
    subscribedSkus: isFailed(skus) ? skus : ok(skus),
    membersWithLicenseErrors: isFailed(errors) ? errors : ok(errors),
  };
}

/** A cloud-only tenant (never synced). */
export const cloudOnlyTenant: Partial<Organization> = { onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null };

/** Finding ids of a diagnosis, most important first. */
export const ids = (d: Diagnosis): string[] => d.findings.map((f) => f.id);

/** The finding with this id (the test fails, naming what was there, when it is missing). */
export function get(d: Diagnosis, id: string): Finding {
  const f = d.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in ${ids(d).join(', ')}`);
  return f;
}

