/**
 * Builds AppSnapshots the way the graph layer returns them (Graph v1.0 shapes), for the provisioning scenarios.
 * Defaults describe a healthy app: a Box-like gallery app, one active job in steady state, assignments,
 * an Application Administrator caller, and provisioning logs that are readable.
 */
import { ROLE } from '../../../src/diagnostics/roles';
import {
  read,
  type AppRoleAssignment,
  type AppSnapshot,
  type Failed,
  type FilterClause,
  type GraphUser,
  type ProvisioningObjectSummary,
  type SynchronizationJob,
  type SynchronizationSchema,
  type SynchronizationFilter,
} from '../../../src/diagnostics/snapshot';
import { fixedClock } from '../../../src/clock';

export const NOW = '2025-03-10T12:00:00Z';
export const clock = fixedClock(NOW);

export const SP_ID = 'sp-0001';
export const JOB_ID = 'BoxOutDelta.1a2b3c.4d5e';
export const RULE_ID = 'rule-users-1';

export const denied = (code = 'Authorization_RequestDenied', request?: string): Failed => ({ ok: false, status: 403, code, message: 'Insufficient privileges to complete the operation.', request });

export function role(name: keyof typeof ROLE) {
  return { id: `dr-${name}`, displayName: name, roleTemplateId: ROLE[name] };
}

export function job(over: Omit<Partial<SynchronizationJob>, 'status'> & { status?: Partial<SynchronizationJob['status']> } = {}): SynchronizationJob {
  const { status, ...rest } = over;
  return {
    id: JOB_ID,
    templateId: 'BoxOutDelta',
    schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
    ...rest,
    status: {
      code: 'Active',
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      steadyStateFirstAchievedTime: '2025-01-02T09:00:00Z',
      steadyStateLastAchievedTime: '2025-03-10T11:30:00Z',
      lastExecution: { state: 'Succeeded', timeBegan: '2025-03-10T11:20:00Z', timeEnded: '2025-03-10T11:30:00Z', error: null },
      quarantine: null,
      ...status,
    },
  };
}

export function quarantinedJob(reason: string, error?: { code: string; message: string }): SynchronizationJob {
  return job({
    status: {
      code: 'Quarantine',
      quarantine: {
        reason,
        currentBegan: '2025-03-08T06:00:00Z',
        nextAttempt: '2025-03-11T06:00:00Z',
        seriesBegan: '2025-03-03T06:00:00Z',
        seriesCount: 4,
        error: error ? { ...error, tenantActionable: true } : null,
      },
      lastExecution: { state: 'Failed', timeBegan: '2025-03-08T05:50:00Z', timeEnded: '2025-03-08T06:00:00Z', error: error ?? null },
      countSuccessiveCompleteFailures: 4,
    },
  });
}

export function clause(sourceOperandName: string, operatorName: string, ...values: string[]): FilterClause {
  return { sourceOperandName, operatorName, targetOperand: values.length ? { values } : null };
}

export function schema(scope: SynchronizationFilter | null = null, mapping: { enabled?: boolean; flowTypes?: string } = {}): SynchronizationSchema {
  return {
    synchronizationRules: [
      {
        id: RULE_ID,
        name: 'USER_OUTBOUND',
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'Box',
        objectMappings: [
          { name: 'Provision Microsoft Entra ID Users', enabled: mapping.enabled ?? true, flowTypes: mapping.flowTypes ?? 'Add, Update, Delete', sourceObjectName: 'User', targetObjectName: 'User', scope },
          { name: 'Provision Microsoft Entra ID Groups', enabled: true, flowTypes: 'Add, Update, Delete', sourceObjectName: 'Group', targetObjectName: 'Group', scope: null },
        ],
      },
    ],
  };
}

export function userAssignment(id: string, name: string, createdDateTime = '2025-01-01T08:00:00Z'): AppRoleAssignment {
  return { id: `a-${id}`, principalId: id, principalType: 'User', principalDisplayName: name, appRoleId: 'role-user', createdDateTime };
}

