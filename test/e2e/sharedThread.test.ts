/**
 * Two admins in one channel thread: each has their own dialog and their own sign-in, so one admin's access never
 * answers the other's question (issue: "Tokens are per user … also in a shared channel thread").
 */
import { SAMPLE } from '../../src/sampleTenant';
import { findingIds, startWorld, type World } from '../helpers/adminChat';

describe('two admins in the same channel thread', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('each gets a verdict computed with their own persona, and their dialogs never mix', async () => {
    const lisa = world.chat({ scope: 'channel' });
    const per = world.chat({ scope: 'channel' });
    const group = SAMPLE.groups.licensedSynced.displayName;

    // Both start in the same thread; their steps interleave.
    await lisa.say(`can't delete the group '${group}', it still has licences`);
    await per.say(`can't delete the group '${group}', it still has licences`);
    await lisa.click('issue.mode', { mode: 'live' });
    await per.click('issue.mode', { mode: 'live' });
    const before = world.tenant.requests.length;
    await per.click('signin.persona', { persona: 'helpdesk' });
    await lisa.click('signin.persona', { persona: 'ga' });

    const personas = world.tenant.requests.slice(before).map((r) => r.persona);
    expect(new Set(personas)).toEqual(new Set(['helpdesk', 'ga']));

    // Lisa (Global Administrator) can read the licence errors; Per (no admin role) is told what he couldn't see.
    expect(findingIds(lisa.lastVerdict())).toContain('L4.memberErrors');
    expect(findingIds(per.lastVerdict())).not.toContain('L4.memberErrors');
    expect(findingIds(per.lastVerdict())[0]).toBe('G2.1.licensed');
  });

  it('a mention of the bot anywhere in a channel post is stripped before recognising', async () => {
    const admin = world.chat({ scope: 'channel' });
    const turn = await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    expect(turn.status).toBe(200);
    expect(admin.findAction('issue.mode', { mode: 'live', topic: 'group.cannot_modify' })).toBeDefined();
  });
});
