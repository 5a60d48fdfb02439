/**
 * The dialog language for a turn: the admin's stored preference (if they switched) else the activity locale.
 */
import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { resolveLang, type Lang } from '../i18n';

export const LANG_PROPERTY = 'synchelper.lang';
const TURN_KEY = Symbol('synchelper.lang');
const FALLBACK_LIMIT = 10000;

export class LangStore {
  private readonly accessor?: StatePropertyAccessor<Lang>;
  /** Used only when no UserState is given (tests, tools): in-process, bounded. */
  private readonly fallback = new Map<string, Lang>();

  constructor(userState?: UserState) {
    this.accessor = userState?.createProperty<Lang>(LANG_PROPERTY);
  }

  private key(context: TurnContext): string {
    return `${context.activity.channelId}/${context.activity.from?.id ?? ''}`;
  }

  async preference(context: TurnContext): Promise<Lang | undefined> {
    if (this.accessor) return this.accessor.get(context);
    return this.fallback.get(this.key(context));
  }

  async get(context: TurnContext): Promise<Lang> {
    const cached = context.turnState.get(TURN_KEY) as Lang | undefined;
    if (cached) return cached;
    const lang = resolveLang(context.activity.locale, await this.preference(context));
    context.turnState.set(TURN_KEY, lang);
    return lang;
  }

  async set(context: TurnContext, lang: Lang): Promise<void> {
    if (this.accessor) await this.accessor.set(context, lang);
    else {
      if (this.fallback.size >= FALLBACK_LIMIT) this.fallback.clear();
      this.fallback.set(this.key(context), lang);
    }
    context.turnState.set(TURN_KEY, lang);
  }
}
