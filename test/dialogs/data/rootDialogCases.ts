/**
 * Conversations with the RootDialog, in both languages: what the admin says or clicks → what they read.
 * `w(en, nb)` picks the admin's words in the case's language.
 */
import type { Lang } from '../../../src/i18n';
import type { Case, FakeRecognition } from '../harness';

const say = (lang: Lang, en: string, nb: string) => (lang === 'nb' ? nb : en);

export const RECOGNITIONS: Record<string, FakeRecognition> = {
  hi: { intent: 'greeting' },
  hei: { intent: 'greeting' },
  'what is the weather tomorrow': { intent: 'out_of_scope' },
  'hvordan blir været i morgen': { intent: 'out_of_scope' },
  'what can this bot do for me': { intent: 'help' },
  'hva kan denne boten hjelpe med': { intent: 'help' },
  'i can\'t add members to the group "sales"': { intent: 'group.cannot_modify', entities: { group: 'Sales' } },
  'jeg får ikke lagt til medlemmer i gruppa «salg»': { intent: 'group.cannot_modify', entities: { group: 'Salg' } },
  'i can\'t edit a group': { intent: 'group.cannot_modify' },
  'jeg får ikke endret en gruppe': { intent: 'group.cannot_modify' },
  'users are not provisioned to slack': { intent: 'provisioning.no_users', entities: { app: 'Slack' } },
  'brukere blir ikke klargjort til slack': { intent: 'provisioning.no_users', entities: { app: 'Slack' } },
  'sync is weird': { intent: 'group.sync_errors', uncertain: true, ranked: ['group.sync_errors', 'group.sync_howto', 'group.cannot_modify', 'help'] },
  'synkroniseringen er rar': { intent: 'group.sync_errors', uncertain: true, ranked: ['group.sync_errors', 'group.sync_howto', 'group.cannot_modify', 'help'] },
  "it's provisioning": { intent: 'provisioning.setup', uncertain: true, ranked: ['provisioning.setup', 'provisioning.no_users', 'group.sync_howto'] },
  'handler det om klargjøring': { intent: 'provisioning.setup', uncertain: true, ranked: ['provisioning.setup', 'provisioning.no_users', 'group.sync_howto'] },
};

