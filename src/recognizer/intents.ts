/** The intent labels: a stable interface (DESIGN.md §Intent labels). */
export const ISSUE_INTENTS = [
  'group.cannot_modify',
  'group.delete_licensed',
  'group.sync_errors',
  'group.sync_howto',
  'provisioning.setup',
  'provisioning.config_error',
  'provisioning.no_users',
  'provisioning.wrong_users',
  'provisioning.logs',
] as const;

export const INTENTS = [...ISSUE_INTENTS, 'help', 'greeting', 'out_of_scope'] as const;

export type IssueIntent = (typeof ISSUE_INTENTS)[number];
export type Intent = (typeof INTENTS)[number];

export function isIssueIntent(value: string): value is IssueIntent {
  return (ISSUE_INTENTS as readonly string[]).includes(value);
}

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

/** Which family an issue belongs to: decides whether the target is a group or an enterprise app. */
export function familyOf(intent: IssueIntent): 'group' | 'provisioning' {
  return intent.startsWith('group.') ? 'group' : 'provisioning';
}
