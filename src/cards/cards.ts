/**
 * Card builders: translate every text first (i18n), then expand the JSON template with src/cards/render.ts.
 * Cards know nothing of Graph or dialogs; callers pass plain data.
 */
import { FAMILY_NAMES, topicsOf, type IssueIntent, type TargetKind, type ObjectKind } from '../topics';

export type { TargetKind };
import { LOCALES, inert, markdown, nextLang, t, type Lang } from '../i18n';
import { renderCard, type AdaptiveCard } from './render';
import { button, type Button } from './buttons';



export function topicTitle(lang: Lang, topic: IssueIntent): string {
  return t(lang, `guide.${topic}.title`);
}

function topicButtons(lang: Lang, topics: readonly IssueIntent[]): Button[] {
  return topics.map((topic) => button(topicTitle(lang, topic), 'intent.choose', { intent: topic }));
}

function families(lang: Lang) {
  return FAMILY_NAMES.map((family) => {
    const topics = topicsOf(family);
    return { title: t(lang, `cards.help.${family}`), topics: topics.map((i) => ({ title: topicTitle(lang, i), example: t(lang, `guide.${i}.example`) })), buttons: topicButtons(lang, topics) };
  });
}

function commands(lang: Lang) {
  return ['help', 'cancel', 'restart', 'signout', 'language', 'watch', 'health'].map((c) => ({ title: t(lang, `cards.help.cmd.${c}`), value: t(lang, `cards.help.cmd.${c}.what`) }));
}

/**
 * The first card: what SyncHelper does in two lines, the two families as buttons that unfold their issue types
 * (each a button, with an example question under it), the privacy line, Help and the other language.
 */
export function welcomeCard(lang: Lang): AdaptiveCard {
  const family = (id: string, title: string, topics: readonly IssueIntent[]) => ({
    id,
    title,
    lead: t(lang, 'cards.welcome.pick'),
    topics: topics.map((i) => ({ button: button(topicTitle(lang, i), 'intent.choose', { intent: i }), example: t(lang, 'cards.welcome.example', { example: t(lang, `guide.${i}.example`) }) })),
  });
  return renderCard('welcome', {
    title: t(lang, 'cards.welcome.title'),
    intro: t(lang, 'cards.welcome.intro'),
    privacy: t(lang, 'cards.welcome.privacy'),
    families: FAMILY_NAMES.map((f) => family(`family-${f}`, t(lang, `cards.welcome.${f}`), topicsOf(f))),
    actions: [button(t(lang, 'cards.help.button'), 'help.show'), button(t(lang, 'cards.lang.button'), 'lang.set', { lang: nextLang(lang) })],
  });
}

export function helpCard(lang: Lang, lead?: string): AdaptiveCard {
  return renderCard('help', {
    title: t(lang, 'cards.help.title'),
    lead: lead ?? t(lang, 'cards.help.lead'),
    examplesLabel: t(lang, 'cards.help.examples'),
    commandsLabel: t(lang, 'cards.help.commands'),
    families: families(lang),
    commands: commands(lang),
    actions: [button(t(lang, 'cards.lang.button'), 'lang.set', { lang: nextLang(lang) })],
  });
}

export interface MessageData {
  title?: string;
  text: string;
  buttons?: Button[];
}

export function messageCard(data: MessageData): AdaptiveCard {
  return renderCard('message', { title: data.title ?? '', text: data.text, actions: data.buttons ?? [] });
}

export function languageCard(lang: Lang): AdaptiveCard {
  return messageCard({
    title: t(lang, 'cards.lang.title'),
    text: t(lang, 'cards.lang.text'),
    buttons: LOCALES.map((l) => button(l.displayName, 'lang.set', { lang: l.code }, lang === l.code ? 'positive' : undefined)),
  });
}

export function introCard(lang: Lang, topic: IssueIntent, opts: { live: boolean }): AdaptiveCard {
  const actions: Button[] = [];
  if (opts.live) actions.push(button(t(lang, 'cards.intro.live'), 'issue.mode', { mode: 'live', topic }, 'positive'));
  actions.push(button(t(lang, 'cards.intro.guided'), 'issue.mode', { mode: 'guided', topic }, opts.live ? undefined : 'positive'));
  return renderCard('intro', {
    title: topicTitle(lang, topic),
    looks: t(lang, `guide.${topic}.looks`),
    choice: t(lang, opts.live ? 'cards.intro.choice.live' : 'cards.intro.choice.guided'),
    liveNote: opts.live ? t(lang, 'cards.intro.liveNote') : '',
    actions,
  });
}

export function askTargetCard(lang: Lang, topic: IssueIntent, kind: TargetKind, opts: { optional: boolean }): AdaptiveCard {
  const actions: Button[] = [button(t(lang, 'cards.target.submit'), 'target.submit', { topic, kind }, 'positive')];
  if (opts.optional) actions.push(button(t(lang, 'cards.target.skip'), 'target.skip', { topic, kind }));
  return renderCard('ask-target', {
    title: t(lang, `cards.target.${kind}.title`),
    text: t(lang, `cards.target.${kind}.text`),
    placeholder: t(lang, `cards.target.${kind}.placeholder`),
    label: t(lang, `cards.target.${kind}.label`),
    isMultiline: kind === 'groupOrError',
    actions,
  });
}

export interface StepData {
  topic: IssueIntent;
  /** 0-based. */
  index: number;
  total: number;
  titleKey: string;
  doKey: string;
  whyKey: string;
  learnUrl: string;
}

