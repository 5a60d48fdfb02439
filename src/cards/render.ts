/**
 * Adaptive Card rendering: JSON templates in src/cards/templates/<name>.json, parsed and compiled once
 * (./template.ts, the templating language's subset we use, same output as adaptivecards-templating), expanded per
 * card. Callers pass data whose texts are already translated (cards know nothing of Graph, only of the data they are
 * given). Every card is version 1.5 and must stay under the size budget.
 */
import * as fs from 'fs';
import { resourcePath } from '../paths';
import { compileTemplate, type CompiledTemplate } from './template';

/** Keep every card under 28 KB, so a result can also be re-posted through Workflows (docs/teams-notes.md, "Size: the 28 KB budget"). */
export const CARD_BYTE_BUDGET = 28 * 1024;
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const cache = new Map<string, CompiledTemplate>();

/** The parsed template as written (tests compare the compiled expansion with the SDK's). */
export function templateJson(name: string): object {
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) throw new Error(`bad card template name "${name}"`);
  return JSON.parse(fs.readFileSync(resourcePath('src', 'cards', 'templates', `${name}.json`), 'utf8')) as object;
}

function loadTemplate(name: string): CompiledTemplate {
  let compiled = cache.get(name);
  if (!compiled) {
    compiled = compileTemplate(templateJson(name));
    cache.set(name, compiled);
  }
  return compiled;
}

export function cardByteSize(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Expand template `name` with `data` ($root). Throws when the result breaks the size budget. */
export function renderCard(name: string, data: object): AdaptiveCard {
  const card = loadTemplate(name)(data) as AdaptiveCard;
  const size = cardByteSize(card);
  if (size > CARD_BYTE_BUDGET) {
    throw new Error(`card "${name}" is ${size} bytes, over the ${CARD_BYTE_BUDGET}-byte budget`);
  }
  return card;
}

export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}
