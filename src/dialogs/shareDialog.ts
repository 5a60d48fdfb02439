/**
 * "Share to a channel" on a verdict card: pick one of the team's channels → sign in → the verdict is worked out
 * again with this admin's access → posted to the channel (no write buttons, times in UTC) with who shared it.
 */
import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { SIGNIN_DIALOG_ID, isSignInSuccess } from '../auth';
import { cardAttachment } from '../cards/render';
import { t } from '../i18n';
import { CARD_PROMPT, type CardPromptOptions } from './cardPrompt';
import type { LangStore } from './lang';
import { SHARE_DIALOG, type LiveCheckOptions } from './liveCheckTypes';
import { LiveDialog, type LiveCheckDeps } from './liveDialog';
import type { Answer, View } from './views';

const SHARE_FLOW = 'liveCheck.share';

type ShareValues = { options: LiveCheckOptions; channelId?: string };

export class ShareDialog extends LiveDialog {
  constructor(deps: LiveCheckDeps, langs?: LangStore) {
    super(SHARE_DIALOG, deps, langs);
    this.flow(SHARE_FLOW, [this.pickChannel, this.signInToShare, this.share]);
  }

  private async pickChannel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.values<ShareValues>(step);
    const { lang } = options;
    if (step.context.activity.conversation?.conversationType === 'channel') return this.done(step, t(lang, 'live.share.alreadyInChannel'));
    const channels = (await this.deps.channels?.channels(step.context)) ?? [];
    if (channels.length === 0) return this.done(step, t(lang, 'live.share.noChannels'));
    const view: View = { kind: 'share', topic: options.topic, channels };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  private async signInToShare(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<ShareValues>(step);
    const answer = step.result as Answer | undefined;
    v.channelId = typeof answer?.data.channel === 'string' ? answer.data.channel : undefined;
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'read' });
  }

  private async share(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<ShareValues>(step);
    const { lang } = v.options;
    if (!isSignInSuccess(step.result)) return this.done(step);
    const chosen = (await this.deps.channels?.channels(step.context))?.find((c) => c.id === v.channelId);
    if (!chosen || !this.deps.channels) return this.done(step, t(lang, 'live.choiceMissing'));
    // The verdict is computed again now, with this admin's own access, so the channel sees current facts.
    const outcome = await this.run(step.context, step.result.token, v.options);
    if (!outcome || outcome.kind !== 'verdict') return this.done(step);
    const who = step.context.activity.from?.name ?? '';
    const posted = await this.deps.channels.post(step.context, chosen.id, {
      ...MessageFactory.attachment(cardAttachment(await this.verdictCard(v.options, outcome))),
      text: who ? t(lang, 'live.share.sharedBy', { name: who }) : undefined,
    });
    return this.done(step, t(lang, posted ? 'live.share.done' : 'live.share.failed', { channel: chosen.name }));
  }
}
