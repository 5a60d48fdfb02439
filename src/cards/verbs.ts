/**
 * The central verb registry: every verb a card button can carry, and who handles it.
 * A card action whose verb is not listed here, or whose `v` differs from ACTION_VERSION, is a stale card:
 * the dialogs answer it politely ("that button is from an older card") instead of failing.
 *
 * Handlers:
 * - root:      RootDialog's routing step (also works when no dialog is running).
 * - interrupt: the CancelAndHelpDialog base (works at any step of any dialog).
 * - issue:     the issue dialogs (intro choice, target question).
 * - guide:     the guided walk-through (one card per step).
 * - liveCheck: the live dialogs (check, write action, share; LIVE_CHECK_VERBS in src/dialogs/liveDialog.ts).
 * - bot:       the bot's invoke routing (before any dialog runs).
 */
export type VerbHandler = 'root' | 'interrupt' | 'issue' | 'guide' | 'liveCheck' | 'bot';

export const VERBS = {
  /** Start an issue topic: data.intent is an IssueIntent. Help, welcome, out-of-scope and "which is it" cards. */
  'intent.choose': { handler: 'root', about: 'start the troubleshooting dialog for data.intent' },
  /** "Something else" on the choose-intent card. */
  'intent.other': { handler: 'root', about: 'none of the offered issue types fits' },
  /** Show the help card. */
  'help.show': { handler: 'interrupt', about: 'show the help card' },
  /** Start over: cancel everything and show where to begin. */
  'flow.restart': { handler: 'interrupt', about: 'start over' },
  /** Language switch: data.lang is a code from the locale table (src/i18n/locales.ts). */
  'lang.set': { handler: 'interrupt', about: 'set the language preference' },
  /** Intro card: data.mode is 'live' (check my tenant) or 'guided' (step by step). */
  'issue.mode': { handler: 'issue', about: 'choose live check or guided steps' },
  /** Ask-target card: the typed target is in data.target (Input.Text id "target"). */
  'target.submit': { handler: 'issue', about: 'the group/app/user the admin typed' },
  /** Ask-target card for an optional target: go on without one. */
  'target.skip': { handler: 'issue', about: 'skip an optional target' },
  /** Step card buttons. */
  'guide.next': { handler: 'guide', about: 'step done, show the next one' },
  'guide.fixed': { handler: 'guide', about: 'that fixed it' },
  'guide.nohelp': { handler: 'guide', about: "didn't help: go to the wrap-up" },
  /** Choose-candidate card (several groups/apps matched): data.id, data.kind. */
  'candidate.choose': { handler: 'liveCheck', about: 'pick one of several matching groups/apps' },
  /** Confirm-action card: data.action names the write action ('provisionOnDemand', 'restartJob'). */
  'action.confirm': { handler: 'liveCheck', about: 'confirm a write action' },
  'action.cancel': { handler: 'liveCheck', about: 'cancel a write action' },
  /** Verdict card: a suggested write action ("provision this user on demand", "restart the job"); asks to confirm first. */
  'action.request': { handler: 'root', about: 'offer a write action: confirmation card, then write consent' },
  /** Share card: the channel to post the verdict to (Input.ChoiceSet id "channel"). */
  'share.channel': { handler: 'liveCheck', about: 'post the verdict card to the chosen channel' },
  /** Sign-in cards (src/auth): persona choice, simulated write consent, continue without signing in, sign-in card again. */
  'signin.persona': { handler: 'liveCheck', about: 'sample tenant: sign in as data.persona' },
  'signin.consent': { handler: 'liveCheck', about: 'sample tenant: grant the write consent' },
  'signin.guided': { handler: 'liveCheck', about: 'continue without signing in (guided steps)' },
  'signin.retry': { handler: 'liveCheck', about: 'send the sign-in card again without SSO' },
  /** Verdict card: refresh in place (Action.Execute; data carries topic, target, subjectId). */
  'verdict.refresh': { handler: 'root', about: 'check again and replace the verdict card (live check)' },
  /** Verdict card: "Not what I asked?" — without data.to, offer the other topics; with data.to (an IssueIntent), start it with data.target. */
  'verdict.retopic': { handler: 'root', about: 'the verdict answered another question: pick the topic meant, same target' },
  /** Verdict card: share the verdict to a channel. */
  'verdict.share': { handler: 'root', about: 'share the verdict card to a channel (live check)' },
  /** Watch cards (set-up, list, alert): stop the watch data.watch (its id). */
  'watch.stop': { handler: 'root', about: 'stop a watch (watch dialog)' },
  /** Alert "Check now" and health report lines: run the live check for data.topic/target/subjectId as a new card. */
  'watch.check': { handler: 'root', about: 'open the live check behind an alert or a health line' },
} as const satisfies Record<string, { handler: VerbHandler; about: string }>;

export type Verb = keyof typeof VERBS;

export function isVerb(value: string): value is Verb {
  return Object.prototype.hasOwnProperty.call(VERBS, value);
}

export function verbsHandledBy(handler: VerbHandler): Verb[] {
  return (Object.keys(VERBS) as Verb[]).filter((v) => VERBS[v].handler === handler);
}
