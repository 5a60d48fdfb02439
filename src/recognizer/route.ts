/**
 * What the bot does with one recognised message (pure, so the eval script measures exactly what the bot does):
 * start an issue, ask which of a few issues it is, or answer thanks / a greeting / help / out of scope.
 * Rules on top of the recogniser's label:
 * - a message made only of thanks gets the thanks reply (./acknowledge.ts);
 * - a message that talks about groups, provisioning, sync, licences or names a target is never answered
 *   "outside what I know": the bot asks with the likeliest issues instead;
 * - when the two best issues are close, the question offers exactly those two.
 */
import { isAcknowledgement } from './acknowledge';
import { ISSUE_INTENTS, isIssueIntent, type IssueIntent } from '../topics';
import { LANGS } from '../i18n';
import { lexicon } from '../i18n/lexicon';
import { normalize } from './normalize';
import type { Recognition } from './types';

export type Route =
  | { kind: 'issue'; intent: IssueIntent }
  | { kind: 'ask'; choices: IssueIntent[] }
  | { kind: 'thanks' | 'greeting' | 'help' | 'out_of_scope' };

/** The second-best issue is "close" when its score is at least this share of the best one's. */
export const CLOSE_RATIO = 0.6;

/** The 2–4 likeliest issue types of a recognition, best first; exactly the two best when those two are close. */
export function likelyIssues(r: Recognition): IssueIntent[] {
  const issues = r.ranked.filter((x) => isIssueIntent(x.intent)) as { intent: IssueIntent; score: number }[];
  if (issues.length === 0) return ISSUE_INTENTS.slice(0, 3);
  const [first, second, third] = issues;
  if (second && second.score >= first.score * CLOSE_RATIO && (!third || third.score < first.score * CLOSE_RATIO)) return [first.intent, second.intent];
  const best = first.score;
  const close = issues.filter((x) => x.score >= best * 0.5).map((x) => x.intent);
  const picked = close.length >= 2 ? close.slice(0, 4) : issues.slice(0, 2).map((x) => x.intent);
  return picked.length >= 2 ? picked : [...picked, ...ISSUE_INTENTS.filter((i) => !picked.includes(i))].slice(0, 2);
}

/** Canonical tokens (after normalisation and stemming) that only come up when the admin is troubleshooting our domain. */
/** Canonical tokens the normalizer makes (the same in every language), then every language's own stems. */
const DOMAIN_STEMS = new Set([
  'adconnect', 'entra', 'onprem', 'soa', 'enterpriseapp', 'serviceprincipal', 'dirsync', 'ondemand', 'testconnection', 'xemail', 'xname',
  ...LANGS.flatMap((lang) => lexicon(lang).recognizer.domainStems),
]);

const ERROR_CODE = /\b(?:attributevaluemustbeunique|invalidsoftmatch|invalidhardmatch|objecttypemismatch|datavalidationfailed|largeobject|notEffectivelyEntitled|authorization_requestdenied|insufficient privileges|countviolation|mutuallyexclusiveviolation|prohibitedinusagelocationviolation|dependencyviolation|systemforcrossdomainidentitymanagement\w*)\b/i;

/** True when the message is about the things SyncHelper troubleshoots (so "outside what I know" would be wrong). */
export function looksLikeTroubleshooting(text: string, r: Recognition): boolean {
  if (r.entities.group || r.entities.app || r.entities.user) return true;
  if (ERROR_CODE.test(text)) return true;
  return normalize(text).stems.some((s) => DOMAIN_STEMS.has(s) || DOMAIN_STEMS.has(s.replace(/s$/, '')));
}

export function routeOf(r: Recognition, text: string): Route {
  if (isAcknowledgement(text)) return { kind: 'thanks' };
  if (r.uncertain) return { kind: 'ask', choices: likelyIssues(r) };
  if (isIssueIntent(r.intent)) return { kind: 'issue', intent: r.intent };
  if (r.intent === 'greeting' || r.intent === 'help') return { kind: r.intent };
  return looksLikeTroubleshooting(text, r) ? { kind: 'ask', choices: likelyIssues(r) } : { kind: 'out_of_scope' };
}
