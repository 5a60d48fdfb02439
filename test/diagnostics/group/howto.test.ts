/** Knowledge card G3 – how Connect syncs users, groups and contacts, tailored to the group when there is one. */
import { diagnoseGroup, howConnectSyncs } from '../../../src/diagnostics/group';
import { clock, group, mailSecurityGroup, snapshot, syncedGroup } from './builders';

describe('G3 – how Connect syncs', () => {
  it('the general card works without a snapshot: info findings, each with a Learn link', () => {
    const f = howConnectSyncs();
    expect(f.map((x) => x.id)).toEqual([
      'G3.scope',
      'G3.memberships',
      'G3.mailEnabled',
      'G3.foreignPrincipals',
      'G3.contacts',
      'G3.disabledAndAnchor',
      'G3.singleObject',
    ]);
    expect(f.every((x) => x.severity === 'info' && /^https:\/\/learn\.microsoft\.com\//.test(x.learnMore ?? ''))).toBe(true);
  });

  it('an admin asks why the synced group "Sales" has no mailbox: it only has X500 proxy addresses', () => {
    const g = syncedGroup({ mailEnabled: false, proxyAddresses: ['X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=sales'] });
    const d = diagnoseGroup('group.sync_howto', snapshot(g), clock);
    expect(d.findings[0].id).toBe('G3.notMailEnabled.x500');
    expect(d.findings[0].evidence).toEqual({ mailEnabled: false, mail: null, proxyAddresses: 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=sales' });
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['G3.securityMemberships', 'T1.fresh', 'G3.scope']));
  });

  it('a synced security group with no mail at all is told that is normal unless it should receive mail', () => {
    const d = diagnoseGroup('group.sync_howto', snapshot(syncedGroup()), clock);
    expect(d.findings.map((f) => f.id)).toContain('G3.notMailEnabled.noMail');
  });

  it('a synced mail-enabled security group with an SMTP address has no mail finding, only the membership note', () => {
    const g = mailSecurityGroup({ onPremisesSyncEnabled: true, onPremisesSecurityIdentifier: 'S-1-5-21-1-1-1-1' });
    const ids = diagnoseGroup('group.sync_howto', snapshot(g), clock).findings.map((f) => f.id);
    expect(ids.some((id) => id.startsWith('G3.notMailEnabled'))).toBe(false);
    expect(ids).toContain('G3.securityMemberships');
  });

  it('a cloud group is told Connect does not sync it', () => {
    const d = diagnoseGroup('group.sync_howto', snapshot(group()), clock);
    expect(d.findings[0].id).toBe('G3.notSynced');
    expect(d.findings[0].title.key).toBe('group.g3.notSynced.cloud.title');
  });
});
