/**
 * The dialog language for a turn: the admin's explicit choice (if they switched) wins; else a Norwegian Teams
 * locale; else the language the admin writes in (a Norwegian message from an en-US client is answered in
 * Norwegian, and card clicks after it stay Norwegian); else English.
 */
import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { DEFAULT_LANG, resolveLang, type Lang } from '../i18n';
import { detectLanguage } from '../recognizer/language';

export const LANG_PROPERTY = 'synchelper.lang';
/** The language of the admin's last message whose words settled it (not a choice: never overrides one). */
export const WRITTEN_LANG_PROPERTY = 'synchelper.writtenLang';
const TURN_KEY = Symbol('synchelper.lang');
const FALLBACK_LIMIT = 10000;

export class LangStore {
  private readonly accessor?: StatePropertyAccessor<Lang>;
  private readonly written?: StatePropertyAccessor<Lang>;
  /** Used only when no UserState is given (tests, tools): in-process, bounded. */
  private readonly fallback = new Map<string, Lang>();
  private readonly writtenFallback = new Map<string, Lang>();

  constructor(userState?: UserState) {
    this.accessor = userState?.createProperty<Lang>(LANG_PROPERTY);
    this.written = userState?.createProperty<Lang>(WRITTEN_LANG_PROPERTY);
  }

  private key(context: TurnContext): string {
    return `${context.activity.channelId}/${context.activity.from?.id ?? ''}`;
  }

  async preference(context: TurnContext): Promise<Lang | undefined> {
    if (this.accessor) return this.accessor.get(context);
    return this.fallback.get(this.key(context));
  }

  /** The language this message is written in when its words say so clearly, else the last one that did. */
  private async writtenLang(context: TurnContext): Promise<Lang | undefined> {
    const text = context.activity.type === 'message' && typeof context.activity.text === 'string' ? context.activity.text : '';
    const detected = text ? detectLanguage(text) : undefined;
    const stored = this.written ? await this.written.get(context) : this.writtenFallback.get(this.key(context));
    // Kept only while it matters: an admin who writes the client's language leaves nothing stored.
    if (detected && detected !== DEFAULT_LANG && stored !== detected) {
      if (this.written) await this.written.set(context, detected);
      else remember(this.writtenFallback, this.key(context), detected);
    } else if (detected === DEFAULT_LANG && stored) {
      if (this.written) await this.written.delete(context);
      else this.writtenFallback.delete(this.key(context));
    }
    return detected ?? stored;
  }

  async get(context: TurnContext): Promise<Lang> {
    const cached = context.turnState.get(TURN_KEY) as Lang | undefined;
    if (cached) return cached;
    const preference = await this.preference(context);
    let lang = resolveLang(context.activity.locale, preference);
    if (!preference && lang === DEFAULT_LANG) lang = (await this.writtenLang(context)) ?? lang;
    context.turnState.set(TURN_KEY, lang);
    return lang;
  }

  async set(context: TurnContext, lang: Lang): Promise<void> {
    if (this.accessor) await this.accessor.set(context, lang);
    else remember(this.fallback, this.key(context), lang);
    context.turnState.set(TURN_KEY, lang);
  }
}

function remember(map: Map<string, Lang>, key: string, lang: Lang): void {
  if (map.size >= FALLBACK_LIMIT) map.clear();
  map.set(key, lang);
}
