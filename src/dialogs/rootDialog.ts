/**
 * RootDialog: recognises the message and routes it — an issue intent starts that issue's dialog, greeting /
 * help / out_of_scope get a short answer, an uncertain recognition gets "Which of these is it?". Interrupts
 * (help, cancel, start over, sign out, language, stale buttons, topic buttons) work at any step below it.
 */
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { readCardAction, type CardAction } from '../cards/actions';
import { chooseIntentCard, helpCard, messageCard, topicTitle } from '../cards/cards';
import { button } from '../cards/buttons';
import { verbsHandledBy, type Verb } from '../cards/verbs';
import { markdown, t } from '../i18n';
import { familyOf, isIssueIntent, ISSUE_INTENTS, type IssueIntent } from '../topics';
import { routeOf } from '../recognizer/route';
import type { Entities } from '../recognizer/types';
import { CancelAndHelpDialog, isStale, parseCommand, type Command } from './cancelAndHelpDialog';
import { WATCH_DIALOG, type WatchDialogOptions } from './watchDialog';
import type { DialogDeps } from './deps';
import { issueDialogsFor, type IssueOptions, type IssueResult } from './issueDialog';
import { LIVE_CHECK_DIALOG, SHARE_DIALOG, WRITE_ACTION_DIALOG, type LiveCheckOptions, type Target, type WriteActionOptions } from './liveCheckTypes';
import { answerClosedRequest } from './actionReplies';
import { normalize, sendCard, sendText } from './send';

export const ROOT_DIALOG = 'root';
const ROOT_FLOW = 'root.flow';
export const ROOT_VERBS: Verb[] = verbsHandledBy('root');
const VERDICT_VERBS: Verb[] = ['verdict.refresh', 'verdict.share', 'action.request', 'verdict.retopic', 'watch.stop', 'watch.check'];

/** The root dialog needs what every dialog needs (one declaration: DialogDeps). */
export type RootDialogDeps = DialogDeps;

interface RouteOptions {
  switchTo?: IssueIntent;
  entities?: Entities;
}

export { likelyIssues } from '../recognizer/route';

/** A verdict's target as the entities an issue dialog starts with (the dialog keeps those of its own family). */
function entitiesOf(target: unknown): Entities {
  const t = (target ?? {}) as Record<string, unknown>;
  const out: Entities = {};
  for (const k of ['group', 'app', 'user'] as const) if (typeof t[k] === 'string' && t[k]) out[k] = t[k];
  // Every name the admin wrote (resolved at the check) and a tenant-wide question travel with the choice too.
  if (Array.isArray(t.names)) {
    const names = t.names.filter((n): n is string => typeof n === 'string' && n.length > 0).slice(0, 5);
    if (names.length > 0) out.names = names;
  }
  if (t.tenantWide === 'sync' || t.tenantWide === 'licenses' || t.tenantWide === 'apps') out.tenantWide = t.tenantWide;
  return out;
}

/**
 * The "which is it?" card's topic buttons carry what the message named (group, app, user), so choosing a topic
 * does not ask again for the group the admin already gave.
 */
function carryEntities<T>(card: T, entities: Entities): T {
  const named = entitiesOf(entities);
  if (Object.keys(named).length === 0) return card;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.verb === 'intent.choose' && typeof o.intent === 'string' && 'v' in o) o.entities = { ...named };
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return card;
}

export class RootDialog extends CancelAndHelpDialog {
  constructor(deps: RootDialogDeps) {
    super(ROOT_DIALOG, deps);
    for (const dialog of issueDialogsFor(deps, this.langs)) this.addDialog(dialog);
    for (const live of [deps.liveCheck, deps.writeAction, deps.share]) if (live) this.addDialog(live);
    if (deps.watch) this.addDialog(deps.watch);
    this.addDialog(new WaterfallDialog<RouteOptions>(ROOT_FLOW, [this.route.bind(this), this.afterIssue.bind(this)]));
    this.initialDialogId = ROOT_FLOW;
  }

