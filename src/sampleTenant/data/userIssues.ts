/**
 * Sample-tenant data for a user's directory-sync errors and licences (issue #8, the user diagnosis U1–U4, L6).
 * An area of the dataset like the others: `USER_ISSUES` (SAMPLE.userIssues) names the people, `addUserIssues` adds
 * them after the other users (so the dynamic "everyone" group holds them) and `addUserIssueMemberships` puts them in
 * their groups once the groups exist.
 *
 * | SAMPLE.userIssues key | object | branch |
 * |---|---|---|
 * | placeholderUpn | "Kari Nordmann", synced, UPN kari.nordmann4821@<initial domain> after a UPN conflict on kari.nordmann@ | U2.placeholder (held) |
 * | upnHolder | "Kari Nordmann (sky)", cloud account that already had kari.nordmann@ | the holder U2 names |
 * | proxyConflict | "Ola Nordmann", synced, ProxyAddresses conflict on smtp:salg@, Exchange Online error, Power BI Pro directly | U2.proxy (held), U3.service, L6.active direct |
 * | proxyHolder | "Salg Support", cloud account with SMTP:salg@ | the holder U2 names |
 * | noUsageLocation | "Sigrid Lunde", synced, no usageLocation, Power BI Pro from "Lisens Power BI Pro" in ProhibitedInUsageLocationViolation | L6 no usage location |
 * | stuckInitialDomain | "Tore Vik", synced, onmicrosoft.com UPN with no conflict recorded | U2.initialDomain |
 *
 * CountViolation, MutuallyExclusiveViolation and a healthy user are the dataset's own licensed-group members (Jonas
 * Dahl, Mette Strand, Sofie Lund).
 */
import type { BuildContext } from './context';
import { GROUPS } from './groups';
import { DOMAIN, guid, INITIAL_DOMAIN } from './ids';
import { licenses, licenseState, SKU } from './licensing';
import type { Dataset, Json } from './types';
import { addUser } from './users';

