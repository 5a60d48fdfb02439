/**
 * The sign-in commands reach the bot through one grammar: a phrasing the sign-in card understood but the dialogs'
 * command table did not ("please …", a quoted persona) now works mid-conversation too, in English and Norwegian.
 * A persona the sample tenant doesn't have is accepted as typed; a word that can't be a persona name is answered.
 */
import { personaLabel } from '../../src/auth';
import { t, type Lang } from '../../src/i18n';
import { startWorld, type AdminChat, type World } from '../helpers/adminChat';

/** What the bot wrote back to one typed line. */
async function reply(admin: AdminChat, text: string): Promise<string> {
  const turn = await admin.say(text);
  return turn.activities.map((a: { text?: string }) => a.text ?? '').join('\n');
}

describe('typed sign-in commands, one grammar', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());

  it.each<[Lang, string, string]>([
    ['en', 'en-US', 'please sign in as "helpdesk"'],
    ['nb', 'nb-NO', 'Logg på som «helpdesk».'],
  ])('%s (%s): "%s" switches the persona, "log off" signs out', async (lang, locale, text) => {
    const admin = world.chat({ locale });
    expect(await reply(admin, text)).toBe(t(lang, 'auth.persona.set', { persona: personaLabel(lang, 'helpdesk') }));
    expect(await reply(admin, 'log off')).toBe(t(lang, 'auth.signout.sample', { persona: personaLabel(lang, 'helpdesk') }));
  });

  it.each<[Lang, string, string]>([
    ['en', 'en-US', 'sign in as nobody'],
    ['nb', 'nb-NO', 'logg inn som nobody'],
  ])('%s (%s): "%s", a persona the sample tenant does not have, is taken as typed (a richer tenant may have it)', async (lang, locale, command) => {
    const admin = world.chat({ locale });
    expect(await reply(admin, command)).toBe(t(lang, 'auth.persona.set', { persona: 'nobody' }));
    expect(await reply(admin, lang === 'nb' ? 'logg meg ut' : 'sign me out')).toBe(t(lang, 'auth.signout.sample', { persona: 'nobody' }));
  });

  it.each<[Lang, string, string]>([
    ['en', 'en-US', 'sign in as anna@contoso.com'],
    ['nb', 'nb-NO', 'logg inn som anna@contoso.com'],
  ])('%s (%s): "%s" is not a persona name: the admin is told how switching accounts works', async (lang, locale, command) => {
    const admin = world.chat({ locale });
    expect(await reply(admin, command)).toBe(t(lang, 'dialogs.signInAsUnavailable'));
  });
});
