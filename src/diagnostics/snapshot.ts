/**
 * Snapshots: the tenant state one diagnosis needs, as read from Microsoft Graph v1.0 (property names and
 * shapes are Graph's own). The graph layer builds them in as few round trips as possible; the diagnostics
 * read them and never call anything. A part that could not be read is a `Failed` with the HTTP status and
 * Graph error code, so the diagnosis can say "I can't see X — role Y or scope Z is needed".
 */

export type Part<T> = Read<T> | Failed;
export interface Read<T> {
  ok: true;
  value: T;
}
export interface Failed {
  ok: false;
  /** HTTP status of the (sub-)request; 0 for a timeout or network failure. */
  status: number;
  /** Graph error code (e.g. 'Authorization_RequestDenied', 'Request_ResourceNotFound', 'timeout'). */
  code: string;
  message?: string;
  /** The request that failed, without host (e.g. 'GET /organization'), for the "could not check" list. */
  request?: string;
  /** Graph's `request-id` and our `client-request-id` of the HTTP request, for a Microsoft support case. */
  requestId?: string;
  clientRequestId?: string;
}

export const read = <T>(value: T): Read<T> => ({ ok: true, value });

// ---------- directory objects ----------

export interface DirectoryRole {
  id: string;
  displayName: string;
  roleTemplateId: string;
}

export interface OnPremisesProvisioningError {
  category: string | null;
  occurredDateTime: string | null;
  propertyCausingError: string | null;
  value: string | null;
}

export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface GraphGroup {
  id: string;
  displayName: string | null;
  description?: string | null;
  mail?: string | null;
  mailNickname?: string | null;
  mailEnabled: boolean | null;
  securityEnabled: boolean | null;
  groupTypes: string[];
  membershipRule?: string | null;
  membershipRuleProcessingState?: string | null;
  isAssignableToRole?: boolean | null;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  onPremisesProvisioningErrors?: OnPremisesProvisioningError[];
  onPremisesSamAccountName?: string | null;
  onPremisesSecurityIdentifier?: string | null;
  proxyAddresses?: string[];
  assignedLicenses?: AssignedLicense[];
  /** Newer docs: { state }; older tenants/docs: a bare string. Parse both. */
  licenseProcessingState?: { state: string | null } | string | null;
  createdDateTime?: string | null;
  resourceProvisioningOptions?: string[];
}

export interface Organization {
  id: string;
  displayName?: string | null;
  onPremisesSyncEnabled: boolean | null;
  onPremisesLastSyncDateTime: string | null;
}

export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  capabilityStatus?: string;
  consumedUnits?: number;
  prepaidUnits?: { enabled: number; suspended?: number; warning?: number; lockedOut?: number };
}

export interface LicenseAssignmentState {
  skuId: string | null;
  assignedByGroup: string | null;
  state: string | null; // Active | ActiveWithError | Disabled | Error
  error: string | null; // CountViolation | MutuallyExclusiveViolation | DependencyViolation | ProhibitedInUsageLocationViolation | UniquenessViolation | Other | None
  disabledPlans?: string[];
  lastUpdatedDateTime?: string | null;
}

/** A member returned by GET /groups/{id}/membersWithLicenseErrors (users, with licenseAssignmentStates selected). */
export interface LicenseErrorMember {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  usageLocation?: string | null;
  licenseAssignmentStates?: LicenseAssignmentState[];
}

export interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
  country?: string | null;
  city?: string | null;
  state?: string | null;
  usageLocation?: string | null;
  employeeId?: string | null;
  employeeType?: string | null;
  officeLocation?: string | null;
  preferredLanguage?: string | null;
  mailNickname?: string | null;
  givenName?: string | null;
  surname?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesExtensionAttributes?: Record<string, string | null> | null;
  /** Any other selected attribute (e.g. directory extensions extension_<appId>_<name>). */
  [attribute: string]: unknown;
}

/** Who is asking: the signed-in admin. */
export interface Caller {
  /** GET /me/transitiveMemberOf/microsoft.graph.directoryRole (active roles only; PIM-eligible ones don't show). */
  roles: Part<DirectoryRole[]>;
}

// ---------- group snapshot (G1–G4, L1–L5) ----------

