/** Every scenario the group tests walk through, as diagnoses – used to check all rendered text in both languages. */
import { topicsOf } from '../../../src/topics';
import { diagnoseGroup, diagnoseResolutionProblem, explainConnectError, howConnectSyncs, type GroupTopic } from '../../../src/diagnostics/group';
import type { GroupSnapshot } from '../../../src/diagnostics/snapshot';
import type { Diagnosis, Finding } from '../../../src/diagnostics/types';
import {
  clock,
  daysAgo,
  denied,
  distributionGroup,
  dynamicGroup,
  failed,
  group,
  hoursAgo,
  licensed,
  m365Group,
  mailSecurityGroup,
  memberWithError,
  minutesAgo,
  role,
  SKU,
  snapshot,
  syncedGroup,
} from './builders';

const TOPICS = topicsOf('group') as GroupTopic[];

function snapshots(): GroupSnapshot[] {
  const lic = group(licensed(SKU.ENTERPRISEPACK, SKU.EMS));
  const errors = ['CountViolation', 'MutuallyExclusiveViolation', 'DependencyViolation', 'ProhibitedInUsageLocationViolation', 'UniquenessViolation', 'Other'];
  const oneEach = errors.map((e, i) => memberWithError(`one${i}@contoso.com`, lic.id, e));
  const twoEach = errors.flatMap((e, i) => [memberWithError(`a${i}@contoso.com`, lic.id, e), memberWithError(`b${i}@contoso.com`, lic.id, e)]);
  const conflicts = syncedGroup({
    onPremisesProvisioningErrors: [
      { category: 'PropertyConflict', occurredDateTime: '2026-03-08T22:10:00Z', propertyCausingError: 'UserPrincipalName', value: 'sales@contoso.com' },
      { category: 'PropertyConflict', occurredDateTime: '2026-03-08T22:10:00Z', propertyCausingError: 'ProxyAddress', value: 'SMTP:sales@contoso.com' },
      { category: 'PropertyConflict', occurredDateTime: null, propertyCausingError: 'Mail', value: 'sales@contoso.com' },
      { category: 'Other', occurredDateTime: null, propertyCausingError: null, value: null },
    ],
  });
  return [
    snapshot(syncedGroup()),
    snapshot(syncedGroup(licensed(SKU.ENTERPRISEPACK)), { org: { onPremisesLastSyncDateTime: hoursAgo(3) } }),
    snapshot(syncedGroup({ proxyAddresses: ['X500:/o=Contoso/cn=sales'] }), { org: { onPremisesLastSyncDateTime: daysAgo(3) } }),
    snapshot(conflicts, { org: { onPremisesLastSyncDateTime: daysAgo(9) } }),
    snapshot(mailSecurityGroup({ onPremisesSyncEnabled: true, onPremisesSecurityIdentifier: 'S-1-5-21-1' })),
    snapshot(distributionGroup({ onPremisesSyncEnabled: true, onPremisesSecurityIdentifier: 'S-1-5-21-2' }), { org: { onPremisesLastSyncDateTime: null } }),
    snapshot(group({ onPremisesSecurityIdentifier: 'S-1-5-21-3' }), { org: { onPremisesSyncEnabled: false } }),
    snapshot(group({ onPremisesSecurityIdentifier: 'S-1-5-21-4' }), { org: { onPremisesLastSyncDateTime: minutesAgo(1) } }),
    snapshot(distributionGroup()),
    snapshot(mailSecurityGroup(), { roles: ['exchangeAdministrator'] }),
    snapshot(dynamicGroup({ membershipRuleProcessingState: 'Paused' }), { org: { onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null } }),
    snapshot(group({ isAssignableToRole: true })),
    snapshot(group({ isAssignableToRole: true }), { roles: ['privilegedRoleAdministrator'] }),
    snapshot(group({ isAssignableToRole: true }), { roles: denied('GET /me/transitiveMemberOf'), owned: denied('GET /me/ownedObjects') }),
    snapshot(m365Group(), { roles: [], owned: [] }),
    snapshot(lic, { roles: [], owned: [lic.id], licenseErrors: oneEach }),
    snapshot(group({ ...licensed(SKU.EMS), licenseProcessingState: 'ProcessingInProgress' }), { licenseErrors: twoEach.map((m) => ({ ...m, licenseAssignmentStates: m.licenseAssignmentStates?.map((s) => ({ ...s, assignedByGroup: '' })) })) }),
    snapshot(group({ ...licensed(SKU.EMS), id: lic.id, licenseProcessingState: { state: 'ProcessingFailed' } }), { licenseErrors: twoEach, skus: denied('GET /subscribedSkus') }),
    snapshot(lic, { licenseErrors: [memberWithError('solo@contoso.com', lic.id, 'CountViolation')] }),
    snapshot(m365Group(), {
      roles: ['globalAdministrator'],
      org: failed(0, 'timeout', 'GET /organization'),
      skus: failed(429, 'TooManyRequests'),
      licenseErrors: failed(500, 'InternalServerError'),
    }),
  ];
}

const PASTES = [
  'InvalidHardMatch',
  'InvalidSoftMatch',
  'ObjectTypeMismatch',
  'AttributeValueMustBeUnique',
  'IdentityDataValidationFailed',
  'FederatedDomainChangeError',
  'LargeObject',
  'Existing Admin Role Conflict',
  'Error 114',
  'stopped-deletion-threshold-exceeded',
  'there is a product license assigned to the group',
  'SyncCycleEnabled = False',
  'something nobody has seen',
];

export function allScenarioDiagnoses(): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const s of snapshots()) {
    for (const topic of TOPICS) {
      out.push(diagnoseGroup(topic, s, clock));
      if (topic === 'group.cannot_modify') {
        for (const change of ['members', 'owners', 'properties', 'delete'] as const) out.push(diagnoseGroup(topic, s, clock, { change }));
      }
    }
  }
  const caller = { roles: { ok: true as const, value: [role('groupsAdministrator')] } };
  out.push(diagnoseResolutionProblem('group.cannot_modify', { kind: 'none', query: 'Salg', caller }, clock));
  out.push(diagnoseResolutionProblem('group.cannot_modify', { kind: 'denied', failure: denied('GET /groups'), caller }, clock));
  out.push(
    diagnoseResolutionProblem(
      'group.cannot_modify',
      { kind: 'many', candidates: [group(), group()].map((g) => ({ ...g, groupTypes: g.groupTypes })) },
      clock,
    ),
  );
  return out;
}

export function allScenarioFindings(): Finding[] {
  return [...allScenarioDiagnoses().flatMap((d) => d.findings), ...howConnectSyncs(), ...PASTES.flatMap(explainConnectError)];
}
