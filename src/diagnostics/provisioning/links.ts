/** Official Microsoft Learn pages the provisioning findings link to (docs/decision-trees.md). */
const ENTRA = 'https://learn.microsoft.com/entra/identity';

export const LEARN = {
  tutorialList: `${ENTRA}/saas-apps/tutorial-list`,
  configure: `${ENTRA}/app-provisioning/configure-automatic-user-provisioning-portal`,
  configProblem: `${ENTRA}/app-provisioning/application-provisioning-config-problem`,
  noUsers: `${ENTRA}/app-provisioning/application-provisioning-config-problem-no-users-provisioned`,
  quarantine: `${ENTRA}/app-provisioning/application-provisioning-quarantine-status`,
  howItWorks: `${ENTRA}/app-provisioning/how-provisioning-works`,
  scopingFilters: `${ENTRA}/app-provisioning/define-conditional-rules-for-provisioning-user-accounts`,
  provisionOnDemand: `${ENTRA}/app-provisioning/provision-on-demand`,
  whenWillFinish: `${ENTRA}/app-provisioning/application-provisioning-when-will-provisioning-finish-specific-user`,
  knownIssues: `${ENTRA}/app-provisioning/known-issues`,
  accidentalDeletions: `${ENTRA}/app-provisioning/accidental-deletions`,
  skipOutOfScopeDeletions: `${ENTRA}/app-provisioning/skip-out-of-scope-deletions`,
  scim: `${ENTRA}/app-provisioning/use-scim-to-provision-users-and-groups`,
  analyzeLogs: `${ENTRA}/monitoring-health/howto-analyze-provisioning-logs`,
  logErrorCodes: `${ENTRA}/monitoring-health/howto-analyze-provisioning-logs#error-codes`,
  conceptLogs: `${ENTRA}/monitoring-health/concept-provisioning-logs`,
  assignUsers: `${ENTRA}/enterprise-apps/assign-user-or-group-access-portal`,
  addGalleryApp: `${ENTRA}/enterprise-apps/add-application-portal`,
  roles: `${ENTRA}/role-based-access-control/permissions-reference`,
} as const;

export const saasTutorial = (slug: string): string => `${ENTRA}/saas-apps/${slug}`;
