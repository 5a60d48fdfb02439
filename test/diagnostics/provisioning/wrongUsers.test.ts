import { inferSyncScope } from '../../../src/diagnostics/provisioning';
import { event, groupAssignment, JOB_ID, userAssignment } from './builders';
import { finding, ids, run } from './helpers';

describe('P4 – "the wrong users are provisioned"', () => {
  test('many skipped events for users nobody assigned → probably "Sync all users and groups"; confirm in the portal, then restart', () => {
    const d = run('wrong_users: Sync all likely');
    const f = d.findings[0];
    expect(f.id).toBe('P4.syncAllLikely');
    expect(f.evidence).toMatchObject({ 'distinctUsers.notAssigned': 4, 'distinctUsers.notAssigned.skipped': 4 });
    expect(f.fix[0].key).toBe('provisioning.P4.syncAllLikely.fix.1');
    expect(f.action).toEqual({ kind: 'restartJob', jobId: JOB_ID });
  });

  test('every user in the logs is assigned → probably "Sync only assigned users and groups"', () => {
    const d = run('wrong_users: assigned only likely');
    expect(finding(d, 'P4.assignedOnlyLikely').title.params).toMatchObject({ users: 3 });
    expect(ids(d)).not.toContain('P4.syncAllLikely');
  });

  test('a broad "All Users" group and a filter with two OR-ed groups, one with AND-ed clauses', () => {
    const d = run('wrong_users: broad group and wide filter');
    expect(finding(d, 'P4.broadGroup').title.params).toMatchObject({ groups: 'All Users' });
    expect(finding(d, 'P4.filterOr').title.params).toMatchObject({ groups: 2 });
    expect(finding(d, 'P4.filterAnd').title.params).toMatchObject({ clauses: 2 });
    expect(finding(d, 'P4.assignedGroups').title.params).toMatchObject({ count: 2 });
    expect(finding(d, 'P4.scopeUnknown').severity).toBe('info');
    expect(ids(d)).toEqual(expect.arrayContaining(['P4.tooFew', 'P4.restartAfterScopeChange', 'P4.outOfScope', 'P4.targetChanges']));
    expect(finding(d, 'P4.outOfScope').learnMore).toContain('skip-out-of-scope-deletions');
  });

  describe('the inference itself', () => {
    const u = (i: number) => ({ id: `u${i}`, name: `U${i}` });
    test('an unassigned user who was created anyway is enough to say Sync all (no groups assigned)', () => {
      expect(inferSyncScope([event(u(1), 'success', { action: 'create' })], [userAssignment('u9', 'U9')]).kind).toBe('syncAllLikely');
    });
    test('a scoping step that says "Sync all" decides it', () => {
      expect(inferSyncScope([event(u(1), 'skipped', { step: { type: 'scoping', status: 'skipped', description: 'Scope: sync all users and groups' } })], [groupAssignment('g', 'G')]).kind).toBe('syncAllLikely');
    });
    test('with groups assigned, events for non-direct users are not counted as unassigned (they may be members)', () => {
      const r = inferSyncScope([1, 2, 3, 4].map((i) => event(u(i), 'skipped')), [groupAssignment('g', 'G')]);
      expect(r).toMatchObject({ kind: 'unknown', unassignedUsers: 0 });
    });
    test('too few events → unknown', () => {
      expect(inferSyncScope([event(u(1), 'success')], [userAssignment('u1', 'U1')]).kind).toBe('unknown');
    });
    test('group objects in the logs are ignored', () => {
      expect(inferSyncScope([1, 2, 3].map((i) => event(u(i), 'skipped', { identityType: 'Group' })), []).users).toBe(0);
    });
  });
});