export interface GroupSnapshot {
  /** ISO time the snapshot was taken (from the injected clock). */
  fetchedAt: string;
  caller: Caller;
  /** GET /me/ownedObjects/microsoft.graph.group?$select=id → ids. */
  ownedGroupIds: Part<string[]>;
  group: GraphGroup;
  /** GET /organization (first item): tenant sync state (User.Read is enough). */
  organization: Part<Organization>;
  /** GET /subscribedSkus: licence names. */
  subscribedSkus: Part<SubscribedSku[]>;
  /** GET /groups/{id}/membersWithLicenseErrors with licenseAssignmentStates. */
  membersWithLicenseErrors: Part<LicenseErrorMember[]>;
}

/** Outcome of resolving what the admin typed (name, mail or object id) to a group. */
export type GroupResolution =
  | { kind: 'one'; snapshot: GroupSnapshot }
  /** Several groups match; `near`: none is named exactly so, these are the closest ones ("did you mean"). */
  | { kind: 'many'; candidates: Pick<GraphGroup, 'id' | 'displayName' | 'mail' | 'onPremisesSyncEnabled' | 'groupTypes' | 'mailEnabled' | 'securityEnabled'>[]; near?: boolean }
  | { kind: 'none'; query: string; caller: Caller }
  | { kind: 'denied'; failure: Failed; caller: Caller };

// ---------- provisioning snapshot (P0–P5) ----------

export interface AppRole {
  id: string;
  displayName?: string | null;
  value?: string | null;
  isEnabled?: boolean;
  allowedMemberTypes?: string[];
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string | null;
  appRoleAssignmentRequired?: boolean | null;
  appRoles?: AppRole[];
  tags?: string[];
  preferredSingleSignOnMode?: string | null;
  applicationTemplateId?: string | null;
  servicePrincipalType?: string | null;
}

/** An app registration (GET /applications) – used to say "this is an app registration, not an enterprise app with provisioning". */
export interface ApplicationRegistration {
  id: string;
  appId: string;
  displayName: string | null;
}

export interface SynchronizationError {
  code: string | null;
  message: string | null;
  tenantActionable?: boolean | null;
}

export interface SynchronizationQuarantine {
  currentBegan: string | null;
  nextAttempt: string | null;
  reason: string | null; // EncounteredBaseEscrowThreshold | EncounteredTotalEscrowThreshold | EncounteredEscrowProportionThreshold | EncounteredQuarantineException | QuarantinedOnDemand | TooManyDeletes | IngestionInterrupted | Unknown
  seriesBegan: string | null;
  seriesCount: number | null;
  error?: SynchronizationError | null;
}

export interface SynchronizationTaskExecution {
  activityIdentifier?: string | null;
  state: string | null; // Succeeded | Failed | EntryLevelErrors
  timeBegan: string | null;
  timeEnded: string | null;
  countEntitled?: number | null;
  countEntitledForProvisioning?: number | null;
  countEscrowed?: number | null;
  countEscrowedRaw?: number | null;
  countExported?: number | null;
  countExports?: number | null;
  countImported?: number | null;
  countImportedDeltas?: number | null;
  countImportedReferenceDeltas?: number | null;
  error?: SynchronizationError | null;
}

export interface SynchronizationStatus {
  code: string | null; // NotConfigured | NotRun | Active | Paused | Quarantine
  countSuccessiveCompleteFailures?: number | null;
  escrowsPruned?: boolean | null;
  lastExecution?: SynchronizationTaskExecution | null;
  lastSuccessfulExecution?: SynchronizationTaskExecution | null;
  lastSuccessfulExecutionWithExports?: SynchronizationTaskExecution | null;
  quarantine?: SynchronizationQuarantine | null;
  steadyStateFirstAchievedTime?: string | null;
  steadyStateLastAchievedTime?: string | null;
  troubleshootingUrl?: string | null;
}

export interface SynchronizationJob {
  id: string;
  templateId: string | null;
  schedule?: { expiration?: string | null; interval?: string | null; state?: string | null } | null; // state: Active | Disabled | Paused
  status: SynchronizationStatus;
}

export interface SynchronizationTemplate {
  id: string;
  factoryTag?: string | null;
  applicationId?: string | null;
  default?: boolean;
  description?: string | null;
}

