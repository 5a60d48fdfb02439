/**
 * Provisioning (synchronization): each app's templates, jobs and schemas — job status, quarantine, last executions,
 * schedule and scoping filters — for the P1–P4 branches. `POST …/provisionOnDemand` and the job actions in the router
 * read and change these objects.
 */
import { APPS, type AppRef } from './apps';
import type { BuildContext } from './context';
import { guid, hex, MIN_DATE } from './ids';
import type { Dataset, Json } from './types';

/** The target system a gallery template provisions to, by template id. */
export const TARGET_SYSTEM: Record<string, string> = {
  slack: 'Slack',
  BoxOutDelta: 'Box',
  ServiceNowOutDelta: 'ServiceNow',
  zendesk: 'Zendesk',
  gsuite: 'Google Apps',
  miro: 'customappsso',
  smartsheet: 'Smartsheet',
  salesforce: 'salesforce.com',
  dropboxSCIMOutDelta: 'Dropbox',
  atlassianCloud: 'customappsso',
};

function template(a: AppRef): Json {
  return {
    id: a.templateId,
    applicationId: a.appId,
    default: true,
    description: `Provisions users from Microsoft Entra ID to ${a.displayName}`,
    discoverable: true,
    factoryTag: a.templateId,
    metadata: [{ key: 'GalleryApplicationIdentifier', value: a.templateId!.toLowerCase() }],
  };
}
interface Exec {
  state: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  began: number; // minutes ago
  took?: number;
  exported?: number;
  escrowed?: number;
  entitled?: number;
  error?: Json | null;
}
interface JobSpec {
  code: 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine';
  schedule?: 'Active' | 'Paused' | 'Disabled';
  last?: Exec;
  lastOk?: Exec | null;
  lastOkWithExports?: Exec | null;
  firstSteady?: string;
  lastSteady?: string;
  quarantine?: Json | null;
  escrowsPruned?: boolean;
  failures?: number;
  settings?: Json[];
}
function schemaFor(a: AppRef, scopeGroups: Json[] = []): Json {
  const targetDir = TARGET_SYSTEM[a.templateId!] ?? 'customappsso';
  return {
    id: a.templateId,
    version: 'Date:2024-03-12T08:13:40Z~###' + hex(guid('schemaver:' + a.appId)).slice(0, 12),
    synchronizationRules: [
      {
        id: a.ruleId,
        name: `USER_OUTBOUND_${a.templateId!.toUpperCase()}`,
        editable: true,
        containerFilter: { includedContainers: [] },
        groupFilter: { includedGroups: [] },
        metadata: [],
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: targetDir,
        objectMappings: [
          {
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            name: `Provision Microsoft Entra ID Users`,
            sourceObjectName: 'User',
            targetObjectName: 'User',
            metadata: [],
            scope: scopeGroups.length ? { categoryFilterGroups: [], groups: scopeGroups, inputFilterGroups: [] } : null,
            attributeMappings: [
              { source: { expression: '[userPrincipalName]', name: 'userPrincipalName', type: 'Attribute', parameters: [] }, targetAttributeName: 'userName', matchingPriority: 1, flowBehavior: 'FlowWhenChanged', flowType: 'Always', defaultValue: null, exportMissingReferences: false },
              { source: { expression: '[mail]', name: 'mail', type: 'Attribute', parameters: [] }, targetAttributeName: 'emails[type eq "work"].value', matchingPriority: 0, flowBehavior: 'FlowWhenChanged', flowType: 'Always', defaultValue: null, exportMissingReferences: false },
              { source: { expression: '[department]', name: 'department', type: 'Attribute', parameters: [] }, targetAttributeName: 'department', matchingPriority: 0, flowBehavior: 'FlowWhenChanged', flowType: 'Always', defaultValue: null, exportMissingReferences: false },
            ],
          },
          {
            enabled: false,
            flowTypes: 'Add, Update, Delete',
            name: 'Provision Microsoft Entra ID Groups',
            sourceObjectName: 'Group',
            targetObjectName: 'Group',
            metadata: [],
            scope: null,
            attributeMappings: [],
          },
        ],
      },
    ],
    directories: [
      { id: guid('dir:aad:' + a.appId), name: 'Azure Active Directory', discoverabilities: 'AttributeNames', discoveryDateTime: null, objects: [], readOnly: true, version: 'Date:2024-03-12T08:13:40Z' },
      { id: guid('dir:target:' + a.appId), name: targetDir, discoverabilities: 'None', discoveryDateTime: null, objects: [], readOnly: false, version: 'Date:2024-03-12T08:13:40Z' },
    ],
  };
}