export const rootCases = (lang: Lang): Case[] => [
  {
    name: 'a greeting gets a short hello that says what SyncHelper does',
    turns: [{ say: say(lang, 'hi', 'hei'), expect: [{ key: 'dialogs.greeting' }], status: 'complete' }],
  },
  {
    name: 'an out-of-scope question gets what SyncHelper can do, with topic buttons',
    turns: [{ say: say(lang, 'What is the weather tomorrow?', 'Hvordan blir været i morgen?'), expect: [{ key: 'dialogs.outOfScope' }, { key: 'guide.group.cannot_modify.title' }, { key: 'guide.provisioning.logs.title' }], status: 'complete' }],
  },
  {
    name: 'asking for help shows the help card with both families, examples and commands',
    turns: [{ say: say(lang, 'what can this bot do for me', 'hva kan denne boten hjelpe med'), expect: [{ key: 'cards.help.title' }, { key: 'cards.help.group' }, { key: 'guide.group.cannot_modify.example' }, { key: 'cards.help.provisioning' }, { key: 'cards.help.commands' }], status: 'complete' }],
  },
  {
    name: 'an uncertain message gets "which of these is it?" and a click starts that topic',
    live: true,
    turns: [
      { say: say(lang, 'sync is weird', 'synkroniseringen er rar'), expect: [{ key: 'cards.choose.title' }, { key: 'guide.group.sync_errors.title' }, { key: 'guide.group.sync_howto.title' }, { key: 'cards.choose.other' }], status: 'complete' },
      { click: { verb: 'intent.choose', data: { intent: 'group.sync_howto' } }, expect: [{ key: 'guide.group.sync_howto.looks' }, { key: 'cards.intro.live' }], status: 'waiting' },
    ],
  },
  {
    name: '"something else" on the choose card asks the admin to describe it',
    turns: [{ click: { verb: 'intent.other' }, expect: [{ key: 'dialogs.other' }], status: 'complete' }],
  },
  {
    name: 'a named group skips the target question: intro → Check my tenant → live check on that group',
    live: true,
    turns: [
      { say: say(lang, 'I can\'t add members to the group "Sales"', 'Jeg får ikke lagt til medlemmer i gruppa «Salg»'), expect: [{ key: 'guide.group.cannot_modify.title' }, { key: 'cards.intro.live' }, { key: 'cards.intro.guided' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'live', topic: 'group.cannot_modify' } }, expect: [{ notKey: 'cards.target.group.title' }, { raw: `LIVE group.cannot_modify {"group":"${say(lang, 'Sales', 'Salg')}"} ${lang}` }], status: 'complete' },
    ],
  },
  {
    name: 'without a named group the live check asks which group; the typed name is the target even if it sounds like an issue',
    live: true,
    turns: [
      { say: say(lang, "I can't edit a group", 'Jeg får ikke endret en gruppe'), expect: [{ key: 'cards.intro.live' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'live', topic: 'group.cannot_modify' } }, expect: [{ key: 'cards.target.group.title' }], status: 'waiting' },
      { say: say(lang, 'users are not provisioned to Slack', 'brukere blir ikke klargjort til Slack'), expect: [{ raw: `LIVE group.cannot_modify {"group":"${say(lang, 'users are not provisioned to Slack', 'brukere blir ikke klargjort til Slack')}","names":["Slack"]}` }], status: 'complete' },
    ],
  },
  {
    name: 'an app named in the message skips the app question; the optional user can be skipped (Action.Execute)',
    live: true,
    turns: [
      { say: say(lang, 'users are not provisioned to Slack', 'brukere blir ikke klargjort til Slack'), expect: [{ key: 'guide.provisioning.no_users.looks' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'live', topic: 'provisioning.no_users' }, via: 'execute' }, expect: [{ notKey: 'cards.target.app.title' }, { key: 'cards.target.user.title' }, { key: 'cards.target.skip' }], status: 'waiting' },
      { click: { verb: 'target.skip', data: { topic: 'provisioning.no_users', kind: 'user' }, via: 'execute' }, expect: [{ raw: 'LIVE provisioning.no_users {"app":"Slack"}' }], status: 'complete' },
    ],
  },
  {
    name: 'a live check that falls back (sign-in refused) continues with the guided steps',
    live: true,
    turns: [
      { click: { verb: 'intent.choose', data: { intent: 'provisioning.setup' } }, expect: [{ key: 'cards.intro.live' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'live', topic: 'provisioning.setup' } }, expect: [{ key: 'cards.target.app.title' }], status: 'waiting' },
      { click: { verb: 'target.submit', data: { topic: 'provisioning.setup', kind: 'app', target: 'fallback' } }, expect: [{ raw: 'LIVE provisioning.setup {"app":"fallback"}' }, { key: 'dialogs.liveFallback' }, { key: 'guide.provisioning.setup.gallery.title' }], status: 'waiting' },
    ],
  },
  {
    name: 'guided: Done, next then "That fixed it" ends with a happy close',
    turns: [
      { say: say(lang, "I can't edit a group", 'Jeg får ikke endret en gruppe'), expect: [{ key: 'cards.intro.guided' }, { notKey: 'cards.intro.live' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'group.cannot_modify' } }, expect: [{ key: 'guide.group.cannot_modify.source.title' }, { key: 'cards.step.why' }, { raw: 'https://learn.microsoft.com/entra/identity/hybrid/concept-source-of-authority-overview' }], status: 'waiting' },
      { click: { verb: 'guide.next', data: { topic: 'group.cannot_modify', step: 0 }, via: 'execute' }, expect: [{ key: 'guide.group.cannot_modify.mailtype.title' }], status: 'waiting' },
      { click: { verb: 'guide.fixed', data: { topic: 'group.cannot_modify', step: 1 } }, expect: [{ key: 'dialogs.fixed' }], status: 'complete' },
    ],
  },
  {
    name: 'guided: "Didn\'t help" goes to the wrap-up with what to collect and the Learn links',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'provisioning.logs' } }, expect: [{ key: 'guide.provisioning.logs.open.title' }], status: 'waiting' },
      { say: say(lang, "didn't help", 'hjalp ikke'), expect: [{ key: 'cards.wrapup.collect' }, { key: 'guide.collect.tenant' }, { key: 'guide.provisioning.logs.collect.1' }, { key: 'cards.wrapup.links' }], status: 'complete' },
    ],
  },
  {
    name: 'start over mid-dialog (typed) drops the topic and shows where to begin',
    turns: [
      { click: { verb: 'intent.choose', data: { intent: 'group.delete_licensed' } }, expect: [{ key: 'guide.group.delete_licensed.looks' }], status: 'waiting' },
      { say: say(lang, 'start over', 'begynn på nytt'), expect: [{ key: 'dialogs.restarted' }, { key: 'cards.help.title' }], status: 'complete' },
      { say: say(lang, 'hi', 'hei'), expect: [{ key: 'dialogs.greeting' }], status: 'complete' },
    ],
  },
  {
    name: 'the Start over button on a step card works too',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'group.sync_howto' } }, expect: [{ key: 'guide.group.sync_howto.scope.title' }], status: 'waiting' },
      { click: { verb: 'flow.restart', data: { topic: 'group.sync_howto', step: 0 }, via: 'execute' }, expect: [{ key: 'dialogs.restarted' }], status: 'complete' },
    ],
  },
  {
    name: 'cancel stops the dialog',
    turns: [
      { click: { verb: 'intent.choose', data: { intent: 'provisioning.wrong_users' } }, expect: [{ key: 'guide.provisioning.wrong_users.looks' }], status: 'waiting' },
      { say: say(lang, 'cancel', 'avbryt'), expect: [{ key: 'dialogs.cancelled' }], status: 'complete' },
    ],
  },
  {
    name: 'help mid-dialog shows the help card, says where we are and shows the step again',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'group.delete_licensed' } }, expect: [{ key: 'guide.group.delete_licensed.find.title' }], status: 'waiting' },
      { say: say(lang, 'help', 'hjelp'), expect: [{ key: 'cards.help.title' }, { key: 'dialogs.stillHere', topicParam: 'group.delete_licensed' }, { key: 'guide.group.delete_licensed.find.title' }], status: 'waiting' },
      { click: { verb: 'guide.next', data: { topic: 'group.delete_licensed', step: 0 } }, expect: [{ key: 'guide.group.delete_licensed.impact.title' }], status: 'waiting' },
    ],
  },
  {
    name: 'a confident different issue while a button step waits switches topic',
    turns: [
      { click: { verb: 'intent.choose', data: { intent: 'group.cannot_modify' } }, expect: [{ key: 'guide.group.cannot_modify.looks' }], status: 'waiting' },
      { say: say(lang, 'users are not provisioned to Slack', 'brukere blir ikke klargjort til Slack'), expect: [{ key: 'dialogs.switching', topicParam: 'provisioning.no_users' }, { key: 'guide.provisioning.no_users.looks' }], status: 'waiting' },
    ],
  },
  {
    name: '"actually it\'s provisioning" asks which provisioning issue it is',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'group.sync_errors' } }, expect: [{ key: 'guide.group.sync_errors.health.title' }], status: 'waiting' },
      { say: say(lang, "actually it's provisioning", 'egentlig handler det om klargjøring'), expect: [{ key: 'cards.choose.title' }, { key: 'guide.provisioning.setup.title' }, { key: 'guide.provisioning.no_users.title' }, { notKey: 'guide.group.sync_howto.title' }], status: 'waiting' },
      { click: { verb: 'intent.choose', data: { intent: 'provisioning.no_users' } }, expect: [{ key: 'guide.provisioning.no_users.looks' }], status: 'waiting' },
    ],
  },
  {
    name: '"no, it\'s about provisioning" ("nei, det gjelder klargjøring") is read after its opener and asks which provisioning issue it is',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'group.sync_errors' } }, expect: [{ key: 'guide.group.sync_errors.health.title' }], status: 'waiting' },
      { say: say(lang, "no, it's about provisioning", 'nei, det gjelder klargjøring'), expect: [{ key: 'cards.choose.title' }, { key: 'guide.provisioning.no_users.title' }, { notKey: 'guide.group.sync_howto.title' }], status: 'waiting' },
    ],
  },
  {
    name: 'a button with an unknown verb or an old version gets the polite "older card" answer and the current card',
    turns: [
      { click: { verb: 'intent.choose', data: { intent: 'provisioning.config_error' } }, expect: [{ key: 'guide.provisioning.config_error.looks' }], status: 'waiting' },
      { click: { verb: 'group.fixit' }, expect: [{ key: 'dialogs.stale' }, { key: 'guide.provisioning.config_error.looks' }], status: 'waiting' },
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'provisioning.config_error' }, v: 0 }, expect: [{ key: 'dialogs.stale' }], status: 'waiting' },
      { click: { verb: 'guide.next', data: { topic: 'provisioning.config_error', step: 3 }, via: 'execute' }, expect: [{ key: 'dialogs.stale' }, { key: 'cards.intro.guided' }], status: 'waiting' },
    ],
  },
  {
    name: 'an old button when nothing is running gets the polite answer and the help card',
    turns: [{ click: { verb: 'guide.next', data: { topic: 'group.sync_howto', step: 2 } }, expect: [{ key: 'dialogs.staleIdle' }], status: 'complete' }],
  },
  {
    name: 'typing something that is not a choice on a button step asks to use the buttons',
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'provisioning.setup' } }, expect: [{ key: 'guide.provisioning.setup.gallery.title' }], status: 'waiting' },
      { say: 'hmm', expect: [{ key: 'dialogs.useButtons' }], status: 'waiting' },
      { say: say(lang, 'next', 'neste'), expect: [{ key: 'guide.provisioning.setup.credentials.title' }], status: 'waiting' },
    ],
  },
  {
    name: 'sign out without a sign-in handler explains there was nothing to sign out of',
    turns: [{ say: say(lang, 'sign out', 'logg ut'), expect: [{ key: 'dialogs.signOutUnavailable' }], status: 'complete' }],
  },
  {
    name: '"language" shows the language card',
    turns: [{ say: say(lang, 'language', 'språk'), expect: [{ key: 'cards.lang.text' }, { raw: 'Norsk (bokmål)' }], status: 'complete' }],
  },
  {
    name: 'Check my tenant without a live check available falls back to guided',
    turns: [{ click: { verb: 'issue.mode', data: { mode: 'live', topic: 'group.sync_howto' } }, expect: [{ key: 'dialogs.noLiveCheck' }, { key: 'guide.group.sync_howto.scope.title' }], status: 'waiting' }],
  },
  {
    name: 'a sync-errors live check takes pasted error text as the error, not as a group',
    live: true,
    turns: [
      { click: { verb: 'issue.mode', data: { mode: 'live', topic: 'group.sync_errors' } }, expect: [{ key: 'cards.target.groupOrError.title' }], status: 'waiting' },
      { say: 'AttributeValueMustBeUnique: proxy address SMTP:sales@contoso.com', expect: [{ raw: 'LIVE group.sync_errors {"errorText":"AttributeValueMustBeUnique: proxy address SMTP:sales@contoso.com"}' }], status: 'complete' },
    ],
  },
];
