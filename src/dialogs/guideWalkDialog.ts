/**
 * The guided walk: one step card at a time (the action, why it matters, a Learn link) with
 * "Done, next" / "That fixed it" / "Didn't help" / "Start over". Loops with replaceDialog.
 */
import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { IssueIntent } from '../topics';
import { verbsHandledBy, type Verb } from '../cards/verbs';
import { wrapupCard } from '../cards/cards';
import { t } from '../i18n';
import { GUIDES, collectKeys, guideLinks } from './guides';
import { CARD_PROMPT, type CardPromptOptions } from './cardPrompt';
import type { LangStore } from './lang';
import type { Answer } from './views';
import { sendCard, sendText } from './send';

export const GUIDE_WALK = 'guideWalk';
export const GUIDE_VERBS: Verb[] = verbsHandledBy('guide');

export interface GuideWalkOptions {
  topic: IssueIntent;
  index: number;
}

export type GuideOutcome = { outcome: 'fixed' | 'nohelp' | 'exhausted'; topic: IssueIntent; step: number };

export class GuideWalkDialog extends WaterfallDialog<GuideWalkOptions> {
  constructor(private readonly langs: LangStore, private readonly live: boolean) {
    super(GUIDE_WALK);
    this.addStep(this.show.bind(this));
    this.addStep(this.answer.bind(this));
  }

  private async show(step: WaterfallStepContext<GuideWalkOptions>): Promise<DialogTurnResult> {
    const { topic, index } = step.options;
    const options: CardPromptOptions = { view: { kind: 'step', topic, index } };
    return step.beginDialog(CARD_PROMPT, options);
  }

  private async answer(step: WaterfallStepContext<GuideWalkOptions>): Promise<DialogTurnResult> {
    const { topic, index } = step.options;
    const answer = step.result as Answer;
    const lang = await this.langs.get(step.context);
    const total = GUIDES[topic].steps.length;
    if (answer.verb === 'guide.fixed') {
      await sendText(step.context, t(lang, 'dialogs.fixed'));
      return step.endDialog({ outcome: 'fixed', topic, step: index } satisfies GuideOutcome);
    }
    if (answer.verb === 'guide.next' && index + 1 < total) {
      return step.replaceDialog(GUIDE_WALK, { topic, index: index + 1 } satisfies GuideWalkOptions);
    }
    await sendCard(step.context, wrapupCard(lang, topic, { collectKeys: collectKeys(topic), links: guideLinks(topic), live: this.live }));
    const outcome: GuideOutcome = { outcome: answer.verb === 'guide.nohelp' ? 'nohelp' : 'exhausted', topic, step: index };
    return step.endDialog(outcome);
  }
}
