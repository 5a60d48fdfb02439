/**
 * Which language a message is written in, from its words (Teams sends the client's locale, which is often
 * en-US for Norwegian admins). Conservative: answers only when the words say so clearly, otherwise undefined.
 * Pure; used by the dialogs' language store (an explicit choice the admin made still wins).
 */
import { fold } from './normalize';

/** Function words and domain words only Norwegian (Bokmål/Nynorsk) admins write; folded (ø→o, å→a, æ→ae). */
const NORWEGIAN = new Set([
  'ikke', 'ikkje', 'jeg', 'eg', 'hvorfor', 'kvifor', 'hvordan', 'korleis', 'hva', 'kva', 'hvilke', 'hvilken', 'hvor', 'nar',
  'og', 'pa', 'til', 'fra', 'med', 'av', 'har', 'blir', 'ble', 'vart', 'som', 'etter', 'fortsatt', 'noen', 'ingen',
  'alle', 'skal', 'vil', 'kan', 'meg', 'oss', 'var', 'denne', 'dette', 'den', 'det', 'er', 'ei', 'en', 'et', 'ogsa',
  'takk', 'hei', 'hjelp', 'gruppa', 'gruppen', 'gruppe', 'grupper', 'gruppene', 'bruker', 'brukere', 'brukeren',
  'brukerne', 'klarer', 'far', 'fikk', 'faar', 'funka', 'funker', 'virker', 'fungerer', 'feil', 'feilen', 'nye',
  'ansatte', 'nyansatte', 'mangler', 'legge', 'lagt', 'slette', 'slettet', 'sletta', 'tilgang', 'lisens', 'lisenser',
  'lisensen', 'klargjoring', 'klargjoringen', 'klargjort', 'synkronisering', 'synkroniseringen', 'synkronisert',
  'medlemmer', 'medlem', 'appen', 'loggen', 'eier', 'endre', 'endret', 'sist', 'siden', 'dager', 'hvem', 'mye',
  'nesten', 'bare', 'igjen', 'gjelder', 'handler', 'om', 'altsa', 'sjekk', 'sjekke', 'vis', 'finn', 'trenger',
  'feiler', 'feilet', 'synker', 'synkes', 'kommer', 'stopper', 'stoppet', 'mangler', 'hvilken',
]);

/** English function words (never Norwegian words). */
const ENGLISH = new Set([
  'the', 'is', 'are', 'was', 'were', 'why', 'how', 'what', 'which', 'where', 'when', 'not', 'dont', 'doesnt', 'didnt',
  'cant', 'cannot', 'wont', 'isnt', 'arent', 'to', 'from', 'with', 'and', 'of', 'my', 'our', 'i', 'it', 'does', 'do',
  'get', 'got', 'users', 'user', 'group', 'groups', 'members', 'member', 'thanks', 'thank', 'you', 'please', 'help',
  'still', 'after', 'have', 'has', 'been', 'being', 'there', 'this', 'that', 'these', 'they', 'their', 'me', 'we',
  'in', 'on', 'at', 'for', 'an', 'a', 'be', 'can', 'any', 'some', 'all', 'new', 'show', 'check', 'why', 'error',
]);

/** Words that settle it on their own: a one-word "takk" or "hjelp" is Norwegian. */
const STRONG_NORWEGIAN = new Set(['ikke', 'ikkje', 'jeg', 'hvorfor', 'hvordan', 'takk', 'hjelp', 'hei', 'klargjoring', 'klargjoringen', 'gruppa', 'brukerne']);

/** Names in quotes, addresses and links say nothing about the language the admin writes in. */
const NOT_PROSE = /"[^"\n]{0,80}"|“[^”\n]{0,80}”|«[^»\n]{0,80}»|(?<![\w])'[^'\n]{0,80}'(?![\w])|[^\s@]{1,64}@[^\s@]{1,255}|https?:\/\/\S+/g;

export function detectLanguage(text: string): 'nb' | 'en' | undefined {
  const raw = (text ?? '').slice(0, 4000).replace(NOT_PROSE, ' ').toLowerCase();
  const words = fold(raw)
    .replace(/[^a-z'\s]/g, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 200);
  let nb = /[æøå]/.test(raw) ? 1 : 0;
  let en = 0;
  for (const w of words) {
    const isNb = NORWEGIAN.has(w);
    const isEn = ENGLISH.has(w);
    if (isNb && !isEn) nb += STRONG_NORWEGIAN.has(w) ? 2 : 1;
    else if (isEn && !isNb) en += 1;
  }
  if (nb >= 2 && nb > en) return 'nb';
  if (en >= 2 && en > nb) return 'en';
  return undefined;
}
