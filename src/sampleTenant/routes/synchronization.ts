/**
 * Provisioning of a service principal (`…/synchronization/…`): templates, jobs, a job's schema, and the writes —
 * `provisionOnDemand` (assignment and scoping filter evaluated like the service does; the run is appended to the
 * provisioning logs), `restart`, `start`, `pause`.
 */
import type { Json } from '../dataset';
import { ODataError } from '../odata';
import { checkObjectId, contextBase, NotFound, ok, randomId, TYPES, type GraphResponse } from '../query';
import { unknownSegment, type RouteContext } from './route';

/** `sub` is the path below the service principal, starting with "synchronization". */
export function synchronization(c: RouteContext, sp: Json, sub: string[]): GraphResponse {
  const { req } = c;
  const spId = sp.id as string;
  const sync = c.ds.synchronization[spId] ?? { jobs: [], templates: [], schemas: {} };
  const ctx = `servicePrincipals('${spId}')/synchronization`;
  const write = req.method === 'POST';
  if (!write && req.method !== 'GET') throw new ODataError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
  c.need(write ? 'syncWrite' : 'syncRead');
  if (sub[1] === 'templates' && sub.length === 2 && !write) {
    return c.list(sync.templates, TYPES.synchronizationTemplate, `${ctx}/templates`, { directory: false });
  }
  if (sub[1] === 'jobs') {
    if (sub.length === 2 && !write) return c.list(sync.jobs, TYPES.synchronizationJob, `${ctx}/jobs`, { directory: false });
    const jobId = sub[2];
    const job = sync.jobs.find((j) => j.id === jobId);
    if (!job) throw new ODataError(404, 'Request_ResourceNotFound', `The synchronization job '${jobId}' was not found for service principal '${spId}'.`);
    if (sub.length === 3 && !write) return c.entity(job, TYPES.synchronizationJob, `${ctx}/jobs`);
    if (sub.length === 4 && sub[3] === 'schema' && !write) {
      const schema = sync.schemas[jobId];
      if (!schema) throw new NotFound(`${jobId}/schema`);
      return ok({ '@odata.context': `${contextBase(c.graph)}${ctx}/jobs('${jobId}')/schema/$entity`, ...schema });
    }
    if (sub.length === 4 && write) {
      switch (sub[3]) {
        case 'provisionOnDemand':
          return provisionOnDemand(c, sp, job, sync.schemas[jobId], req.body);
        case 'restart':
          return restart(job, req.body);
        case 'start':
          return start(job);
        case 'pause':
          return pause(job);
      }
    }
  }
  throw unknownSegment(sub[sub.length - 1]);
}

function restart(job: Json, body: unknown): GraphResponse {
  const scope = String(((body as Json | undefined)?.criteria as Json | undefined)?.resetScope ?? 'Full');
  const status = job.status as Json;
  const schedule = job.schedule as Json;
  status.quarantine = null;
  status.countSuccessiveCompleteFailures = 0;
  status.escrowsPruned = false;
  const full = /Full|Watermark|ConnectorDataStore/i.test(scope);
  if (full) {
    status.steadyStateFirstAchievedTime = '0001-01-01T00:00:00Z';
    status.steadyStateLastAchievedTime = '0001-01-01T00:00:00Z';
  }
  status.code = schedule.state === 'Paused' ? 'Paused' : full ? 'NotRun' : 'Active';
  return { status: 204, headers: {} };
}

function start(job: Json): GraphResponse {
  const status = job.status as Json;
  (job.schedule as Json).state = 'Active';
  status.quarantine = null;
  status.code = status.steadyStateFirstAchievedTime === '0001-01-01T00:00:00Z' ? 'NotRun' : 'Active';
  return { status: 204, headers: {} };
}

function pause(job: Json): GraphResponse {
  (job.schedule as Json).state = 'Paused';
  (job.status as Json).code = 'Paused';
  return { status: 204, headers: {} };
}

