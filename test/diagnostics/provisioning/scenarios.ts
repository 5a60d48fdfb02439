/** Named admin scenarios, used by the branch tests and by the render test (every finding in en and nb). */
import type { AppResolution, AppSnapshot } from '../../../src/diagnostics/snapshot';
import { read } from '../../../src/diagnostics/snapshot';
import type { ProvisioningTopic } from '../../../src/diagnostics/provisioning';
import { QUARANTINE_REASONS } from '../../../src/diagnostics/provisioning';
import {
  ANNA,
  clause,
  denied,
  event,
  groupAssignment,
  job,
  quarantinedJob,
  schema,
  snapshot,
  userAssignment,
} from './builders';

export interface Scenario {
  name: string;
  topic: ProvisioningTopic;
  snapshot: AppSnapshot;
}

const anna = { id: 'u-anna', name: 'Anna Berg' };
const unassigned = (i: number) => ({ id: `u-x${i}`, name: `Ola ${i}` });

export const SCENARIOS: Scenario[] = [
  { name: 'setup: app without a provisioning connector', topic: 'provisioning.setup', snapshot: snapshot({ jobs: read([]), templates: read([]), servicePrincipal: { id: 'sp-oidc', appId: 'app-oidc', displayName: 'Contoso Portal', tags: [] } }) },
  { name: 'setup: Salesforce added but never configured', topic: 'provisioning.setup', snapshot: snapshot({ jobs: read([]), templates: read([{ id: 'salesforce', factoryTag: 'salesforce' }]), servicePrincipal: { id: 'sp-sf', appId: 'app-sf', displayName: 'Salesforce' } }) },
  { name: 'setup: job exists with status NotConfigured', topic: 'provisioning.setup', snapshot: snapshot({ jobs: read([job({ status: { code: 'NotConfigured', steadyStateFirstAchievedTime: '0001-01-01T00:00:00Z', steadyStateLastAchievedTime: '0001-01-01T00:00:00Z', lastExecution: null } })]) }) },
  { name: 'setup: already configured Box app', topic: 'provisioning.setup', snapshot: snapshot() },
  { name: 'setup: Workday (inbound) never configured', topic: 'provisioning.setup', snapshot: snapshot({ jobs: read([]), templates: read([{ id: 'Workday', factoryTag: 'Workday' }]), servicePrincipal: { id: 'sp-wd', appId: 'app-wd', displayName: 'Workday to Active Directory User Provisioning' } }) },
  { name: 'setup: Global Reader asks how Box is set up', topic: 'provisioning.setup', snapshot: snapshot({ roles: ['globalReader'], jobs: denied(), templates: denied() }) },
  { name: 'config_error: never configured custom SCIM app', topic: 'provisioning.config_error', snapshot: snapshot({ jobs: read([]), templates: read([{ id: 'scim', factoryTag: 'scim' }]), servicePrincipal: { id: 'sp-scim', appId: 'app-scim', displayName: 'Fabrikam HR' } }) },
  { name: 'config_error: healthy job', topic: 'provisioning.config_error', snapshot: snapshot() },
  { name: 'config_error: last run failed with a server error', topic: 'provisioning.config_error', snapshot: snapshot({ jobs: read([job({ status: { lastExecution: { state: 'Failed', timeBegan: '2025-03-10T11:00:00Z', timeEnded: '2025-03-10T11:05:00Z', error: { code: 'InternalServerError', message: 'The remote server returned 500' } }, countSuccessiveCompleteFailures: 2 } })]) }) },
  { name: 'config_error: entry-level errors and pruned escrows', topic: 'provisioning.config_error', snapshot: snapshot({ jobs: read([job({ status: { escrowsPruned: true, lastExecution: { state: 'EntryLevelErrors', timeBegan: '2025-03-10T11:00:00Z', timeEnded: '2025-03-10T11:05:00Z', countEscrowed: 37 } } })]) }) },
  ...QUARANTINE_REASONS.map((reason) => ({
    name: `config_error: quarantine ${reason}`,
    topic: 'provisioning.config_error' as const,
    snapshot: snapshot({ jobs: read([quarantinedJob(reason, reason === 'EncounteredQuarantineException' ? { code: 'SalesforceInvalidCredentials', message: 'The credentials are invalid.' } : undefined)]) }),
  })),
  { name: 'no_users: provisioning is off', topic: 'provisioning.no_users', snapshot: snapshot({ jobs: read([job({ schedule: { state: 'Disabled', interval: 'PT40M' }, status: { code: 'Paused' } })]) }) },
  { name: 'no_users: initial cycle still running', topic: 'provisioning.no_users', snapshot: snapshot({ jobs: read([job({ status: { code: 'NotRun', steadyStateFirstAchievedTime: '0001-01-01T00:00:00Z', steadyStateLastAchievedTime: '0001-01-01T00:00:00Z', lastExecution: { state: 'Succeeded', timeBegan: '2025-03-10T11:15:00Z', timeEnded: null } } })]) }) },
  { name: 'no_users: nobody assigned', topic: 'provisioning.no_users', snapshot: snapshot({ assignments: read([]) }) },
  { name: 'no_users: healthy app with a scoping filter, no user named', topic: 'provisioning.no_users', snapshot: snapshot({ schema: read(schema({ groups: [{ name: 'Sales only', clauses: [clause('department', 'EQUALS', 'Sales')] }] })), logs: read([event(unassigned(1), 'failure', { errorCode: 'LicenseLimitExceeded', step: { type: 'export', description: 'No seats left' } })]) }) },
  { name: 'no_users: user mapping disabled', topic: 'provisioning.no_users', snapshot: snapshot({ schema: read(schema(null, { enabled: false })) }) },
  { name: 'no_users: user mapping without Add', topic: 'provisioning.no_users', snapshot: snapshot({ schema: read(schema(null, { flowTypes: 'Update, Delete' })) }) },
  { name: 'no_users: Anna only in a nested group', topic: 'provisioning.no_users', snapshot: snapshot({ assignments: read([groupAssignment('g-sales', 'Sales')]), focus: { query: 'anna@contoso.com', direct: ['g-sales-norway'], transitive: ['g-sales-norway', 'g-sales'] } }) },
  { name: 'no_users: Anna not assigned at all', topic: 'provisioning.no_users', snapshot: snapshot({ assignments: read([groupAssignment('g-it', 'IT')]), focus: { query: 'anna@contoso.com', direct: ['g-sales'], transitive: ['g-sales'] } }) },
  { name: 'no_users: Anna out of the scoping filter', topic: 'provisioning.no_users', snapshot: snapshot({ schema: read(schema({ groups: [{ name: 'Norway IT', clauses: [clause('country', 'EQUALS', 'Norway'), clause('department', 'EQUALS', 'IT')] }] })), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: filter uses an attribute that was not read', topic: 'provisioning.no_users', snapshot: snapshot({ schema: read(schema({ groups: [{ clauses: [clause('extension_abc_costCenter', 'EQUALS', '42')] }] })), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: Anna assigned after the last cycle', topic: 'provisioning.no_users', snapshot: snapshot({ assignments: read([userAssignment('u-anna', 'Anna Berg', '2025-03-10T11:45:00Z')]), schema: read(schema({ groups: [{ clauses: [clause('department', 'EQUALS', 'Sales')] }] })), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: Anna failed in the logs', topic: 'provisioning.no_users', snapshot: snapshot({ logs: read([event(anna, 'failure', { errorCode: 'InvalidDomain', reason: 'The domain contoso.com is not allowed', step: { type: 'export', description: 'Export to Box failed' } })]), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: Anna skipped as not effectively entitled', topic: 'provisioning.no_users', snapshot: snapshot({ logs: read([event(anna, 'skipped', { reason: 'The user is not effectively entitled to the application', step: { type: 'scoping', status: 'skipped', description: 'User is not effectively entitled' } })]), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: Anna provisioned fine', topic: 'provisioning.no_users', snapshot: snapshot({ logs: read([event(anna, 'success', { action: 'create' })]), focus: { query: 'anna@contoso.com' } }) },
  { name: 'no_users: user not found', topic: 'provisioning.no_users', snapshot: snapshot({ focus: { query: 'nobody@contoso.com', user: null } }) },
  { name: 'no_users: free tenant without P1/P2', topic: 'provisioning.no_users', snapshot: snapshot({ logs: denied('Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'GET /auditLogs/provisioning') }) },
  { name: 'no_users: Global Reader', topic: 'provisioning.no_users', snapshot: snapshot({ roles: ['globalReader'], jobs: denied(), templates: denied(), schema: undefined, focus: { query: 'anna@contoso.com', direct: [], transitive: [] } }) },
  { name: 'wrong_users: Sync all likely', topic: 'provisioning.wrong_users', snapshot: snapshot({ assignments: read([userAssignment('u-anna', 'Anna Berg')]), logs: read([1, 2, 3, 4].map((i) => event(unassigned(i), 'skipped', { action: 'other', step: { type: 'scoping', status: 'skipped', description: 'User is out of scope' } }))) }) },
  { name: 'wrong_users: assigned only likely', topic: 'provisioning.wrong_users', snapshot: snapshot({ assignments: read([1, 2, 3].map((i) => userAssignment(`u-x${i}`, `Ola ${i}`))), logs: read([1, 2, 3].map((i) => event(unassigned(i), 'success', { action: 'update' }))) }) },
  { name: 'wrong_users: broad group and wide filter', topic: 'provisioning.wrong_users', snapshot: snapshot({ assignments: read([groupAssignment('g-all', 'All Users'), groupAssignment('g-it', 'IT')]), schema: read(schema({ groups: [{ clauses: [clause('department', 'EQUALS', 'IT'), clause('country', 'EQUALS', 'Norway')] }, { clauses: [clause('jobTitle', 'IS_NOT_NULL')] }] })), logs: read([event(anna, 'success')]) }) },
  { name: 'logs: failures, skips and a stale anchor', topic: 'provisioning.logs', snapshot: snapshot({ logs: read([
    event(anna, 'failure', { at: '2025-03-10T11:29:00Z', errorCode: 'InvalidAnchor', step: { type: 'matching', description: 'The account no longer exists' } }),
    event(unassigned(1), 'failure', { at: '2025-03-10T11:28:00Z', errorCode: 'MandatoryFieldsMissing', step: { type: 'export', description: 'email is required' } }),
    event(unassigned(2), 'failure', { at: '2025-03-10T11:27:00Z', errorCode: 'MandatoryFieldsMissing', step: { type: 'export', description: 'email is required' } }),
    event(unassigned(3), 'skipped', { at: '2025-03-10T11:26:00Z', errorCode: 'EntrySynchronizationSkipped', reason: 'Out of scope', step: { type: 'scoping', status: 'skipped', description: 'Scoping filter evaluated to false' } }),
    event(unassigned(4), 'success', { at: '2025-03-10T11:25:00Z' }),
    event(unassigned(5), 'failure', { at: '2025-03-10T11:24:00Z', errorCode: 'TotallyNewCode' }),
  ]) }) },
  { name: 'logs: empty logs', topic: 'provisioning.logs', snapshot: snapshot() },
  { name: 'logs: Anna has no entries and is nested', topic: 'provisioning.logs', snapshot: snapshot({ assignments: read([groupAssignment('g-sales', 'Sales')]), focus: { query: 'anna@contoso.com', direct: ['g-inner'], transitive: ['g-inner', 'g-sales'] } }) },
  { name: 'logs: free tenant', topic: 'provisioning.logs', snapshot: snapshot({ logs: denied('Authentication_RequestFromNonPremiumTenantOrB2CTenant') }) },
  { name: 'logs: caller without any log role', topic: 'provisioning.logs', snapshot: snapshot({ roles: [], logs: denied() }) },
];

export const RESOLUTIONS: { name: string; resolution: AppResolution }[] = [
  { name: 'no app by that name', resolution: { kind: 'none', query: 'Zoomm', caller: { roles: read([]) } } },
  { name: 'app registration only', resolution: { kind: 'registrationOnly', application: { id: 'app-obj-1', appId: 'client-1', displayName: 'Contoso API' }, caller: { roles: read([]) } } },
  { name: 'denied', resolution: { kind: 'denied', failure: denied('Authorization_RequestDenied', 'GET /servicePrincipals'), caller: { roles: read([]) } } },
];

export function scenario(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

export { ANNA };
