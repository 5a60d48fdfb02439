/**
 * Groups: every kind the group-sync tree tells apart (synced, SOA-converted, cloud security, mail-enabled,
 * distribution, Microsoft 365, dynamic, role-assignable), their members and owners, and the builder every group
 * object goes through. Group-based licences are set by licensing.ts; the groups assigned to apps live in apps.ts.
 */
import type { BuildContext } from './context';
import { groupRef, guid, hex, INITIAL_DOMAIN, type Ref } from './ids';
import { PERSONA_USERS } from './personas';
import type { Dataset, Json } from './types';
import { CROWD_IDS, USERS } from './users';

/** Notable groups, by the branch they exercise (`SAMPLE.groups`). */
export const GROUPS = {
  /** G0: two groups named "Marketing" — this one is the Microsoft 365 group (mail marketing@contoso.no). */
  marketingCloud: groupRef('marketing-m365', 'Marketing'),
  /** G0: the other "Marketing" — a security group synced from AD. */
  marketingSynced: groupRef('marketing-ad', 'Marketing'),
  /** G0: apostrophe in the name (OData '' escaping). Cloud security group. */
  apostrophe: groupRef('obrien', "Sales O'Brien"),
  /** G0: Norwegian letters. Synced security group without licences (G2 unlicensed synced). */
  norwegian: groupRef('okonomi', 'Økonomi Bærum'),
  /** G1.1: synced from on-prem AD, fresh sync; also the nested member of the Salesforce group. */
  synced: groupRef('salg-oslo', 'Salg Oslo'),
  /** G1.3: SOA converted (onPremisesSyncEnabled null, onPremisesSecurityIdentifier set). */
  soaConverted: groupRef('prosjekt-fjord', 'Prosjekt Fjord'),
  /** G1.6: cloud-only security group. */
  cloudSecurity: groupRef('it-drift', 'IT Drift'),
  /** G1.2: mail-enabled security group (manage in Exchange). */
  mailEnabledSecurity: groupRef('ledergruppen', 'Ledergruppen'),
  /** G1.2: distribution group. */
  distribution: groupRef('alle-oslo', 'Alle ansatte Oslo'),
  /** Microsoft 365 group (same object as marketingCloud). */
  microsoft365: groupRef('marketing-m365', 'Marketing'),
  /** G1.4: dynamic group, processing On. */
  dynamicOn: groupRef('dyn-alle', 'Alle ansatte (dynamisk)'),
  /** G1.4: dynamic group, processing Paused. */
  dynamicPaused: groupRef('dyn-salg', 'Salg (dynamisk)'),
  /** G1.5: role-assignable group. */
  roleAssignable: groupRef('helpdesk-admins', 'Helpdesk-administratorer'),
  /** G1.6/A2: owned by the helpdesk persona. */
  ownedByHelpdesk: groupRef('helpdesk-oslo', 'Helpdesk Oslo'),
  /** T3: synced mail-enabled group with a PropertyConflict on ProxyAddress. */
  provisioningErrors: groupRef('innkjop', 'Innkjøp Bergen'),
  /** G2/L1–L5: synced group with ENTERPRISEPACK + EMS and members with licence errors. */
  licensedSynced: groupRef('lisens-e3', 'Lisens E3 Ansatte'),
  /** L1: cloud licensed group, licenseProcessingState ProcessingInProgress. */
  licensedProcessing: groupRef('lisens-pbi', 'Lisens Power BI Pro'),
  /** L1: cloud licensed group, licenseProcessingState QueuedForProcessing. */
  licensedQueued: groupRef('lisens-visio', 'Lisens Visio'),
  /** L4/L5 on a cloud group: members in CountViolation and MutuallyExclusiveViolation (added with the licences, licensing.ts). */
  licensedCloud: groupRef('e3-salgsteam', 'E3 Salgsteam'),
  /** G2.4: synced group without licences (same object as norwegian). */
  unlicensedSynced: groupRef('okonomi', 'Økonomi Bærum'),
  /** P3.5: the group assigned to Salesforce (contains Salg Oslo as a nested group). */
  salesforceUsers: groupRef('sf-users', 'Salesforce-brukere'),
} as const;

