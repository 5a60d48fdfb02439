/**
 * Every card the bot sends, in one language, built by the real builder functions with realistic data: long
 * verdicts, Norwegian letters, quotes in names. Keyed by template name (src/cards/templates/<name>.json).
 * Shared by the structural checks (cards.test.ts) and the Chromium rendering test (render.chromium.test.ts).
 */
import type { AdaptiveCard } from '../../src/cards/render';
import { askTargetCard, chooseCandidateCard, chooseIntentCard, confirmActionCard, helpCard, introCard, languageCard, messageCard, shareChannelCard, stepCard, welcomeCard, wrapupCard } from '../../src/cards/cards';
import { consentCard, personaCard, signInOptionsCard } from '../../src/auth/cards';
import { renderVerdictCard } from '../../src/cards/verdict';
import { button } from '../../src/cards/buttons';
import { GUIDES, collectKeys, guideLinks, stepData } from '../../src/dialogs/guides';
import { t, type Lang } from '../../src/i18n';
import { ISSUE_INTENTS } from '../../src/topics';
import { bigDiagnosis, groupDiagnosis } from './data/diagnoses';
import { watchCards } from './data/watches';

export function cardsFor(lang: Lang): Record<string, AdaptiveCard[]> {
  return {
    welcome: [welcomeCard(lang)],
    help: [helpCard(lang)],
    message: [messageCard({ title: t(lang, 'cards.lang.title'), text: 'Gruppa «Økonomi & Lønn» – "Sales \'EMEA\'"', buttons: [button('Å prøve igjen', 'help.show')] }), messageCard({ text: 'plain' }), languageCard(lang)],
    intro: ISSUE_INTENTS.flatMap((i) => [introCard(lang, i, { live: true }), introCard(lang, i, { live: false })]),
    'ask-target': [askTargetCard(lang, 'group.cannot_modify', 'group', { optional: false }), askTargetCard(lang, 'provisioning.no_users', 'user', { optional: true }), askTargetCard(lang, 'group.sync_errors', 'groupOrError', { optional: true }), askTargetCard(lang, 'provisioning.setup', 'app', { optional: false })],
    step: ISSUE_INTENTS.flatMap((i) => GUIDES[i].steps.map((_, n) => stepCard(lang, stepData(i, n)))),
    wrapup: ISSUE_INTENTS.flatMap((i) => [wrapupCard(lang, i, { collectKeys: collectKeys(i), links: guideLinks(i), live: true })]),
    'choose-intent': [chooseIntentCard(lang, ['group.sync_errors', 'group.sync_howto']), chooseIntentCard(lang, ['provisioning.setup', 'provisioning.no_users', 'provisioning.wrong_users', 'provisioning.logs'])],
    'choose-candidate': [chooseCandidateCard(lang, { kind: 'group', query: 'Salg "Øst"', topic: 'group.cannot_modify', candidates: [{ id: '11111111-1111-1111-1111-111111111111', title: 'Salg "Øst"', subtitle: 'salg-ost@contoso.no' }, { id: '22222222-2222-2222-2222-222222222222', title: "Salg Øst (O'Brien)" }] }),
      // "Did you mean": nothing is named exactly so; the closest by directory search.
      chooseCandidateCard(lang, { kind: 'app', query: 'Intranett', topic: 'provisioning.setup', near: true, candidates: [{ id: '33333333-3333-3333-3333-333333333333', title: 'Fjordportalen Intranett', subtitle: 'appId 44444444-4444-4444-4444-444444444444' }] })],
    'confirm-action': [confirmActionCard(lang, { title: 'Provision kari.nordmann@contoso.no on demand?', text: 'Slack · Kari Nordmann', request: 'POST /servicePrincipals/sp-1/synchronization/jobs/job-1/provisionOnDemand (user u-1, rule rule-1)', pending: '2f1c3e0a-8d4b-4c1e-9a7f-0b5e6d7c8a91' })],
    'share-channel': [shareChannelCard(lang, [{ id: '19:abc@thread.tacv2', name: 'IT-drift › Identitet & tilgang' }, { id: '19:def@thread.tacv2', name: 'Contoso "Nordic" › General' }])],
    'signin-persona': [personaCard(lang, 'ga'), personaCard(lang, 'custom-persona')],
    'signin-consent': [consentCard(lang, 'appadmin')],
    'signin-options': [signInOptionsCard(lang, { retry: true }), signInOptionsCard(lang, { retry: false })],
    watch: watchCards(lang),
    verdict: [
      renderVerdictCard(groupDiagnosis, lang, { target: { group: 'Salg "Øst"' }, refreshable: true }),
      renderVerdictCard(bigDiagnosis(40), lang, { target: { app: 'Slack' }, refreshable: true, actions: [{ label: 'Provision on demand', verb: 'action.request', data: { action: { kind: 'restartJob', jobId: 'slack.0a1b' } } }, { label: 'Not what I asked?', verb: 'verdict.retopic' }] }),
      renderVerdictCard(bigDiagnosis(400), lang, { target: { app: 'Slack' }, refreshable: false }),
    ],
  };
}