function provisionOnDemand(c: RouteContext, sp: Json, job: Json, schema: Json | undefined, body: unknown): GraphResponse {
  const params = (body as Json | undefined)?.parameters;
  if (!Array.isArray(params) || params.length === 0) throw new ODataError(400, 'BadRequest', "The request body must contain 'parameters' with one ruleId and its subjects.");
  const p = params[0] as Json;
  const subjects = p.subjects as Json[] | undefined;
  const rule = ((schema?.synchronizationRules as Json[] | undefined) ?? []).find((r) => r.id === p.ruleId);
  if (!rule) throw new ODataError(400, 'BadRequest', `The synchronization rule '${String(p.ruleId)}' is not part of the job's schema.`);
  if (!Array.isArray(subjects) || subjects.length === 0) throw new ODataError(400, 'BadRequest', 'At least one subject is required.');
  const subject = subjects[0];
  const objectId = String(subject.objectId ?? '');
  const typeName = String(subject.objectTypeName ?? '');
  if (!/^user$/i.test(typeName)) throw new ODataError(400, 'BadRequest', `The sample tenant provisions users on demand; objectTypeName '${typeName}' is not supported here.`);
  checkObjectId(objectId);
  const user = c.ds.users.find((x) => x.id === objectId);
  if (!user) throw new NotFound(objectId);

  const now = c.graph.now().toISOString();
  const upn = String(user.userPrincipalName);
  const spId = sp.id as string;
  const assignments = c.ds.appRoleAssignments.filter((a) => a.resourceId === spId);
  const direct = assignments.some((a) => a.principalId === objectId);
  const viaGroup = assignments.some((a) => a.principalType === 'Group' && (c.ds.members[a.principalId as string] ?? []).includes(objectId));
  const assigned = direct || viaGroup;
  const mapping = ((rule.objectMappings as Json[]) ?? []).find((om) => om.sourceObjectName === 'User' && om.enabled);
  const scope = evaluateScope(mapping?.scope as Json | null | undefined, user);
  const quarantine = (job.status as Json).quarantine as Json | null;
  const targetName = String(rule.targetDirectoryName ?? 'app');

  const steps: Json[] = [
    { name: 'EntryImport', type: 'Import', status: 'Success', description: `Retrieved User '${upn}' from Azure Active Directory`, timestamp: now, details: { objectId, userPrincipalName: upn, displayName: user.displayName, department: user.department } },
    {
      name: 'EntrySynchronizationScoping',
      type: 'Scoping',
      status: assigned && scope.inScope ? 'Success' : 'Skipped',
      description: !assigned
        ? `User '${upn}' is not assigned to the application, directly or as a direct member of an assigned group`
        : scope.inScope
          ? 'Determine if User in scope by evaluating against each scoping filter'
          : `User '${upn}' is out of scope: ${scope.reason}`,
      timestamp: now,
      details: { Assigned: assigned ? 'True' : 'False', IsActive: String(user.accountEnabled === true ? 'True' : 'False'), IsInProvisioningScope: assigned && scope.inScope ? 'True' : 'False', ScopeEvaluationResult: JSON.stringify(scope.result) },
    },
  ];
  let result: string;
  let details: Json = {};
  if (!assigned || !scope.inScope) {
    result = 'Skipped';
    details = { errorCode: assigned ? 'NotInScope' : 'NotEffectivelyEntitled', errorMessage: String(steps[1].description) };
  } else if (quarantine && quarantine.reason === 'EncounteredQuarantineException') {
    const err = (quarantine.error as Json | null) ?? {};
    result = 'Failure';
    steps.push({ name: 'EntryExportUpdate', type: 'Export', status: 'Failed', description: `Failed to connect to ${targetName}: ${String(err.message ?? 'credentials rejected')}`, timestamp: now, details: { ErrorCode: err.code ?? 'Unauthorized' } });
    details = { errorCode: err.code ?? 'Unauthorized', errorMessage: err.message ?? 'The admin credentials were rejected.' };
  } else {
    result = 'Success';
    steps.push({ name: 'EntryImportObjectExists', type: 'Matching', status: 'Success', description: `Searched ${targetName} for User '${upn}' using userName`, timestamp: now, details: { userName: upn } });
    steps.push({ name: 'EntryExportUpdate', type: 'Export', status: 'Success', description: `User '${upn}' was updated in ${targetName}`, timestamp: now, details: {} });
  }
  const changeId = randomId();
  const value = {
    action: result === 'Success' ? 'Update' : 'Other',
    changeId,
    endTime: now,
    modifiedProperties: [{ displayName: 'userPrincipalName', oldValue: null, newValue: upn }],
    provisioningSteps: steps,
    reportableIdentifier: upn,
    startTime: now,
    statusInfo: { status: result, errorCode: details.errorCode ?? null, reason: details.errorMessage ?? null, additionalDetails: null, errorCategory: null, recommendedAction: null },
    sourceIdentity: { id: objectId, type: 'User', displayName: user.displayName, details: null },
    sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
    targetIdentity: { id: null, type: 'User', displayName: null, details: null },
    targetSystem: { id: null, name: targetName, details: null },
  };
  // The run shows up in the provisioning logs, like a real on-demand run does.
  c.ds.provisioningLogs.push({
    id: randomId(),
    activityDateTime: now.replace(/\.\d{3}Z$/, 'Z'),
    tenantId: c.ds.tenantId,
    jobId: job.id,
    cycleId: randomId(),
    changeId,
    durationInMilliseconds: 420,
    initiatedBy: { id: '', displayName: 'Provision on demand', initiatorType: 'user' },
    provisioningAction: result === 'Success' ? 'update' : 'other',
    provisioningStatusInfo: {
      status: result.toLowerCase(),
      errorInformation: result === 'Success' ? null : { errorCode: details.errorCode ?? null, reason: details.errorMessage ?? null, additionalDetails: null, errorCategory: null, recommendedAction: null },
    },
    provisioningSteps: steps.map((s) => ({ name: s.name, provisioningStepType: String(s.type).toLowerCase(), status: String(s.status).toLowerCase().replace('failed', 'failure'), description: s.description, details: s.details })),
    modifiedProperties: [],
    servicePrincipal: { id: spId, displayName: sp.displayName },
    sourceIdentity: { id: objectId, displayName: user.displayName, identityType: 'User', details: {} },
    sourceSystem: { id: null, displayName: 'Azure Active Directory', details: {} },
    targetIdentity: { id: '', displayName: user.displayName, identityType: 'User', details: {} },
    targetSystem: { id: null, displayName: targetName, details: {} },
  });
  return ok({
    '@odata.context': `${contextBase(c.graph)}microsoft.graph.stringKeyStringValuePair`,
    key: JSON.stringify({ result, details }),
    value: JSON.stringify(value),
  });
}

