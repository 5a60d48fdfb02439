/**
 * Users: the people the decision trees are about, a crowd of ordinary employees, and the builder every user object
 * goes through (Graph v1.0 user shape with all properties; the server applies `$select` and the default subset).
 * The personas (who signs in) are users too; they live in personas.ts. Licences are set by licensing.ts.
 */
import { createHash } from 'crypto';
import type { BuildContext } from './context';
import { DOMAIN, guid, hex, INITIAL_DOMAIN, userRef, type UserRef } from './ids';
import type { Dataset, Json } from './types';

/** Notable users, by the branch they exercise (`SAMPLE.users`). */
export const USERS = {
  /** Salesforce: member of a synced group that is itself a member of the assigned group (nested only). */
  nestedOnly: userRef('anna', 'Anna Berg', 'anna.berg'),
  /** Salesforce: assigned directly through a group but department "Marketing" fails the scoping filter department EQUALS "Sales". */
  scopedOut: userRef('erik', 'Erik Johansen', 'erik.johansen'),
  /** Salesforce: assigned, in scope, provisioned successfully. */
  provisioned: userRef('sofie', 'Sofie Lund', 'sofie.lund'),
  /** Salesforce: export failed with DuplicateTargetEntries. */
  duplicateTarget: userRef('emma', 'Emma Wilson', 'emma.wilson'),
  /** Zendesk: export failed with MandatoryFieldsMissing (no mail). */
  mandatoryMissing: userRef('magnus', 'Magnus Øverby', 'magnus.overby'),
  /** Slack: healthy app, provisioned. */
  slackUser: userRef('henrik', 'Henrik Solberg', 'henrik.solberg'),
  /** Not assigned to any app; skipped by Dropbox Business (sync all suspected). */
  unassigned: userRef('nora', 'Nora Aas', 'nora.aas'),
  /** Licensed group: ENTERPRISEPACK CountViolation. */
  countViolation: userRef('jonas', 'Jonas Dahl', 'jonas.dahl'),
  /** Licensed group: MutuallyExclusiveViolation. */
  mutuallyExclusive: userRef('mette', 'Mette Strand', 'mette.strand'),
  /** Licensed group: ProhibitedInUsageLocationViolation (usageLocation CU). */
  usageLocation: userRef('oliver', 'Oliver Smith', 'oliver.smith'),
  /** Cloud licensed group (licensedCloud): ENTERPRISEPACK CountViolation (added with the licences, licensing.ts). */
  cloudCountViolation: userRef('tuva', 'Tuva Rønning', 'tuva.ronning'),
  /** Cloud licensed group (licensedCloud): MutuallyExclusiveViolation with a direct licence (licensing.ts). */
  cloudMutuallyExclusive: userRef('marius', 'Marius Fossum', 'marius.fossum'),
  /**
   * Renamed: her mail (`mail`) is no longer her sign-in name, the old address stays an alias (proxyAddresses) and a
   * private address is in otherMails. `/users/{mail}` is a 404 in Graph; `$filter` on mail finds her.
   * Department Sales, assigned to no app.
   */
  renamedMail: { ...userRef('kristin', 'Kristin Vik-Berg', 'kristin.vik'), mail: `kristin.vik-berg@${DOMAIN}`, otherMail: 'kristin.vik@fjordmail.no' },
  /** Two people with the same display name "Per Olsen" (Logistikk), assigned to no app: a user named by name is a choice. */
  sameName: [userRef('per-1', 'Per Olsen', 'per.olsen'), userRef('per-2', 'Per Olsen', 'per.olsen2')],
} as const;

// A crowd of ordinary employees (Dropbox "skipped" logs, dynamic groups, big memberships).
const crowdNames = [
  'Ida Hansen', 'Sander Olsen', 'Emilie Larsen', 'Mathias Andersen', 'Thea Pedersen', 'Jakob Kristiansen', 'Maja Jensen',
  'Filip Karlsen', 'Sara Eriksen', 'William Berg', 'Julie Halvorsen', 'Noah Moen', 'Hanna Jacobsen', 'Elias Strøm',
  'Tiril Ødegård', 'Aksel Sæther', 'Vilde Haugland', 'Tobias Lie', 'Frida Aune', 'Jonas Myhre', 'Ingrid Solheim',
  'Olav Ruud', 'Marte Hagen', 'Sindre Bø', 'Live Tangen', 'Even Brekke', 'Selma Nygård', 'Kasper Holm',
];
const crowdDepartments = ['Sales', 'Marketing', 'Økonomi', 'HR', 'Logistikk', 'IT', 'Kundeservice'];

/** The crowd, in order; other areas pick members and log subjects from it by index. */
export const CROWD: readonly UserRef[] = crowdNames.map((name, i) => {
  const local = name
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .replace(/ /g, '.');
  return userRef('crowd-' + i, name, local);
});
export const CROWD_IDS: readonly string[] = CROWD.map((c) => c.id);

export interface UserOpts {
  department?: string | null;
  jobTitle?: string | null;
  city?: string;
  usageLocation?: string | null;
  synced?: boolean;
  mail?: string | null;
  employeeId?: string | null;
  employeeType?: string | null;
  extensionAttribute1?: string | null;
  costCenter?: string | null;
  country?: string;
  preferredLanguage?: string;
}

