/**
 * Adaptive Card rendering: JSON templates in src/cards/templates/<name>.json expanded with
 * adaptivecards-templating. Callers pass data whose texts are already translated (cards know nothing of
 * Graph, only of the data they are given). Every card is version 1.5 and must stay under the size budget.
 */
import * as fs from 'fs';
import * as ACData from 'adaptivecards-templating';
import { resourcePath } from '../paths';

/** Keep every card under 28 KB, so a result can also be re-posted through Workflows (teams.md §3.4). */
export const CARD_BYTE_BUDGET = 28 * 1024;
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const cache = new Map<string, object>();

function loadTemplate(name: string): object {
  let json = cache.get(name);
  if (!json) {
    if (!/^[a-zA-Z0-9_-]+$/.test(name)) throw new Error(`bad card template name "${name}"`);
    json = JSON.parse(fs.readFileSync(resourcePath('src', 'cards', 'templates', `${name}.json`), 'utf8')) as object;
    cache.set(name, json);
  }
  return json;
}

export function cardByteSize(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Expand template `name` with `data` ($root). Throws when the result breaks the size budget. */
export function renderCard(name: string, data: object): AdaptiveCard {
  const template = new ACData.Template(loadTemplate(name));
  const card = template.expand({ $root: data }) as AdaptiveCard;
  const size = cardByteSize(card);
  if (size > CARD_BYTE_BUDGET) {
    throw new Error(`card "${name}" is ${size} bytes, over the ${CARD_BYTE_BUDGET}-byte budget`);
  }
  return card;
}

export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}
