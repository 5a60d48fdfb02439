/**
 * diagnoseUser, pure: what an admin is told about one person's directory sync and licences, and which answer leads.
 * Texts are checked in English and Norwegian through the real locale tables.
 */
import { fixedClock } from '../../../src/clock';
import { diagnoseUser, LICENSE_TOPICS, userIdOfSubject } from '../../../src/diagnostics/user';
import { serviceMessage } from '../../../src/diagnostics/user/sync';
import type { DirectoryUser, Part, SubscribedSku, UserSnapshot } from '../../../src/diagnostics/snapshot';
import type { Finding, Text } from '../../../src/diagnostics/types';
import { t, type Lang } from '../../../src/i18n';

const clock = fixedClock('2026-11-21T09:00:00Z');
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const E5 = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';
const PBI = 'f8a1db68-be16-40ed-86d5-cb42ce701560';
const GROUP = 'aaaaaaaa-1111-4111-8111-111111111111';
const HOLDER = 'bbbbbbbb-2222-4222-8222-222222222222';

const SKUS: Part<SubscribedSku[]> = {
  ok: true,
  value: [
    { skuId: E3, skuPartNumber: 'ENTERPRISEPACK', consumedUnits: 250, prepaidUnits: { enabled: 250 } },
    { skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM', consumedUnits: 3, prepaidUnits: { enabled: 10 } },
    { skuId: PBI, skuPartNumber: 'POWER_BI_PRO', consumedUnits: 5, prepaidUnits: { enabled: 20 } },
  ],
};

function person(over: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: 'cccccccc-3333-4333-8333-333333333333',
    displayName: 'Kari Nordmann',
    userPrincipalName: 'kari.nordmann@contoso.no',
    mail: null,
    proxyAddresses: [],
    usageLocation: 'NO',
    accountEnabled: true,
    onPremisesSyncEnabled: true,
    onPremisesLastSyncDateTime: '2026-11-21T08:40:00Z',
    onPremisesImmutableId: 'abc123==',
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
    assignedLicenses: [],
    licenseAssignmentStates: [],
    ...over,
  };
}

