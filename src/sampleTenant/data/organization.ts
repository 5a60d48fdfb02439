/**
 * The organization (tenant) object and its directory-sync settings (onPremisesDirectorySynchronization): when the
 * tenant last synced from Microsoft Entra Connect, for the T1 branches (`SYNC_AGE`, `lastSyncMinutesAgo`).
 */
import type { BuildContext } from './context';
import { DOMAIN, INITIAL_DOMAIN, TENANT } from './ids';
import type { Dataset } from './types';

export function addOrganization(ds: Dataset, ctx: BuildContext): void {
  ds.organization = {
    id: TENANT.id,
    deletedDateTime: null,
    businessPhones: ['+47 22 00 00 00'],
    city: 'Oslo',
    country: null,
    countryLetterCode: 'NO',
    createdDateTime: ctx.agoDays(2900),
    defaultUsageLocation: 'NO',
    displayName: TENANT.displayName,
    isMultipleDataLocationsForServicesEnabled: null,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: ctx.lastSyncIso,
    onPremisesSyncEnabled: ctx.lastSyncIso !== null ? true : null,
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
  ds.onPremisesSynchronization.push({
    id: TENANT.id,
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
  });
}
