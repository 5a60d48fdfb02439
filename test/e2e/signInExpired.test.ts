/**
 * Honest faults: Microsoft Graph rejects the admin's token (401 InvalidAuthenticationToken, e.g. it expired during a
 * long session). That is not "your account isn't allowed to read groups": SyncHelper says the sign-in expired,
 * signs the admin out of the connection, and the next check asks them to sign in again.
 */
import { t } from '../../src/i18n';
import { SAMPLE } from '../../src/sampleTenant';
import { allActions, startWorld, type AdminChat, type World } from '../helpers/adminChat';

describe('a live check whose Graph token has expired', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  afterEach(() => world.tenant.faults.clear());

  const texts = (turn: { activities: { text?: string }[] }) => turn.activities.map((a) => a.text).filter(Boolean);

  async function checkOnce(admin: AdminChat, question: string) {
    await admin.say(question);
    const chosen = await admin.click('issue.mode', { mode: 'live' });
    // Asked = this very turn shows a sign-in (persona) button, in a new message or in the clicked card's place.
    const askedToSignIn = allActions([chosen.body?.value, chosen.activities]).some((a) => a.data?.verb === 'signin.persona');
    const signedIn = askedToSignIn ? await admin.click('signin.persona', { persona: 'groups' }) : chosen;
    return { askedToSignIn, turn: signedIn };
  }

  it.each([
    ['en-US', 'en', `my group '${SAMPLE.groups.synced.displayName}' won't update`],
    ['nb-NO', 'nb', `gruppa «${SAMPLE.groups.synced.displayName}» oppdateres ikke`],
  ] as const)('(%s) says "sign in again", not "not allowed", and the next check asks for sign-in again', async (locale, lang, question) => {
    const admin = world.chat({ locale });
    const first = await checkOnce(admin, question);
    expect(first.askedToSignIn).toBe(true);
    expect(admin.lastVerdict()).toBeDefined();

    // A second check in the same chat needs no new sign-in …
    const again = await checkOnce(admin, question);
    expect(again.askedToSignIn).toBe(false);

    // … until Graph rejects the token.
    world.tenant.faults.add({ match: /./, status: 401 });
    const verdictsBefore = admin.cards.filter((c) => c === admin.lastVerdict()).length;
    const expired = await checkOnce(admin, question);
    expect(texts(expired.turn)).toContain(t(lang, 'live.signInExpired'));
    expect(JSON.stringify(expired.turn.activities)).not.toContain(t(lang, 'diag.unchecked.denied').slice(0, 20));
    expect(admin.cards.filter((c) => c === admin.lastVerdict()).length).toBe(verdictsBefore);

    // Signed out: the next check asks for sign-in again, and works once Graph accepts the new token.
    world.tenant.faults.clear();
    await admin.say(lang === 'nb' ? 'start på nytt' : 'start over');
    const fresh = await checkOnce(admin, question);
    expect(fresh.askedToSignIn).toBe(true);
    expect(admin.lastVerdict()).toBeDefined();
  });
});