export interface GroupOpts {
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
  proxyAddresses?: string[];
  createdDaysAgo?: number;
  visibility?: string | null;
  resourceProvisioningOptions?: string[];
}

/** Builds a group object and appends it to the dataset; its position numbers dates and SIDs. */
export function addGroup(ds: Dataset, ctx: BuildContext, ref: Ref, o: GroupOpts = {}): Json {
  const seq = ds.groups.length + 1;
  const synced = o.synced ?? 'no';
  const mailNickname = o.mail ? o.mail.split('@')[0] : hex(guid('nick:' + ref.id)).slice(0, 8) + '-' + hex(ref.id).slice(0, 3);
  const sam = ref.displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 20) || 'Group';
  const obj: Json = {
    id: ref.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: ctx.agoDays(o.createdDaysAgo ?? 200 + seq * 13),
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
    onPremisesLastSyncDateTime: synced === 'yes' ? ctx.lastSyncIso : synced === 'soa' ? ctx.agoDays(12) : null,
    onPremisesNetBiosName: synced === 'yes' ? 'CONTOSO' : null,
    onPremisesSamAccountName: synced !== 'no' ? sam : null,
    onPremisesSecurityIdentifier: synced !== 'no' ? `S-1-5-21-3623811015-3361044348-30300820-${5100 + seq}` : null,
    onPremisesSyncEnabled: synced === 'yes' ? true : null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: o.proxyAddresses ?? (o.mail ? [`SMTP:${o.mail}`, `smtp:${mailNickname}@${INITIAL_DOMAIN}`] : []),
    renewedDateTime: ctx.agoDays(o.createdDaysAgo ?? 200 + seq * 13),
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: o.resourceProvisioningOptions ?? [],
    securityEnabled: o.securityEnabled ?? true,
    securityIdentifier: `S-1-12-1-${parseInt(hex(ref.id).slice(0, 8), 16)}-${parseInt(hex(ref.id).slice(8, 16), 16)}`,
    theme: null,
    visibility: o.visibility ?? (o.groupTypes?.includes('Unified') ? 'Private' : null),
    onPremisesProvisioningErrors: o.provisioningErrors ?? [],
    serviceProvisioningErrors: [],
    // $select-only (licensing.ts sets them on licensed groups):
    assignedLicenses: [],
    licenseProcessingState: null,
    assignedLabels: [],
  };
  ds.groups.push(obj);
  return obj;
}

