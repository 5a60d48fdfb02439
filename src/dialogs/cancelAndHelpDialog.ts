/**
 * Interrupts that work at ANY step (like core-bot's CancelAndHelpDialog): help, cancel, start over, sign out,
 * language switch, stale/unknown card buttons, and topic switching (subclasses decide how to switch).
 */
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { readCardAction, ACTION_VERSION, type CardAction } from '../cards/actions';
import { isVerb, verbsHandledBy, type Verb } from '../cards/verbs';
import { helpCard, languageCard, topicTitle } from '../cards/cards';
import { LANGS, bcp47, isLang, markdown, t, type Lang } from '../i18n';
import { alternation, fromAllLanguages, lexicon, phraseSet } from '../i18n/lexicon';
import { isIssueIntent, type IssueIntent } from '../topics';
import type { Entities, Recognition } from '../recognizer/types';
import type { DialogDeps } from './deps';
import { LangStore } from './lang';
import { normalize, sendCard, sendText } from './send';
import { parseWatchRequest, type WatchRequest } from '../watch/commands';
import { parseSignInCommand } from '../auth/commands';

/** Verbs this base handles itself (see src/cards/verbs.ts). */
export const INTERRUPT_VERBS: Verb[] = verbsHandledBy('interrupt');

export type Command =
  | { kind: 'help' | 'cancel' | 'restart' | 'signout' | 'languageCard' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'signinAs'; persona: string }
  /** Watches and the health report (issue #10): "watch directory sync", "hva overvåker du?", "helsesjekk". */
  | { kind: 'watch'; request: WatchRequest };

/** The whole-message commands, in every language of the lexicon (src/i18n/locales/<lang>/lexicon.ts). */
const COMMANDS: { phrases: ReadonlySet<string>; command: Command }[] = [
  { phrases: phraseSet((l) => l.commands.help), command: { kind: 'help' } },
  { phrases: phraseSet((l) => l.commands.cancel), command: { kind: 'cancel' } },
  { phrases: phraseSet((l) => l.commands.restart), command: { kind: 'restart' } },
  { phrases: phraseSet((l) => l.commands.signOut), command: { kind: 'signout' } },
  ...LANGS.map((lang) => ({ phrases: new Set(lexicon(lang).commands.useThisLanguage), command: { kind: 'language', lang } as Command })),
  { phrases: phraseSet((l) => l.commands.languageCard), command: { kind: 'languageCard' } },
];

export function parseCommand(normalized: string): Command | undefined {
  // "sign in as helpdesk" / "logg inn som ga" (sample tenant) and "sign out" / "logg ut": the sign-in grammar.
  const signIn = parseSignInCommand(normalized);
  if (signIn?.kind === 'signout') return { kind: 'signout' };
  if (signIn) return { kind: 'signinAs', persona: signIn.kind === 'persona' ? signIn.persona : signIn.name };
  const watch = parseWatchRequest(normalized);
  if (watch) return { kind: 'watch', request: watch };
  return COMMANDS.find((c) => c.phrases.has(normalized))?.command;
}

/** "actually it's provisioning", "no, it's about …" (lexicon `topicSwitch`) → the rest. */
const EXPLICIT_SWITCH = new RegExp(`^${alternation(fromAllLanguages((l) => l.topicSwitch))}\\b[\\s,]*(.*)$`);

export function explicitSwitch(normalized: string): string | undefined {
  const m = EXPLICIT_SWITCH.exec(normalized);
  return m ? m[1] || normalized : undefined;
}

const RECOGNITION = Symbol('synchelper.recognition');

export function isStale(action: CardAction): boolean {
  return action.v !== ACTION_VERSION || !isVerb(action.verb);
}

export abstract class CancelAndHelpDialog extends ComponentDialog {
  protected readonly langs: LangStore;

  protected constructor(id: string, protected readonly deps: DialogDeps, langs?: LangStore) {
    super(id);
    this.langs = langs ?? new LangStore(deps.userState);
  }

  /** Recognize once per turn, in the turn's language. */
  protected async recognize(context: TurnContext, text: string): Promise<Recognition> {
    const cache = (context.turnState.get(RECOGNITION) as Map<string, Recognition> | undefined) ?? new Map<string, Recognition>();
    context.turnState.set(RECOGNITION, cache);
    let r = cache.get(text);
    if (!r) {
      const lang = await this.langs.get(context);
      r = this.deps.recognizer.recognize(text, context.activity.locale ?? bcp47(lang));
      cache.set(text, r);
    }
    return r;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await this.interrupt(innerDc);
    if (result) return result;
    return super.onContinueDialog(innerDc);
  }

  /** Switch to another issue topic. Issue dialogs end with { switchTo }; the root begins it. */
  protected abstract switchTopic(innerDc: DialogContext, topic: IssueIntent, entities: Entities): Promise<DialogTurnResult>;

