/** A couple of conversations with the real embedded recogniser (no fake), to check the wiring end to end. */
import { createRecognizer } from '../../src/recognizer';
import { RootDialog } from '../../src/dialogs/rootDialog';
import { ISSUE_INTENTS } from '../../src/topics';
import { t } from '../../src/i18n';
import { makeClient, sendTurn } from './harness';

describe('RootDialog with the real recogniser', () => {
  const recognizer = createRecognizer();

  it.each([
    ['en-US', "I can't add members to the Sales group in the portal, the fields are greyed out"],
    ['nb-NO', 'Brukerne blir ikke klargjort til Slack selv om de er tilordnet appen'],
  ])('%s: a clear problem starts an issue dialog (or asks which one) — never a dead end', async (locale, text) => {
    const client = makeClient(new RootDialog({ recognizer }));
    const replies = (await sendTurn(client, { type: 'message', text, locale })).join('\n');
    const lang = locale.startsWith('nb') ? 'nb' : 'en';
    const startedIssue = ISSUE_INTENTS.some((i) => replies.includes(t(lang, `guide.${i}.looks`)));
    const asked = replies.includes(t(lang, 'cards.choose.title'));
    expect(startedIssue || asked).toBe(true);
  });

  it('"hjelp" shows the help card in Norwegian', async () => {
    const client = makeClient(new RootDialog({ recognizer }));
    const replies = (await sendTurn(client, { type: 'message', text: 'hjelp', locale: 'nb-NO' })).join('\n');
    expect(replies).toContain(t('nb', 'cards.help.title'));
  });
});
