/**
 * What the three live dialogs share (src/dialogs/liveDialog.ts): whichever of them is waiting, a Confirm from some
 * other write request changes nothing and says where that request stands, and the waiting dialog goes on. Here the
 * check waits on "which of these users?" when an earlier, abandoned request's Confirm is clicked. End to end over
 * HTTP against the sample tenant, in English and Norwegian.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t, type Lang } from '../../src/i18n';
import { cardText, findingIds, startWorld, type AdminChat, type Turn, type World } from '../helpers/adminChat';

const A = SAMPLE.apps;
const [first, second] = SAMPLE.users.sameName;

/** Choose the live check; answer "Which user?" with `user` if it is asked; sign in as the app admin if asked. */
async function askLive(admin: AdminChat, text: string, user?: string): Promise<void> {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' });
  if (user && admin.findAction('target.submit')) await admin.click('target.submit', {}, { inputs: { target: user } });
  if (admin.findAction('signin.persona', { persona: 'appadmin' })) await admin.click('signin.persona', { persona: 'appadmin' });
}

function said(turn: Turn): string {
  const parts = turn.activities.map((a) => [a.text ?? '', ...(a.attachments ?? []).map((x: { content: unknown }) => cardText(x.content))].join('\n'));
  if (turn.body?.value) parts.push(typeof turn.body.value === 'string' ? turn.body.value : cardText(turn.body.value));
  return parts.join('\n');
}

const writesSince = (world: World, from: number) => world.tenant.requests.slice(from).filter((r) => r.method === 'POST' && /\/(restart|provisionOnDemand)$/.test(r.path));

describe.each<[string, Lang, { quarantine: string; scoped: string; cancel: string }]>([
  ['en-US', 'en', { quarantine: `provisioning to ${A.quarantinedCredentials.displayName} is in quarantine`, scoped: `users aren't provisioned to ${A.scoped.displayName}`, cancel: 'cancel' }],
  ['nb-NO', 'nb', { quarantine: `klargjøringen til ${A.quarantinedCredentials.displayName} er i karantene`, scoped: `brukerne blir ikke klargjort til ${A.scoped.displayName}`, cancel: 'avbryt' }],
])('(%s) a write request left behind, while a check asks which user', (locale, lang, say) => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' });
  });
  afterEach(() => world.close());

  it('its Confirm writes nothing and says the admin moved on; the choice card still answers', async () => {
    const admin = world.chat({ locale });
    await askLive(admin, say.quarantine);
    await admin.click('action.request');
    const abandoned = admin.findAction('action.confirm').data.pending as string;
    await admin.say(say.cancel);

    await askLive(admin, say.scoped, first.displayName);
    expect(admin.findAction('candidate.choose', { kind: 'user' })).toBeDefined();

    const before = world.tenant.requests.length;
    const late = await admin.click('action.confirm', { pending: abandoned });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(said(late)).toContain(t(lang, 'live.action.closed.pending', { what: t(lang, 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
    expect(said(late)).not.toContain(t(lang, 'dialogs.stale'));

    await admin.click('candidate.choose', { kind: 'user' }, { inputs: { candidate: second.id } });
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)).toContain('P3.notAssigned');
    expect(cardText(verdict)).toContain(t(lang, 'provisioning.P3.notAssigned.title', { user: second.userPrincipalName, app: A.scoped.displayName }));
  });
});
