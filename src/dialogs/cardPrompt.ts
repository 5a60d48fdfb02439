/**
 * A prompt that shows a card (a View) and waits for one of its buttons (Action.Submit or Action.Execute, read
 * with readCardAction so both look the same), a typed equivalent ("next", "skip"), or — for target questions —
 * free text. A button from another card gets the polite "older card" answer and the card again.
 */
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { readCardAction } from '../cards/actions';
import { t } from '../i18n';
import type { LangStore } from './lang';
import { belongsTo, matchTypedChoice, renderView, wantsFreeText, type Answer, type View } from './views';
import { normalize, sendCard, sendText } from './send';

export const CARD_PROMPT = 'cardPrompt';

export interface CardPromptOptions {
  view: View;
}

export class CardPrompt extends Dialog<CardPromptOptions> {
  constructor(private readonly langs: LangStore) {
    super(CARD_PROMPT);
  }

  override async beginDialog(dc: DialogContext, options?: CardPromptOptions): Promise<DialogTurnResult> {
    if (!options?.view) throw new Error('CardPrompt needs a view');
    dc.activeDialog!.state.view = options.view;
    await sendCard(dc.context, renderView(options.view, await this.langs.get(dc.context)));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const view = dc.activeDialog!.state.view as View;
    const lang = await this.langs.get(dc.context);
    const action = readCardAction(dc.context.activity);
    if (action) {
      if (belongsTo(view, action.verb, action.data)) {
        const answer: Answer = { verb: action.verb as Answer['verb'], data: action.data };
        return dc.endDialog(answer);
      }
      await sendText(dc.context, t(lang, 'dialogs.stale'));
      await sendCard(dc.context, renderView(view, lang));
      return Dialog.EndOfTurn;
    }
    const raw = dc.context.activity.type === 'message' ? (dc.context.activity.text ?? '').trim() : '';
    if (!raw) return Dialog.EndOfTurn;
    const typed = matchTypedChoice(view, normalize(raw));
    if (typed) return dc.endDialog(typed);
    if (wantsFreeText(view)) return dc.endDialog({ verb: 'target.submit', data: { target: raw } } satisfies Answer);
    await sendText(dc.context, t(lang, 'dialogs.useButtons'));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const view = instance.state.view as View;
    await sendCard(context, renderView(view, await this.langs.get(context)));
  }
}
