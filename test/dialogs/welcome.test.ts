import { TestAdapter } from 'botbuilder';
import { sendWelcome } from '../../src/dialogs/welcome';
import { t } from '../../src/i18n';
import { readable } from './harness';

describe('sendWelcome', () => {
  it.each([
    ['en-US', 'en'],
    ['nb-NO', 'nb'],
  ] as const)('a team installing SyncHelper with locale %s gets the welcome card in %s', async (locale, lang) => {
    const adapter = new TestAdapter(async (context) => sendWelcome(context));
    await adapter.send({ type: 'installationUpdate', action: 'add', locale } as never);
    const reply = adapter.activeQueue.shift()!;
    const text = readable(reply);
    expect(text).toContain(t(lang, 'cards.welcome.title'));
    expect(text).toContain(t(lang, 'guide.group.cannot_modify.example'));
    expect(reply.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