  private async route(step: WaterfallStepContext<RouteOptions>): Promise<DialogTurnResult> {
    const opts = step.options ?? {};
    if (opts.switchTo) return this.beginIssue(step, opts.switchTo, { entities: opts.entities }, true);
    const context = step.context;
    const lang = await this.langs.get(context);
    const action = readCardAction(context.activity);
    if (action) {
      if (isStale(action)) {
        await this.handleAction(step, action, false);
        return step.endDialog();
      }
      switch (action.verb as Verb) {
        case 'intent.choose':
          if (typeof action.data.intent === 'string' && isIssueIntent(action.data.intent)) return this.beginIssue(step, action.data.intent, { entities: entitiesOf(action.data.entities) });
          break;
        case 'intent.other':
          await sendText(context, t(lang, 'dialogs.other'));
          return step.endDialog();
        case 'issue.mode': {
          const topic = action.data.topic;
          const mode = action.data.mode === 'live' ? 'live' : 'guided';
          if (typeof topic === 'string' && isIssueIntent(topic)) return this.beginIssue(step, topic, { mode });
          break;
        }
        case 'verdict.retopic': {
          // "Not what I asked?" on a verdict: first the other topics, then the chosen one, with the same target.
          const from = action.data.topic;
          const to = action.data.to;
          if (typeof to === 'string' && isIssueIntent(to)) {
            const target = (action.data.target ?? {}) as Target;
            const carried: Target = familyOf(to) === 'group' && typeof target.errorText === 'string' ? { errorText: target.errorText } : {};
            const options: IssueOptions = { entities: entitiesOf(target), target: carried };
            if (this.deps.liveCheck) options.mode = 'live';
            return this.beginIssue(step, to, options);
          }
          const others = ISSUE_INTENTS.filter((i) => i !== from);
          const buttons = others.map((i) => button(topicTitle(lang, i), 'verdict.retopic', { topic: from, to: i, target: action.data.target ?? {} }));
          await sendCard(context, messageCard({ text: t(lang, 'dialogs.retopic.question'), buttons }));
          return step.endDialog();
        }
        case 'verdict.refresh':
        case 'verdict.share':
        case 'action.request': {
          // Check again → the check; Share → the share dialog; a suggested change → the write-action dialog.
          const topic = action.data.topic;
          const live = action.verb === 'verdict.share' ? this.deps.share : action.verb === 'action.request' ? this.deps.writeAction : this.deps.liveCheck;
          if (live && typeof topic === 'string' && isIssueIntent(topic)) {
            const options: LiveCheckOptions = { topic, target: (action.data.target ?? {}) as Target, lang };
            if (typeof action.data.subjectId === 'string') options.subjectId = action.data.subjectId;
            if (action.verb === 'action.request') {
              if (typeof action.data.offer !== 'string') break;
              return step.beginDialog(WRITE_ACTION_DIALOG, { ...options, offer: action.data.offer } satisfies WriteActionOptions);
            }
            return step.beginDialog(action.verb === 'verdict.share' ? SHARE_DIALOG : LIVE_CHECK_DIALOG, options);
          }
          if (action.verb === 'verdict.share') {
            await sendText(context, t(lang, 'dialogs.shareHere'));
            return step.endDialog();
          }
          break;
        }
        case 'watch.stop':
          if (this.deps.watch && typeof action.data.watch === 'string') return step.beginDialog(WATCH_DIALOG, { stopId: action.data.watch } satisfies WatchDialogOptions);
          break;
        case 'watch.check': {
          // A new card (never replacing the alert or the report), through the live check's own path.
          const topic = action.data.topic;
          if (this.deps.liveCheck && typeof topic === 'string' && isIssueIntent(topic)) {
            const options: LiveCheckOptions = { topic, target: (action.data.target ?? {}) as Target, lang };
            if (typeof action.data.subjectId === 'string') options.subjectId = action.data.subjectId;
            return step.beginDialog(LIVE_CHECK_DIALOG, options);
          }
          break;
        }
        case 'action.confirm':
        case 'action.cancel':
          // No confirmation is waiting in this conversation for this admin: say where that request stands.
          if (this.deps.actions) {
            await answerClosedRequest(context, lang, this.deps.actions, action.data.pending);
            return step.endDialog();
          }
          break;
        default: {
          const handled = await this.handleAction(step, action, false);
          if (handled) return step.endDialog();
        }
      }
      await sendCard(context, helpCard(lang, t(lang, 'dialogs.staleIdle')));
      return step.endDialog();
    }
    if (context.activity.type !== 'message' || !context.activity.text?.trim()) return step.endDialog();
    const text = normalize(context.activity.text);
    const command = parseCommand(text);
    if (command?.kind === 'watch' && this.deps.watch) return this.runCommand(step, command, false);
    if (command) {
      await this.runCommand(step, command, false);
      return step.endDialog();
    }
    const r = await this.recognize(context, context.activity.text);
    const route = routeOf(r, context.activity.text);
    switch (route.kind) {
      case 'issue':
        return this.beginIssue(step, route.intent, { entities: r.entities });
      case 'ask':
        await sendCard(context, carryEntities(chooseIntentCard(lang, route.choices), r.entities));
        break;
      case 'thanks':
        await sendText(context, t(lang, 'dialogs.thanks'));
        break;
      case 'greeting':
        await sendText(context, t(lang, 'dialogs.greeting'));
        break;
      case 'help':
        await sendCard(context, helpCard(lang));
        break;
      case 'out_of_scope': {
        const buttons = ISSUE_INTENTS.map((i) => button(topicTitle(lang, i), 'intent.choose', { intent: i }));
        await sendCard(context, carryEntities(messageCard({ text: t(lang, 'dialogs.outOfScope'), buttons }), r.entities));
      }
    }
    return step.endDialog();
  }

