/** Tree G1 – "I can't edit the group, add members or assign owners". */
import { diagnoseGroup } from '../../../src/diagnostics/group';
import {
  clock,
  daysAgo,
  denied,
  distributionGroup,
  dynamicGroup,
  group,
  licensed,
  m365Group,
  mailSecurityGroup,
  SKU,
  snapshot,
  syncedGroup,
  ids,
  get,
} from './builders';


describe('G1.1 – a synced group is read-only in the cloud', () => {
  it('a Groups Administrator who cannot add members to the synced group "Sales" is told to make the change in on-prem AD', () => {
    const g = syncedGroup();
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock, { change: 'members' });
    expect(d.findings[0].id).toBe('G1.1.synced');
    expect(d.findings[0].severity).toBe('blocker');
    expect(d.findings[0].title).toEqual({ key: 'group.g1.synced.title', params: { name: 'Sales' } });
    expect(d.findings[0].evidence).toMatchObject({
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: g.onPremisesLastSyncDateTime,
      onPremisesSecurityIdentifier: g.onPremisesSecurityIdentifier,
    });
    expect(d.findings[0].fix.map((s) => s.key)).toEqual([
      'group.g1.synced.fix.ad',
      'group.g1.synced.fix.wait',
      'group.g1.synced.fix.verify',
      'group.g1.synced.fix.soa',
    ]);
    expect(d.findings[0].learnMore).toMatch(/^https:\/\/learn\.microsoft\.com\/entra\/identity\/hybrid\/concept-source-of-authority-overview/);
    // tenant sync health as supporting evidence; no rights verdict (roles don't matter for a synced group)
    expect(ids(d)).toContain('T1.fresh');
    expect(ids(d).some((id) => id.startsWith('G1.6'))).toBe(false);
    expect(ids(d)).not.toContain('G1.7.unexplained');
    expect(d.subject).toEqual({ kind: 'group', id: g.id, displayName: 'Sales' });
    expect(d.checkedAt).toBe('2026-03-10T12:00:00.000Z');
  });

  it('a stale tenant sync (3 days) shows up as supporting evidence, after the synced-group verdict', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(syncedGroup(), { org: { onPremisesLastSyncDateTime: daysAgo(3) } }), clock);
    expect(ids(d).slice(0, 2)).toEqual(['G1.1.synced', 'T1.stale']);
    expect(get(d, 'T1.stale').title).toEqual({ key: 'group.age.day.other', params: { count: 3 } });
  });

  it('a synced group with a proxy-address conflict also gets the per-object sync error (G1.1b)', () => {
    const g = syncedGroup({
      onPremisesProvisioningErrors: [
        { category: 'PropertyConflict', occurredDateTime: '2026-03-09T08:15:00Z', propertyCausingError: 'ProxyAddress', value: 'SMTP:sales@contoso.com' },
      ],
    });
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock);
    const t3 = get(d, 'T3.propertyConflict');
    expect(t3.title).toEqual({ key: 'group.t3.conflict.proxy.title', params: { name: 'Sales', value: 'SMTP:sales@contoso.com', property: 'ProxyAddress' } });
    expect(t3.evidence['onPremisesProvisioningErrors[].occurredDateTime']).toBe('2026-03-09T08:15:00Z');
    expect(d.findings[0].id).toBe('G1.1.synced');
  });

  it('a synced mail-enabled security group adds the on-prem Exchange step and an Exchange note, not an Exchange Online blocker', () => {
    const g = mailSecurityGroup({
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: daysAgo(0),
      onPremisesSecurityIdentifier: 'S-1-5-21-1-2-3-4444',
    });
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock);
    expect(get(d, 'G1.1.synced').fix.map((s) => s.key)).toContain('group.g1.synced.fix.exchange');
    const g12 = get(d, 'G1.2.exchange');
    expect(g12.severity).toBe('info');
    expect(g12.title.key).toBe('group.g1.exchange.mailSecurity.synced.title');
  });
});

