/**
 * Licensing: the tenant's subscriptions (subscribedSkus), which groups assign which licences (group-based
 * licensing) and each user's licence states, including the errors of the L1–L5 branches.
 */
import type { BuildContext } from './context';
import { addGroup, GROUPS } from './groups';
import { guid, objectById, TENANT_ID } from './ids';
import type { Dataset, Json } from './types';
import { addUser, USERS } from './users';

/** The subscriptions SyncHelper talks about (`SAMPLE.skus`). */
export const SKU = {
  enterprisePack: { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' },
  ems: { skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', skuPartNumber: 'EMS' },
  powerBiPro: { skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560', skuPartNumber: 'POWER_BI_PRO' },
  visio: { skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5', skuPartNumber: 'VISIOCLIENT' },
} as const;

/** Microsoft 365 E3, assigned directly to one user (it excludes Office 365 E3: MutuallyExclusiveViolation). */
const SPE_E3 = { skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', skuPartNumber: 'SPE_E3' } as const;

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

/** assignedLicenses entries for these SKUs. */
export const licenses = (...skuIds: string[]) => skuIds.map((skuId) => ({ disabledPlans: [], skuId }));

/** A group assigns these licences; licenseProcessingState tells how far Entra ID has come. */
function licenseGroup(ds: Dataset, groupId: string, skuIds: string[], processingState: string): void {
  const group = objectById(ds.groups, groupId);
  group.assignedLicenses = licenses(...skuIds);
  group.licenseProcessingState = { state: processingState };
}

/** One licenseAssignmentStates entry: a product, directly (groupId null) or from a group, its state and error. */
export function licenseState(ctx: BuildContext, skuId: string, groupId: string | null, state: string, error: string, minutesAgo = 60 * 26): Json {
  return { assignedByGroup: groupId, disabledPlans: [], error, lastUpdatedDateTime: ctx.ago(minutesAgo), skuId, state };
}

/** A user's licences and their licenseAssignmentStates. */
function licenseUser(ds: Dataset, userId: string, assigned: string[], states: Json[]): void {
  const user = objectById(ds.users, userId);
  user.assignedLicenses = licenses(...assigned);
  user.licenseAssignmentStates = states;
}

/** Subscriptions, group-based licences and user licence states (after users and groups exist). */
export function addLicensing(ds: Dataset, ctx: BuildContext): void {
  ds.subscribedSkus.push(
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
    sku(SPE_E3, 10, 4, [['efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE']]),
  );

  const G = GROUPS;
  const E3 = SKU.enterprisePack.skuId;
  const EMS = SKU.ems.skuId;
  licenseGroup(ds, G.licensedSynced.id, [E3, EMS], 'ProcessingComplete');
  licenseGroup(ds, G.licensedProcessing.id, [SKU.powerBiPro.skuId], 'ProcessingInProgress');
  licenseGroup(ds, G.licensedQueued.id, [SKU.visio.skuId], 'QueuedForProcessing');

  const state = (skuId: string, groupId: string | null, stateName: string, error: string, minutesAgo?: number) => licenseState(ctx, skuId, groupId, stateName, error, minutesAgo);
  const U = USERS;
  const byGroup = G.licensedSynced.id;
  licenseUser(ds, U.provisioned.id, [E3, EMS], [state(E3, byGroup, 'Active', 'None'), state(EMS, byGroup, 'Active', 'None')]);
  licenseUser(ds, U.countViolation.id, [EMS], [state(E3, byGroup, 'Error', 'CountViolation', 90), state(EMS, byGroup, 'Active', 'None')]);
  licenseUser(
    ds,
    U.mutuallyExclusive.id,
    [SPE_E3.skuId, EMS],
    [state(SPE_E3.skuId, null, 'Active', 'None'), state(E3, byGroup, 'Error', 'MutuallyExclusiveViolation', 300), state(EMS, byGroup, 'Active', 'None')],
  );
  licenseUser(ds, U.usageLocation.id, [EMS], [state(E3, byGroup, 'Error', 'ProhibitedInUsageLocationViolation', 600), state(EMS, byGroup, 'Active', 'None')]);

  addCloudLicensedGroup(ds, ctx);
}

/**
 * Group-based licensing on a cloud group: "E3 Salgsteam" assigns ENTERPRISEPACK; Tuva got no unit left
 * (CountViolation), Marius holds a direct product whose plans exclude E3's (MutuallyExclusiveViolation), Sondre got
 * it. Graph lists Tuva and Marius in membersWithLicenseErrors. Added last, so no other object moves.
 */
function addCloudLicensedGroup(ds: Dataset, ctx: BuildContext): void {
  const U = USERS;
  const E3 = SKU.enterprisePack.skuId;
  const groupId = GROUPS.licensedCloud.id;
  addUser(ds, ctx, U.cloudCountViolation, { department: 'Sales', jobTitle: 'Salgskonsulent', synced: false });
  licenseUser(ds, U.cloudCountViolation.id, [], [licenseState(ctx, E3, groupId, 'Error', 'CountViolation', 45)]);
  addUser(ds, ctx, U.cloudMutuallyExclusive, { department: 'Sales', jobTitle: 'Salgsleder', synced: false });
  licenseUser(ds, U.cloudMutuallyExclusive.id, [SPE_E3.skuId], [licenseState(ctx, SPE_E3.skuId, null, 'Active', 'None'), licenseState(ctx, E3, groupId, 'Error', 'MutuallyExclusiveViolation', 45)]);
  addGroup(ds, ctx, GROUPS.licensedCloud, { description: 'E3 for salg (skygruppe)' });
  licenseGroup(ds, groupId, [E3], 'ProcessingComplete');
  ds.members[groupId] = [U.cloudCountViolation.id, U.cloudMutuallyExclusive.id, U.slackUser.id];
}