const extensionApp = hex(guid('app:b2c-extensions'));

/** Builds a user object and appends it to the dataset; its position numbers phones, dates, ids and SIDs. */
export function addUser(ds: Dataset, ctx: BuildContext, ref: UserRef, opts: UserOpts = {}): Json {
  const seq = ds.users.length + 1;
  const [given, ...rest] = ref.displayName.split(' ');
  const local = ref.userPrincipalName.split('@')[0];
  const synced = opts.synced ?? true;
  const ext: Record<string, string | null> = {};
  for (let i = 1; i <= 15; i++) ext[`extensionAttribute${i}`] = null;
  ext.extensionAttribute1 = opts.extensionAttribute1 ?? null;
  const obj: Json = {
    id: ref.id,
    businessPhones: [`+47 22 00 ${String(10 + seq).padStart(2, '0')} 00`],
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
    assignedLicenses: [],
    city: opts.city ?? 'Oslo',
    companyName: 'Contoso Nordic AS',
    country: opts.country ?? 'Norway',
    createdDateTime: ctx.agoDays(400 + seq * 7),
    creationType: null,
    deletedDateTime: null,
    department: opts.department ?? null,
    employeeHireDate: ctx.agoDays(900 + seq * 11),
    employeeId: opts.employeeId === undefined ? String(10400 + seq) : opts.employeeId,
    employeeType: opts.employeeType === undefined ? 'Employee' : opts.employeeType,
    externalUserState: null,
    faxNumber: null,
    identities: [{ signInType: 'userPrincipalName', issuer: INITIAL_DOMAIN, issuerAssignedId: ref.userPrincipalName }],
    imAddresses: [ref.userPrincipalName],
    licenseAssignmentStates: [],
    mailNickname: local,
    onPremisesDistinguishedName: synced ? `CN=${ref.displayName},OU=Brukere,OU=Contoso,DC=contoso,DC=local` : null,
    onPremisesDomainName: synced ? 'contoso.local' : null,
    onPremisesExtensionAttributes: ext,
    onPremisesImmutableId: synced ? createHash('md5').update(ref.id).digest('base64') : null,
    onPremisesLastSyncDateTime: synced ? ctx.lastSyncIso : null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: synced ? local.replace('.', '').slice(0, 20) : null,
    onPremisesSecurityIdentifier: synced ? `S-1-5-21-3623811015-3361044348-30300820-${1100 + seq}` : null,
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
  obj[`extension_${extensionApp}_costCenter`] = opts.costCenter ?? null;
  ds.users.push(obj);
  return obj;
}

/** Everyone but the personas (personas.ts adds them first). */
export function addUsers(ds: Dataset, ctx: BuildContext): void {
  const U = USERS;
  addUser(ds, ctx, U.nestedOnly, { department: 'Sales', jobTitle: 'Key Account Manager', costCenter: 'S100' });
  addUser(ds, ctx, U.scopedOut, { department: 'Marketing', jobTitle: 'Markedskoordinator', costCenter: 'M200' });
  addUser(ds, ctx, U.provisioned, { department: 'Sales', jobTitle: 'Salgssjef', costCenter: 'S100' });
  addUser(ds, ctx, U.duplicateTarget, { department: 'Sales', jobTitle: 'Sales Representative', preferredLanguage: 'en-GB', city: 'Stavanger' });
  addUser(ds, ctx, U.mandatoryMissing, { department: 'Kundeservice', jobTitle: 'Kundebehandler', mail: null, city: 'Trondheim' });
  addUser(ds, ctx, U.slackUser, { department: 'IT', jobTitle: 'Utvikler' });
  addUser(ds, ctx, U.unassigned, { department: 'Økonomi', jobTitle: 'Regnskapsfører', city: 'Bærum' });
  addUser(ds, ctx, U.countViolation, { department: 'Økonomi', jobTitle: 'Controller' });
  addUser(ds, ctx, U.mutuallyExclusive, { department: 'HR', jobTitle: 'HR-rådgiver' });
  addUser(ds, ctx, U.usageLocation, { department: 'Sales', jobTitle: 'Export Manager', usageLocation: 'CU', country: 'Cuba', city: 'Havana', preferredLanguage: 'en-US' });
  CROWD.forEach((ref, i) => addUser(ds, ctx, ref, { department: crowdDepartments[i % crowdDepartments.length], jobTitle: null }));
  const renamed = addUser(ds, ctx, U.renamedMail, { department: 'Sales', jobTitle: 'Innkjøper', costCenter: 'S100', mail: U.renamedMail.mail });
  renamed.proxyAddresses = [`SMTP:${U.renamedMail.mail}`, `smtp:${U.renamedMail.userPrincipalName}`, `smtp:kristin.vik@${INITIAL_DOMAIN}`];
  renamed.otherMails = [U.renamedMail.otherMail];
  for (const ref of U.sameName) addUser(ds, ctx, ref, { department: 'Logistikk', jobTitle: 'Lagermedarbeider', city: 'Drammen' });
}
