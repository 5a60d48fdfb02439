/**
 * Live group checks, end to end over HTTP: the real SyncHelper (as `npm start` runs it), a loopback Bot Connector,
 * and the sample tenant (Graph-compatible, on loopback) that the test controls.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { cardText, findingIds, roundTripsSince, startWorld, type World } from '../helpers/adminChat';
import { USERS } from '../helpers/teamsActivity';

describe('a Groups Administrator asks why a synced group will not update (English, personal chat)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
  });
  afterAll(() => world.close());

  it('recognises the group, signs in as the persona, and gives the source-of-authority verdict with its evidence', async () => {
    const admin = world.chat();
    const first = await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    expect(first.status).toBe(200);
    await admin.click('issue.mode', { mode: 'live' });
    const before = world.tenant.requests.length;
    await admin.click('signin.persona', { persona: 'groups' });
    const verdict = admin.lastVerdict();
    expect(verdict).toBeDefined();
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(cardText(verdict)).toMatch(/onPremisesSyncEnabled: true/);
    expect(roundTripsSince(world.tenant, before)).toBeLessThanOrEqual(2);
  });
});
