/**
 * One live check, free of Bot Framework: target → Graph snapshot (graph/) → diagnosis (diagnostics/) → outcome.
 * Used by the live-check dialog, by "Check again", by sharing, and by the benchmark.
 */
import type { Clock } from '../clock';
import { diagnoseGroup, diagnoseResolutionProblem, diagnoseTenant, explainConnectError, groupKind, type GroupKind, type GroupTopic } from '../diagnostics/group';
import { diagnoseApp, diagnoseResolution, type ProvisioningAction, type ProvisioningTopic } from '../diagnostics/provisioning';
import type { AppResolution, GroupResolution } from '../diagnostics/snapshot';
import { sortFindings, type Diagnosis } from '../diagnostics/types';
import { fetchGroupById, resolveApp, resolveGroup, type GraphApi } from '../graph';
import { fetchTenantSnapshot } from '../graph/tenantSnapshot';
import { familyOf, type IssueIntent } from '../recognizer/intents';
import type { Target } from './liveCheckTypes';

/** One of several matches, as data; the dialog words it in the admin's language. */
export interface CandidateOption {
  id: string;
  title: string;
  /** Group: mail address; app: appId. */
  detail?: string;
  /** Group only: where it is managed and what kind it is. */
  synced?: boolean;
  kind?: GroupKind;
}

export type CheckOutcome =
  | {
      kind: 'verdict';
      diagnosis: Diagnosis;
      /** Object id of the group/app diagnosed (for "Check again" and actions), when one was found. */
      subjectId?: string;
      /** Write actions the findings suggest (provisioning only). */
      actions: { findingId: string; action: ProvisioningAction }[];
    }
  | { kind: 'choose'; family: 'group' | 'app'; query: string; candidates: CandidateOption[] }
  /** Nothing to look up (e.g. a provisioning question with no app named). */
  | { kind: 'needsTarget'; family: 'group' | 'app' };

export interface CheckRequest {
  topic: IssueIntent;
  target: Target;
  /** Object id picked on a choice card or carried by "Check again": skips the name lookup. */
  subjectId?: string;
}

function groupChoice(res: Extract<GroupResolution, { kind: 'many' }>, query: string): CheckOutcome {
  return {
    kind: 'choose',
    family: 'group',
    query,
    candidates: res.candidates.map((c) => ({
      id: c.id,
      title: c.displayName ?? c.id,
      ...(c.mail ? { detail: c.mail } : {}),
      synced: c.onPremisesSyncEnabled === true,
      kind: groupKind(c),
    })),
  };
}

function appChoice(res: Extract<AppResolution, { kind: 'many' }>, query: string): CheckOutcome {
  return {
    kind: 'choose',
    family: 'app',
    query,
    candidates: res.candidates.map((c) => ({ id: c.id, title: c.displayName ?? c.appId, detail: `appId ${c.appId}` })),
  };
}

async function checkGroup(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  const topic = req.topic as GroupTopic;
  const query = req.subjectId ?? req.target.group?.trim();
  if (!query) {
    if (topic === 'group.sync_errors' || topic === 'group.sync_howto') {
      const tenant = await fetchTenantSnapshot(api, clock);
      return { kind: 'verdict', diagnosis: diagnoseTenant(topic, tenant, clock, { errorText: req.target.errorText }), actions: [] };
    }
    return { kind: 'needsTarget', family: 'group' };
  }
  const res = req.subjectId ? await fetchGroupById(api, req.subjectId, clock) : await resolveGroup(api, query, clock);
  if (res.kind === 'many') return groupChoice(res, query);
  if (res.kind !== 'one') return { kind: 'verdict', diagnosis: diagnoseResolutionProblem(topic, res, clock), actions: [] };
  const diagnosis = diagnoseGroup(topic, res.snapshot, clock);
  if (req.target.errorText?.trim()) {
    diagnosis.findings = sortFindings([...explainConnectError(req.target.errorText), ...diagnosis.findings]);
  }
  return { kind: 'verdict', diagnosis, subjectId: res.snapshot.group.id, actions: [] };
}

async function checkApp(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  const topic = req.topic as ProvisioningTopic;
  const query = req.subjectId ?? req.target.app?.trim();
  if (!query) return { kind: 'needsTarget', family: 'app' };
  const res = await resolveApp(api, { app: query, user: req.target.user?.trim() || undefined }, clock);
  if (res.kind === 'many') return appChoice(res, query);
  if (res.kind !== 'one') {
    const diagnosis = diagnoseResolution(res, topic, clock);
    if (!diagnosis) throw new Error(`no diagnosis for app resolution ${res.kind}`);
    return { kind: 'verdict', diagnosis, actions: [] };
  }
  const diagnosis = diagnoseApp(topic, res.snapshot, clock);
  const actions = diagnosis.findings.flatMap((f) => (f.action ? [{ findingId: f.id, action: f.action }] : []));
  return { kind: 'verdict', diagnosis, subjectId: res.snapshot.servicePrincipal.id, actions };
}

export function runCheck(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  return familyOf(req.topic) === 'group' ? checkGroup(api, req, clock) : checkApp(api, req, clock);
}