function snapshot(user: DirectoryUser, over: Partial<UserSnapshot> = {}): UserSnapshot {
  return {
    fetchedAt: clock.now().toISOString(),
    caller: { roles: { ok: true, value: [] } },
    user,
    organization: { ok: true, value: { id: 'org', displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2026-11-21T08:40:00Z' } },
    subscribedSkus: SKUS,
    licenseGroups: { [GROUP]: { ok: true, value: { id: GROUP, displayName: 'Lisens E3 Ansatte' } } },
    conflicts: [],
    ...over,
  };
}

const say = (lang: Lang, text: Text | undefined) => (text ? t(lang, text.key, text.params ?? {}) : '');
const ids = (fs: Finding[]) => fs.map((f) => f.id);

/** Every text of every finding resolves in both languages (no key shown raw). */
function expectTranslated(findings: Finding[]) {
  for (const lang of ['en', 'nb'] as const) {
    for (const f of findings) {
      for (const text of [f.title, f.detail, ...f.fix].filter((x): x is Text => Boolean(x))) {
        expect(say(lang, text)).not.toBe(text.key);
      }
    }
  }
}

const placeholderKari = person({
  userPrincipalName: 'kari.nordmann4821@contosonordic.onmicrosoft.com',
  onPremisesProvisioningErrors: [{ category: 'PropertyConflict', propertyCausingError: 'UserPrincipalName', value: 'kari.nordmann@contoso.no', occurredDateTime: '2026-11-20T03:00:00Z' }],
});
const heldByCloudKari = [
  { property: 'UserPrincipalName', value: 'kari.nordmann@contoso.no', holders: { ok: true as const, value: [{ id: HOLDER, kind: 'user' as const, displayName: 'Kari Nordmann (sky)', userPrincipalName: 'kari.nordmann@contoso.no' }] } },
];

describe('a user’s directory-sync errors', () => {
  it('the onmicrosoft.com placeholder UPN: says which value, which other account holds it, and what to change where', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(placeholderKari, { conflicts: heldByCloudKari }), clock);
    const head = d.findings[0];
    expect(head.id).toBe('U2.placeholder');
    expect(d.subject).toEqual({ kind: 'user', id: `user:${placeholderKari.id}`, displayName: 'Kari Nordmann' });
    expect(say('en', head.title)).toBe(
      'Kari Nordmann got the placeholder sign-in name kari.nordmann4821@contosonordic.onmicrosoft.com: kari.nordmann@contoso.no is already used by Kari Nordmann (sky) (kari.nordmann@contoso.no).',
    );
    expect(say('nb', head.title)).toContain('har fått det midlertidige påloggingsnavnet kari.nordmann4821@contosonordic.onmicrosoft.com');
    expect(head.fix.map((s) => say('en', s)).join(' ')).toMatch(/on-premises AD.*Start-ADSyncSyncCycle/s);
    expect(head.evidence['otherObjects[].displayName']).toBe('Kari Nordmann (sky) (kari.nordmann@contoso.no)');
    expect(ids(d.findings)).toEqual(expect.arrayContaining(['U1.synced', 'T1.fresh']));
    expectTranslated(d.findings);
  });

  it('a UPN conflict nobody holds any more says so, and a conflict whose holder couldn’t be read says "another object"', () => {
    const free = diagnoseUser('group.sync_errors', snapshot(placeholderKari, { conflicts: [{ ...heldByCloudKari[0], holders: { ok: true, value: [] } }] }), clock);
    expect(free.findings[0].title.key).toBe('user.u2.placeholder.title.free');
    const denied = { ok: false as const, status: 403, code: 'Authorization_RequestDenied', request: 'GET /users' };
    const unknown = diagnoseUser('group.sync_errors', snapshot(placeholderKari, { conflicts: [{ ...heldByCloudKari[0], holders: denied }] }), clock);
    expect(unknown.findings[0].title.key).toBe('user.u2.placeholder.title.unknown');
    expect(unknown.unchecked.map((u) => u.id)).toContain('U2');
  });

  it('a duplicate proxy address held by a shared mailbox, and the Exchange Online error it causes', () => {
    const ola = person({
      displayName: 'Ola Nordmann',
      userPrincipalName: 'ola.nordmann@contoso.no',
      onPremisesProvisioningErrors: [{ category: 'PropertyConflict', propertyCausingError: 'ProxyAddresses', value: 'smtp:salg@contoso.no', occurredDateTime: '2026-11-21T04:00:00Z' }],
      serviceProvisioningErrors: [
        { createdDateTime: '2026-11-21T04:03:00Z', isResolved: false, serviceInstance: 'exchange/eurprd05-001-01', errorDetail: '<ErrorRecord><ErrorDescription>The address is already in use by "salg.support".</ErrorDescription></ErrorRecord>' },
        { createdDateTime: '2026-10-01T04:03:00Z', isResolved: true, serviceInstance: 'exchange/eurprd05-001-01', errorDetail: '<x/>' },
      ],
    });
    const d = diagnoseUser('group.sync_errors', snapshot(ola, { conflicts: [{ property: 'ProxyAddresses', value: 'smtp:salg@contoso.no', holders: { ok: true, value: [{ id: HOLDER, kind: 'user', displayName: 'Salg Support', userPrincipalName: 'salg.support@contoso.no' }] } }] }), clock);
    expect(ids(d.findings).slice(0, 2)).toEqual(['U2.proxy', 'U3.service']);
    expect(say('en', d.findings[0].title)).toBe('smtp:salg@contoso.no was taken off Ola Nordmann\'s addresses: Salg Support (salg.support@contoso.no) already has it.');
    expect(say('nb', d.findings[0].title)).toBe('smtp:salg@contoso.no er tatt bort fra adressene til Ola Nordmann: Salg Support (salg.support@contoso.no) har den allerede.');
    expect(say('en', d.findings[1].title)).toBe('Exchange Online reports a problem with Ola Nordmann: The address is already in use by "salg.support".');
    expect(ids(d.findings).filter((id) => id === 'U3.service')).toHaveLength(1); // the resolved one is history
    expectTranslated(d.findings);
  });

  it('synced but signing in with an onmicrosoft.com name and no conflict recorded: points at the UPN suffix', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(person({ displayName: 'Tore Vik', userPrincipalName: 'tore.vik@contosonordic.onmicrosoft.com' })), clock);
    expect(d.findings[0].id).toBe('U2.initialDomain');
    expect(say('nb', d.findings[0].fix[0])).toContain('bekreftet egendefinert domene');
  });

  it('a cloud-only account without errors: leads with "it isn\'t synced", then "nothing recorded", and no tenant sync freshness', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(person({ onPremisesSyncEnabled: null, onPremisesImmutableId: null, onPremisesLastSyncDateTime: null })), clock);
    expect(ids(d.findings)).toEqual(['U1.cloud', 'U2.none', 'L6.none']);
    expect(say('en', d.findings[0].title)).toBe('Kari Nordmann is a cloud-only account: Microsoft Entra Connect doesn\'t sync it.');
    expect(say('nb', d.findings[1].title)).toBe('Det er ingen feil i katalogsynkroniseringen registrert på Kari Nordmann, og en ren skykonto synkroniseres uansett ikke.');
  });

  it('a disabled account is mentioned', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(person({ accountEnabled: false })), clock);
    expect(ids(d.findings)).toContain('U4.disabled');
  });

  it('an Exchange error message is read out of its XML, and long ones are cut', () => {
    expect(serviceMessage('<a><ErrorDescription>  Two\n words </ErrorDescription></a>')).toBe('Two words');
    expect(serviceMessage('<a>no description</a>')).toBe('no description');
    expect(serviceMessage('x'.repeat(400))).toHaveLength(300);
  });
});

