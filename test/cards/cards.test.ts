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
import { LIVE_CHECK_VERBS } from '../../src/dialogs/liveDialog';
import { GUIDES } from '../../src/dialogs/guides';
import { ROOT_VERBS } from '../../src/dialogs/rootDialog';
import { INTERRUPT_VERBS } from '../../src/dialogs/cancelAndHelpDialog';
import { ISSUE_VERBS } from '../../src/dialogs/issueDialog';
import { GUIDE_VERBS } from '../../src/dialogs/guideWalkDialog';
import { LANGS, allTables, type Lang } from '../../src/i18n';
import { ISSUE_INTENTS } from '../../src/topics';
import { resourcePath } from '../../src/paths';
import { cardsFor } from './fixtures';

// The package's lib/ is ESM without extensions; its dist bundle is UMD and parses without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

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
/** Cards built as objects in code rather than from a template (src/cards/verdict.ts). */
const BUILT_CARDS = ['verdict'];
const cardNames = [...templateNames, ...BUILT_CARDS];
const DIALOG_HANDLERS: Record<VerbHandler, string[]> = { root: ROOT_VERBS, interrupt: INTERRUPT_VERBS, issue: ISSUE_VERBS, guide: GUIDE_VERBS, liveCheck: LIVE_CHECK_VERBS, bot: [] };

describe.each(LANGS.map((l) => [l]))('cards (%s)', (lang: Lang) => {
  const cards = cardsFor(lang);

  it('covers every template in src/cards/templates and every card built in code', () => {
    expect(Object.keys(cards).sort()).toEqual([...cardNames].sort());
  });

  for (const name of cardNames) {
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
