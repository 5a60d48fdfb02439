/**
 * A small stand-in for the root dialog, for testing the bot's routing before (and independently of) RootDialog.
 * It records every turn it sees and answers in a way tests can assert on:
 *   message text  → "heard:<text>|lang:<lang>", then asks "next?" (a TextPrompt) → "second:<answer>"
 *   card action   → "action:<verb>:<submit|execute>"; for Action.Execute it leaves a result card for the invoke
 *   signin/*      → recorded only
 *   text "boom" or verb "explode" → throws (to exercise onTurnError); the error text contains a fake bearer token
 */
import { TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardAction, readCardAction } from '../../src/cards/actions';
import { Lang, resolveLang } from '../../src/i18n';
import { setInvokeCard } from '../../src/cards/clickedCard';

export interface SeenTurn {
  type: string;
  name?: string;
  text?: string;
  from?: string;
  conversationId?: string;
  lang: Lang;
  action?: CardAction;
}

export const FAKE_SECRET = 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNlY3JldA';

export class EchoDialog extends ComponentDialog {
  readonly seen: SeenTurn[] = [];

  constructor(id = 'echo') {
    super(id);
    this.addDialog(new TextPrompt('text'));
    this.addDialog(
      new WaterfallDialog('steps', [(step) => this.first(step), (step) => this.second(step)]),
    );
    this.initialDialogId = 'steps';
  }

  private record(context: TurnContext): SeenTurn {
    const a = context.activity;
    const turn: SeenTurn = {
      type: a.type,
      name: a.name,
      text: a.text,
      from: a.from?.id,
      conversationId: a.conversation?.id,
      lang: resolveLang(a.locale),
      action: readCardAction(a),
    };
    this.seen.push(turn);
    return turn;
  }

  private async first(step: WaterfallStepContext) {
    const turn = this.record(step.context);
    if (turn.action) {
      if (turn.action.verb === 'explode') throw new Error(`card handler failed (${FAKE_SECRET})`);
      await step.context.sendActivity(`action:${turn.action.verb}:${turn.action.via}`);
      if (turn.action.via === 'execute') {
        setInvokeCard(step.context, {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `done ${turn.action.verb}` }],
        });
      }
      return step.endDialog();
    }
    if (turn.type !== 'message') return step.endDialog();
    if (turn.text === 'boom') throw new Error(`dialog failed (${FAKE_SECRET})`);
    await step.context.sendActivity(`heard:${turn.text}|lang:${turn.lang}`);
    return step.prompt('text', { prompt: 'next?' });
  }

  private async second(step: WaterfallStepContext) {
    this.record(step.context);
    await step.context.sendActivity(`second:${String(step.result)}`);
    return step.endDialog();
  }
}