/** Scoping filter semantics (docs/decision-trees.md, P3): clauses in a group AND, groups OR; null → false; EQUALS case-sensitive. */
export function evaluateScope(scope: Json | null | undefined, user: Json): { inScope: boolean; reason: string; result: Record<string, Record<string, string>> } {
  const groups = ((scope?.groups as Json[] | undefined) ?? []).concat((scope?.inputFilterGroups as Json[] | undefined) ?? []);
  if (groups.length === 0) return { inScope: true, reason: '', result: {} };
  const result: Record<string, Record<string, string>> = {};
  let reason = '';
  let any = false;
  for (const grp of groups) {
    const name = String(grp.name ?? 'filter');
    result[name] = {};
    let all = true;
    for (const c of (grp.clauses as Json[]) ?? []) {
      const attr = String(c.sourceOperandName);
      const raw = user[attr];
      const v = raw === null || raw === undefined || raw === '' ? null : String(raw);
      const values = (((c.targetOperand as Json | null)?.values as string[] | undefined) ?? []).map(String);
      const op = String(c.operatorName).toUpperCase();
      let pass: boolean;
      switch (op) {
        case 'EQUALS':
          pass = v !== null && values.includes(v);
          break;
        case 'NOT_EQUALS':
          pass = v !== null && !values.includes(v);
          break;
        case 'IS_TRUE':
          pass = v === 'true';
          break;
        case 'IS_FALSE':
          pass = v === 'false';
          break;
        case 'IS_NULL':
          pass = v === null;
          break;
        case 'IS_NOT_NULL':
          pass = v !== null;
          break;
        case 'REGEX_MATCH':
          pass = v !== null && values.some((r) => new RegExp(r).test(v));
          break;
        case 'NOT_REGEX_MATCH':
          pass = v !== null && !values.some((r) => new RegExp(r).test(v));
          break;
        case 'INCLUDES':
          pass = v !== null && values.some((x) => v.includes(x));
          break;
        default:
          pass = false;
      }
      const label = `${attr} ${op} '${values.join("','")}'`;
      result[name][label] = pass ? 'True' : 'False';
      if (!pass) {
        all = false;
        if (!reason) reason = `the scoping filter '${name}' requires ${label} (value: ${v === null ? 'null' : `'${v}'`})`;
      }
    }
    if (all) any = true;
  }
  return { inScope: any, reason, result };
}
