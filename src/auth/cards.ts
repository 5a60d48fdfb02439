/** The sign-in cards (templates src/cards/templates/signin-*.json); every button carries { verb, v }. */
import { ACTION_VERSION } from '../cards/actions';
import { renderCard, type AdaptiveCard } from '../cards/render';
import { t, type Lang } from '../i18n';
import { KNOWN_PERSONAS, personaLabel } from './personas';

/** After SSO failed (live): send the sign-in card again without SSO, or go on without signing in. */
export function signInOptionsCard(lang: Lang, opts: { retry: boolean }): AdaptiveCard {
  const actions = [
    ...(opts.retry ? [{ title: t(lang, 'auth.sso.retry.button'), verb: 'signin.retry', data: { verb: 'signin.retry', v: ACTION_VERSION } }] : []),
    { title: t(lang, 'auth.guided.button'), verb: 'signin.guided', data: { verb: 'signin.guided', v: ACTION_VERSION } },
  ];
  return renderCard('signin-options', { title: t(lang, 'auth.options.title'), text: t(lang, 'auth.options.text'), actions });
}

/** Sample tenant: sign in as the default persona, another one, or not at all. */
export function personaCard(lang: Lang, defaultPersona: string): AdaptiveCard {
  const button = (p: string, title: string) => ({ title, data: { verb: 'signin.persona', v: ACTION_VERSION, persona: p } });
  const others = [...KNOWN_PERSONAS, defaultPersona]
    .filter((p, i, all) => p !== defaultPersona && all.indexOf(p) === i)
    .map((p) => button(p, personaLabel(lang, p)));
  return renderCard('signin-persona', {
    title: t(lang, 'auth.sample.title'),
    text: t(lang, 'auth.sample.text'),
    primary: button(defaultPersona, t(lang, 'auth.sample.signInAs', { persona: personaLabel(lang, defaultPersona) })),
    othersLabel: t(lang, 'auth.sample.others'),
    others,
    guided: { title: t(lang, 'auth.guided.button'), data: { verb: 'signin.guided', v: ACTION_VERSION } },
  });
}

/** Sample tenant: the simulated write consent (the real one is the second OAuth connection). */
export function consentCard(lang: Lang, persona: string): AdaptiveCard {
  return renderCard('signin-consent', {
    title: t(lang, 'auth.sample.consent.title'),
    text: t(lang, 'auth.sample.consent.text'),
    as: t(lang, 'auth.sample.consent.as', { persona: personaLabel(lang, persona) }),
    allow: { title: t(lang, 'auth.sample.consent.allow'), data: { verb: 'signin.consent', v: ACTION_VERSION } },
    guided: { title: t(lang, 'auth.guided.button'), data: { verb: 'signin.guided', v: ACTION_VERSION } },
  });
}
