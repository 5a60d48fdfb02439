/**
 * Sample-tenant mode (no Azure account): sign-in is simulated as a persona, with the same cards and the same
 * dialog results as live mode, so the whole flow is testable offline.
 */
import type { Activity } from 'botbuilder';
import { ADA, ADAPTIVE_CARD, BJORN, OAUTH_CARD, SignInHarness, attachmentsOf, textOf } from './harness';

type Action = { type: string; verb?: string; title: string; data: Record<string, unknown> };

function actionsOf(sent: Partial<Activity>[]): Action[] {
  const found: Action[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' || o.type === 'Action.Submit') found.push(o as unknown as Action);
      Object.entries(o).forEach(([k, v]) => k !== 'fallback' && walk(v));
    }
  };
  walk(attachmentsOf(sent, ADAPTIVE_CARD).map((a) => a.content));
  return found;
}

describe('sample-tenant sign-in (simulated personas)', () => {
  let h: SignInHarness;
  afterEach(() => h.stop());

  it('the card offers the persona from SAMPLE_TENANT_PERSONA first, the others as buttons, and a way out', async () => {
    h = await new SignInHarness({ mode: 'sample', defaultPersona: 'groups' }).start();
    const first = await h.say(ADA, 'check the Sales group');
    expect(first.result).toBeUndefined();
    expect(attachmentsOf(first.sent, OAUTH_CARD)).toHaveLength(0);
    const actions = actionsOf(first.sent);
    expect(actions[0]).toMatchObject({
      verb: 'signin.persona',
      title: 'Sign in as Groups Administrator (groups)',
      data: { verb: 'signin.persona', v: 1, persona: 'groups' },
    });
    expect(actions.map((a) => a.data.persona).filter(Boolean)).toEqual(['groups', 'ga', 'appadmin', 'helpdesk']);
    expect(actions.at(-1)).toMatchObject({ verb: 'signin.guided', data: { verb: 'signin.guided', v: 1 } });
    for (const a of actions) expect(a.data).toMatchObject({ verb: a.verb, v: 1 });
    // The sample tenant never reaches the Token Service.
    expect(h.tokenService.requests).toHaveLength(0);

    const chosen = await h.click(ADA, actions[0].data);
    expect(chosen.result).toEqual({ token: 'groups', persona: 'groups' });
    expect(textOf(chosen.sent)).toContain('signed in to the sample tenant as Groups Administrator');
    // Remembered as a preference: the next check signs in silently.
    const next = await h.say(ADA, 'check the Marketing group');
    expect(next.result).toEqual({ token: 'groups', persona: 'groups' });
    expect(next.sent).toHaveLength(0);
  });

  it('a Groups Administrator switches to the helpdesk persona in chat ("sign in as helpdesk")', async () => {
    h = await new SignInHarness({ mode: 'sample', defaultPersona: 'ga' }).start();
    await h.say(ADA, 'check the Sales group');
    await h.execute(ADA, { verb: 'signin.persona', v: 1, persona: 'groups' });
    const switched = await h.say(ADA, 'sign in as helpdesk');
    expect(textOf(switched.sent)).toContain("you're Helpdesk user (no admin role) (helpdesk)");
    const next = await h.say(ADA, 'check the Sales group');
    expect(next.result).toEqual({ token: 'helpdesk', persona: 'helpdesk' });
  });

  it('the persona can be picked by typing while the card waits, in Norwegian too', async () => {
    h = await new SignInHarness({ mode: 'sample' }).start();
    const first = await h.say(ADA, 'check Salg-gruppen', 'personal', 'nb-NO');
    expect(textOf(first.sent)).toContain('Logg inn som Global Administrator (ga)');
    expect(textOf(first.sent)).toContain('Fortsett uten å logge inn');
    const typed = await h.say(ADA, 'logg inn som appadmin', 'personal', 'nb-NO');
    expect(typed.result).toEqual({ token: 'appadmin', persona: 'appadmin' });
    expect(textOf(typed.sent)).toContain('Du er logget inn i eksempelleieren som Application Administrator');
  });

  it('an unknown persona from a richer tenant is passed through as given', async () => {
    h = await new SignInHarness({ mode: 'sample', defaultPersona: 'licenseAdmin' }).start();
    const first = await h.say(ADA, 'check licences');
    const [primary] = actionsOf(first.sent);
    expect(primary.title).toBe('Sign in as licenseAdmin');
    expect(actionsOf(first.sent).map((a) => a.data.persona).filter(Boolean)).toEqual([
      'licenseAdmin',
      'ga',
      'groups',
      'appadmin',
      'helpdesk',
    ]);
    const done = await h.click(ADA, primary.data);
    expect(done.result).toEqual({ token: 'licenseAdmin', persona: 'licenseAdmin' });
    await h.say(ADA, 'sign in as hybrid-admin.2');
    expect((await h.say(ADA, 'check again')).result).toEqual({ token: 'hybrid-admin.2', persona: 'hybrid-admin.2' });
  });

  it('"Continue without signing in" ends in guided mode and stores no persona', async () => {
    h = await new SignInHarness({ mode: 'sample' }).start();
    await h.say(ADA, 'check the Sales group');
    const declined = await h.click(ADA, { verb: 'signin.guided', v: 1 });
    expect(declined.result).toEqual({ fallback: 'guided', reason: 'declined' });
    expect(textOf(declined.sent)).toContain("we'll carry on without signing in");
    expect(await h.storedStateText()).not.toContain('persona');
  });

  it('a button from an older card version is answered politely and the card keeps waiting', async () => {
    h = await new SignInHarness({ mode: 'sample' }).start();
    await h.say(ADA, 'check the Sales group');
    const stale = await h.click(ADA, { verb: 'signin.persona', v: 0, persona: 'ga' });
    expect(stale.result).toBeUndefined();
    expect(textOf(stale.sent)).toContain('older sign-in card');
  });

  it('a write action asks for the (simulated) write consent once, with its own card', async () => {
    h = await new SignInHarness({ mode: 'sample', defaultPersona: 'appadmin' }).start();
    const first = await h.say(ADA, 'fix the provisioning job');
    const persona = actionsOf(first.sent)[0];
    const consentCard = await h.click(ADA, persona.data);
    expect(consentCard.result).toBeUndefined();
    expect(textOf(consentCard.sent)).toContain('Synchronization.ReadWrite.All');
    const allow = actionsOf(consentCard.sent).find((a) => a.verb === 'signin.consent')!;
    expect(allow.data).toEqual({ verb: 'signin.consent', v: 1 });
    const done = await h.click(ADA, allow.data);
    expect(done.result).toEqual({ token: 'appadmin', persona: 'appadmin' });
    // Consent given once: the next write goes straight through.
    expect((await h.say(ADA, 'fix it again')).result).toEqual({ token: 'appadmin', persona: 'appadmin' });
    // Switching persona withdraws it (a different person consents for themselves).
    await h.say(ADA, 'sign in as groups');
    const again = await h.say(ADA, 'fix it again');
    expect(again.result).toBeUndefined();
    expect(actionsOf(again.sent).some((a) => a.verb === 'signin.consent')).toBe(true);
    const notNow = await h.click(ADA, { verb: 'signin.guided', v: 1 });
    expect(notNow.result).toEqual({ fallback: 'guided', reason: 'declined' });
  });

  it('sign out forgets the persona; the next check shows the persona card again', async () => {
    h = await new SignInHarness({ mode: 'sample' }).start();
    await h.say(ADA, 'check the Sales group');
    await h.click(ADA, { verb: 'signin.persona', v: 1, persona: 'groups' });
    const out = await h.say(ADA, 'sign out');
    expect(textOf(out.sent)).toContain("You're signed out of the sample tenant (you were Groups Administrator (groups))");
    const noneLeft = await h.say(ADA, 'logg ut', 'personal', 'nb-NO');
    expect(textOf(noneLeft.sent)).toContain('Du var ikke logget inn');
    const next = await h.say(ADA, 'check the Sales group');
    expect(next.result).toBeUndefined();
    expect(actionsOf(next.sent)[0].data).toMatchObject({ verb: 'signin.persona' });
  });

  it('two admins in one channel keep their own personas', async () => {
    h = await new SignInHarness({ mode: 'sample' }).start();
    await h.say(ADA, 'check the Sales group', 'channel');
    await h.say(BJORN, 'check the Salesforce app', 'channel');
    const bjorn = await h.click(BJORN, { verb: 'signin.persona', v: 1, persona: 'appadmin' }, 'channel');
    const ada = await h.click(ADA, { verb: 'signin.persona', v: 1, persona: 'ga' }, 'channel');
    expect(bjorn.result).toEqual({ token: 'appadmin', persona: 'appadmin' });
    expect(ada.result).toEqual({ token: 'ga', persona: 'ga' });
  });

  it('in live mode the persona command explains that you sign in with your own account', async () => {
    h = await new SignInHarness({ mode: 'live' }).start();
    const said = await h.say(ADA, 'sign in as ga');
    expect(textOf(said.sent)).toContain('Picking a persona only works with the sample tenant');
    expect(h.tokenService.requests).toHaveLength(0);
  });
});
