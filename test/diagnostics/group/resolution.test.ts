/** G0 – the group the admin named could not be resolved to exactly one. */
import { diagnoseResolutionProblem } from '../../../src/diagnostics/group';
import { clock, denied, role } from './builders';

const caller = { roles: { ok: true as const, value: [role('groupsAdministrator')] } };

describe('G0 – resolving the group', () => {
  it('an admin types a name that matches nothing and gets tips (spelling, mail or object id, dynamic distribution groups)', () => {
    const d = diagnoseResolutionProblem('group.cannot_modify', { kind: 'none', query: 'Salg Oslo', caller }, clock);
    expect(d.findings.map((f) => f.id)).toEqual(['G0.notFound']);
    expect(d.findings[0].title.params).toEqual({ query: 'Salg Oslo' });
    expect(d.findings[0].fix).toHaveLength(4);
    expect(d.subject).toEqual({ kind: 'group', displayName: 'Salg Oslo' });
    expect(d.checkedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(d.unchecked).toEqual([]);
  });

  it('an admin whose account may not read groups is told which role and scope are needed', () => {
    const failure = denied('GET /groups');
    const d = diagnoseResolutionProblem('group.sync_errors', { kind: 'denied', failure, caller: { roles: denied('GET /me/transitiveMemberOf') } }, clock);
    expect(d.findings[0]).toMatchObject({ id: 'G0.denied', severity: 'blocker', evidence: { status: 403, code: 'Authorization_RequestDenied', request: 'GET /groups' } });
    expect(d.unchecked.map((u) => u.id)).toEqual(['G0', 'A1']);
    expect(d.unchecked[0].why.params).toEqual({ roles: 'Directory Readers, Global Reader, Groups Administrator', scopes: 'Group.Read.All, Directory.Read.All' });
  });

  it('several groups with the same name are listed (capped) for the admin to pick', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({
      id: `g${i}`,
      displayName: 'Sales',
      mail: i === 0 ? 'sales@contoso.com' : null,
      onPremisesSyncEnabled: null,
      groupTypes: [],
      mailEnabled: false,
      securityEnabled: true,
    }));
    const d = diagnoseResolutionProblem('group.cannot_modify', { kind: 'many', candidates }, clock);
    expect(d.findings[0].id).toBe('G0.many');
    expect(d.findings[0].evidence['groups@count']).toBe(12);
    expect(String(d.findings[0].evidence['groups[].displayName'])).toMatch(/^Sales <sales@contoso\.com>, Sales, .* \(\+2\)$/);
  });
});
