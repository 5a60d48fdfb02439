/**
 * The issue catalogue: every issue type SyncHelper can walk an admin through, the family it belongs to, and what a
 * live check needs to know before it can look. This is the bottom of the house: the recogniser, the dialogs, the
 * diagnostics and the cards all read their topic labels from here, and nothing here imports anything.
 *
 * A new topic is one entry in TOPICS (plus its guided steps in dialogs/guides.ts, its texts and its training
 * examples); a new family is one entry in FAMILIES plus its folder under diagnostics/. See docs/architecture.md,
 * "Where a change goes".
 */

/**
 * The problem families, and which of the names the recogniser typed as a group, app or user a family's check takes as
 * typed (the rest are looked up in the tenant). How each family's check starts: FAMILY_CHECKS in dialogs/checks.ts.
 */
export const FAMILIES = {
  /** Group sync: source of authority, Exchange-managed and dynamic groups, licensed groups, Entra Connect sync. */
  group: { takes: ['group'] },
  /** Provisioning users to SaaS apps (enterprise apps with a provisioning job), optionally for one user. */
  provisioning: { takes: ['app', 'user'] },
} as const satisfies Record<string, { takes: readonly ObjectKind[] }>;

export type Family = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];

/** The kinds of directory object a name the admin wrote can turn out to be. */
export type ObjectKind = 'group' | 'user' | 'app';

/** What a topic's live check asks for when the admin named nothing: an object kind, or a group or pasted error. */
export type TargetKind = ObjectKind | 'groupOrError';

export interface TopicSpec {
  family: Family;
  /** The target a live check asks for when none was named; null = tenant-wide, never asks. */
  target: { kind: TargetKind; optional: boolean } | null;
  /** After the app, also ask for an optional user. */
  askUser: boolean;
  /** When the admin names nothing (and skips the optional target), answer for the whole tenant in this scope. */
  nothingNamed?: TenantScope;
}

/** The catalogue. The order is the order topics are offered on "which of these is it?" cards. */
export const TOPICS = {
  'group.cannot_modify': { family: 'group', target: { kind: 'group', optional: false }, askUser: false },
  'group.delete_licensed': { family: 'group', target: { kind: 'group', optional: false }, askUser: false },
  'group.licensing': { family: 'group', target: { kind: 'group', optional: true }, askUser: false, nothingNamed: 'licenses' },
  'group.sync_errors': { family: 'group', target: { kind: 'groupOrError', optional: true }, askUser: false },
  'group.sync_howto': { family: 'group', target: null, askUser: false },
  'provisioning.setup': { family: 'provisioning', target: { kind: 'app', optional: false }, askUser: false },
  'provisioning.config_error': { family: 'provisioning', target: { kind: 'app', optional: false }, askUser: false },
  'provisioning.no_users': { family: 'provisioning', target: { kind: 'app', optional: false }, askUser: true },
  'provisioning.wrong_users': { family: 'provisioning', target: { kind: 'app', optional: false }, askUser: true },
  'provisioning.logs': { family: 'provisioning', target: { kind: 'app', optional: false }, askUser: true },
} as const satisfies Record<string, TopicSpec>;

/** The issue labels (the recogniser's training labels and the dialogs' ids): a stable interface. */
export type IssueIntent = keyof typeof TOPICS;
export const ISSUE_INTENTS = Object.keys(TOPICS) as IssueIntent[];

/** Every label the recogniser can give: an issue, or one of the conversational intents. */
export const INTENTS = [...ISSUE_INTENTS, 'help', 'greeting', 'out_of_scope'] as const;
export type Intent = IssueIntent | 'help' | 'greeting' | 'out_of_scope';

/** The topics of one family, e.g. GroupTopic = 'group.cannot_modify' | …. */
export type TopicOf<F extends Family> = { [K in IssueIntent]: (typeof TOPICS)[K]['family'] extends F ? K : never }[IssueIntent];
export type GroupTopic = TopicOf<'group'>;
export type ProvisioningTopic = TopicOf<'provisioning'>;

export function isIssueIntent(value: string): value is IssueIntent {
  return Object.prototype.hasOwnProperty.call(TOPICS, value);
}

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

export function topicSpec(topic: IssueIntent): TopicSpec {
  return TOPICS[topic];
}

/**
 * Whether a tenant-wide question fits a topic, so its live check answers for the tenant without asking for a target:
 * sync health where the target is optional (group.sync_errors), licence errors for the group family, quarantine for
 * the provisioning family.
 */
export function tenantWideFits(topic: IssueIntent, scope: TenantScope): boolean {
  const spec: TopicSpec = TOPICS[topic];
  if (scope === 'sync') return spec.target?.optional === true && spec.family === 'group';
  return spec.family === (scope === 'apps' ? 'provisioning' : 'group');
}

/** Which family an issue belongs to: decides which kind of object its check starts from. */
export function familyOf(topic: IssueIntent): Family {
  return TOPICS[topic].family;
}

export function topicsOf(family: Family): IssueIntent[] {
  return ISSUE_INTENTS.filter((t) => TOPICS[t].family === family);
}

/**
 * What the admin asked about, as they wrote it: a group, an app (+ optional user), every name they wrote, or pasted
 * error text. The live check resolves these against the tenant.
 */
export interface Target {
  /** Group display name, mail or object id. */
  group?: string;
  /** Enterprise app display name or appId. */
  app?: string;
  /** User principal name, mail, display name or object id. */
  user?: string;
  /**
   * Every name the admin wrote (quoted text, addresses, capitalised runs…): looked up in the tenant at the check,
   * which decides whether each is a user, a group or an app.
   */
  names?: string[];
  /** Error text pasted for group.sync_errors (e.g. "AttributeValueMustBeUnique ..."). */
  errorText?: string;
  /** Nothing named and the question is about the whole tenant: which part of it (answered without asking). */
  tenantWide?: TenantScope;
}

/** The tenant-wide questions answered without a target: sync health, groups with licence errors, apps in quarantine. */
export type TenantScope = 'sync' | 'licenses' | 'apps';