/** The groups, their direct members and owners (after all users exist: the dynamic group holds everyone). */
export function addGroups(ds: Dataset, ctx: BuildContext): void {
  const G = GROUPS;
  const U = USERS;
  const P = PERSONA_USERS;
  const add = (ref: Ref, o: GroupOpts) => addGroup(ds, ctx, ref, o);
  add(G.marketingCloud, {
    description: 'Markedsavdelingen – Microsoft 365-gruppe for Teams og SharePoint',
    mail: 'marketing@contoso.no',
    mailEnabled: true,
    groupTypes: ['Unified'],
    securityEnabled: false,
    resourceProvisioningOptions: ['Team'],
  });
  add(G.marketingSynced, { description: 'Marketing (AD security group)', synced: 'yes' });
  add(G.apostrophe, { description: "Sales team of Patrick O'Brien (cloud)" });
  add(G.norwegian, { description: 'Økonomiavdelingen i Bærum', synced: 'yes' });
  add(G.synced, { description: 'Salgsavdelingen Oslo (synkronisert fra lokal AD)', synced: 'yes' });
  add(G.soaConverted, { description: 'Prosjektgruppe – myndighetskilde flyttet til skyen', synced: 'soa' });
  add(G.cloudSecurity, { description: 'IT-drift (kun sky)' });
  add(G.mailEnabledSecurity, { description: 'Ledergruppen (e-postaktivert sikkerhetsgruppe)', mail: 'ledergruppen@contoso.no', mailEnabled: true });
  add(G.distribution, { description: 'Distribusjonsliste for alle i Oslo', mail: 'alle.oslo@contoso.no', mailEnabled: true, securityEnabled: false });
  add(G.dynamicOn, {
    description: 'Alle aktive ansatte',
    groupTypes: ['DynamicMembership'],
    membershipRule: '(user.accountEnabled -eq true) and (user.userType -eq "Member")',
    membershipRuleProcessingState: 'On',
  });
  add(G.dynamicPaused, {
    description: 'Alle i salg (regelbehandling satt på pause)',
    groupTypes: ['DynamicMembership'],
    membershipRule: '(user.department -eq "Sales")',
    membershipRuleProcessingState: 'Paused',
  });
  add(G.roleAssignable, { description: 'Rolletildelbar gruppe for Helpdesk Administrator', isAssignableToRole: true });
  add(G.ownedByHelpdesk, { description: 'Brukerstøtte Oslo' });
  add(G.provisioningErrors, {
    description: 'Innkjøp Bergen (e-postaktivert, synkronisert)',
    synced: 'yes',
    mail: 'innkjop.bergen@contoso.no',
    mailEnabled: true,
    proxyAddresses: ['SMTP:innkjop.bergen@contoso.no', 'smtp:innkjop@contoso.no'],
    provisioningErrors: [
      { category: 'PropertyConflict', occurredDateTime: ctx.agoDays(3), propertyCausingError: 'ProxyAddress', value: 'smtp:innkjop@contoso.no' },
    ],
  });
  add(G.licensedSynced, { description: 'Gruppebasert lisensiering: Office 365 E3 + EMS', synced: 'yes' });
  add(G.licensedProcessing, { description: 'Power BI Pro-lisenser', createdDaysAgo: 1 });
  add(G.licensedQueued, { description: 'Visio-lisenser', createdDaysAgo: 0 });
  add(G.salesforceUsers, { description: 'Tilordnet til Salesforce (bedriftsapp)' });

  const crowdIds = CROWD_IDS;
  Object.assign(ds.members, {
    [G.marketingCloud.id]: [U.scopedOut.id, crowdIds[1], crowdIds[8]],
    [G.marketingSynced.id]: [U.scopedOut.id, crowdIds[1]],
    [G.apostrophe.id]: [U.duplicateTarget.id, crowdIds[0]],
    [G.norwegian.id]: [U.unassigned.id, U.countViolation.id, crowdIds[2]],
    [G.synced.id]: [U.nestedOnly.id, crowdIds[0], crowdIds[7]],
    [G.soaConverted.id]: [crowdIds[3], crowdIds[10]],
    [G.cloudSecurity.id]: [P.ga.id, P.groups.id, P.appadmin.id, P.helpdesk.id, U.slackUser.id],
    [G.mailEnabledSecurity.id]: [P.ga.id, U.provisioned.id],
    [G.distribution.id]: [U.provisioned.id, U.scopedOut.id, U.nestedOnly.id, U.slackUser.id],
    [G.dynamicOn.id]: ds.users.map((x) => x.id as string),
    [G.dynamicPaused.id]: [U.nestedOnly.id, U.provisioned.id, U.duplicateTarget.id],
    [G.roleAssignable.id]: [P.helpdesk.id],
    [G.ownedByHelpdesk.id]: [P.helpdesk.id, crowdIds[4]],
    [G.provisioningErrors.id]: [crowdIds[5], crowdIds[12]],
    [G.licensedSynced.id]: [U.provisioned.id, U.countViolation.id, U.mutuallyExclusive.id, U.usageLocation.id],
    [G.licensedProcessing.id]: [U.nestedOnly.id, U.scopedOut.id],
    [G.licensedQueued.id]: [crowdIds[6]],
    // Salesforce: Sofie, Erik and Emma directly; Anna only through the nested group "Salg Oslo".
    [G.salesforceUsers.id]: [U.provisioned.id, U.scopedOut.id, U.duplicateTarget.id, G.synced.id],
  });
  Object.assign(ds.owners, {
    [G.ownedByHelpdesk.id]: [P.helpdesk.id],
    [G.marketingCloud.id]: [P.groups.id],
    [G.apostrophe.id]: [P.groups.id],
    [G.cloudSecurity.id]: [P.ga.id],
  });
}
