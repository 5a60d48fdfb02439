/** Tree G2 – deleting a (licensed) group, with the group-based licensing checks L1, L4, L5. */
import { diagnoseGroup } from '../../../src/diagnostics/group';
import {
  clock,
  daysAgo,
  denied,
  distributionGroup,
  group,
  licensed,
  m365Group,
  memberWithError,
  SKU,
  snapshot,
  syncedGroup,
  ids,
  get,
} from './builders';


describe('G2.1 + G2.3 – a synced group with licences', () => {
  it('an admin who wants to delete the synced, licensed group "Sales" learns both: remove the licences, then delete in AD', () => {
    const g = syncedGroup(licensed(SKU.ENTERPRISEPACK, SKU.EMS));
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { org: { onPremisesLastSyncDateTime: daysAgo(9) } }), clock);
    expect(ids(d).slice(0, 2)).toEqual(['G2.1.licensed', 'G2.3.syncedDelete']);
    const g21 = get(d, 'G2.1.licensed');
    expect(g21.severity).toBe('blocker');
    expect(g21.evidence).toEqual({ 'assignedLicenses[].skuPartNumber': 'ENTERPRISEPACK, EMS', 'licenseProcessingState.state': 'ProcessingComplete' });
    expect(g21.title.params).toMatchObject({ name: 'Sales', skus: 'ENTERPRISEPACK, EMS', count: 2 });
    expect(g21.fix[1].params?.skuIds).toBe(`"${SKU.ENTERPRISEPACK}", "${SKU.EMS}"`);
    expect(g21.learnMore).toBe('https://learn.microsoft.com/entra/identity/users/licensing-group-advanced#deleting-a-group-with-an-assigned-license');
    expect(get(d, 'G2.3.syncedDelete').title.key).toBe('group.g2.syncedDelete.licensed.title');
    expect(get(d, 'G2.2.membersLose').title.params).toEqual({ name: 'Sales', skus: 'ENTERPRISEPACK, EMS' });
    expect(ids(d)).toContain('T1.critical');
    expect(ids(d)).not.toContain('G2.4.cloudDelete');
  });

  it('a synced group without licences is only told to delete it on-prem', () => {
    const d = diagnoseGroup('group.delete_licensed', snapshot(syncedGroup()), clock);
    expect(d.findings[0].id).toBe('G2.3.syncedDelete');
    expect(d.findings[0].title.key).toBe('group.g2.syncedDelete.title');
    expect(ids(d)).toContain('G2.1.noLicences');
  });

  it('when the tenant SKUs cannot be read, licences are shown by skuId and the gap is listed as unchecked', () => {
    const g = group(licensed(SKU.ENTERPRISEPACK));
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { skus: denied('GET /subscribedSkus') }), clock);
    expect(get(d, 'G2.1.licensed').evidence).toMatchObject({ 'assignedLicenses[].skuId': SKU.ENTERPRISEPACK });
    expect(get(d, 'G2.1.licensed').title.params?.skus).toBe(SKU.ENTERPRISEPACK);
    expect(d.unchecked).toEqual([
      {
        id: 'L2',
        what: { key: 'group.unchecked.skus.fallback' },
        why: {
          key: 'diag.unchecked.denied',
          params: { roles: 'Directory Readers, Global Reader, License Administrator', scopes: 'LicenseAssignment.Read.All, Organization.Read.All, Directory.Read.All' },
        },
      },
    ]);
  });
});

describe('L1 – licence processing state (both shapes)', () => {
  it.each([
    ['a bare string', 'ProcessingInProgress', 'L1.processing'],
    ['an object', { state: 'QueuedForProcessing' }, 'L1.processing'],
    ['a failed object', { state: 'ProcessingFailed' }, 'L1.failed'],
  ])('processing given as %s is reported as still running / failed', (_label, state, id) => {
    const g = group({ ...licensed(SKU.EMS), licenseProcessingState: state as never });
    const d = diagnoseGroup('group.delete_licensed', snapshot(g), clock);
    const f = get(d, id);
    expect(f.severity).toBe('warning');
    expect(f.evidence['licenseProcessingState.state']).toBe(typeof state === 'string' ? state : state.state);
  });

  it('a completed state (string or object) is silent', () => {
    for (const s of ['ProcessingComplete', { state: 'ProcessingComplete' }]) {
      const d = diagnoseGroup('group.delete_licensed', snapshot(group({ ...licensed(SKU.EMS), licenseProcessingState: s as never })), clock);
      expect(ids(d).some((id) => id.startsWith('L1'))).toBe(false);
    }
  });
});

