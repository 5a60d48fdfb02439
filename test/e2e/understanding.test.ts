/**
 * Issue #8's "the recogniser sends clear problems to the wrong place", end to end over HTTP against the sample tenant:
 * an admin pastes a permission error while adding someone to a named group and gets that group's verdict (never
 * "outside what I know"); thanks get a short friendly reply. In English and Norwegian.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, startWorld, type World } from '../helpers/adminChat';

const GROUP = SAMPLE.groups.cloudSecurity.displayName;

describe('clear problems reach a check, thanks get thanks', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'helpdesk' });
  });
  afterAll(() => world.close());

  it.each([
    ['en-US', 'en', `I'm an admin but adding Lisa to '${GROUP}' says you don't have permission`],
    ['nb-NO', 'nb', `jeg er admin, men får «du har ikke tilgang» når jeg legger Lisa til i gruppa «${GROUP}»`],
  ] as const)('(%s) a permission error on a named group gets that group’s verdict', async (locale, lang, question) => {
    const admin = world.chat({ locale });
    const first = await admin.say(question);
    const said = JSON.stringify(first.activities);
    expect(said).not.toContain(JSON.stringify(t(lang, 'dialogs.outOfScope')).slice(1, -1));
    if (admin.findAction('intent.choose', { intent: 'group.cannot_modify' })) await admin.click('intent.choose', { intent: 'group.cannot_modify' });
    await admin.click('issue.mode', { mode: 'live' });
    if (admin.findAction('signin.persona', { persona: 'helpdesk' })) await admin.click('signin.persona', { persona: 'helpdesk' });
    const verdict = admin.lastVerdict();
    expect(cardText(verdict)).toContain(GROUP);
    // Helpdesk Administrator cannot change a security group: the rights finding answers the question.
    expect(findingIds(verdict)[0]).toMatch(/^G1\.6/);
  });

  it.each([
    ['en-US', 'en', 'thanks, that sorted it!'],
    ['nb-NO', 'nb', 'tusen takk, nå funker det'],
  ] as const)('(%s) thanks get a short friendly reply', async (locale, lang, text) => {
    const admin = world.chat({ locale });
    const reply = JSON.stringify((await admin.say(text)).activities);
    expect(reply).toContain(JSON.stringify(t(lang, 'dialogs.thanks')).slice(1, -1));
    expect(reply).not.toContain(JSON.stringify(t(lang, 'dialogs.outOfScope')).slice(1, -1));
  });
});
