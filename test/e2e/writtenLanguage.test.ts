/**
 * A Norwegian admin whose Teams client sends en-US, end to end over HTTP against the sample tenant: the question is
 * in Norwegian, so the intro, the sign-in card and the verdict are in Norwegian; after "switch to english" the same
 * Norwegian text gets English answers (an explicit choice wins).
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, startWorld, type World } from '../helpers/adminChat';

const GROUP = SAMPLE.groups.synced.displayName;

describe('the language the admin writes in', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
  });
  afterAll(() => world.close());

  it('Norwegian from an en-US client: intro, sign-in and verdict in Norwegian', async () => {
    const admin = world.chat({ locale: 'en-US' });
    const intro = await admin.say(`jeg får ikke endret medlemmene i gruppa «${GROUP}»`);
    expect(JSON.stringify(intro.activities)).toContain(t('nb', 'cards.intro.live'));
    const signIn = await admin.click('issue.mode', { mode: 'live' });
    expect(JSON.stringify(signIn.activities)).toContain(t('nb', 'auth.sample.title'));
    expect(t('nb', 'auth.sample.title')).not.toBe(t('en', 'auth.sample.title'));
    await admin.click('signin.persona', { persona: 'groups' });
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(cardText(verdict)).toContain(t('nb', 'cards.verdict.fix'));
  });

  it('after "switch to english", Norwegian text is answered in English', async () => {
    const admin = world.chat({ locale: 'en-US' });
    await admin.say('switch to english');
    const intro = await admin.say(`jeg får ikke endret medlemmene i gruppa «${GROUP}»`);
    expect(JSON.stringify(intro.activities)).toContain(t('en', 'cards.intro.live'));
  });
});
