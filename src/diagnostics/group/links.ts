/** Microsoft Learn pages the group findings link to (docs/decision-trees.md). */
const ENTRA = 'https://learn.microsoft.com/entra/identity';
const GRAPH = 'https://learn.microsoft.com/graph/api';

export const LEARN = {
  soaOverview: `${ENTRA}/hybrid/concept-source-of-authority-overview`,
  groupSoaConfigure: `${ENTRA}/hybrid/how-to-group-source-of-authority-configure`,
  scheduler: `${ENTRA}/hybrid/connect/how-to-connect-sync-feature-scheduler`,
  groupsOverview: `${GRAPH}/resources/groups-overview`,
  groupsTroubleshooting: `${ENTRA}/users/groups-troubleshooting`,
  groupPostMembers: `${GRAPH}/group-post-members`,
  groupDelete: `${GRAPH}/group-delete`,
  licensingDeleteGroup: `${ENTRA}/users/licensing-group-advanced#deleting-a-group-with-an-assigned-license`,
  licensingAdvanced: `${ENTRA}/users/licensing-group-advanced`,
  licensingResolve: `${ENTRA}/users/licensing-groups-resolve-problems`,
  licensingGroupDeleted: `${ENTRA}/users/licensing-groups-resolve-problems#when-a-licensed-group-is-deleted`,
  cannotManageObjects: 'https://learn.microsoft.com/troubleshoot/entra/entra-id/user-prov-sync/cannot-manage-objects',
  duplicateAttributeResiliency: `${ENTRA}/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency`,
  connectHealthSync: `${ENTRA}/hybrid/connect/how-to-connect-health-sync`,
  syncUserAndContacts: `${ENTRA}/hybrid/connect/concept-azure-ad-connect-sync-user-and-contacts`,
  singleObjectSync: `${ENTRA}/hybrid/connect/how-to-connect-single-object-sync`,
  preventAccidentalDeletes: `${ENTRA}/hybrid/connect/how-to-connect-sync-feature-prevent-accidental-deletes`,
  syncErrors: `${ENTRA}/hybrid/connect/tshoot-connect-sync-errors`,
} as const;

/** The sync-error page with an anchor (docs/decision-trees.md, T4). */
export function syncErrorAnchor(anchor: string): string {
  return `${LEARN.syncErrors}#${anchor}`;
}