  /** Extra topic-switch detection for typed text (issue dialogs). */
  protected async detectSwitch(_innerDc: DialogContext, _normalized: string): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /** Runs a typed command; used by the interrupt and by the root when nothing is running. */
  protected async runCommand(dc: DialogContext, command: Command, active: boolean): Promise<DialogTurnResult> {
    const context = dc.context;
    switch (command.kind) {
      case 'help': {
        const lang = await this.langs.get(context);
        await sendCard(context, helpCard(lang));
        if (active) return this.stillHere(dc, lang);
        return { status: DialogTurnStatus.complete };
      }
      case 'cancel': {
        await sendText(context, t(await this.langs.get(context), 'dialogs.cancelled'));
        return this.endAll(dc, active);
      }
      case 'restart': {
        const lang = await this.langs.get(context);
        await sendText(context, t(lang, 'dialogs.restarted'));
        await sendCard(context, helpCard(lang, t(lang, 'cards.help.lead')));
        return this.endAll(dc, active);
      }
      case 'signout': {
        const lang = await this.langs.get(context);
        if (this.deps.onSignOut) {
          // The sign-in module confirms in its own words (what it signed out of); otherwise a generic line.
          const confirmed = await this.deps.onSignOut(context);
          if (confirmed !== true) await sendText(context, t(lang, 'dialogs.signedOut'));
        } else {
          await sendText(context, t(lang, 'dialogs.signOutUnavailable'));
        }
        return active ? Dialog.EndOfTurn : { status: DialogTurnStatus.complete };
      }
      case 'signinAs': {
        const lang = await this.langs.get(context);
        if (!this.deps.onSignInAs || !(await this.deps.onSignInAs(context, command.persona))) {
          await sendText(context, t(lang, 'dialogs.signInAsUnavailable'));
        }
        return active ? Dialog.EndOfTurn : { status: DialogTurnStatus.complete };
      }
      case 'languageCard': {
        await sendCard(context, languageCard(await this.langs.get(context)));
        return active ? Dialog.EndOfTurn : { status: DialogTurnStatus.complete };
      }
      case 'watch': {
        // Dialogs that can run watches override runCommand (RootDialog); elsewhere they are unavailable.
        await sendText(context, t(await this.langs.get(context), 'watch.unavailable'));
        return active ? Dialog.EndOfTurn : { status: DialogTurnStatus.complete };
      }
      case 'language': {
        await this.langs.set(context, command.lang);
        await sendText(context, t(command.lang, 'dialogs.langSet'));
        if (active) {
          await dc.repromptDialog();
          return Dialog.EndOfTurn;
        }
        return { status: DialogTurnStatus.complete };
      }
    }
  }

  private async endAll(dc: DialogContext, active: boolean): Promise<DialogTurnResult> {
    if (active) await dc.cancelAllDialogs();
    return { status: DialogTurnStatus.cancelled };
  }

  private async stillHere(dc: DialogContext, lang: Lang): Promise<DialogTurnResult> {
    const topic = this.currentTopic(dc);
    if (topic) await sendText(dc.context, t(lang, 'dialogs.stillHere', { topic: markdown(topicTitle(lang, topic)) }));
    await dc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** The issue topic being worked on, if any (for "we're still on …"). */
  protected currentTopic(_dc: DialogContext): IssueIntent | undefined {
    return undefined;
  }

  /** Card actions that any step understands; stale/unknown ones get the polite answer. */
  protected async handleAction(dc: DialogContext, action: CardAction, active: boolean): Promise<DialogTurnResult | undefined> {
    const context = dc.context;
    if (isStale(action)) {
      const lang = await this.langs.get(context);
      if (active) {
        await sendText(context, t(lang, 'dialogs.stale'));
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      await sendCard(context, helpCard(lang, t(lang, 'dialogs.staleIdle')));
      return { status: DialogTurnStatus.complete };
    }
    switch (action.verb as Verb) {
      case 'help.show':
        return this.runCommand(dc, { kind: 'help' }, active);
      case 'flow.restart':
        return this.runCommand(dc, { kind: 'restart' }, active);
      case 'lang.set': {
        const lang = isLang(action.data.lang) ? action.data.lang : undefined;
        return this.runCommand(dc, lang ? { kind: 'language', lang } : { kind: 'languageCard' }, active);
      }
      case 'intent.choose': {
        const intent = action.data.intent;
        if (active && typeof intent === 'string' && isIssueIntent(intent)) return this.switchTopic(dc, intent, {});
        return undefined;
      }
      default:
        return undefined;
    }
  }

  protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = innerDc.context.activity;
    const action = readCardAction(activity);
    if (action) return this.handleAction(innerDc, action, true);
    if (activity.type !== 'message' || !activity.text) return undefined;
    const text = normalize(activity.text);
    const command = parseCommand(text);
    if (command) return this.runCommand(innerDc, command, true);
    return this.detectSwitch(innerDc, text);
  }
}