export function stepCard(lang: Lang, step: StepData): AdaptiveCard {
  const payload = { topic: step.topic, step: step.index };
  return renderCard('step', {
    progress: t(lang, 'cards.step.progress', { n: step.index + 1, total: step.total, topic: markdown(topicTitle(lang, step.topic)) }),
    title: t(lang, step.titleKey),
    doLabel: t(lang, 'cards.step.do'),
    do: t(lang, step.doKey),
    whyLabel: t(lang, 'cards.step.why'),
    why: t(lang, step.whyKey),
    learnTitle: t(lang, 'cards.step.learn'),
    learnUrl: step.learnUrl,
    actions: [
      button(t(lang, step.index + 1 < step.total ? 'cards.step.next' : 'cards.step.last'), 'guide.next', payload, 'positive'),
      button(t(lang, 'cards.step.fixed'), 'guide.fixed', payload),
      button(t(lang, 'cards.step.nohelp'), 'guide.nohelp', payload),
      button(t(lang, 'cards.restart'), 'flow.restart', payload),
    ],
  });
}

export function wrapupCard(lang: Lang, topic: IssueIntent, data: { collectKeys: string[]; links: { titleKey: string; url: string }[]; live: boolean }): AdaptiveCard {
  const actions: Button[] = [];
  if (data.live) actions.push(button(t(lang, 'cards.intro.live'), 'issue.mode', { mode: 'live', topic }));
  actions.push(button(t(lang, 'cards.restart'), 'flow.restart', { topic }));
  return renderCard('wrapup', {
    title: t(lang, 'cards.wrapup.title', { topic: markdown(topicTitle(lang, topic)) }),
    text: t(lang, 'cards.wrapup.text'),
    collectLabel: t(lang, 'cards.wrapup.collect'),
    collect: data.collectKeys.map((k, i) => ({ text: `${i + 1}. ${t(lang, k)}` })),
    linksLabel: t(lang, 'cards.wrapup.links'),
    links: data.links.map((l) => ({ text: `[${t(lang, l.titleKey)}](${l.url})` })),
    actions,
  });
}

/** "Which of these is it?": 2–4 issue types as buttons, plus "something else". */
export function chooseIntentCard(lang: Lang, intents: readonly IssueIntent[], lead?: string): AdaptiveCard {
  return renderCard('choose-intent', {
    title: t(lang, 'cards.choose.title'),
    text: lead ?? t(lang, 'cards.choose.text'),
    choices: intents.map((i) => ({ title: topicTitle(lang, i), summary: t(lang, `guide.${i}.summary`), action: button(topicTitle(lang, i), 'intent.choose', { intent: i }) })),
    actions: [...intents.map((i) => button(topicTitle(lang, i), 'intent.choose', { intent: i })), button(t(lang, 'cards.choose.other'), 'intent.other')],
  });
}

export interface Candidate {
  id: string;
  title: string;
  /** e.g. mail, appId or "synced from AD". */
  subtitle?: string;
}

/** Several groups/apps matched: pick one (Input.ChoiceSet "candidate" + a submit). */
/** "Which one?" over several matches; `near`: none is named exactly so, these are the closest ("did you mean"). */
export function chooseCandidateCard(lang: Lang, data: { kind: ObjectKind; query: string; candidates: Candidate[]; topic: IssueIntent; near?: boolean }): AdaptiveCard {
  return renderCard('choose-candidate', {
    title: data.near ? t(lang, 'cards.candidate.nearTitle') : t(lang, `cards.candidate.${data.kind}.title`),
    text: data.near ? t(lang, 'cards.candidate.near', { query: data.query }) : t(lang, 'cards.candidate.text', { count: data.candidates.length, query: data.query }),
    label: t(lang, 'cards.candidate.label'),
    errorMessage: t(lang, 'cards.candidate.error'),
    // Names and mail addresses from the tenant; choice titles are plain text, so only live syntax is broken.
    choices: data.candidates.map((c) => ({ title: inert(c.subtitle ? `${c.title} — ${c.subtitle}` : c.title), value: c.id })),
    firstId: data.candidates[0]?.id ?? '',
    actions: [
      button(t(lang, 'cards.candidate.choose'), 'candidate.choose', { topic: data.topic, kind: data.kind }, 'positive'),
      button(t(lang, 'cards.restart'), 'flow.restart', { topic: data.topic }),
    ],
  });
}

/** Confirm a write action ("provision this user on demand", "restart the job"). */
/** Confirm one pending write action: the buttons carry only its id; the text says exactly what will be written. */
export function confirmActionCard(lang: Lang, data: { title: string; text: string; request: string; pending: string }): AdaptiveCard {
  const payload = { pending: data.pending };
  return renderCard('confirm-action', {
    title: data.title,
    text: data.text,
    note: `${t(lang, 'cards.confirm.request', { request: data.request })}\n\n${t(lang, 'cards.confirm.note')}`,
    actions: [button(t(lang, 'cards.confirm.yes'), 'action.confirm', payload, 'positive'), button(t(lang, 'cards.confirm.no'), 'action.cancel', payload)],
  });
}

/** Share a verdict: pick one of the team channels SyncHelper knows (Input.ChoiceSet "channel"). */
export function shareChannelCard(lang: Lang, channels: { id: string; name: string }[]): AdaptiveCard {
  return renderCard('share-channel', {
    title: t(lang, 'live.share.title'),
    text: t(lang, 'live.share.text'),
    label: t(lang, 'live.share.label'),
    errorMessage: t(lang, 'live.share.error'),
    choices: channels.map((c) => ({ title: inert(c.name), value: c.id })),
    firstId: channels[0]?.id ?? '',
    actions: [button(t(lang, 'live.share.post'), 'share.channel', {}, 'positive')],
  });
}
