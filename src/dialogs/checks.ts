/**
 * One live check, free of Bot Framework: target → Graph snapshot (graph/) → diagnosis (diagnostics/) → outcome.
 * Used by the live-check dialog, by "Check again", by sharing, and by the benchmark.
 */
import type { Clock } from '../clock';
import { diagnoseGroup, diagnoseResolutionProblem, diagnoseTenant, explainConnectError, groupKind, type GroupKind, type GroupTopic } from '../diagnostics/group';
import { diagnoseApp, diagnoseResolution, type ProvisioningAction, type ProvisioningTopic } from '../diagnostics/provisioning';
import type { AppResolution, Failed, GroupResolution } from '../diagnostics/snapshot';
import { requestLabel } from '../graph/errors';
import { rankFindings } from '../diagnostics/ranking';
import type { Diagnosis } from '../diagnostics/types';
import { fetchGroupById, resolveApp, resolveGroup, type GraphApi } from '../graph';
import { fetchTenantSnapshot } from '../graph/tenantSnapshot';
import { resolveUserSubject } from '../graph/userSnapshot';
import { extraSpans } from '../graph/resolve';
import { diagnoseUser, userIdOfSubject } from '../diagnostics/user';
import { diagnoseTenantWide, SCOPE_PARTS } from '../diagnostics/tenantWide';
import { fetchHealth } from '../graph/tenantHealth';
import { familyOf, topicSpec, type Family, type IssueIntent, type TenantScope, type ObjectKind } from '../topics';
import type { Target } from './liveCheckTypes';

/** One of several matches, as data; the dialog words it in the admin's language. */
export interface CandidateOption {
  id: string;
  title: string;
  /** Group: mail address; app: appId; user: user principal name. */
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
  /** `near`: nothing is named exactly so; these are the closest ("did you mean"). */
  | { kind: 'choose'; family: ObjectKind; query: string; candidates: CandidateOption[]; near?: boolean }
  /** Nothing to look up (e.g. a provisioning question with no app named). */
  | { kind: 'needsTarget'; family: ObjectKind };

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
    ...(res.near ? { near: true } : {}),
  };
}

function appChoice(res: Extract<AppResolution, { kind: 'many' }>, query: string): CheckOutcome {
  return {
    kind: 'choose',
    family: 'app',
    query,
    candidates: res.candidates.map((c) => ({ id: c.id, title: c.displayName ?? c.appId, detail: `appId ${c.appId}` })),
    ...(res.near ? { near: true } : {}),
  };
}

function userChoice(res: Extract<AppResolution, { kind: 'manyUsers' }>): CheckOutcome {
  return {
    kind: 'choose',
    family: 'user',
    query: res.query,
    candidates: res.candidates.map((c) => ({ id: c.id, title: c.displayName ?? c.userPrincipalName ?? c.id, ...(c.userPrincipalName ? { detail: c.userPrincipalName } : {}) })),
  };
}

async function checkGroup(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  const topic = req.topic as GroupTopic;
  const query = req.subjectId ?? req.target.group?.trim();
  const names = req.target.names ?? [];
  if (!query) {
    if (names.length > 0) {
      // No group was typed as one, but the admin named something: the tenant says whether it is a group.
      const res = await resolveGroup(api, undefined, clock, names);
      if (res.kind === 'one' || res.kind === 'many' || res.kind === 'denied') return groupOutcome(topic, req, res, names.join(', '), clock);
    }
    if (topic === 'group.sync_errors' || topic === 'group.sync_howto') {
      const tenant = await fetchTenantSnapshot(api, clock);
      return { kind: 'verdict', diagnosis: diagnoseTenant(topic, tenant, clock, { errorText: req.target.errorText }), actions: [] };
    }
    // Nothing named is a group (or nothing was named): a topic that answers for the tenant then does so.
    const scope = topicSpec(topic).nothingNamed;
    if (scope) return tenantWideVerdict(api, topic, scope, clock);
    return { kind: 'needsTarget', family: 'group' };
  }
  const res = req.subjectId ? await fetchGroupById(api, req.subjectId, clock) : await resolveGroup(api, query, clock, names);
  return groupOutcome(topic, req, res, query, clock);
}

function groupOutcome(topic: GroupTopic, req: CheckRequest, res: GroupResolution, query: string, clock: Clock): CheckOutcome {
  if (res.kind === 'many') return groupChoice(res, query);
  if (res.kind !== 'one') return { kind: 'verdict', diagnosis: diagnoseResolutionProblem(topic, res, clock), actions: [] };
  const diagnosis = diagnoseGroup(topic, res.snapshot, clock);
  if (req.target.errorText?.trim()) {
    diagnosis.findings = rankFindings(topic, [...explainConnectError(req.target.errorText), ...diagnosis.findings]);
  }
  return { kind: 'verdict', diagnosis, subjectId: res.snapshot.group.id, actions: [] };
}

async function checkApp(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  const topic = req.topic as ProvisioningTopic;
  const query = req.subjectId ?? req.target.app?.trim();
  // Kept with a subjectId too ("Check again", a picked app): the user may be one of these names.
  const names = req.target.names ?? [];
  if (!query && names.length === 0) return { kind: 'needsTarget', family: 'app' };
  const res = await resolveApp(api, { app: query, user: req.target.user?.trim() || undefined, spans: names }, clock);
  // Nothing typed as the app and no span is one in the tenant: ask which app.
  if (res.kind === 'none' && !query) return { kind: 'needsTarget', family: 'app' };
  if (res.kind === 'manyUsers') return userChoice(res);
  if (res.kind === 'many') return appChoice(res, query ?? names.join(', '));
  if (res.kind !== 'one') {
    const diagnosis = diagnoseResolution(res, topic, clock);
    if (!diagnosis) throw new Error(`no diagnosis for app resolution ${res.kind}`);
    return { kind: 'verdict', diagnosis, actions: [] };
  }
  const diagnosis = diagnoseApp(topic, res.snapshot, clock);
  const actions = diagnosis.findings.flatMap((f) => (f.action ? [{ findingId: f.id, action: f.action }] : []));
  return { kind: 'verdict', diagnosis, subjectId: res.snapshot.servicePrincipal.id, actions };
}