describe('G1.3 – a group that came from AD but is now cloud-managed', () => {
  it('onPremisesSyncEnabled null with an on-prem SID is explained as converted (SOA) or sync turned off for the object', () => {
    const g = group({ onPremisesSyncEnabled: null, onPremisesSecurityIdentifier: 'S-1-5-21-9-9-9-1234', onPremisesLastSyncDateTime: daysAgo(40) });
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock);
    const g13 = get(d, 'G1.3.soaConverted');
    expect(g13.severity).toBe('info');
    expect(g13.title.key).toBe('group.g1.converted.title');
    expect(g13.evidence).toMatchObject({ onPremisesSyncEnabled: null, onPremisesSecurityIdentifier: 'S-1-5-21-9-9-9-1234' });
    expect(ids(d)).not.toContain('G1.1.synced');
    // Groups Administrator may edit it: nothing blocks, so ask for the exact error
    expect(ids(d)).toEqual(expect.arrayContaining(['G1.6.ok', 'G1.7.unexplained']));
  });

  it('a group whose sync flag is false while the tenant turned sync off mentions the 72-hour conversion', () => {
    const g = group({ onPremisesSyncEnabled: false, onPremisesSecurityIdentifier: 'S-1-5-21-9-9-9-77' });
    const d = diagnoseGroup('group.cannot_modify', snapshot(g, { org: { onPremisesSyncEnabled: false } }), clock);
    expect(get(d, 'G1.3.soaConverted').title.key).toBe('group.g1.converted.tenantOff.title');
    expect(get(d, 'G1.3.soaConverted').evidence['organization.onPremisesSyncEnabled']).toBe(false);
    expect(ids(d)).toContain('T1.off');
  });
});

describe('G1.2 – Exchange-managed groups', () => {
  it('a Groups Administrator who cannot add members to the cloud distribution group "All Oslo" is sent to Exchange, and told their role is not enough there', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(distributionGroup()), clock, { change: 'members' });
    expect(ids(d).slice(0, 2)).toEqual(['G1.2.exchange', 'G1.6.insufficient']);
    const g12 = get(d, 'G1.2.exchange');
    expect(g12.severity).toBe('blocker');
    expect(g12.title.key).toBe('group.g1.exchange.distribution.title');
    expect(g12.evidence).toMatchObject({ mailEnabled: true, securityEnabled: false, groupTypes: '' });
    expect(g12.fix[0].key).toBe('group.g1.exchange.fix.eac');
    const g16 = get(d, 'G1.6.insufficient');
    expect(g16.title.key).toBe('group.g1.rights.insufficientExchange.title');
    expect(g16.detail?.params?.roles).toBe('Exchange Recipient Administrator, Exchange Administrator, Global Administrator');
    // Graph doesn't list owners of Exchange groups: ownership is unknown, not "false"
    expect(g16.evidence['me/ownedObjects[].id contains group']).toBeNull();
  });

  it('an Exchange Administrator is told the mail-enabled security group is managed in Exchange, where their role suffices', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(mailSecurityGroup(), { roles: ['exchangeAdministrator'] }), clock);
    expect(get(d, 'G1.2.exchange').title.key).toBe('group.g1.exchange.mailSecurity.title');
    expect(get(d, 'G1.6.ok').title.params?.held).toBe('Exchange Administrator');
  });
});

describe('G1.4 – dynamic membership', () => {
  it('an admin who tries to add members to the dynamic group "Oslo Staff" sees the rule: members come from it', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(dynamicGroup()), clock, { change: 'members' });
    const g14 = d.findings[0];
    expect(g14.id).toBe('G1.4.dynamic');
    expect(g14.severity).toBe('blocker');
    expect(g14.evidence).toEqual({ groupTypes: 'DynamicMembership', membershipRule: '(user.city -eq "Oslo")', membershipRuleProcessingState: 'On' });
    expect(ids(d)).not.toContain('G1.4.paused');
  });

  it('paused rule processing is flagged', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(dynamicGroup({ membershipRuleProcessingState: 'Paused' })), clock);
    expect(get(d, 'G1.4.paused').severity).toBe('warning');
  });

  it('when the admin is changing properties, not members, the dynamic rule is only background', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(dynamicGroup()), clock, { change: 'properties' });
    expect(get(d, 'G1.4.dynamic').severity).toBe('info');
    expect(ids(d)).toContain('G1.7.unexplained');
  });
});