/** Templates, jobs and schemas of every service principal that has any (after users exist: Dropbox counts them). */
export function addSynchronization(ds: Dataset, ctx: BuildContext): void {
  const { ago, agoDays, after } = ctx;
  const A = APPS;
  const synchronization = ds.synchronization;
  const exec = (e: Exec): Json => ({
    activityIdentifier: guid(`exec:${e.began}:${e.state}`),
    countEntitled: e.entitled ?? 42,
    countEntitledForProvisioning: e.entitled ?? 42,
    countEscrowed: e.escrowed ?? 0,
    countEscrowedRaw: e.escrowed ?? 0,
    countExported: e.exported ?? 0,
    countExports: e.exported ?? 0,
    countImported: (e.entitled ?? 42) + 3,
    countImportedDeltas: 3,
    countImportedReferenceDeltas: 0,
    error: e.error ?? null,
    state: e.state,
    timeBegan: ago(e.began),
    timeEnded: ago(e.began - (e.took ?? 2)),
  });
  function job(a: AppRef, s: JobSpec): Json {
    return {
      id: a.jobId,
      templateId: a.templateId,
      schedule: { expiration: null, interval: 'PT40M', state: s.schedule ?? 'Active' },
      status: {
        code: s.code,
        countSuccessiveCompleteFailures: s.failures ?? 0,
        escrowsPruned: s.escrowsPruned ?? false,
        lastExecution: s.last ? exec(s.last) : null,
        lastSuccessfulExecution: s.lastOk === undefined ? (s.last && s.last.state !== 'Failed' ? exec(s.last) : null) : s.lastOk ? exec(s.lastOk) : null,
        lastSuccessfulExecutionWithExports:
          s.lastOkWithExports === undefined ? (s.last && s.last.state !== 'Failed' ? exec(s.last) : null) : s.lastOkWithExports ? exec(s.lastOkWithExports) : null,
        progress: [],
        quarantine: s.quarantine ?? null,
        steadyStateFirstAchievedTime: s.firstSteady ?? MIN_DATE,
        steadyStateLastAchievedTime: s.lastSteady ?? MIN_DATE,
        synchronizedEntryCountByType: [
          { key: 'User to ' + (TARGET_SYSTEM[a.templateId!] ?? 'app') + ' User', value: s.last?.entitled ?? 42 },
        ],
        troubleshootingUrl: null,
      },
      synchronizationJobSettings: [
        { name: 'QuarantineTooManyDeletesThreshold', value: '500' },
        { name: 'Domain', value: '{"Name":"' + (a.templateId ?? '').toLowerCase() + '"}' },
        ...(s.settings ?? []),
      ],
    };
  }
  const steadyRecent = { firstSteady: agoDays(110), lastSteady: ago(25) };
  function setup(a: AppRef, jobs: Json[], scopeGroups: Json[] = []): void {
    synchronization[a.id] = { jobs, templates: [template(a)], schemas: {} };
    if (a.jobId) synchronization[a.id].schemas[a.jobId] = schemaFor(a, scopeGroups);
  }
  setup(A.healthy, [job(A.healthy, { code: 'Active', last: { state: 'Succeeded', began: 27, exported: 2, entitled: 4 }, ...steadyRecent })]);
  synchronization[A.neverConfigured.id] = { jobs: [], templates: [template(A.neverConfigured)], schemas: {} };
  synchronization[A.noConnector.id] = { jobs: [], templates: [], schemas: {} };
  synchronization[A.duplicateName[1].id] = { jobs: [], templates: [], schemas: {} };
  setup(A.quarantinedCredentials, [
    job(A.quarantinedCredentials, {
      code: 'Quarantine',
      failures: 9,
      last: {
        state: 'Failed',
        began: 6 * 60,
        took: 1,
        error: {
          code: 'HttpResponseError',
          message: 'The remote server returned an error: (401) Unauthorized. The admin credentials for https://contosonordic.service-now.com were rejected.',
          tenantActionable: true,
        },
      },
      lastOk: { state: 'Succeeded', began: 4 * 24 * 60, exported: 1 },
      lastOkWithExports: { state: 'Succeeded', began: 4 * 24 * 60, exported: 1 },
      firstSteady: agoDays(300),
      lastSteady: agoDays(4),
      quarantine: {
        currentBegan: agoDays(3),
        nextAttempt: after(6 * 60),
        reason: 'EncounteredQuarantineException',
        seriesBegan: agoDays(3),
        seriesCount: 5,
        error: {
          code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
          message:
            'We are unable to connect to ServiceNow with the admin credentials provided (HTTP 401 Unauthorized). Update the tenant URL, user name and password under Admin Credentials and test the connection.',
          tenantActionable: true,
        },
      },
    }),
  ]);
  setup(A.quarantinedErrors, [
    job(A.quarantinedErrors, {
      code: 'Quarantine',
      escrowsPruned: true,
      failures: 0,
      last: { state: 'EntryLevelErrors', began: 20 * 60, took: 45, exported: 1210, escrowed: 5230, entitled: 9800 },
      lastOk: { state: 'EntryLevelErrors', began: 20 * 60, took: 45, exported: 1210, escrowed: 5230, entitled: 9800 },
      firstSteady: MIN_DATE,
      lastSteady: MIN_DATE,
      quarantine: {
        currentBegan: ago(19 * 60),
        nextAttempt: after(5 * 60),
        reason: 'EncounteredEscrowProportionThreshold',
        seriesBegan: ago(19 * 60),
        seriesCount: 2,
        error: { code: 'EncounteredEscrowProportionThreshold', message: 'More than 40 % of the provisioning operations failed during the initial cycle.', tenantActionable: true },
      },
    }),
  ]);
  setup(A.tooManyDeletes, [
    job(A.tooManyDeletes, {
      code: 'Quarantine',
      last: { state: 'Succeeded', began: 2 * 60, exported: 0, entitled: 6 },
      ...{ firstSteady: agoDays(200), lastSteady: ago(2 * 60) },
      quarantine: {
        currentBegan: ago(100),
        nextAttempt: after(20 * 60),
        reason: 'TooManyDeletes',
        seriesBegan: ago(100),
        seriesCount: 1,
        error: { code: 'TooManyDeletes', message: 'The number of deletions (612) exceeded the accidental deletion threshold (500).', tenantActionable: true },
      },
    }),
  ]);
  setup(A.initialCycle, [
    job(A.initialCycle, {
      code: 'NotRun',
      last: { state: 'Succeeded', began: 35, took: 3, exported: 4, entitled: 10 },
      lastOkWithExports: null,
      firstSteady: MIN_DATE,
      lastSteady: MIN_DATE,
    }),
  ]);
  setup(A.paused, [job(A.paused, { code: 'Paused', schedule: 'Paused', last: { state: 'Succeeded', began: 8 * 24 * 60, exported: 1, entitled: 2 }, firstSteady: agoDays(150), lastSteady: agoDays(8) })]);
  setup(
    A.scoped,
    [job(A.scoped, { code: 'Active', last: { state: 'EntryLevelErrors', began: 31, exported: 1, escrowed: 1, entitled: 3 }, ...steadyRecent })],
    [{ name: 'Kun salg', clauses: [{ operatorName: 'EQUALS', sourceOperandName: 'department', targetOperand: { values: ['Sales'] } }] }],
  );
  setup(A.syncAllLikely, [job(A.syncAllLikely, { code: 'Active', last: { state: 'Succeeded', began: 12, exported: 1, entitled: ds.users.length }, ...steadyRecent })]);
  setup(A.duplicateName[0], [job(A.duplicateName[0], { code: 'Active', last: { state: 'Succeeded', began: 22, exported: 0, entitled: 5 }, ...steadyRecent })]);
}
