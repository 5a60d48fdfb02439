/**
 * Card buttons. Every button carries `data: { verb, v: ACTION_VERSION, ...payload }` and is rendered by the
 * templates as an Action.Execute (Universal Actions, docs/teams-notes.md "Adaptive Cards and Action.Execute") with an Action.Submit fallback for clients
 * that can't run Action.Execute (docs/teams-notes.md).
 */
import { ACTION_VERSION } from './actions';
import type { Verb } from './verbs';

export interface Button {
  title: string;
  verb: Verb;
  /** Everything the handler needs; always includes verb and v. */
  data: Record<string, unknown> & { verb: Verb; v: number };
  /** 'positive' for the main choice; Teams ignores destructive styling (docs/teams-notes.md). */
  style?: 'default' | 'positive';
}

export function button(title: string, verb: Verb, payload: Record<string, unknown> = {}, style?: 'positive'): Button {
  return { title, verb, data: { ...payload, verb, v: ACTION_VERSION }, ...(style ? { style } : { style: 'default' }) };
}
