/**
 * Every card template, in both languages, with realistic data (long verdicts, Norwegian letters, quotes in
 * names): parses cleanly with the adaptivecards SDK, is version ≤ 1.5, stays under 28 KB, and every button
 * carries a registered, current verb.
 */
import * as fs from 'fs';
import type * as ACTypes from 'adaptivecards';
import { ACTION_VERSION } from '../../src/cards/actions';
import { CARD_BYTE_BUDGET, cardByteSize, type AdaptiveCard } from '../../src/cards/render';
import { VERBS, isVerb, type VerbHandler } from '../../src/cards/verbs';
import { askTargetCard, chooseCandidateCard, chooseIntentCard, confirmActionCard, helpCard, introCard, languageCard, messageCard, shareChannelCard, stepCard, welcomeCard, wrapupCard } from '../../src/cards/cards';
import { consentCard, personaCard, signInOptionsCard } from '../../src/auth/cards';
import { LIVE_CHECK_VERBS } from '../../src/dialogs/liveCheckDialog';
import { renderVerdictCard } from '../../src/cards/verdict';
import { button } from '../../src/cards/buttons';
import { GUIDES, collectKeys, guideLinks, stepData } from '../../src/dialogs/guides';
import { ROOT_VERBS } from '../../src/dialogs/rootDialog';
import { INTERRUPT_VERBS } from '../../src/dialogs/cancelAndHelpDialog';
import { ISSUE_VERBS } from '../../src/dialogs/issueDialog';
import { GUIDE_VERBS } from '../../src/dialogs/guideWalkDialog';
import { LANGS, t, allTables, type Lang } from '../../src/i18n';
import { ISSUE_INTENTS } from '../../src/recognizer/intents';
import { resourcePath } from '../../src/paths';
import { bigDiagnosis, groupDiagnosis } from './data/diagnoses';

// The package's lib/ is ESM without extensions; its dist bundle is UMD and parses without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

function cardsFor(lang: Lang): Record<string, AdaptiveCard[]> {
  return {
    welcome: [welcomeCard(lang)],
    help: [helpCard(lang)],
    message: [messageCard({ title: t(lang, 'cards.lang.title'), text: 'Gruppa «Økonomi & Lønn» – "Sales \'EMEA\'"', buttons: [button('Å prøve igjen', 'help.show')] }), messageCard({ text: 'plain' }), languageCard(lang)],
    intro: ISSUE_INTENTS.flatMap((i) => [introCard(lang, i, { live: true }), introCard(lang, i, { live: false })]),
    'ask-target': [askTargetCard(lang, 'group.cannot_modify', 'group', { optional: false }), askTargetCard(lang, 'provisioning.no_users', 'user', { optional: true }), askTargetCard(lang, 'group.sync_errors', 'groupOrError', { optional: true }), askTargetCard(lang, 'provisioning.setup', 'app', { optional: false })],
    step: ISSUE_INTENTS.flatMap((i) => GUIDES[i].steps.map((_, n) => stepCard(lang, stepData(i, n)))),
    wrapup: ISSUE_INTENTS.flatMap((i) => [wrapupCard(lang, i, { collectKeys: collectKeys(i), links: guideLinks(i), live: true })]),
    'choose-intent': [chooseIntentCard(lang, ['group.sync_errors', 'group.sync_howto']), chooseIntentCard(lang, ['provisioning.setup', 'provisioning.no_users', 'provisioning.wrong_users', 'provisioning.logs'])],
    'choose-candidate': [chooseCandidateCard(lang, { kind: 'group', query: 'Salg "Øst"', topic: 'group.cannot_modify', candidates: [{ id: '11111111-1111-1111-1111-111111111111', title: 'Salg "Øst"', subtitle: 'salg-ost@contoso.no' }, { id: '22222222-2222-2222-2222-222222222222', title: "Salg Øst (O'Brien)" }] })],
    'confirm-action': [confirmActionCard(lang, { title: 'Provision kari.nordmann@contoso.no on demand?', text: 'Slack · Kari Nordmann', action: 'provisionOnDemand', payload: { spId: 'sp-1', userId: 'u-1' } })],
    'share-channel': [shareChannelCard(lang, [{ id: '19:abc@thread.tacv2', name: 'IT-drift › Identitet & tilgang' }, { id: '19:def@thread.tacv2', name: 'Contoso "Nordic" › General' }])],
    'signin-persona': [personaCard(lang, 'ga'), personaCard(lang, 'custom-persona')],
    'signin-consent': [consentCard(lang, 'appadmin')],
    'signin-options': [signInOptionsCard(lang, { retry: true }), signInOptionsCard(lang, { retry: false })],
    verdict: [
      renderVerdictCard(groupDiagnosis, lang, { target: { group: 'Salg "Øst"' }, refreshable: true }),
      renderVerdictCard(bigDiagnosis(40), lang, { target: { app: 'Slack' }, refreshable: true, actions: [{ label: 'Provision on demand', verb: 'action.request', data: { action: { kind: 'restartJob', jobId: 'slack.0a1b' } } }] }),
      renderVerdictCard(bigDiagnosis(400), lang, { target: { app: 'Slack' }, refreshable: false }),
    ],
  };
}

