/** G0 – when the group couldn't be resolved to exactly one: not found, not allowed, or several candidates. */
import type { Clock } from '../../clock';
import type { GroupResolution } from '../snapshot';
import { sortFindings, type Diagnosis, type Finding, type Unchecked } from '../types';
import { graphUnavailableFinding, isAccessDenied, unchecked } from '../unchecked';
import { LEARN } from './links';
import { capList, finding, tx } from './text';
import type { GroupTopic } from '../../topics';
import { callerUnchecked, NEEDS } from './requirements';

/** A Diagnosis for the `none`, `denied` and `many` outcomes of resolving what the admin typed. */
export function diagnoseResolutionProblem(
  topic: GroupTopic,
  resolution: Exclude<GroupResolution, { kind: 'one' }>,
  clock: Clock,
): Diagnosis {
  const checkedAt = clock.now().toISOString();
  const findings: Finding[] = [];
  const notes: Unchecked[] = [];
  let displayName = '';
  if (resolution.kind === 'none') {
    displayName = resolution.query;
    findings.push(
      finding({ id: 'G0.notFound', severity: 'warning', key: 'group.g0.notFound', params: { query: resolution.query }, fixSteps: 4, evidence: { query: resolution.query }, learnMore: LEARN.groupsOverview }),
    );
    notes.push(...callerUnchecked(resolution.caller));
  } else if (resolution.kind === 'denied' && !isAccessDenied(resolution.failure)) {
    findings.push(graphUnavailableFinding('G0.unavailable', resolution.failure, tx('diag.unavailable.group')));
    notes.push(...callerUnchecked(resolution.caller));
  } else if (resolution.kind === 'denied') {
    displayName = '';
    findings.push(
      finding({
        id: 'G0.denied',
        severity: 'blocker',
        key: 'group.g0.denied',
        fixSteps: 3,
        evidence: { status: resolution.failure.status, code: resolution.failure.code, request: resolution.failure.request ?? null },
        learnMore: LEARN.groupsOverview,
      }),
    );
    notes.push(
      unchecked('G0', tx('group.unchecked.group'), resolution.failure, NEEDS.group),
    );
    notes.push(...callerUnchecked(resolution.caller));
  } else {
    const names = resolution.candidates.map((c) => `${c.displayName ?? c.id}${c.mail ? ` <${c.mail}>` : ''}`);
    findings.push(
      finding({
        id: 'G0.many',
        severity: 'info',
        key: 'group.g0.many',
        params: { count: resolution.candidates.length },
        fixSteps: 0,
        evidence: { 'groups[].displayName': capList(names), 'groups@count': resolution.candidates.length },
      }),
    );
  }
  return { topic, subject: { kind: 'group', displayName }, findings: sortFindings(findings), unchecked: notes, checkedAt };
}