describe('G1.5 – role-assignable groups', () => {
  const g = group({ displayName: 'Tier0 Admins', isAssignableToRole: true });

  it('a Groups Administrator cannot change a role-assignable group: Privileged Role Administrator is needed', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock);
    const g15 = d.findings[0];
    expect(g15.id).toBe('G1.5.roleAssignable');
    expect(g15.severity).toBe('blocker');
    expect(g15.title.params).toEqual({ name: 'Tier0 Admins', roles: 'Privileged Role Administrator, Global Administrator' });
    expect(g15.evidence).toMatchObject({ isAssignableToRole: true, 'me/transitiveMemberOf/directoryRole[].displayName': 'Groups Administrator' });
    expect(ids(d)).toContain('G1.6.insufficient');
  });

  it('even an owner of a role-assignable group is not enough without the privileged role', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(g, { roles: [], owned: [g.id] }), clock);
    expect(ids(d)).toEqual(expect.arrayContaining(['G1.5.roleAssignable', 'G1.6.insufficient']));
  });

  it('a Privileged Role Administrator is told they hold the role (and about the RoleManagement permission)', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(g, { roles: ['privilegedRoleAdministrator'] }), clock);
    expect(get(d, 'G1.5.roleAssignable').severity).toBe('info');
    expect(ids(d)).toContain('G1.6.ok');
  });

  it('when the roles cannot be read, it warns and lists roles as unchecked', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(g, { roles: denied('GET /me/transitiveMemberOf/microsoft.graph.directoryRole') }), clock);
    expect(get(d, 'G1.5.roleAssignable').severity).toBe('warning');
    expect(d.unchecked.map((u) => u.id)).toContain('A1');
  });
});

describe('G1.6 – the caller’s rights for this kind of group', () => {
  it('a user without admin roles who owns the security group may manage it', () => {
    const g = group();
    const d = diagnoseGroup('group.cannot_modify', snapshot(g, { roles: [], owned: [g.id.toUpperCase()] }), clock);
    expect(get(d, 'G1.6.ok').title.key).toBe('group.g1.rights.owner.title');
  });

  it('a user without roles who does not own the Microsoft 365 group is told which roles can (incl. Exchange, SharePoint, Teams admins)', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(m365Group(), { roles: [] }), clock, { change: 'owners' });
    const f = get(d, 'G1.6.insufficient');
    expect(f.severity).toBe('blocker');
    expect(f.detail?.params?.roles).toBe(
      'Groups Administrator, User Administrator, Directory Writers, Identity Governance Administrator, Global Administrator, Exchange Administrator, SharePoint Administrator, Teams Administrator',
    );
    expect(f.evidence).toMatchObject({ 'me/transitiveMemberOf/directoryRole[].displayName': '', 'me/ownedObjects[].id contains group': false });
  });

  it('an Intune Administrator may change a security group but not a Microsoft 365 group', () => {
    expect(ids(diagnoseGroup('group.cannot_modify', snapshot(group(), { roles: ['intuneAdministrator'] }), clock))).toContain('G1.6.ok');
    expect(ids(diagnoseGroup('group.cannot_modify', snapshot(m365Group(), { roles: ['intuneAdministrator'] }), clock))).toContain('G1.6.insufficient');
  });

  it('when neither roles nor ownership can be read there is no rights verdict, only two unchecked entries with how to get them', () => {
    const d = diagnoseGroup(
      'group.cannot_modify',
      snapshot(group(), { roles: denied('GET /me/transitiveMemberOf'), owned: denied('GET /me/ownedObjects') }),
      clock,
    );
    expect(ids(d).some((id) => id.startsWith('G1.6'))).toBe(false);
    expect(d.unchecked).toEqual([
      { id: 'A1', what: { key: 'group.unchecked.roles' }, why: { key: 'diag.unchecked.denied', params: { roles: '-', scopes: 'RoleManagement.Read.Directory, Directory.Read.All' } } },
      { id: 'A2', what: { key: 'group.unchecked.owned' }, why: { key: 'diag.unchecked.denied', params: { roles: '-', scopes: 'User.Read' } } },
    ]);
  });
});

describe('G1.7 – nothing explains it', () => {
  it('a Global Administrator who cannot edit a plain cloud security group is asked for the exact portal error', () => {
    const d = diagnoseGroup('group.cannot_modify', snapshot(group(), { roles: ['globalAdministrator'], org: { onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null } }), clock);
    expect(ids(d)[0]).toBe('G1.7.unexplained');
    expect(ids(d)).toEqual(expect.arrayContaining(['G1.1.cloud', 'G1.6.ok']));
    expect(d.findings[0].fix).toHaveLength(4);
  });
});

describe('cross-tree: a delete asked as "cannot modify"', () => {
  it('a licensed cloud group the admin cannot delete shows the licence blocker too', () => {
    const g = group(licensed(SKU.ENTERPRISEPACK));
    const d = diagnoseGroup('group.cannot_modify', snapshot(g), clock, { change: 'delete' });
    expect(d.findings[0].id).toBe('G2.1.licensed');
    expect(ids(d)).not.toContain('G1.7.unexplained');
  });
});
