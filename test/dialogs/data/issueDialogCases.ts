/**
 * Every issue dialog on its own (DialogTestClient on the dialog itself), in both languages:
 * the whole guided walk, step by step, to the wrap-up — built from the guide data so a new step is covered.
 */
import { GUIDES } from '../../../src/dialogs/guides';
import { ISSUE_INTENTS, type IssueIntent } from '../../../src/topics';
import type { Case, Turn } from '../harness';

export function guidedWalk(topic: IssueIntent): Case {
  const steps = GUIDES[topic].steps;
  const turns: Turn[] = [
    { say: 'start', expect: [{ key: `guide.${topic}.title` }, { key: `guide.${topic}.looks` }, { key: 'cards.intro.guided' }], status: 'waiting' },
    { click: { verb: 'issue.mode', data: { mode: 'guided', topic } }, expect: [{ key: `guide.${topic}.${steps[0].id}.title` }, { key: `guide.${topic}.${steps[0].id}.do` }, { key: `guide.${topic}.${steps[0].id}.why` }, { raw: steps[0].learn }], status: 'waiting' },
  ];
  steps.slice(1).forEach((s, i) =>
    turns.push({ click: { verb: 'guide.next', data: { topic, step: i }, via: i % 2 ? 'execute' : 'submit' }, expect: [{ key: `guide.${topic}.${s.id}.title` }, { key: `guide.${topic}.${s.id}.do` }, { raw: s.learn }], status: 'waiting' }),
  );
  turns.push({ click: { verb: 'guide.next', data: { topic, step: steps.length - 1 } }, expect: [{ key: 'cards.wrapup.collect' }, { key: `guide.${topic}.collect.1` }, { key: 'guide.collect.when' }], status: 'complete' });
  return { name: `${topic}: the guided walk goes through all ${steps.length} steps to the wrap-up`, turns };
}

export const issueCases: Case[] = ISSUE_INTENTS.map(guidedWalk);
