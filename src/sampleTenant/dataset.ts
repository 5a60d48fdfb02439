/**
 * The sample tenant's data: "Contoso Nordic AS" (contoso.no), a fictitious hybrid tenant whose objects cover every
 * branch of the decision trees in domain.md (G0–G4, L1–L5, T1, P0–P4). Objects are stored in Microsoft Graph v1.0
 * shapes with all their properties; the server applies `$select` and Graph's default property subsets.
 *
 * Times are relative to the injected clock, so "last sync 20 minutes ago" stays true whenever the tests run.
 * Ids are deterministic (derived from a seed name), so `SAMPLE` can be a module constant.
 */
import { createHash } from 'crypto';
import type { Clock } from '../clock';
import { ROLE } from '../diagnostics/roles';

export type Json = Record<string, unknown>;

export type PersonaName = 'ga' | 'groups' | 'appadmin' | 'helpdesk';
export const PERSONAS: readonly PersonaName[] = ['ga', 'groups', 'appadmin', 'helpdesk'];

export interface SynchronizationData {
  jobs: Json[];
  templates: Json[];
  /** jobId → synchronizationSchema */
  schemas: Record<string, Json>;
}

export interface Dataset {
  tenantId: string;
  /** Microsoft Entra ID P1/P2 present: provisioning logs are readable only then. */
  premium: boolean;
  organization: Json;
  onPremisesSynchronization: Json[];
  users: Json[];
  groups: Json[];
  directoryRoles: Json[];
  /** directoryRole id → member object ids */
  roleMembers: Record<string, string[]>;
  /** group id → direct member ids (users or groups) */
  members: Record<string, string[]>;
  /** group id → owner ids */
  owners: Record<string, string[]>;
  subscribedSkus: Json[];
  applications: Json[];
  servicePrincipals: Json[];
  /** appRoleAssignment objects; `resourceId` is the service principal they grant access to. */
  appRoleAssignments: Json[];
  /** service principal id → synchronization */
  synchronization: Record<string, SynchronizationData>;
  /** provisioningObjectSummary objects (any order; the server sorts newest first). */
  provisioningLogs: Json[];
  /** persona → user object id */
  personas: Record<PersonaName, string>;
}

/** Minutes since the tenant's last directory sync, for the T1 branches. */
export const SYNC_AGE = { fresh: 20, late: 3 * 60, stale: 30 * 60, critical: 9 * 24 * 60 } as const;

export interface SampleDatasetOverrides {
  /** Minutes since the last directory sync (default 20); `null` = tenant never synced (onPremisesSyncEnabled null). */
  lastSyncMinutesAgo?: number | null;
  /** Tenant has Microsoft Entra ID P1/P2 (default true); false → provisioning logs answer 403 like Graph. */
  premium?: boolean;
}

// ---------------------------------------------------------------- ids