/**
 * A user as the subject of a group-family question ("why won't Kari Nordmann sync?", "why didn't Ola get the licence
 * from <group>?"): the spans are looked up as users (and groups) in one $batch. Undefined when the question names no
 * user, so the group check runs as before; a span that is one group (and no user) goes to the group check by id.
 */
async function checkUser(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome | undefined> {
  const refreshed = userIdOfSubject(req.subjectId);
  if (req.subjectId && !refreshed) return undefined;
  const group = req.target.group?.trim() || undefined;
  // "I can't add Anna Berg to Salg Oslo": the group typed as one is the subject of a cannot-modify question.
  const groupIsSubject = req.topic === 'group.cannot_modify';
  if (groupIsSubject && group && !refreshed) return undefined;
  const spans = refreshed ? [refreshed] : extraSpans([req.target.user ?? '', ...(req.target.names ?? [])], [group]);
  if (spans.length === 0) return undefined;
  const res = await resolveUserSubject(api, { spans, group, preferGroup: groupIsSubject }, clock);
  switch (res.kind) {
    case 'one': {
      const diagnosis = diagnoseUser(req.topic, res.snapshot, clock);
      return { kind: 'verdict', diagnosis, subjectId: diagnosis.subject.id, actions: [] };
    }
    case 'many':
      return userChoice({ kind: 'manyUsers', query: res.query, candidates: res.candidates });
    case 'none':
      return res.groupId ? checkGroup(api, { ...req, subjectId: res.groupId }, clock) : undefined;
    case 'denied':
      return undefined;
  }
}

/** Nothing named, asked about the whole tenant: sync health, groups with licence errors, or apps in quarantine. */
async function checkTenantWide(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome | undefined> {
  const scope = req.target.tenantWide;
  if (!scope) return undefined;
  return tenantWideVerdict(api, req.topic, scope, clock);
}

async function tenantWideVerdict(api: GraphApi, topic: IssueIntent, scope: TenantScope, clock: Clock): Promise<CheckOutcome> {
  const health = await fetchHealth(api, clock, SCOPE_PARTS[scope]);
  return { kind: 'verdict', diagnosis: diagnoseTenantWide(topic, scope, health, clock), actions: [] };
}

/**
 * Graph answered 401 (InvalidAuthenticationToken: expired or invalid token). Nothing the check read can be trusted
 * as "access denied": the admin has to sign in again. Thrown by `runCheck` after the check, never mid-way.
 */
export class SignInExpiredError extends Error {
  constructor(readonly request?: string) {
    super(`Graph rejected the admin's token (401)${request ? ` for ${request}` : ''}`);
    this.name = 'SignInExpiredError';
  }
}

/** The same GraphApi, noting the first request Graph answered with 401. */
function watchForRejectedToken(api: GraphApi): { api: GraphApi; rejected: () => string | undefined } {
  let rejected: string | undefined;
  const note = (status: number, request: string) => {
    if (status === 401 && rejected === undefined) rejected = request;
  };
  const notePart = <P extends { ok: boolean }>(part: P, request: string): P => {
    if (!part.ok) note((part as unknown as Failed).status, request);
    return part;
  };
  const watched: GraphApi = {
    baseUrl: api.baseUrl,
    request: async (method, path, body, headers) => {
      const res = await api.request(method, path, body, headers);
      note(res.status, requestLabel(method, path));
      return res;
    },
    async get<T>(path: string, headers?: Record<string, string>) {
      return notePart(await api.get<T>(path, headers), requestLabel('GET', path));
    },
    async getAll<T>(path: string, maxPages?: number, headers?: Record<string, string>) {
      return notePart(await api.getAll<T>(path, maxPages, headers), requestLabel('GET', path));
    },
    async post<T>(path: string, body: unknown, headers?: Record<string, string>) {
      return notePart(await api.post<T>(path, body, headers), requestLabel('POST', path));
    },
    batch: async (requests) => {
      const responses = await api.batch(requests);
      for (const r of requests) note(responses.get(r.id)?.status ?? 0, requestLabel(r.method, r.url));
      return responses;
    },
  };
  return { api: watched, rejected: () => rejected };
}

type FamilyCheck = (api: GraphApi, req: CheckRequest, clock: Clock) => Promise<CheckOutcome>;

/**
 * Where each family's check starts (the one place per family): what the admin named is resolved, its snapshot read and
 * diagnosed. Group family: a person named is the subject (checkUser), otherwise a group or the tenant; provisioning:
 * an app, with the person named if any.
 */
const FAMILY_CHECKS: Record<Family, FamilyCheck> = {
  group: async (api, req, clock) => (await checkUser(api, req, clock)) ?? checkGroup(api, req, clock),
  provisioning: checkApp,
};

/** Runs one check. Throws `SignInExpiredError` when Graph rejected the admin's token (sign in again). */
export async function runCheck(api: GraphApi, req: CheckRequest, clock: Clock): Promise<CheckOutcome> {
  const watch = watchForRejectedToken(api);
  const outcome =
    (await checkTenantWide(watch.api, req, clock)) ?? (await FAMILY_CHECKS[familyOf(req.topic)](watch.api, req, clock));
  const rejected = watch.rejected();
  if (rejected !== undefined) throw new SignInExpiredError(rejected);
  return outcome;
}