export function groupAssignment(id: string, name: string, createdDateTime = '2025-01-01T08:00:00Z'): AppRoleAssignment {
  return { id: `a-${id}`, principalId: id, principalType: 'Group', principalDisplayName: name, appRoleId: 'role-user', createdDateTime };
}

export const ANNA: GraphUser = {
  id: 'u-anna',
  displayName: 'Anna Berg',
  userPrincipalName: 'anna@contoso.com',
  mail: 'anna@contoso.com',
  accountEnabled: true,
  department: 'Sales',
  jobTitle: 'Account Manager',
  country: 'Norway',
  companyName: 'Contoso',
  employeeId: '1042',
  onPremisesExtensionAttributes: { extensionAttribute1: 'Box', extensionAttribute2: null },
};

let seq = 0;
export function event(
  user: { id: string; name: string },
  status: 'success' | 'failure' | 'skipped' | 'warning',
  opts: { at?: string; action?: string; errorCode?: string; reason?: string; step?: { type: string; status?: string; description: string }; identityType?: string } = {},
): ProvisioningObjectSummary {
  seq += 1;
  const steps = opts.step ? [{ name: `${opts.step.type}Step`, provisioningStepType: opts.step.type, status: opts.step.status ?? (status === 'failure' ? 'failure' : status), description: opts.step.description, details: {} }] : [];
  return {
    id: `log-${seq}`,
    activityDateTime: opts.at ?? '2025-03-10T11:25:00Z',
    jobId: JOB_ID,
    cycleId: 'cycle-1',
    changeId: `change-${seq}`,
    provisioningAction: opts.action ?? 'create',
    provisioningStatusInfo: {
      status,
      errorInformation: opts.errorCode || opts.reason ? { errorCode: opts.errorCode ?? null, reason: opts.reason ?? null, additionalDetails: null, errorCategory: status === 'failure' ? 'failure' : null, recommendedAction: null } : null,
    },
    provisioningSteps: steps,
    sourceIdentity: { id: user.id, displayName: user.name, identityType: opts.identityType ?? 'User' },
    targetIdentity: { id: null, displayName: user.name, identityType: 'User' },
    servicePrincipal: { id: SP_ID, displayName: 'Box' },
  };
}

export interface UserOptions {
  user?: GraphUser | null | Failed;
  direct?: string[] | Failed;
  transitive?: string[] | Failed;
}

function part<T>(v: T | Failed) {
  return v && typeof v === 'object' && 'ok' in (v as object) && (v as Failed).ok === false ? (v as Failed) : read(v as T);
}

/** A snapshot; override any part. */
export function snapshot(over: Partial<AppSnapshot> & { focus?: { query: string } & UserOptions; roles?: (keyof typeof ROLE)[] } = {}): AppSnapshot {
  const { focus, roles, ...rest } = over;
  const snap: AppSnapshot = {
    fetchedAt: NOW,
    caller: { roles: read((roles ?? ['applicationAdministrator']).map(role)) },
    servicePrincipal: { id: SP_ID, appId: 'app-box', displayName: 'Box', appRoleAssignmentRequired: true, appRoles: [], tags: ['WindowsAzureActiveDirectoryIntegratedApp'], applicationTemplateId: 'tmpl-box' },
    jobs: read([job()]),
    templates: read([{ id: 'BoxOutDelta', factoryTag: 'BoxOutDelta', default: true }]),
    assignments: read([userAssignment('u-anna', 'Anna Berg'), groupAssignment('g-sales', 'Sales')]),
    logs: read([]),
    schema: read(schema()),
    ...rest,
  };
  if (focus) {
    const u = focus.user === undefined ? ANNA : focus.user;
    snap.user = {
      query: focus.query,
      user: part<GraphUser | null>(u),
      directGroupIds: part<string[]>(focus.direct ?? []),
      transitiveGroupIds: part<string[]>(focus.transitive ?? focus.direct ?? []),
    };
  }
  return snap;
}