/** A deterministic, GUID-shaped id from a seed name. */
export function guid(seed: string): string {
  const h = createHash('sha1').update('contoso-nordic:' + seed).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const hex = (id: string) => id.replace(/-/g, '');

/** appRoleAssignment ids are base64url strings in Graph, not GUIDs. */
function assignmentId(seed: string): string {
  return createHash('sha256').update('ara:' + seed).digest('base64url').slice(0, 43);
}

const TENANT_ID = guid('tenant');
const DOMAIN = 'contoso.no';
const INITIAL_DOMAIN = 'contosonordic.onmicrosoft.com';
const MIN_DATE = '0001-01-01T00:00:00Z';

const SKU = {
  enterprisePack: { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' },
  ems: { skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', skuPartNumber: 'EMS' },
  powerBiPro: { skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560', skuPartNumber: 'POWER_BI_PRO' },
  visio: { skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5', skuPartNumber: 'VISIOCLIENT' },
} as const;

interface Ref {
  id: string;
  displayName: string;
}
interface UserRef extends Ref {
  userPrincipalName: string;
}
interface AppRef extends Ref {
  appId: string;
  templateId?: string;
  jobId?: string;
  ruleId?: string;
}

const u = (key: string, displayName: string, local: string): UserRef => ({
  id: guid('user:' + key),
  displayName,
  userPrincipalName: `${local}@${DOMAIN}`,
});
const g = (key: string, displayName: string): Ref => ({ id: guid('group:' + key), displayName });
function app(key: string, displayName: string, templateId?: string, withJob = true): AppRef {
  const ref: AppRef = { id: guid('sp:' + key), appId: guid('app:' + key), displayName };
  if (templateId) {
    ref.templateId = templateId;
    if (withJob) {
      ref.jobId = `${templateId}.${hex(TENANT_ID)}.${hex(guid('job:' + key))}`;
      ref.ruleId = guid('rule:' + key);
    }
  }
  return ref;
}

/** Notable objects, by the branch they exercise. Refer to these instead of hard-coding names or ids. */
export const SAMPLE = {
  tenant: { id: TENANT_ID, displayName: 'Contoso Nordic AS', domain: DOMAIN, initialDomain: INITIAL_DOMAIN },
  personas: {
    ga: u('ga', 'Ingrid Haugen', 'ingrid.haugen'),
    groups: u('groups', 'Lars Bakken', 'lars.bakken'),
    appadmin: u('appadmin', 'Priya Sharma', 'priya.sharma'),
    helpdesk: u('helpdesk', 'Kari Nilsen', 'kari.nilsen'),
  },
  users: {
    /** Salesforce: member of a synced group that is itself a member of the assigned group (nested only). */
    nestedOnly: u('anna', 'Anna Berg', 'anna.berg'),
    /** Salesforce: assigned directly through a group but department "Marketing" fails the scoping filter department EQUALS "Sales". */
    scopedOut: u('erik', 'Erik Johansen', 'erik.johansen'),
    /** Salesforce: assigned, in scope, provisioned successfully. */
    provisioned: u('sofie', 'Sofie Lund', 'sofie.lund'),
    /** Salesforce: export failed with DuplicateTargetEntries. */
    duplicateTarget: u('emma', 'Emma Wilson', 'emma.wilson'),
    /** Zendesk: export failed with MandatoryFieldsMissing (no mail). */
    mandatoryMissing: u('magnus', 'Magnus Øverby', 'magnus.overby'),
    /** Slack: healthy app, provisioned. */
    slackUser: u('henrik', 'Henrik Solberg', 'henrik.solberg'),
    /** Not assigned to any app; skipped by Dropbox Business (sync all suspected). */
    unassigned: u('nora', 'Nora Aas', 'nora.aas'),
    /** Licensed group: ENTERPRISEPACK CountViolation. */
    countViolation: u('jonas', 'Jonas Dahl', 'jonas.dahl'),
    /** Licensed group: MutuallyExclusiveViolation. */
    mutuallyExclusive: u('mette', 'Mette Strand', 'mette.strand'),
    /** Licensed group: ProhibitedInUsageLocationViolation (usageLocation CU). */
    usageLocation: u('oliver', 'Oliver Smith', 'oliver.smith'),
    /** Cloud licensed group (licensedCloud): ENTERPRISEPACK CountViolation. Data in the "group-based licensing" block. */
    cloudCountViolation: u('tuva', 'Tuva Rønning', 'tuva.ronning'),
    /** Cloud licensed group (licensedCloud): MutuallyExclusiveViolation with a direct licence. */
    cloudMutuallyExclusive: u('marius', 'Marius Fossum', 'marius.fossum'),
    /**
     * Renamed: her mail (`mail`) is no longer her sign-in name, the old address stays an alias (proxyAddresses) and a
     * private address is in otherMails. `/users/{mail}` is a 404 in Graph; `$filter` on mail finds her.
     * Department Sales, assigned to no app.
     */
    renamedMail: { ...u('kristin', 'Kristin Vik-Berg', 'kristin.vik'), mail: `kristin.vik-berg@${DOMAIN}`, otherMail: 'kristin.vik@fjordmail.no' },
    /** Two people with the same display name "Per Olsen" (Logistikk), assigned to no app: a user named by name is a choice. */
    sameName: [u('per-1', 'Per Olsen', 'per.olsen'), u('per-2', 'Per Olsen', 'per.olsen2')],
  },
  groups: {
    /** G0: two groups named "Marketing" — this one is the Microsoft 365 group (mail marketing@contoso.no). */
    marketingCloud: g('marketing-m365', 'Marketing'),
    /** G0: the other "Marketing" — a security group synced from AD. */
    marketingSynced: g('marketing-ad', 'Marketing'),
    /** G0: apostrophe in the name (OData '' escaping). Cloud security group. */
    apostrophe: g('obrien', "Sales O'Brien"),
    /** G0: Norwegian letters. Synced security group without licences (G2 unlicensed synced). */
    norwegian: g('okonomi', 'Økonomi Bærum'),
    /** G1.1: synced from on-prem AD, fresh sync; also the nested member of the Salesforce group. */
    synced: g('salg-oslo', 'Salg Oslo'),
    /** G1.3: SOA converted (onPremisesSyncEnabled null, onPremisesSecurityIdentifier set). */
    soaConverted: g('prosjekt-fjord', 'Prosjekt Fjord'),
    /** G1.6: cloud-only security group. */
    cloudSecurity: g('it-drift', 'IT Drift'),
    /** G1.2: mail-enabled security group (manage in Exchange). */
    mailEnabledSecurity: g('ledergruppen', 'Ledergruppen'),
    /** G1.2: distribution group. */
    distribution: g('alle-oslo', 'Alle ansatte Oslo'),
    /** Microsoft 365 group (same object as marketingCloud). */
    microsoft365: g('marketing-m365', 'Marketing'),
    /** G1.4: dynamic group, processing On. */
    dynamicOn: g('dyn-alle', 'Alle ansatte (dynamisk)'),
    /** G1.4: dynamic group, processing Paused. */
    dynamicPaused: g('dyn-salg', 'Salg (dynamisk)'),
    /** G1.5: role-assignable group. */
    roleAssignable: g('helpdesk-admins', 'Helpdesk-administratorer'),
    /** G1.6/A2: owned by the helpdesk persona. */
    ownedByHelpdesk: g('helpdesk-oslo', 'Helpdesk Oslo'),
    /** T3: synced mail-enabled group with a PropertyConflict on ProxyAddress. */
    provisioningErrors: g('innkjop', 'Innkjøp Bergen'),
    /** G2/L1–L5: synced group with ENTERPRISEPACK + EMS and members with licence errors. */
    licensedSynced: g('lisens-e3', 'Lisens E3 Ansatte'),
    /** L1: cloud licensed group, licenseProcessingState ProcessingInProgress. */
    licensedProcessing: g('lisens-pbi', 'Lisens Power BI Pro'),
    /** L1: cloud licensed group, licenseProcessingState QueuedForProcessing. */
    licensedQueued: g('lisens-visio', 'Lisens Visio'),
    /** L4/L5 on a cloud group: members in CountViolation and MutuallyExclusiveViolation (the "group-based licensing" block). */
    licensedCloud: g('e3-salgsteam', 'E3 Salgsteam'),
    /** G2.4: synced group without licences (same object as norwegian). */
    unlicensedSynced: g('okonomi', 'Økonomi Bærum'),
    /** P3.5: the group assigned to Salesforce (contains Salg Oslo as a nested group). */
    salesforceUsers: g('sf-users', 'Salesforce-brukere'),
  },
  skus: SKU,
  apps: {
    /** P3: Active, steady state recent. */
    healthy: app('slack', 'Slack', 'slack'),
    /** P1.3: templates present, no jobs. */
    neverConfigured: app('box', 'Box', 'BoxOutDelta', false),
    /** P1.2: no templates, no jobs (custom SAML app). */
    noConnector: app('fjordportalen', 'Fjordportalen Intranett'),
    /** P1.2: app registration only — application without a service principal. */
    registrationOnly: { id: guid('application:hr-api'), appId: guid('app:hr-api'), displayName: 'HR Rapportering API' } as AppRef,
    /** P2.1: Quarantine / EncounteredQuarantineException (credentials rejected, HTTP 401). */
    quarantinedCredentials: app('servicenow', 'ServiceNow', 'ServiceNowOutDelta'),
    /** P3.2: Quarantine / EncounteredEscrowProportionThreshold, escrowsPruned. */
    quarantinedErrors: app('zendesk', 'Zendesk', 'zendesk'),
    /** P3.2: Quarantine / TooManyDeletes. */
    tooManyDeletes: app('gsuite', 'Google Workspace', 'gsuite'),
    /** P3.3: NotRun, steadyStateFirstAchievedTime 0001-01-01. */
    initialCycle: app('miro', 'Miro', 'miro'),
    /** P3.1: schedule Paused. */
    paused: app('smartsheet', 'Smartsheet', 'smartsheet'),
    /** P3.5/P3.6: nested-only assignment and a scoping filter (department EQUALS "Sales"); logs with success, skip, failure. */
    scoped: app('salesforce', 'Salesforce', 'salesforce'),
    /** P4.1: many "skipped" logs for unassigned users (Sync all likely); > 50 logs (paging). */
    syncAllLikely: app('dropbox', 'Dropbox Business', 'dropboxSCIMOutDelta'),
    /** P0: two service principals named "Atlassian Cloud". */
    duplicateName: [app('atlassian-1', 'Atlassian Cloud', 'atlassianCloud'), app('atlassian-2', 'Atlassian Cloud')],
  },
} as const;

// ---------------------------------------------------------------- builders

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

interface UserOpts {
  department?: string | null;
  jobTitle?: string | null;
  city?: string;
  usageLocation?: string | null;
  synced?: boolean;
  mail?: string | null;
  employeeId?: string | null;
  employeeType?: string | null;
  licenseAssignmentStates?: Json[];
  assignedLicenses?: Json[];
  extensionAttribute1?: string | null;
  costCenter?: string | null;
  country?: string;
  preferredLanguage?: string;
}

export function createSampleDataset(clock: Clock, overrides: SampleDatasetOverrides = {}): Dataset {
  const now = clock.now().getTime();
  const ago = (minutes: number) => iso(new Date(now - minutes * 60_000));
  const agoDays = (days: number) => ago(days * 24 * 60);
  const after = (minutes: number) => iso(new Date(now + minutes * 60_000));

  const lastSync = overrides.lastSyncMinutesAgo === undefined ? SYNC_AGE.fresh : overrides.lastSyncMinutesAgo;
  const tenantSynced = lastSync !== null;
  const lastSyncIso = lastSync === null ? null : ago(lastSync);
  const extApp = hex(guid('app:b2c-extensions'));

  // ---------- users
  let userSeq = 0;
  function user(ref: UserRef, opts: UserOpts = {}): Json {
    userSeq++;
    const [given, ...rest] = ref.displayName.split(' ');
    const local = ref.userPrincipalName.split('@')[0];
    const synced = opts.synced ?? true;
    const ext: Record<string, string | null> = {};
    for (let i = 1; i <= 15; i++) ext[`extensionAttribute${i}`] = null;
    ext.extensionAttribute1 = opts.extensionAttribute1 ?? null;
    const obj: Json = {
      id: ref.id,
      businessPhones: [`+47 22 00 ${String(10 + userSeq).padStart(2, '0')} 00`],
      displayName: ref.displayName,
      givenName: given,
      jobTitle: opts.jobTitle ?? null,
      mail: opts.mail === undefined ? ref.userPrincipalName : opts.mail,
      mobilePhone: null,
      officeLocation: opts.city ?? 'Oslo',
      preferredLanguage: opts.preferredLanguage ?? 'nb-NO',
      surname: rest.join(' '),
      userPrincipalName: ref.userPrincipalName,
      accountEnabled: true,
      ageGroup: null,
      assignedLicenses: opts.assignedLicenses ?? [],
      city: opts.city ?? 'Oslo',
      companyName: 'Contoso Nordic AS',
      country: opts.country ?? 'Norway',
      createdDateTime: agoDays(400 + userSeq * 7),
      creationType: null,
      deletedDateTime: null,
      department: opts.department ?? null,
      employeeHireDate: agoDays(900 + userSeq * 11),
      employeeId: opts.employeeId === undefined ? String(10400 + userSeq) : opts.employeeId,
      employeeType: opts.employeeType === undefined ? 'Employee' : opts.employeeType,
      externalUserState: null,
      faxNumber: null,
      identities: [{ signInType: 'userPrincipalName', issuer: INITIAL_DOMAIN, issuerAssignedId: ref.userPrincipalName }],
      imAddresses: [ref.userPrincipalName],
      licenseAssignmentStates: opts.licenseAssignmentStates ?? [],
      mailNickname: local,
      onPremisesDistinguishedName: synced ? `CN=${ref.displayName},OU=Brukere,OU=Contoso,DC=contoso,DC=local` : null,
      onPremisesDomainName: synced ? 'contoso.local' : null,
      onPremisesExtensionAttributes: ext,
      onPremisesImmutableId: synced ? createHash('md5').update(ref.id).digest('base64') : null,
      onPremisesLastSyncDateTime: synced ? lastSyncIso : null,
      onPremisesProvisioningErrors: [],
      onPremisesSamAccountName: synced ? local.replace('.', '').slice(0, 20) : null,
      onPremisesSecurityIdentifier: synced ? `S-1-5-21-3623811015-3361044348-30300820-${1100 + userSeq}` : null,
      onPremisesSyncEnabled: synced ? true : null,
      onPremisesUserPrincipalName: synced ? `${local}@contoso.local` : null,
      otherMails: [],
      passwordPolicies: synced ? 'DisablePasswordExpiration' : null,
      postalCode: null,
      proxyAddresses: opts.mail === null ? [] : [`SMTP:${ref.userPrincipalName}`, `smtp:${local}@${INITIAL_DOMAIN}`],
      serviceProvisioningErrors: [],
      showInAddressList: null,
      state: null,
      streetAddress: null,
      usageLocation: opts.usageLocation === undefined ? 'NO' : opts.usageLocation,
      userType: 'Member',
    };
    obj[`extension_${extApp}_costCenter`] = opts.costCenter ?? null;
    return obj;
  }

  const P = SAMPLE.personas;
  const U = SAMPLE.users;
  const G = SAMPLE.groups;
  const E3 = SKU.enterprisePack.skuId;
  const EMS = SKU.ems.skuId;
  const licState = (skuId: string, groupId: string | null, state: string, error: string, minutesAgo = 60 * 26) => ({
    assignedByGroup: groupId,
    disabledPlans: [],
    error,
    lastUpdatedDateTime: ago(minutesAgo),
    skuId,
    state,
  });
  const lic = (...skuIds: string[]) => skuIds.map((skuId) => ({ disabledPlans: [], skuId }));

  const users: Json[] = [
    user(P.ga, { department: 'IT', jobTitle: 'IT-sjef', synced: false, employeeType: 'Employee' }),
    user(P.groups, { department: 'IT', jobTitle: 'Systemadministrator' }),
    user(P.appadmin, { department: 'IT', jobTitle: 'Application Engineer', preferredLanguage: 'en-US' }),
    user(P.helpdesk, { department: 'IT', jobTitle: 'Brukerstøtte', city: 'Bergen' }),
    user(U.nestedOnly, { department: 'Sales', jobTitle: 'Key Account Manager', costCenter: 'S100' }),
    user(U.scopedOut, { department: 'Marketing', jobTitle: 'Markedskoordinator', costCenter: 'M200' }),
    user(U.provisioned, {
      department: 'Sales',
      jobTitle: 'Salgssjef',
      costCenter: 'S100',
      assignedLicenses: lic(E3, EMS),
      licenseAssignmentStates: [licState(E3, G.licensedSynced.id, 'Active', 'None'), licState(EMS, G.licensedSynced.id, 'Active', 'None')],
    }),
    user(U.duplicateTarget, { department: 'Sales', jobTitle: 'Sales Representative', preferredLanguage: 'en-GB', city: 'Stavanger' }),
    user(U.mandatoryMissing, { department: 'Kundeservice', jobTitle: 'Kundebehandler', mail: null, city: 'Trondheim' }),
    user(U.slackUser, { department: 'IT', jobTitle: 'Utvikler' }),
    user(U.unassigned, { department: 'Økonomi', jobTitle: 'Regnskapsfører', city: 'Bærum' }),
    user(U.countViolation, {
      department: 'Økonomi',
      jobTitle: 'Controller',
      assignedLicenses: lic(EMS),
      licenseAssignmentStates: [licState(E3, G.licensedSynced.id, 'Error', 'CountViolation', 90), licState(EMS, G.licensedSynced.id, 'Active', 'None')],
    }),
    user(U.mutuallyExclusive, {
      department: 'HR',
      jobTitle: 'HR-rådgiver',
      assignedLicenses: lic('05e9a617-0261-4cee-bb44-138d3ef5d965', EMS),
      licenseAssignmentStates: [
        licState('05e9a617-0261-4cee-bb44-138d3ef5d965', null, 'Active', 'None'),
        licState(E3, G.licensedSynced.id, 'Error', 'MutuallyExclusiveViolation', 300),
        licState(EMS, G.licensedSynced.id, 'Active', 'None'),
      ],
    }),
    user(U.usageLocation, {
      department: 'Sales',
      jobTitle: 'Export Manager',
      usageLocation: 'CU',
      country: 'Cuba',
      city: 'Havana',
      preferredLanguage: 'en-US',
      assignedLicenses: lic(EMS),
      licenseAssignmentStates: [licState(E3, G.licensedSynced.id, 'Error', 'ProhibitedInUsageLocationViolation', 600), licState(EMS, G.licensedSynced.id, 'Active', 'None')],
    }),
  ];
  // A crowd of ordinary employees (Dropbox "skipped" logs, dynamic groups, big memberships).
  const crowdNames = [
    'Ida Hansen', 'Sander Olsen', 'Emilie Larsen', 'Mathias Andersen', 'Thea Pedersen', 'Jakob Kristiansen', 'Maja Jensen',
    'Filip Karlsen', 'Sara Eriksen', 'William Berg', 'Julie Halvorsen', 'Noah Moen', 'Hanna Jacobsen', 'Elias Strøm',
    'Tiril Ødegård', 'Aksel Sæther', 'Vilde Haugland', 'Tobias Lie', 'Frida Aune', 'Jonas Myhre', 'Ingrid Solheim',
    'Olav Ruud', 'Marte Hagen', 'Sindre Bø', 'Live Tangen', 'Even Brekke', 'Selma Nygård', 'Kasper Holm',
  ];
  const departments = ['Sales', 'Marketing', 'Økonomi', 'HR', 'Logistikk', 'IT', 'Kundeservice'];
  const crowd: UserRef[] = crowdNames.map((name, i) => {
    const local = name
      .toLowerCase()
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/å/g, 'a')
      .replace(/ /g, '.');
    return u('crowd-' + i, name, local);
  });
  crowd.forEach((ref, i) => users.push(user(ref, { department: departments[i % departments.length], jobTitle: null })));
  const renamed = user(U.renamedMail, { department: 'Sales', jobTitle: 'Innkjøper', costCenter: 'S100', mail: U.renamedMail.mail });
  renamed.proxyAddresses = [`SMTP:${U.renamedMail.mail}`, `smtp:${U.renamedMail.userPrincipalName}`, `smtp:kristin.vik@${INITIAL_DOMAIN}`];
  renamed.otherMails = [U.renamedMail.otherMail];
  users.push(renamed);
  for (const ref of U.sameName) users.push(user(ref, { department: 'Logistikk', jobTitle: 'Lagermedarbeider', city: 'Drammen' }));

  // ---------- groups
  let groupSeq = 0;
  interface GroupOpts {
    description?: string | null;
    mail?: string | null;
    mailEnabled?: boolean;
    securityEnabled?: boolean;
    groupTypes?: string[];
    membershipRule?: string | null;
    membershipRuleProcessingState?: string | null;
    isAssignableToRole?: boolean | null;
    synced?: 'yes' | 'soa' | 'no';
    provisioningErrors?: Json[];
    assignedLicenses?: Json[];
    licenseState?: string | null;
    proxyAddresses?: string[];
    createdDaysAgo?: number;
    visibility?: string | null;
    resourceProvisioningOptions?: string[];
  }
  function group(ref: Ref, o: GroupOpts = {}): Json {
    groupSeq++;
    const synced = o.synced ?? 'no';
    const mailNickname = o.mail ? o.mail.split('@')[0] : hex(guid('nick:' + ref.id)).slice(0, 8) + '-' + hex(ref.id).slice(0, 3);
    const sam = ref.displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 20) || 'Group';
    return {
      id: ref.id,
      deletedDateTime: null,
      classification: null,
      createdDateTime: agoDays(o.createdDaysAgo ?? 200 + groupSeq * 13),
      creationOptions: o.groupTypes?.includes('Unified') ? ['ProvisionGroupHomepage', 'HubSiteId:00000000-0000-0000-0000-000000000000'] : [],
      description: o.description ?? null,
      displayName: ref.displayName,
      expirationDateTime: null,
      groupTypes: o.groupTypes ?? [],
      isAssignableToRole: o.isAssignableToRole ?? null,
      mail: o.mail ?? null,
      mailEnabled: o.mailEnabled ?? false,
      mailNickname,
      membershipRule: o.membershipRule ?? null,
      membershipRuleProcessingState: o.membershipRuleProcessingState ?? null,
      onPremisesDomainName: synced === 'yes' ? 'contoso.local' : null,
      onPremisesLastSyncDateTime: synced === 'yes' ? lastSyncIso : synced === 'soa' ? agoDays(12) : null,
      onPremisesNetBiosName: synced === 'yes' ? 'CONTOSO' : null,
      onPremisesSamAccountName: synced !== 'no' ? sam : null,
      onPremisesSecurityIdentifier: synced !== 'no' ? `S-1-5-21-3623811015-3361044348-30300820-${5100 + groupSeq}` : null,
      onPremisesSyncEnabled: synced === 'yes' ? true : null,
      preferredDataLocation: null,
      preferredLanguage: null,
      proxyAddresses: o.proxyAddresses ?? (o.mail ? [`SMTP:${o.mail}`, `smtp:${mailNickname}@${INITIAL_DOMAIN}`] : []),
      renewedDateTime: agoDays(o.createdDaysAgo ?? 200 + groupSeq * 13),
      resourceBehaviorOptions: [],
      resourceProvisioningOptions: o.resourceProvisioningOptions ?? [],
      securityEnabled: o.securityEnabled ?? true,
      securityIdentifier: `S-1-12-1-${parseInt(hex(ref.id).slice(0, 8), 16)}-${parseInt(hex(ref.id).slice(8, 16), 16)}`,
      theme: null,
      visibility: o.visibility ?? (o.groupTypes?.includes('Unified') ? 'Private' : null),
      onPremisesProvisioningErrors: o.provisioningErrors ?? [],
      serviceProvisioningErrors: [],
      // $select-only:
      assignedLicenses: o.assignedLicenses ?? [],
      licenseProcessingState: o.licenseState === undefined ? (o.assignedLicenses?.length ? { state: 'ProcessingComplete' } : null) : o.licenseState === null ? null : { state: o.licenseState },
      assignedLabels: [],
    };
  }

  const groups: Json[] = [
    group(G.marketingCloud, {
      description: 'Markedsavdelingen – Microsoft 365-gruppe for Teams og SharePoint',
      mail: 'marketing@contoso.no',
      mailEnabled: true,
      groupTypes: ['Unified'],
      securityEnabled: false,
      resourceProvisioningOptions: ['Team'],
    }),
    group(G.marketingSynced, { description: 'Marketing (AD security group)', synced: 'yes' }),
    group(G.apostrophe, { description: "Sales team of Patrick O'Brien (cloud)" }),
    group(G.norwegian, { description: 'Økonomiavdelingen i Bærum', synced: 'yes' }),
    group(G.synced, { description: 'Salgsavdelingen Oslo (synkronisert fra lokal AD)', synced: 'yes' }),
    group(G.soaConverted, { description: 'Prosjektgruppe – myndighetskilde flyttet til skyen', synced: 'soa' }),
    group(G.cloudSecurity, { description: 'IT-drift (kun sky)' }),
    group(G.mailEnabledSecurity, { description: 'Ledergruppen (e-postaktivert sikkerhetsgruppe)', mail: 'ledergruppen@contoso.no', mailEnabled: true }),
    group(G.distribution, { description: 'Distribusjonsliste for alle i Oslo', mail: 'alle.oslo@contoso.no', mailEnabled: true, securityEnabled: false }),
    group(G.dynamicOn, {
      description: 'Alle aktive ansatte',
      groupTypes: ['DynamicMembership'],
      membershipRule: '(user.accountEnabled -eq true) and (user.userType -eq "Member")',
      membershipRuleProcessingState: 'On',
    }),
    group(G.dynamicPaused, {
      description: 'Alle i salg (regelbehandling satt på pause)',
      groupTypes: ['DynamicMembership'],
      membershipRule: '(user.department -eq "Sales")',
      membershipRuleProcessingState: 'Paused',
    }),
    group(G.roleAssignable, { description: 'Rolletildelbar gruppe for Helpdesk Administrator', isAssignableToRole: true }),
    group(G.ownedByHelpdesk, { description: 'Brukerstøtte Oslo' }),
    group(G.provisioningErrors, {
      description: 'Innkjøp Bergen (e-postaktivert, synkronisert)',
      synced: 'yes',
      mail: 'innkjop.bergen@contoso.no',
      mailEnabled: true,
      proxyAddresses: ['SMTP:innkjop.bergen@contoso.no', 'smtp:innkjop@contoso.no'],
      provisioningErrors: [
        { category: 'PropertyConflict', occurredDateTime: agoDays(3), propertyCausingError: 'ProxyAddress', value: 'smtp:innkjop@contoso.no' },
      ],
    }),
    group(G.licensedSynced, {
      description: 'Gruppebasert lisensiering: Office 365 E3 + EMS',
      synced: 'yes',
      assignedLicenses: lic(E3, EMS),
      licenseState: 'ProcessingComplete',
    }),
    group(G.licensedProcessing, { description: 'Power BI Pro-lisenser', assignedLicenses: lic(SKU.powerBiPro.skuId), licenseState: 'ProcessingInProgress', createdDaysAgo: 1 }),
    group(G.licensedQueued, { description: 'Visio-lisenser', assignedLicenses: lic(SKU.visio.skuId), licenseState: 'QueuedForProcessing', createdDaysAgo: 0 }),
    group(G.salesforceUsers, { description: 'Tilordnet til Salesforce (bedriftsapp)' }),
  ];
  for (const a of [SAMPLE.apps.healthy, SAMPLE.apps.quarantinedErrors, SAMPLE.apps.tooManyDeletes, SAMPLE.apps.initialCycle, SAMPLE.apps.paused]) {
    groups.push(group(g('app-' + a.displayName, `${a.displayName}-brukere`), { description: `Tilordnet til ${a.displayName}` }));
  }
  const appGroup = (a: AppRef) => guid('group:app-' + a.displayName);

  const crowdIds = crowd.map((c) => c.id);
  const members: Record<string, string[]> = {
    [G.marketingCloud.id]: [U.scopedOut.id, crowdIds[1], crowdIds[8]],
    [G.marketingSynced.id]: [U.scopedOut.id, crowdIds[1]],
    [G.apostrophe.id]: [U.duplicateTarget.id, crowdIds[0]],
    [G.norwegian.id]: [U.unassigned.id, U.countViolation.id, crowdIds[2]],
    [G.synced.id]: [U.nestedOnly.id, crowdIds[0], crowdIds[7]],
    [G.soaConverted.id]: [crowdIds[3], crowdIds[10]],
    [G.cloudSecurity.id]: [P.ga.id, P.groups.id, P.appadmin.id, P.helpdesk.id, U.slackUser.id],
    [G.mailEnabledSecurity.id]: [P.ga.id, U.provisioned.id],
    [G.distribution.id]: [U.provisioned.id, U.scopedOut.id, U.nestedOnly.id, U.slackUser.id],
    [G.dynamicOn.id]: users.map((x) => x.id as string),
    [G.dynamicPaused.id]: [U.nestedOnly.id, U.provisioned.id, U.duplicateTarget.id],
    [G.roleAssignable.id]: [P.helpdesk.id],
    [G.ownedByHelpdesk.id]: [P.helpdesk.id, crowdIds[4]],
    [G.provisioningErrors.id]: [crowdIds[5], crowdIds[12]],
    [G.licensedSynced.id]: [U.provisioned.id, U.countViolation.id, U.mutuallyExclusive.id, U.usageLocation.id],
    [G.licensedProcessing.id]: [U.nestedOnly.id, U.scopedOut.id],
    [G.licensedQueued.id]: [crowdIds[6]],
    // Salesforce: Sofie, Erik and Emma directly; Anna only through the nested group "Salg Oslo".
    [G.salesforceUsers.id]: [U.provisioned.id, U.scopedOut.id, U.duplicateTarget.id, G.synced.id],
    [appGroup(SAMPLE.apps.healthy)]: [U.slackUser.id, crowdIds[9], crowdIds[11]],
    [appGroup(SAMPLE.apps.quarantinedErrors)]: [U.mandatoryMissing.id, ...crowdIds.slice(13, 20)],
    [appGroup(SAMPLE.apps.tooManyDeletes)]: crowdIds.slice(0, 6),
    [appGroup(SAMPLE.apps.initialCycle)]: crowdIds.slice(6, 16),
    [appGroup(SAMPLE.apps.paused)]: [crowdIds[20], crowdIds[21]],
  };
  // ---------- group-based licensing on a cloud group (issue #8): one contiguous block, to move with the dataset split.
  // "E3 Salgsteam" assigns ENTERPRISEPACK; Tuva got no unit left (CountViolation), Marius holds a direct product whose
  // plans exclude E3's (MutuallyExclusiveViolation), Henrik got it. Graph lists Tuva and Marius in membersWithLicenseErrors.
  users.push(
    user(U.cloudCountViolation, {
      department: 'Sales',
      jobTitle: 'Salgskonsulent',
      synced: false,
      licenseAssignmentStates: [licState(E3, G.licensedCloud.id, 'Error', 'CountViolation', 45)],
    }),
    user(U.cloudMutuallyExclusive, {
      department: 'Sales',
      jobTitle: 'Salgsleder',
      synced: false,
      assignedLicenses: lic('05e9a617-0261-4cee-bb44-138d3ef5d965'),
      licenseAssignmentStates: [licState('05e9a617-0261-4cee-bb44-138d3ef5d965', null, 'Active', 'None'), licState(E3, G.licensedCloud.id, 'Error', 'MutuallyExclusiveViolation', 45)],
    }),
  );
  groups.push(group(G.licensedCloud, { description: 'E3 for salg (skygruppe)', assignedLicenses: lic(E3), licenseState: 'ProcessingComplete' }));
  members[G.licensedCloud.id] = [U.cloudCountViolation.id, U.cloudMutuallyExclusive.id, U.slackUser.id];
  // ---------- end of the group-based licensing block

  const owners: Record<string, string[]> = {
    [G.ownedByHelpdesk.id]: [P.helpdesk.id],
    [G.marketingCloud.id]: [P.groups.id],
    [G.apostrophe.id]: [P.groups.id],
    [G.cloudSecurity.id]: [P.ga.id],
  };

  // ---------- directory roles
  const role = (key: keyof typeof ROLE, displayName: string, description: string): Json => ({
    id: guid('directoryRole:' + key),
    deletedDateTime: null,
    description,
    displayName,
    roleTemplateId: ROLE[key],
  });
  const directoryRoles = [
    role('globalAdministrator', 'Global Administrator', 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.'),
    role('groupsAdministrator', 'Groups Administrator', 'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.'),
    role('applicationAdministrator', 'Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps.'),
  ];
  const roleMembers: Record<string, string[]> = {
    [guid('directoryRole:globalAdministrator')]: [P.ga.id],
    [guid('directoryRole:groupsAdministrator')]: [P.groups.id],
    [guid('directoryRole:applicationAdministrator')]: [P.appadmin.id],
  };

  // ---------- organization
  const organization: Json = {
    id: TENANT_ID,
    deletedDateTime: null,
    businessPhones: ['+47 22 00 00 00'],
    city: 'Oslo',
    country: null,
    countryLetterCode: 'NO',
    createdDateTime: agoDays(2900),
    defaultUsageLocation: 'NO',
    displayName: SAMPLE.tenant.displayName,
    isMultipleDataLocationsForServicesEnabled: null,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: lastSyncIso,
    onPremisesSyncEnabled: tenantSynced ? true : null,
    partnerTenantType: null,
    postalCode: '0150',
    preferredLanguage: 'nb',
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: 'Dronning Eufemias gate 71',
    technicalNotificationMails: ['it-drift@contoso.no'],
    tenantType: 'AAD',
    directorySizeQuota: { used: 1874, total: 300000 },
    assignedPlans: [],
    privacyProfile: null,
    provisionedPlans: [],
    verifiedDomains: [
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: false, name: DOMAIN, type: 'Federated' },
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: INITIAL_DOMAIN, type: 'Managed' },
    ],
  };
  const onPremisesSynchronization: Json[] = [
    {
      id: TENANT_ID,
      configuration: { accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForCount', alertThreshold: 500 } },
      features: {
        blockCloudObjectTakeoverThroughHardMatchEnabled: true,
        blockSoftMatchEnabled: false,
        bypassDirSyncOverridesEnabled: false,
        cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
        concurrentCredentialUpdateEnabled: false,
        concurrentOrgIdProvisioningEnabled: true,
        deviceWritebackEnabled: false,
        directoryExtensionsEnabled: true,
        fopeConflictResolutionEnabled: false,
        groupWriteBackEnabled: false,
        passwordSyncEnabled: true,
        passwordWritebackEnabled: true,
        quarantineUponProxyAddressesConflictEnabled: true,
        quarantineUponUpnConflictEnabled: true,
        softMatchOnUpnEnabled: true,
        synchronizeUpnForManagedUsersEnabled: true,
        unifiedGroupWritebackEnabled: false,
        userForcePasswordChangeOnLogonEnabled: false,
        userWritebackEnabled: false,
      },
    },
  ];

  // ---------- licences
  const sku = (s: { skuId: string; skuPartNumber: string }, enabled: number, consumed: number, plans: [string, string][]): Json => ({
    accountName: 'ContosoNordic',
    accountId: TENANT_ID,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: consumed,
    id: `${TENANT_ID}_${s.skuId}`,
    prepaidUnits: { enabled, lockedOut: 0, suspended: 0, warning: 0 },
    servicePlans: plans.map(([servicePlanId, servicePlanName]) => ({ servicePlanId, servicePlanName, provisioningStatus: 'Success', appliesTo: 'User' })),
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    subscriptionIds: [guid('subscription:' + s.skuPartNumber)],
  });
  const subscribedSkus = [
    sku(SKU.enterprisePack, 250, 250, [
      ['efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE'],
      ['5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE'],
      ['57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1'],
    ]),
    sku(SKU.ems, 250, 212, [
      ['41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM'],
      ['c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'INTUNE_A'],
    ]),
    sku(SKU.powerBiPro, 50, 31, [['70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2']]),
    sku(SKU.visio, 20, 12, [['663a804f-1c30-4ff0-9915-9db84f0d1cea', 'VISIO_CLIENT_SUBSCRIPTION']]),
    sku({ skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', skuPartNumber: 'SPE_E3' }, 10, 4, [['efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE']]),
  ];

  // ---------- applications and service principals
  const A = SAMPLE.apps;
  const allApps: AppRef[] = [A.healthy, A.neverConfigured, A.noConnector, A.quarantinedCredentials, A.quarantinedErrors, A.tooManyDeletes, A.initialCycle, A.paused, A.scoped, A.syncAllLikely, ...A.duplicateName];
  const appRoleIds = (a: AppRef) => ({ user: guid('approle-user:' + a.appId), access: guid('approle-msiam:' + a.appId) });

  const applications: Json[] = [...allApps, A.registrationOnly].map((a, i) => ({
    id: a === A.registrationOnly ? a.id : guid('application:' + a.appId),
    appId: a.appId,
    createdDateTime: agoDays(700 - i * 40),
    deletedDateTime: null,
    displayName: a.displayName,
    description: null,
    identifierUris: a === A.registrationOnly ? [`api://${a.appId}`] : [],
    publisherDomain: DOMAIN,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    web: { homePageUrl: null, logoutUrl: null, redirectUris: a === A.registrationOnly ? ['https://hr.contoso.no/auth/callback'] : [] },
  }));

  const servicePrincipals: Json[] = allApps.map((a, i) => {
    const roles = appRoleIds(a);
    const gallery = !!a.templateId;
    const saml = a === A.noConnector || a === A.duplicateName[1];
    return {
      id: a.id,
      deletedDateTime: null,
      accountEnabled: true,
      alternativeNames: [],
      appDisplayName: a.displayName,
      appDescription: null,
      appId: a.appId,
      applicationTemplateId: gallery ? guid('template:' + a.templateId) : saml ? '8adf8e6e-67b2-4cf2-a259-e3dc5476c621' : null,
      appOwnerOrganizationId: TENANT_ID,
      appRoleAssignmentRequired: a !== A.syncAllLikely,
      createdDateTime: agoDays(690 - i * 40),
      description: null,
      disabledByMicrosoftStatus: null,
      displayName: a.displayName,
      homepage: `https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=${(a.templateId ?? 'customappsso').toLowerCase()}|ISV9.1|primary|z`,
      loginUrl: null,
      logoutUrl: null,
      notes: null,
      notificationEmailAddresses: ['it-drift@contoso.no'],
      preferredSingleSignOnMode: gallery || saml ? 'saml' : null,
      preferredTokenSigningKeyThumbprint: null,
      replyUrls: [],
      servicePrincipalNames: [a.appId],
      servicePrincipalType: 'Application',
      signInAudience: 'AzureADMyOrg',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp', gallery ? 'WindowsAzureActiveDirectoryGalleryApplicationPrimaryV1' : 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication'],
      tokenEncryptionKeyId: null,
      info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
      samlSingleSignOnSettings: null,
      addIns: [],
      appRoles: [
        { allowedMemberTypes: ['User'], description: 'msiam_access', displayName: 'msiam_access', id: roles.access, isEnabled: true, origin: 'Application', value: null },
        { allowedMemberTypes: ['User'], description: 'User', displayName: 'User', id: roles.user, isEnabled: true, origin: 'ServicePrincipal', value: null },
      ],
      keyCredentials: [],
      oauth2PermissionScopes: [],
      passwordCredentials: [],
      resourceSpecificApplicationPermissions: [],
      verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    };
  });

  // ---------- app role assignments
  const appRoleAssignments: Json[] = [];
  function assign(a: AppRef, principal: { id: string; displayName: string }, principalType: 'User' | 'Group', daysAgo: number) {
    appRoleAssignments.push({
      id: assignmentId(a.id + principal.id),
      deletedDateTime: null,
      appRoleId: principalType === 'Group' ? appRoleIds(a).user : appRoleIds(a).access,
      createdDateTime: agoDays(daysAgo),
      principalDisplayName: principal.displayName,
      principalId: principal.id,
      principalType,
      resourceDisplayName: a.displayName,
      resourceId: a.id,
    });
  }
  const groupRef = (id: string): Ref => ({ id, displayName: groups.find((x) => x.id === id)!.displayName as string });
  assign(A.healthy, groupRef(appGroup(A.healthy)), 'Group', 120);
  assign(A.healthy, P.ga, 'User', 200);
  assign(A.neverConfigured, groupRef(G.cloudSecurity.id), 'Group', 15);
  assign(A.noConnector, groupRef(G.dynamicOn.id), 'Group', 300);
  assign(A.quarantinedCredentials, groupRef(G.cloudSecurity.id), 'Group', 250);
  assign(A.quarantinedCredentials, U.slackUser, 'User', 240);
  assign(A.quarantinedErrors, groupRef(appGroup(A.quarantinedErrors)), 'Group', 60);
  assign(A.tooManyDeletes, groupRef(appGroup(A.tooManyDeletes)), 'Group', 180);
  assign(A.initialCycle, groupRef(appGroup(A.initialCycle)), 'Group', 0.05);
  assign(A.paused, groupRef(appGroup(A.paused)), 'Group', 90);
  assign(A.scoped, groupRef(G.salesforceUsers.id), 'Group', 45);
  assign(A.syncAllLikely, P.appadmin, 'User', 30);
  assign(A.duplicateName[0], groupRef(G.cloudSecurity.id), 'Group', 20);

  // ---------- synchronization (jobs, templates, schemas)
  const synchronization: Record<string, SynchronizationData> = {};
  const target: Record<string, string> = {
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
          { key: 'User to ' + (target[a.templateId!] ?? 'app') + ' User', value: s.last?.entitled ?? 42 },
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
  function schemaFor(a: AppRef, scopeGroups: Json[] = []): Json {
    const targetDir = target[a.templateId!] ?? 'customappsso';
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
  setup(A.syncAllLikely, [job(A.syncAllLikely, { code: 'Active', last: { state: 'Succeeded', began: 12, exported: 1, entitled: users.length }, ...steadyRecent })]);
  setup(A.duplicateName[0], [job(A.duplicateName[0], { code: 'Active', last: { state: 'Succeeded', began: 22, exported: 0, entitled: 5 }, ...steadyRecent })]);

  // ---------- provisioning logs
  const provisioningLogs: Json[] = [];
  let logSeq = 0;
  interface LogSpec {
    app: AppRef;
    user: UserRef | Json;
    minutesAgo: number;
    status: 'success' | 'failure' | 'skipped' | 'warning';
    action?: 'create' | 'update' | 'delete' | 'disable' | 'stagedDelete' | 'other';
    errorCode?: string;
    reason?: string;
    recommendedAction?: string;
    scoping?: { status: string; description: string; details?: Record<string, string> };
    exportStep?: { status: string; description: string; details?: Record<string, string> };
  }
  function log(s: LogSpec): void {
    logSeq++;
    const userId = s.user.id as string;
    const name = s.user.displayName as string;
    const upn = s.user.userPrincipalName as string;
    const targetName = target[s.app.templateId!] ?? 'customappsso';
    const cycleId = guid(`cycle:${s.app.id}:${Math.floor(s.minutesAgo / 40)}`);
    const steps: Json[] = [
      {
        name: 'EntryImportAdd',
        provisioningStepType: 'import',
        status: 'success',
        description: `Received User '${upn}' change of type (Update) from Azure Active Directory`,
        details: { objectId: userId, userPrincipalName: upn, displayName: name },
      },
      {
        name: 'EntrySynchronizationScoping',
        provisioningStepType: 'scoping',
        status: s.scoping?.status ?? 'success',
        description: s.scoping?.description ?? `Determine if User in scope by evaluating against each scoping filter`,
        details: s.scoping?.details ?? { 'Active in the source system': 'True', 'Assigned to the application': 'True', 'User has the required role': 'True', 'Scoping filter evaluation passed': 'True' },
      },
    ];
    if (s.status !== 'skipped' || s.exportStep) {
      steps.push({
        name: 'EntryImportObjectExists',
        provisioningStepType: 'matching',
        status: 'success',
        description: `Searched ${targetName} for User '${upn}' using the matching attribute userName`,
        details: { userName: upn },
      });
      steps.push({
        name: s.status === 'failure' ? 'EntryExportUpdate' : 'EntryExportAdd',
        provisioningStepType: 'export',
        status: s.exportStep?.status ?? s.status,
        description:
          s.exportStep?.description ??
          (s.status === 'failure' ? `Failed to ${s.action ?? 'create'} User '${upn}' in ${targetName}` : `User '${upn}' was ${s.action === 'update' ? 'updated' : 'created'} in ${targetName}`),
        details: s.exportStep?.details ?? {},
      });
    }
    provisioningLogs.push({
      id: guid('log:' + logSeq),
      activityDateTime: ago(s.minutesAgo),
      tenantId: TENANT_ID,
      jobId: s.app.jobId,
      cycleId,
      changeId: guid('change:' + logSeq),
      durationInMilliseconds: 180 + ((logSeq * 37) % 900),
      initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      provisioningAction: s.action ?? (s.status === 'skipped' ? 'other' : 'create'),
      provisioningStatusInfo: {
        status: s.status,
        errorInformation:
          s.status === 'failure' || s.status === 'skipped' || s.status === 'warning'
            ? {
                errorCode: s.errorCode ?? null,
                errorCategory: s.status === 'failure' ? 'nonServiceFailure' : null,
                reason: s.reason ?? null,
                additionalDetails: null,
                recommendedAction: s.recommendedAction ?? null,
              }
            : null,
      },
      provisioningSteps: steps,
      modifiedProperties: [
        { displayName: 'displayName', oldValue: null, newValue: name },
        { displayName: 'userPrincipalName', oldValue: null, newValue: upn },
      ],
      servicePrincipal: { id: s.app.id, displayName: s.app.displayName },
      sourceIdentity: { id: userId, displayName: name, identityType: 'User', details: {} },
      sourceSystem: { id: guid('srcsys'), displayName: 'Azure Active Directory', details: {} },
      targetIdentity: { id: s.status === 'success' ? guid('target:' + s.app.id + userId) : '', displayName: name, identityType: 'User', details: {} },
      targetSystem: { id: guid('tgtsys:' + s.app.id), displayName: targetName, details: { ApplicationId: s.app.appId, ServicePrincipalDisplayName: s.app.displayName } },
    });
  }
  const scopedOutStep = {
    status: 'skipped',
    description: "User 'erik.johansen@contoso.no' is not in scope: the scoping filter 'Kun salg' requires department EQUALS 'Sales' (value: 'Marketing')",
    details: { 'Scoping filter evaluation passed': 'False', ScopeEvaluationResult: '{"Kun salg":{"department EQUALS \'Sales\'":"False"}}' },
  };
  const notAssignedStep = (upn: string) => ({
    status: 'skipped',
    description: `User '${upn}' is not assigned to the application and the scope is set to all users and groups; the user was evaluated and skipped`,
    details: { 'Assigned to the application': 'False', 'Active in the source system': 'True', SkipReason: 'NotEffectivelyEntitled' },
  });
  // Salesforce: success, scoping skip, duplicate target failure.
  log({ app: A.scoped, user: U.provisioned, minutesAgo: 31, status: 'success', action: 'update' });
  log({ app: A.scoped, user: U.provisioned, minutesAgo: 60 * 24 * 40, status: 'success', action: 'create' });
  log({ app: A.scoped, user: U.scopedOut, minutesAgo: 31, status: 'skipped', errorCode: 'EntrySynchronizationSkipped', reason: 'The user is out of scope for provisioning.', scoping: scopedOutStep });
  log({ app: A.scoped, user: U.scopedOut, minutesAgo: 71, status: 'skipped', errorCode: 'EntrySynchronizationSkipped', reason: 'The user is out of scope for provisioning.', scoping: scopedOutStep });
  log({
    app: A.scoped,
    user: U.duplicateTarget,
    minutesAgo: 32,
    status: 'failure',
    errorCode: 'DuplicateTargetEntries',
    reason: "More than one user in salesforce.com matched 'emma.wilson@contoso.no' on the matching attribute Username.",
    recommendedAction: 'Remove the duplicate user in Salesforce or change the matching attribute.',
  });
  log({ app: A.scoped, user: U.duplicateTarget, minutesAgo: 72, status: 'failure', errorCode: 'DuplicateTargetEntries', reason: "More than one user in salesforce.com matched 'emma.wilson@contoso.no'." });
  // Slack: healthy.
  log({ app: A.healthy, user: U.slackUser, minutesAgo: 27, status: 'success', action: 'update' });
  log({ app: A.healthy, user: U.slackUser, minutesAgo: 60 * 24 * 90, status: 'success', action: 'create' });
  log({ app: A.healthy, user: crowd[9], minutesAgo: 27, status: 'success', action: 'create' });
  // ServiceNow: export rejected (credentials).
  log({ app: A.quarantinedCredentials, user: U.slackUser, minutesAgo: 6 * 60, status: 'failure', errorCode: 'Unauthorized', reason: 'ServiceNow returned HTTP 401 Unauthorized.' });
  log({ app: A.quarantinedCredentials, user: P.ga, minutesAgo: 6 * 60 + 1, status: 'failure', errorCode: 'InsufficientRights', reason: 'The ServiceNow account used for provisioning lacks the user_admin role.' });
  // Zendesk: high error volume.
  log({ app: A.quarantinedErrors, user: U.mandatoryMissing, minutesAgo: 19 * 60 + 5, status: 'failure', errorCode: 'MandatoryFieldsMissing', reason: "The required attribute 'email' has no value for 'magnus.overby@contoso.no'." });
  crowd.slice(13, 20).forEach((c, i) =>
    log({ app: A.quarantinedErrors, user: c, minutesAgo: 19 * 60 + 6 + i, status: 'failure', errorCode: i % 2 ? 'InsufficientRights' : 'MandatoryFieldsMissing', reason: i % 2 ? 'The Zendesk API token lacks the agent administration permission.' : "The required attribute 'email' has no value." }),
  );
  // Google Workspace: staged deletes.
  crowd.slice(0, 6).forEach((c, i) =>
    log({ app: A.tooManyDeletes, user: c, minutesAgo: 100 + i, status: 'skipped', action: 'stagedDelete', errorCode: 'TooManyDeletes', reason: 'The delete was held back: the accidental deletion threshold was exceeded.' }),
  );
  // Miro: initial cycle in progress.
  crowd.slice(6, 10).forEach((c, i) => log({ app: A.initialCycle, user: c, minutesAgo: 33 - i, status: 'success', action: 'create' }));
  // Dropbox Business: 1 success + 59 skipped for users that aren't assigned (sync all suspected) → 60 logs, pages at $top=50.
  log({ app: A.syncAllLikely, user: P.appadmin, minutesAgo: 12, status: 'success', action: 'update' });
  const dropboxPeople: (UserRef | Json)[] = [U.unassigned, ...crowd, U.nestedOnly, U.provisioned, U.scopedOut];
  for (let i = 0; i < 59; i++) {
    const p = dropboxPeople[i % dropboxPeople.length];
    log({
      app: A.syncAllLikely,
      user: p,
      minutesAgo: 13 + i * 7,
      status: 'skipped',
      errorCode: 'EntrySynchronizationSkipped',
      reason: 'The user is not assigned to the application.',
      scoping: notAssignedStep(p.userPrincipalName as string),
    });
  }
  // Atlassian Cloud (the one with provisioning).
  log({ app: A.duplicateName[0], user: P.groups, minutesAgo: 22, status: 'success', action: 'update' });

  return {
    tenantId: TENANT_ID,
    premium: overrides.premium ?? true,
    organization,
    onPremisesSynchronization,
    users,
    groups,
    directoryRoles,
    roleMembers,
    members,
    owners,
    subscribedSkus,
    applications,
    servicePrincipals,
    appRoleAssignments,
    synchronization,
    provisioningLogs,
    personas: { ga: P.ga.id, groups: P.groups.id, appadmin: P.appadmin.id, helpdesk: P.helpdesk.id },
  };
}