  private async beginIssue(step: WaterfallStepContext, topic: IssueIntent, options: IssueOptions, announce = false): Promise<DialogTurnResult> {
    if (announce) await sendText(step.context, t(await this.langs.get(step.context), 'dialogs.switching', { topic: markdown(topicTitle(await this.langs.get(step.context), topic)) }));
    return step.beginDialog(topic, options);
  }

  private async afterIssue(step: WaterfallStepContext<RouteOptions>): Promise<DialogTurnResult> {
    const result = step.result as IssueResult | undefined;
    if (result && 'switchTo' in result) return step.replaceDialog(ROOT_FLOW, { switchTo: result.switchTo, entities: result.entities } satisfies RouteOptions);
    return step.endDialog(result);
  }

  /**
   * A verdict's own buttons (check again, share, a suggested change) clicked while something else is under way:
   * the admin chose to act on that verdict, so what was running stops and the click is carried out.
   */
  protected override async handleAction(dc: DialogContext, action: CardAction, active: boolean): Promise<DialogTurnResult | undefined> {
    if (active && !isStale(action) && VERDICT_VERBS.includes(action.verb as Verb)) {
      await dc.cancelAllDialogs();
      return dc.beginDialog(ROOT_FLOW);
    }
    return super.handleAction(dc, action, active);
  }

  /** Watch commands begin the watch dialog (typed mid-dialog, they take over like a verdict's button). */
  protected override async runCommand(dc: DialogContext, command: Command, active: boolean): Promise<DialogTurnResult> {
    if (command.kind !== 'watch' || !this.deps.watch) return super.runCommand(dc, command, active);
    if (active) await dc.cancelAllDialogs();
    return dc.beginDialog(WATCH_DIALOG, { request: command.request } satisfies WatchDialogOptions);
  }

  protected override currentTopic(dc: DialogContext): IssueIntent | undefined {
    const id = dc.activeDialog?.id;
    return id && isIssueIntent(id) ? id : undefined;
  }

  protected override async switchTopic(innerDc: DialogContext, topic: IssueIntent, entities: Entities): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(ROOT_FLOW, { switchTo: topic, entities } satisfies RouteOptions);
  }
}