describe('L4/L5 – members with licence errors from this group', () => {
  it('lists at most 10 members, counts the rest, and ignores errors that come from another group', () => {
    const g = group(licensed(SKU.ENTERPRISEPACK));
    const members = Array.from({ length: 12 }, (_, i) => memberWithError(`user${i + 1}@contoso.com`, g.id, 'CountViolation'));
    members.push(memberWithError('other@contoso.com', 'another-group-id', 'CountViolation'));
    members.push(memberWithError('fine@contoso.com', g.id, 'None', SKU.ENTERPRISEPACK, {}, { state: 'Active' }));
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { licenseErrors: members }), clock);
    const l4 = get(d, 'L4.memberErrors');
    expect(l4.title).toEqual({ key: 'group.l4.title.other', params: { name: 'Sales', count: 12 } });
    expect(l4.evidence['membersWithLicenseErrors@count']).toBe(12);
    const listed = String(l4.evidence['membersWithLicenseErrors[].userPrincipalName']);
    expect(listed).toMatch(/^user1@contoso\.com, .*user10@contoso\.com, … \(\+2\)$/);
    expect(listed).not.toContain('other@contoso.com');
    const l5 = get(d, 'L5.countViolation');
    expect(l5.title).toEqual({ key: 'group.l5.countViolation.title.other', params: { name: 'Sales', count: 12, skus: 'ENTERPRISEPACK' } });
    expect(l5.evidence).toMatchObject({
      'licenseAssignmentStates[].error': 'CountViolation',
      'subscribedSkus[ENTERPRISEPACK].prepaidUnits.enabled': 25,
      'subscribedSkus[ENTERPRISEPACK].consumedUnits': 25,
    });
    expect(l5.fix).toHaveLength(3);
  });

  it.each([
    ['CountViolation', 'L5.countViolation'],
    ['MutuallyExclusiveViolation', 'L5.mutuallyExclusiveViolation'],
    ['DependencyViolation', 'L5.dependencyViolation'],
    ['ProhibitedInUsageLocationViolation', 'L5.prohibitedInUsageLocationViolation'],
    ['UniquenessViolation', 'L5.uniquenessViolation'],
    ['Other', 'L5.other'],
    ['SomethingMicrosoftAddsLater', 'L5.other'],
  ])('one member with %s gets the matching remedy (%s)', (error, id) => {
    const g = m365Group({ ...licensed(SKU.POWER_BI_PRO), securityEnabled: true });
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { licenseErrors: [memberWithError('kari@contoso.com', g.id, error, SKU.POWER_BI_PRO)] }), clock);
    const f = get(d, id);
    expect(f.title.key).toBe(`group.l5.${id.slice('L5.'.length)}.title.one`);
    expect(f.evidence['licenseAssignmentStates[].error']).toBe(error);
    expect(f.evidence.userPrincipalName).toBe('kari@contoso.com');
    expect(get(d, 'L4.memberErrors').title.key).toBe('group.l4.title.one');
  });

  it('a usage-location violation shows each user’s usageLocation', () => {
    const g = group(licensed(SKU.ENTERPRISEPACK));
    const m = memberWithError('ola@contoso.com', g.id, 'ProhibitedInUsageLocationViolation', SKU.ENTERPRISEPACK, { usageLocation: 'KP' });
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { licenseErrors: [m] }), clock);
    expect(get(d, 'L5.prohibitedInUsageLocationViolation').evidence.usageLocation).toBe('ola@contoso.com: KP');
  });

  it('when members with errors cannot be read, that is listed as unchecked with the License Administrator role', () => {
    const g = group(licensed(SKU.ENTERPRISEPACK));
    const d = diagnoseGroup('group.delete_licensed', snapshot(g, { licenseErrors: denied('GET /groups/x/membersWithLicenseErrors') }), clock);
    expect(ids(d).some((id) => id.startsWith('L4') || id.startsWith('L5'))).toBe(false);
    expect(d.unchecked.map((u) => [u.id, u.why.params?.roles])).toEqual([['L4', 'License Administrator, Global Reader']]);
  });
});

describe('G2.4 – deleting a cloud group', () => {
  it('a Microsoft 365 group without licences can be deleted and restored for 30 days', () => {
    const d = diagnoseGroup('group.delete_licensed', snapshot(m365Group()), clock);
    expect(ids(d)).toEqual(expect.arrayContaining(['G2.1.noLicences', 'G2.4.cloudDelete', 'G1.6.ok']));
    expect(get(d, 'G2.4.cloudDelete').title.key).toBe('group.g2.cloudDelete.m365.title');
    expect(get(d, 'G2.4.cloudDelete').learnMore).toBe('https://learn.microsoft.com/graph/api/group-delete');
  });

  it('a security group is deleted permanently; Directory Writers may not delete it', () => {
    const d = diagnoseGroup('group.delete_licensed', snapshot(group(), { roles: ['directoryWriters'] }), clock);
    expect(get(d, 'G2.4.cloudDelete').title.key).toBe('group.g2.cloudDelete.security.title');
    expect(d.findings[0].id).toBe('G1.6.insufficient');
  });

  it('a cloud distribution group has to be deleted in Exchange', () => {
    const d = diagnoseGroup('group.delete_licensed', snapshot(distributionGroup(), { roles: ['exchangeAdministrator'] }), clock);
    expect(d.findings[0].id).toBe('G1.2.exchange');
    expect(d.findings[0].fix[0].key).toBe('group.g1.exchange.fix.eacDelete');
    expect(ids(d)).not.toContain('G2.4.cloudDelete');
  });

  it('a role-assignable group can only be deleted with Privileged Role Administrator', () => {
    const d = diagnoseGroup('group.delete_licensed', snapshot(group({ isAssignableToRole: true })), clock);
    expect(d.findings[0].id).toBe('G1.5.roleAssignable');
  });
});
