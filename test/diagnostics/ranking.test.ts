/**
 * How the question orders the findings (src/diagnostics/ranking.ts): every check runs for the object, the topic only
 * ranks. An admin's question that was read as the wrong topic still gets the object's real problem first.
 */
import { diagnoseGroup } from '../../src/diagnostics/group';
import { RANKING, rankFindings, rankPosition } from '../../src/diagnostics/ranking';
import type { Finding, Severity } from '../../src/diagnostics/types';
import { ISSUE_INTENTS, topicsOf, type GroupTopic } from '../../src/topics';
import { clock, dynamicGroup, group, licensed, memberWithError, SKU, snapshot, syncedGroup } from './group/builders';

const f = (id: string, severity: Severity): Finding => ({ id, severity, title: { key: id }, evidence: {}, fix: [] });
const ids = (fs: Finding[]): string[] => fs.map((x) => x.id);
const GROUP_TOPICS = topicsOf('group') as GroupTopic[];

describe('the ranking table', () => {
  it('has a row for every topic in the catalogue, and every row names findings of its own family', () => {
    expect(Object.keys(RANKING).sort()).toEqual([...ISSUE_INTENTS].sort());
    for (const topic of ISSUE_INTENTS) {
      const letters = topic.startsWith('group.') ? /^[GTL]\d/ : /^P\d/;
      expect(RANKING[topic].filter((id) => !letters.test(id))).toEqual([]);
    }
  });

  it('a problem that answers the question beats an unrelated blocker, which beats an unrelated warning', () => {
    const ranked = rankFindings('group.sync_errors', [f('G2.1.licensed', 'warning'), f('G1.5.roleAssignable', 'blocker'), f('T3.propertyConflict', 'warning')]);
    expect(ids(ranked)).toEqual(['T3.propertyConflict', 'G1.5.roleAssignable', 'G2.1.licensed']);
  });

  it('a real problem beats a reassuring answer to the question ("nothing wrong here" does not lead over licence errors)', () => {
    const ranked = rankFindings('group.sync_errors', [f('G4.notSynced', 'info'), f('L4.memberErrors', 'warning')]);
    expect(ids(ranked)).toEqual(['L4.memberErrors', 'G4.notSynced']);
  });

  it('among the findings that answer the question, the topic\'s order wins over severity', () => {
    expect(rankPosition('group.licensing', 'L5.countViolation')).toBeGreaterThan(rankPosition('group.licensing', 'L4.memberErrors'));
    const ranked = rankFindings('group.sync_howto', [f('G1.4.dynamic', 'blocker'), f('G1.4.paused', 'warning')]);
    expect(ids(ranked)).toEqual(['G1.4.paused', 'G1.4.dynamic']);
  });

  it('context lines (how an app is assigned, what the logs hold) appear only for the question they answer', () => {
    const fs = [f('P2.entryErrors', 'warning'), f('P4.assignedGroups', 'info'), f('P5.summary', 'info'), f('P3.running', 'ok')];
    expect(ids(rankFindings('provisioning.config_error', fs))).toEqual(['P2.entryErrors', 'P3.running']);
    expect(ids(rankFindings('provisioning.wrong_users', fs))).toContain('P4.assignedGroups');
    expect(ids(rankFindings('provisioning.logs', fs))).toContain('P5.summary');
  });

  it('with a user named, their cause leads; with no problem of their own, their outcome leads', () => {
    const focus = { problems: ['P3.scopingFilter'], outcomes: ['P3.userLog'] };
    const job = f('P2.entryErrors', 'warning');
    expect(ids(rankFindings('provisioning.no_users', [job, f('P3.userLog.success', 'ok')], focus))).toEqual(['P3.userLog.success', 'P2.entryErrors']);
    expect(ids(rankFindings('provisioning.no_users', [job, f('P3.userLog.skipped', 'ok'), f('P3.scopingFilter', 'blocker')], focus))[0]).toBe('P3.scopingFilter');
  });
});

describe('a group is diagnosed whole, whatever the topic', () => {
  const lic = group(licensed(SKU.ENTERPRISEPACK));
  const withErrors = snapshot(lic, {
    licenseErrors: [memberWithError('tuva@contoso.com', lic.id, 'CountViolation'), memberWithError('marius@contoso.com', lic.id, 'MutuallyExclusiveViolation')],
  });

  it.each(GROUP_TOPICS.filter((t) => t !== 'group.delete_licensed'))('%s: members with licence errors lead', (topic) => {
    const d = diagnoseGroup(topic, withErrors, clock);
    expect(d.topic).toBe(topic);
    expect(ids(d.findings).slice(0, 3)).toEqual(['L4.memberErrors', 'L5.countViolation', 'L5.mutuallyExclusiveViolation']);
  });

  it('a delete question still leads with the licences that block the delete, and the member errors follow', () => {
    const d = diagnoseGroup('group.delete_licensed', withErrors, clock);
    expect(d.findings[0].id).toBe('G2.1.licensed');
    expect(ids(d.findings)).toEqual(expect.arrayContaining(['L4.memberErrors', 'L5.countViolation']));
  });

  it.each(GROUP_TOPICS.filter((t) => t !== 'group.cannot_modify'))('%s: a paused membership rule is the headline, and "members come from a rule" is not a blocker', (topic) => {
    const d = diagnoseGroup(topic, snapshot(dynamicGroup({ membershipRuleProcessingState: 'Paused' })), clock);
    expect(d.findings[0].id).toBe('G1.4.paused');
    expect(d.findings.filter((x) => x.severity === 'blocker')).toEqual([]);
  });

  it('the delete path (G2) runs only when the question is about deleting', () => {
    const s = snapshot(syncedGroup(licensed(SKU.ENTERPRISEPACK)));
    for (const topic of GROUP_TOPICS) {
      const g2 = ids(diagnoseGroup(topic, s, clock).findings).filter((id) => id.startsWith('G2.'));
      if (topic === 'group.delete_licensed') expect(g2).toEqual(expect.arrayContaining(['G2.1.licensed', 'G2.3.syncedDelete']));
      else expect(g2).toEqual([]);
    }
  });

  it('group.licensing on a licensed group without errors says so, with the products by name', () => {
    const d = diagnoseGroup('group.licensing', snapshot(lic, { licenseErrors: [] }), clock);
    expect(d.findings[0]).toMatchObject({ id: 'L2.noErrors', severity: 'ok' });
    expect(d.findings[0].title.params).toMatchObject({ skus: 'ENTERPRISEPACK' });
  });
});