describe('a user’s licences', () => {
  const state = (skuId: string, group: string | null, st: string, error: string) => ({ skuId, assignedByGroup: group, state: st, error, disabledPlans: [], lastUpdatedDateTime: '2026-11-21T07:00:00Z' });

  it('CountViolation from a group: the product by name, the group by name, and the tenant’s licence counts', () => {
    const jonas = person({ displayName: 'Jonas Dahl', licenseAssignmentStates: [state(E3, GROUP, 'Error', 'CountViolation')] });
    const d = diagnoseUser('group.delete_licensed', snapshot(jonas), clock);
    const head = d.findings[0];
    expect(head.id).toBe('L6.countViolation');
    expect(head.severity).toBe('blocker');
    // The card turns ENTERPRISEPACK into the product name; the text carries the SKU part number for it.
    expect(head.title).toEqual({ key: 'user.l6.countViolation.title.group', params: expect.objectContaining({ skus: 'ENTERPRISEPACK', group: 'Lisens E3 Ansatte', user: 'Jonas Dahl' }) });
    expect(head.evidence).toMatchObject({ 'subscribedSkus[ENTERPRISEPACK].prepaidUnits.enabled': 250, 'subscribedSkus[ENTERPRISEPACK].consumedUnits': 250 });
    expectTranslated(d.findings);
  });

  it('MutuallyExclusiveViolation names the product it clashes with', () => {
    const mette = person({ licenseAssignmentStates: [state(E5, null, 'Active', 'None'), state(E3, GROUP, 'Error', 'MutuallyExclusiveViolation')] });
    const d = diagnoseUser('group.delete_licensed', snapshot(mette), clock);
    expect(d.findings[0]).toMatchObject({ id: 'L6.mutuallyExclusiveViolation', title: { params: { otherSkus: 'ENTERPRISEPREMIUM' } } });
    expect(ids(d.findings)).toContain('L6.active');
  });

  it('ProhibitedInUsageLocationViolation: with no usage location it says so; with one it names it', () => {
    const none = diagnoseUser('group.delete_licensed', snapshot(person({ usageLocation: null, licenseAssignmentStates: [state(PBI, GROUP, 'Error', 'ProhibitedInUsageLocationViolation')] })), clock);
    expect(none.findings[0].title.key).toBe('user.l6.prohibitedInUsageLocationViolation.noLocation.title.group');
    expect(none.findings[0].evidence.usageLocation).toBeNull();
    expect(say('nb', none.findings[0].title)).toContain('har ingen bruksplassering');
    const cuba = diagnoseUser('group.delete_licensed', snapshot(person({ usageLocation: 'CU', licenseAssignmentStates: [state(PBI, GROUP, 'Error', 'ProhibitedInUsageLocationViolation')] })), clock);
    expect(say('en', cuba.findings[0].title)).toContain('usage location of Kari Nordmann (CU)');
    expectTranslated([...none.findings, ...cuba.findings]);
  });

  it('fine: "<user> has <product> from <group>: active", and direct assignments say so', () => {
    const sofie = person({ displayName: 'Sofie Lund', licenseAssignmentStates: [state(E3, GROUP, 'Active', 'None'), state(PBI, null, 'Active', 'None')] });
    const d = diagnoseUser('group.delete_licensed', snapshot(sofie), clock);
    const lic = d.findings.filter((f) => f.id === 'L6.active');
    expect(lic.map((f) => f.title.key)).toEqual(['user.l6.active.group.title', 'user.l6.active.direct.title']);
    expect(t('en', lic[0].title.key, lic[0].title.params)).toBe('Sofie Lund has ENTERPRISEPACK from “Lisens E3 Ansatte”: active.');
    expect(t('nb', lic[1].title.key, lic[1].title.params)).toBe('Sofie Lund har POWER_BI_PRO, tildelt direkte: aktiv.');
  });

  it('the group the admin named gives nothing: says so (not a member, or no licences there)', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(person(), { focusGroup: { id: GROUP, displayName: 'Lisens E3 Ansatte' } }), clock);
    expect(d.findings[0].id).toBe('L6.notFromGroup');
  });

  it('a group whose name couldn’t be read is shown by id and listed as not checked', () => {
    const denied = { ok: false as const, status: 403, code: 'Authorization_RequestDenied', request: 'GET /groups/x' };
    const d = diagnoseUser('group.delete_licensed', snapshot(person({ licenseAssignmentStates: [state(E3, GROUP, 'Error', 'CountViolation')] }), { licenseGroups: { [GROUP]: denied } }), clock);
    expect(d.findings[0].title.params?.group).toBe(GROUP);
    expect(d.unchecked.map((u) => u.id)).toContain('L6');
  });
});