interface FoundAction {
  type: string;
  verb?: unknown;
  data?: Record<string, unknown>;
}

/** Every Action.Submit / Action.Execute anywhere in the card: bodies, ActionSets, ShowCards, fallbacks. */
function allActions(node: unknown, out: FoundAction[] = []): FoundAction[] {
  if (Array.isArray(node)) node.forEach((n) => allActions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit' || o.type === 'Action.Execute') out.push({ type: o.type, verb: o.verb, data: o.data as Record<string, unknown> });
    Object.values(o).forEach((v) => allActions(v, out));
  }
  return out;
}

function parseProblems(card: AdaptiveCard): string[] {
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  const validation = ac.validateProperties();
  for (const e of validation.validationEvents) problems.push(e.message);
  return problems;
}

const templateNames = fs.readdirSync(resourcePath('src', 'cards', 'templates')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const DIALOG_HANDLERS: Record<VerbHandler, string[]> = { root: ROOT_VERBS, interrupt: INTERRUPT_VERBS, issue: ISSUE_VERBS, guide: GUIDE_VERBS, liveCheck: LIVE_CHECK_VERBS, bot: [] };

describe.each(LANGS.map((l) => [l]))('cards (%s)', (lang: Lang) => {
  const cards = cardsFor(lang);

  it('covers every template in src/cards/templates', () => {
    expect(Object.keys(cards).sort()).toEqual([...templateNames].sort());
  });

  for (const name of templateNames) {
    it(`${name}: parses without errors or warnings, is version 1.5 and under 28 KB`, () => {
      for (const card of cards[name]) {
        expect(parseProblems(card)).toEqual([]);
        expect(parseFloat(card.version)).toBeLessThanOrEqual(1.5);
        expect(cardByteSize(card)).toBeLessThan(CARD_BYTE_BUDGET);
        expect(JSON.stringify(card)).not.toMatch(/\$\{|\$data|\$when/); // fully expanded
      }
    });

    it(`${name}: every button carries a registered verb, the current version, and a handler that exists`, () => {
      for (const card of cards[name]) {
        for (const a of allActions(card)) {
          expect(a.data).toBeDefined();
          const verb = String(a.data!.verb);
          expect(isVerb(verb)).toBe(true);
          expect(a.data!.v).toBe(ACTION_VERSION);
          if (a.type === 'Action.Execute') expect(a.verb).toBe(verb);
          if (!isVerb(verb)) continue;
          const handler = VERBS[verb].handler;
          expect(DIALOG_HANDLERS[handler]).toContain(verb);
        }
      }
    });
  }

  it('texts are in the card language (no untranslated keys left)', () => {
    const text = JSON.stringify(cards);
    expect(text).not.toMatch(/"(cards|guide|dialogs|diag)\.[a-z_]+\.[a-zA-Z_.]+"/);
  });
});

describe('verbs and texts', () => {
  it('every verb in the registry is used on some card', () => {
    const used = new Set(LANGS.flatMap((l) => Object.values(cardsFor(l)).flat().flatMap((c) => allActions(c).map((a) => String(a.data?.verb)))));
    for (const verb of Object.keys(VERBS)) expect({ verb, used: used.has(verb) }).toEqual({ verb, used: true });
  });

  it('en and nb have the same keys in cards, dialogs and guide', () => {
    const { en, nb } = allTables();
    const mine = (k: string) => /^(cards|dialogs|guide)\./.test(k);
    expect(Object.keys(nb).filter(mine).sort()).toEqual(Object.keys(en).filter(mine).sort());
    for (const k of Object.keys(en).filter(mine)) expect(nb[k].trim()).not.toBe('');
  });

  it('every guide has 3–7 steps with a Learn link, and a text for each step in both languages', () => {
    for (const topic of ISSUE_INTENTS) {
      const steps = GUIDES[topic].steps;
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(7);
      for (const s of steps) {
        expect(s.learn).toMatch(/^https:\/\/learn\.microsoft\.com\//);
        for (const lang of LANGS) for (const part of ['title', 'do', 'why']) expect(allTables()[lang][`guide.${topic}.${s.id}.${part}`]).toBeDefined();
      }
    }
  });
});