export interface FilterClause {
  operatorName: string; // EQUALS | NOT_EQUALS | IS_TRUE | IS_FALSE | IS_NULL | IS_NOT_NULL | REGEX_MATCH | NOT_REGEX_MATCH | Includes | Greater_Than | ...
  sourceOperandName: string;
  targetOperand?: { values?: string[] } | null;
}

export interface FilterGroup {
  name?: string | null;
  clauses: FilterClause[];
}

export interface SynchronizationFilter {
  groups?: FilterGroup[];
  inputFilterGroups?: FilterGroup[];
  categoryFilterGroups?: FilterGroup[];
}

export interface ObjectMapping {
  name?: string | null;
  enabled: boolean;
  flowTypes?: string | null; // "Add, Update, Delete"
  sourceObjectName: string;
  targetObjectName: string;
  scope?: SynchronizationFilter | null;
}

export interface SynchronizationRule {
  id: string;
  name?: string | null;
  sourceDirectoryName?: string | null;
  targetDirectoryName?: string | null;
  objectMappings: ObjectMapping[];
}

export interface SynchronizationSchema {
  synchronizationRules: SynchronizationRule[];
}

export interface AppRoleAssignment {
  id: string;
  principalId: string;
  principalType: string; // User | Group | ServicePrincipal
  principalDisplayName?: string | null;
  appRoleId: string;
  createdDateTime?: string | null;
}

export interface ProvisioningStep {
  name?: string | null;
  provisioningStepType?: string | null; // import | scoping | matching | processing | referenceResolution | export
  status?: string | null; // success | warning | failure | skipped
  description?: string | null;
  details?: Record<string, string> | null;
}

export interface ProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  jobId?: string | null;
  cycleId?: string | null;
  changeId?: string | null;
  provisioningAction?: string | null; // create | update | delete | disable | stagedDelete | other
  provisioningStatusInfo?: {
    status: string | null; // success | warning | failure | skipped
    errorInformation?: {
      errorCode?: string | null;
      reason?: string | null;
      additionalDetails?: string | null;
      errorCategory?: string | null;
      recommendedAction?: string | null;
    } | null;
  } | null;
  provisioningSteps?: ProvisioningStep[];
  sourceIdentity?: { id?: string | null; displayName?: string | null; identityType?: string | null } | null;
  targetIdentity?: { id?: string | null; displayName?: string | null; identityType?: string | null } | null;
  servicePrincipal?: { id?: string | null; displayName?: string | null } | null;
}

/** The user the admin asked about ("why wasn't anna@contoso.com provisioned?"). */
export interface UserFocus {
  /** What the admin typed (UPN, mail or object id). */
  query: string;
  /** The user with the attributes scoping filters commonly use; Read(null) when not found. */
  user: Part<GraphUser | null>;
  /** GET /users/{id}/memberOf?$select=id (direct group memberships). */
  directGroupIds: Part<string[]>;
  /** GET /users/{id}/transitiveMemberOf?$select=id (direct and nested). */
  transitiveGroupIds: Part<string[]>;
}

export interface AppSnapshot {
  fetchedAt: string;
  caller: Caller;
  servicePrincipal: ServicePrincipal;
  /** GET /servicePrincipals/{id}/synchronization/jobs */
  jobs: Part<SynchronizationJob[]>;
  /** GET /servicePrincipals/{id}/synchronization/templates (empty ⇒ the app has no provisioning connector). */
  templates: Part<SynchronizationTemplate[]>;
  /** GET /servicePrincipals/{id}/appRoleAssignedTo */
  assignments: Part<AppRoleAssignment[]>;
  /** GET /auditLogs/provisioning for this app (and the focused user, when there is one), newest first. */
  logs: Part<ProvisioningObjectSummary[]>;
  /** GET …/jobs/{jobId}/schema of the main job; undefined when there is no job. */
  schema?: Part<SynchronizationSchema>;
  /** The job `schema` belongs to: the job the diagnosis is about (its rule ids feed "provision on demand"). */
  schemaJobId?: string;
  user?: UserFocus;
}