describe('the headline answers the question asked', () => {
  const both = person({
    userPrincipalName: placeholderKari.userPrincipalName,
    onPremisesProvisioningErrors: placeholderKari.onPremisesProvisioningErrors,
    licenseAssignmentStates: [{ skuId: E3, assignedByGroup: GROUP, state: 'Active', error: 'None' }],
  });

  it('a sync question leads with the sync error; a licence question with the licence state, even when it is fine', () => {
    const sync = diagnoseUser('group.sync_errors', snapshot(both, { conflicts: heldByCloudKari }), clock);
    expect(sync.findings[0].id).toBe('U2.placeholder');
    const licence = diagnoseUser('group.delete_licensed', snapshot(both, { conflicts: heldByCloudKari }), clock);
    expect(ids(licence.findings).slice(0, 2)).toEqual(['L6.active', 'U2.placeholder']);
  });

  it('naming the group a licence should come from makes it a licence question whatever the topic', () => {
    const d = diagnoseUser('group.sync_errors', snapshot(both, { conflicts: heldByCloudKari, focusGroup: { id: GROUP, displayName: 'Lisens E3 Ansatte' } }), clock);
    expect(d.findings[0].id).toBe('L6.active');
  });

  it('a group-based licensing question about a person leads with their licence state too', () => {
    expect([...LICENSE_TOPICS].sort()).toEqual(['group.delete_licensed', 'group.licensing']);
    const licensing = diagnoseUser('group.licensing', snapshot(both, { conflicts: heldByCloudKari }), clock);
    expect(ids(licensing.findings).slice(0, 2)).toEqual(['L6.active', 'U2.placeholder']);
  });

  it('the subject id tells "Check again" it is a user', () => {
    expect(userIdOfSubject('user:abc')).toBe('abc');
    expect(userIdOfSubject('abc')).toBeUndefined();
    expect(userIdOfSubject(undefined)).toBeUndefined();
  });
});
