/**
 * Sample-tenant sign-in (no Azure account): the admin is signed in as a persona of the sample tenant and the
 * "token" is the persona name, which the Graph client sends as `Authorization: Bearer <persona>`. A write asks for
 * a simulated write consent with its own card, so the flow looks like live mode offline. Only the persona and the
 * simulated consent are kept in user state, as a preference.
 */
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CardAction } from '../cards/actions';
import { t, type Lang } from '../i18n';
import { consentCard, personaCard } from './cards';
import { parseSignInCommand } from './commands';
import { normalizePersona, personaLabel } from './personas';
import { SignInDialogBase } from './signInDialog';
import type { SignInConfig, SignInPurpose, SignInVerb } from './signInTypes';

export class SampleSignInDialog extends SignInDialogBase {
  readonly mode = 'sample' as const;
  readonly canWrite = true;
  private readonly defaultPersona: string;

  constructor(config: SignInConfig) {
    super(config);
    this.defaultPersona = normalizePersona(config.defaultPersona ?? 'ga') ?? 'ga';
  }

  async currentPersona(context: TurnContext): Promise<string | undefined> {
    return (await this.preference.get(context, {})).persona;
  }

  async setPersona(context: TurnContext, persona: string): Promise<boolean> {
    const lang = await this.langOf(context);
    const name = normalizePersona(persona);
    if (!name) return false;
    await this.remember(context, name);
    await context.sendActivity(t(lang, 'auth.persona.set', { persona: personaLabel(lang, name) }));
    return true;
  }

  async signOut(context: TurnContext, options: { quiet?: boolean } = {}): Promise<void> {
    const lang = await this.langOf(context);
    const pref = await this.preference.get(context, {});
    await this.preference.delete(context);
    if (options.quiet) return;
    await context.sendActivity(
      pref.persona ? t(lang, 'auth.signout.sample', { persona: personaLabel(lang, pref.persona) }) : t(lang, 'auth.signout.none'),
    );
  }

  protected begin(dc: DialogContext, lang: Lang, _purpose: SignInPurpose): Promise<DialogTurnResult> {
    return this.next(dc, lang);
  }

  /** "sign in as appadmin" / "logg inn som appadmin" picks a persona while the card waits; anything else moves on. */
  protected async onText(dc: DialogContext, lang: Lang, text: string): Promise<DialogTurnResult> {
    const command = parseSignInCommand(text);
    if (command?.kind === 'persona') return this.choosePersona(dc, lang, command.persona);
    return this.fallback(dc, lang, 'declined');
  }

  protected async onOther(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }

  protected async onButton(dc: DialogContext, lang: Lang, verb: SignInVerb, action: CardAction): Promise<DialogTurnResult> {
    const context = dc.context;
    if (verb === 'signin.persona') return this.choosePersona(dc, lang, typeof action.data.persona === 'string' ? action.data.persona : '');
    if (verb !== 'signin.consent' || this.stateOf(dc).step !== 'consent') return Dialog.EndOfTurn;
    const pref = await this.preference.get(context, {});
    if (!pref.persona) return this.next(dc, lang);
    await this.preference.set(context, { ...pref, writeConsent: true });
    await context.sendActivity(t(lang, 'auth.sample.consent.given', { persona: personaLabel(lang, pref.persona) }));
    return this.end(dc, { token: pref.persona, persona: pref.persona });
  }

  /** Persona first, then (for a write) the simulated consent, then done. */
  private async next(dc: DialogContext, lang: Lang): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const pref = await this.preference.get(dc.context, {});
    if (!pref.persona) {
      state.step = 'persona';
      await this.sendCard(dc.context, personaCard(lang, this.defaultPersona));
      return Dialog.EndOfTurn;
    }
    if (state.purpose === 'write' && !pref.writeConsent) {
      state.step = 'consent';
      await this.sendCard(dc.context, consentCard(lang, pref.persona));
      return Dialog.EndOfTurn;
    }
    return this.end(dc, { token: pref.persona, persona: pref.persona });
  }

  private async choosePersona(dc: DialogContext, lang: Lang, persona: string): Promise<DialogTurnResult> {
    const name = normalizePersona(persona);
    if (!name) {
      await this.sendCard(dc.context, personaCard(lang, this.defaultPersona));
      return Dialog.EndOfTurn;
    }
    await this.remember(dc.context, name);
    await dc.context.sendActivity(t(lang, 'auth.sample.signedIn', { persona: personaLabel(lang, name) }));
    return this.next(dc, lang);
  }

  /** A new persona is a new person: their write consent is theirs to give. */
  private async remember(context: TurnContext, persona: string): Promise<void> {
    const pref = await this.preference.get(context, {});
    await this.preference.set(context, { persona, writeConsent: pref.persona === persona ? pref.writeConsent : false });
  }
}