export type AppResolution =
  | { kind: 'one'; snapshot: AppSnapshot }
  /** Several apps match; `near`: none is named exactly so, these are the closest ones ("did you mean"). */
  | { kind: 'many'; candidates: Pick<ServicePrincipal, 'id' | 'appId' | 'displayName'>[]; near?: boolean }
  | { kind: 'registrationOnly'; application: ApplicationRegistration; caller: Caller }
  /** The user named matches several users (same display name, or only a prefix): the admin picks one. */
  | { kind: 'manyUsers'; query: string; candidates: Pick<GraphUser, 'id' | 'displayName' | 'userPrincipalName'>[] }
  | { kind: 'none'; query: string; caller: Caller }
  | { kind: 'denied'; failure: Failed; caller: Caller };

// ---------- tenant snapshot (T1, for sync questions that name no group) ----------

export interface TenantSnapshot {
  fetchedAt: string;
  caller: Caller;
  /** GET /organization (first item). */
  organization: Part<Organization>;
}

// ---------- user snapshot (U1–U4, L6: a user's directory-sync errors and licences) ----------

/** serviceProvisioningXmlError: an error another service (Exchange Online, Skype…) reported for the object. */
export interface ServiceProvisioningError {
  createdDateTime: string | null;
  isResolved: boolean | null;
  /** e.g. 'exchange/eurprd05-001-01'. */
  serviceInstance: string | null;
  /** The service's error as XML. */
  errorDetail?: string | null;
}

/** A user with everything the user diagnosis reads (src/graph/userSnapshot.ts USER_DIAGNOSIS_SELECT). */
export interface DirectoryUser extends GraphUser {
  proxyAddresses?: string[];
  onPremisesLastSyncDateTime?: string | null;
  onPremisesImmutableId?: string | null;
  onPremisesProvisioningErrors?: OnPremisesProvisioningError[];
  serviceProvisioningErrors?: ServiceProvisioningError[];
  assignedLicenses?: AssignedLicense[];
  licenseAssignmentStates?: LicenseAssignmentState[];
}

/** Another directory object that holds a value the user's sync error is about. */
export interface ValueHolder {
  id: string;
  kind: 'user' | 'group';
  displayName: string | null;
  userPrincipalName?: string | null;
}

/** Who else holds the value of one onPremisesProvisioningErrors entry (looked up in the second round trip). */
export interface ConflictLookup {
  property: string;
  value: string;
  holders: Part<ValueHolder[]>;
}

export interface UserSnapshot {
  fetchedAt: string;
  caller: Caller;
  user: DirectoryUser;
  organization: Part<Organization>;
  subscribedSkus: Part<SubscribedSku[]>;
  /** The groups named in licenseAssignmentStates[].assignedByGroup: id → the group (id, displayName) or why not. */
  licenseGroups: Record<string, Part<{ id: string; displayName: string | null }>>;
  /** One per conflicting UserPrincipalName / ProxyAddresses value in onPremisesProvisioningErrors. */
  conflicts: ConflictLookup[];
  /** A group the admin named with the user ("the licence from <group>"). */
  focusGroup?: { id: string; displayName: string | null };
}

export type UserResolution =
  | { kind: 'one'; snapshot: UserSnapshot }
  | { kind: 'many'; query: string; candidates: Pick<GraphUser, 'id' | 'displayName' | 'userPrincipalName'>[] }
  /** No span is a user; `groupId` when exactly one span is a group (the group check takes over). */
  | { kind: 'none'; groupId?: string }
  | { kind: 'denied'; failure: Failed; caller: Caller };

// ---------- tenant-wide health (T1, T5–T7: "tenant health" and the live check's tenant-wide answers) ----------

export interface Named {
  id: string;
  displayName?: string | null;
}

export interface HealthSnapshot {
  fetchedAt: string;
  organization: Part<Organization>;
  /** Groups with hasMembersWithLicenseErrors. */
  licenseGroups: Part<Named[]>;
  /** Groups with a PropertyConflict in onPremisesProvisioningErrors. */
  syncErrorGroups: Part<Named[]>;
  /** Enterprise apps (service principals tagged WindowsAzureActiveDirectoryIntegratedApp). */
  apps: Part<Named[]>;
  /** Apps whose jobs were read, with their jobs (apps without a provisioning job are left out). */
  jobs: { app: Named; jobs: SynchronizationJob[] }[];
  /** The first app whose jobs couldn't be read (403 without an application role, throttling…). */
  jobFailure?: Failed;
  /** Group id → how many members have a licence error from it (only groups that could be counted). */
  licenseErrorCounts: Record<string, number>;
}
