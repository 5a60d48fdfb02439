/**
 * Ola's Teams client is in English, but he typed "norsk": from then on every reply is Norwegian, the sign-in and
 * sign-out commands included (they used to answer in the Teams client's language). Kari switches the other way.
 */
import { startWorld, type World } from '../helpers/adminChat';

/* eslint-disable @typescript-eslint/no-explicit-any */

const texts = (activities: any[]) => activities.map((a) => a.text ?? '').join('\n');

describe('every reply in the conversation language, commands included', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());

  it('after "norsk" in an English Teams client, "logg inn som groups" and "logg ut" answer in Norwegian', async () => {
    const ola = world.chat({ locale: 'en-US' });
    await ola.say('norsk');
    expect(texts((await ola.say('logg inn som groups')).activities)).toMatch(/Fra nå av er du .* i eksempelleieren/);
    const out = texts((await ola.say('logg ut')).activities);
    expect(out).toMatch(/Du er logget ut av eksempelleieren/);
    expect(out).not.toMatch(/signed out/);
    expect(texts((await ola.say('sign out')).activities)).toBe('Du var ikke logget inn.');
  });

  it('after "english" in a Norwegian Teams client, "sign out" answers in English', async () => {
    const kari = world.chat({ locale: 'nb-NO' });
    await kari.say('english');
    await kari.say('sign in as appadmin');
    expect(texts((await kari.say('logg ut')).activities)).toMatch(/You're signed out of the sample tenant/);
  });
});