interface PersonRef {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** The options of the dataset's user builder that these people use. */
type PersonOpts = Partial<Record<'department' | 'jobTitle' | 'usageLocation' | 'mail', string | null>> & {
  synced?: boolean;
  licenseAssignmentStates?: Json[];
  assignedLicenses?: Json[];
};

const PEOPLE = {
  placeholderUpn: ['kari-nordmann', 'Kari Nordmann', 'kari.nordmann4821', 'initial'],
  upnHolder: ['kari-nordmann-cloud', 'Kari Nordmann (sky)', 'kari.nordmann', 'custom'],
  proxyConflict: ['ola-nordmann', 'Ola Nordmann', 'ola.nordmann', 'custom'],
  proxyHolder: ['salg-support', 'Salg Support', 'salg.support', 'custom'],
  noUsageLocation: ['sigrid', 'Sigrid Lunde', 'sigrid.lunde', 'custom'],
  stuckInitialDomain: ['tore', 'Tore Vik', 'tore.vik', 'initial'],
} as const;

type Person = keyof typeof PEOPLE;

/** The people, with ids from the dataset's own id function and UPNs in the tenant's domains. */
export function userIssueRefs(id: (seed: string) => string, domains: { custom: string; initial: string }): Record<Person, PersonRef> {
  const out = {} as Record<Person, PersonRef>;
  for (const [key, [seed, displayName, local, domain]] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    out[key] = { id: id('user:' + seed), displayName, userPrincipalName: `${local}@${domains[domain]}` };
  }
  return out;
}

export interface UserIssueHelpers {
  refs: Record<Person, PersonRef>;
  domains: { custom: string; initial: string };
  user: (ref: PersonRef, opts?: PersonOpts) => Json;
  /** ISO time `minutes` before the dataset's clock. */
  ago: (minutes: number) => string;
  licState: (skuId: string, groupId: string | null, state: string, error: string, minutesAgo?: number) => Json;
  lic: (...skuIds: string[]) => Json[];
  powerBiPro: string;
  /** "Lisens Power BI Pro": the group Sigrid should get Power BI Pro from. */
  powerBiGroup: string;
}

/** The users, and the memberships to add (group id → user ids). */
export function userIssueData(h: UserIssueHelpers): { users: Json[]; members: Record<string, string[]> } {
  const R = h.refs;
  const kariAddress = `kari.nordmann@${h.domains.custom}`;
  const salgAddress = `salg@${h.domains.custom}`;

  // Synced Kari: her on-premises UPN kari.nordmann@ was taken by an older cloud account, so she got a placeholder.
  const kari = h.user(R.placeholderUpn, { department: 'HR', jobTitle: 'HR-konsulent', mail: null });
  kari.onPremisesUserPrincipalName = `kari.nordmann@contoso.local`;
  kari.onPremisesProvisioningErrors = [{ category: 'PropertyConflict', occurredDateTime: h.ago(60 * 30), propertyCausingError: 'UserPrincipalName', value: kariAddress }];
  const kariCloud = h.user(R.upnHolder, { department: 'HR', jobTitle: null, synced: false, mail: null });

  // Synced Ola: his on-premises proxyAddresses include smtp:salg@, which the shared "Salg Support" account has.
  const ola = h.user(R.proxyConflict, {
    department: 'Sales',
    jobTitle: 'Salgskonsulent',
    assignedLicenses: h.lic(h.powerBiPro),
    licenseAssignmentStates: [h.licState(h.powerBiPro, null, 'Active', 'None', 60 * 24 * 20)],
  });
  ola.proxyAddresses = [`SMTP:${R.proxyConflict.userPrincipalName}`, `smtp:ola.nordmann@${h.domains.initial}`];
  ola.onPremisesProvisioningErrors = [{ category: 'PropertyConflict', occurredDateTime: h.ago(60 * 5), propertyCausingError: 'ProxyAddresses', value: `smtp:${salgAddress}` }];
  ola.serviceProvisioningErrors = [
    {
      '@odata.type': '#microsoft.graph.serviceProvisioningXmlError',
      createdDateTime: h.ago(60 * 5 - 3),
      isResolved: false,
      serviceInstance: 'exchange/eurprd05-001-01',
      errorDetail: `<ServiceInstance>exchange/eurprd05-001-01</ServiceInstance><ObjectErrors><ErrorRecord><ErrorCode>ExA77C31</ErrorCode><ErrorParameters><ErrorParameter>${salgAddress}</ErrorParameter></ErrorParameters><ErrorDescription>The address "smtp:${salgAddress}" is already in use by the recipient "salg.support". Choose another proxy address.</ErrorDescription></ErrorRecord></ObjectErrors>`,
    },
  ];
  const salg = h.user(R.proxyHolder, { department: 'Sales', jobTitle: null, synced: false, mail: salgAddress });
  salg.proxyAddresses = [`SMTP:${salgAddress}`, `smtp:${R.proxyHolder.userPrincipalName}`];

  // Synced Sigrid: no usage location; the Power BI Pro group can't license her.
  const sigrid = h.user(R.noUsageLocation, {
    department: 'Marketing',
    jobTitle: 'Analytiker',
    usageLocation: null,
    licenseAssignmentStates: [h.licState(h.powerBiPro, h.powerBiGroup, 'Error', 'ProhibitedInUsageLocationViolation', 45)],
  });

  // Synced Tore: signs in with an onmicrosoft.com name; no conflict is recorded (any more).
  const tore = h.user(R.stuckInitialDomain, { department: 'Logistikk', jobTitle: 'Lagerleder', mail: null });

  return { users: [kari, kariCloud, ola, salg, sigrid, tore], members: { [h.powerBiGroup]: [R.noUsageLocation.id] } };
}

const DOMAINS = { custom: DOMAIN, initial: INITIAL_DOMAIN };

/** The people of this area (`SAMPLE.userIssues`). */
export const USER_ISSUES = userIssueRefs(guid, DOMAINS);

/** Adds the people (after the other users); returns the memberships to add once the groups exist. */
export function addUserIssues(ds: Dataset, ctx: BuildContext): Record<string, string[]> {
  const user = (ref: PersonRef, opts: PersonOpts = {}): Json => {
    const { licenseAssignmentStates, assignedLicenses, ...rest } = opts;
    const obj = addUser(ds, ctx, ref, rest);
    if (assignedLicenses) obj.assignedLicenses = assignedLicenses;
    if (licenseAssignmentStates) obj.licenseAssignmentStates = licenseAssignmentStates;
    return obj;
  };
  const data = userIssueData({
    refs: USER_ISSUES,
    domains: DOMAINS,
    user,
    ago: ctx.ago,
    licState: (skuId, groupId, state, error, minutesAgo) => licenseState(ctx, skuId, groupId, state, error, minutesAgo),
    lic: licenses,
    powerBiPro: SKU.powerBiPro.skuId,
    powerBiGroup: GROUPS.licensedProcessing.id,
  });
  return data.members;
}

/** The memberships `addUserIssues` returned, added to the groups' members (after groups.ts). */
export function addUserIssueMemberships(ds: Dataset, members: Record<string, string[]>): void {
  for (const [groupId, ids] of Object.entries(members)) ds.members[groupId] = [...(ds.members[groupId] ?? []), ...ids];
}
