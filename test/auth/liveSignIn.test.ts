/**
 * Live sign-in, end to end over real protocols: the real CloudAdapter, the real TeamsSSOTokenExchangeMiddleware,
 * the real OAuthPrompt and UserTokenClient, talking HTTP to a loopback Bot Framework Token Service.
 */
import { ADA, ADAPTIVE_CARD, BJORN, OAUTH_CARD, READ_CONNECTION, SignInHarness, attachmentsOf, textOf } from './harness';

describe('live sign-in through the Bot Framework Token Service', () => {
  let h: SignInHarness;
  beforeEach(async () => {
    h = await new SignInHarness({ mode: 'live' }).start();
  });
  afterEach(() => h.stop());

  it('Ada asks for a live check in a 1:1 chat; Teams SSO exchanges her token silently and the check gets it', async () => {
    const first = await h.say(ADA, 'check the Sales group');
    expect(first.result).toBeUndefined();
    const [oauth] = attachmentsOf(first.sent, OAUTH_CARD);
    expect(oauth).toBeDefined();
    const content = oauth.content as { connectionName: string; tokenExchangeResource?: { id: string } };
    expect(content.connectionName).toBe(READ_CONNECTION);
    // In a chat the card carries the tokenExchangeResource, so Teams tries SSO.
    expect(content.tokenExchangeResource?.id).toMatch(/^ter-/);
    // A way out is always offered next to the sign-in card.
    expect(JSON.stringify(attachmentsOf(first.sent, ADAPTIVE_CARD))).toContain('Continue without signing in');
    expect(h.tokenService.signInResources).toEqual([
      expect.objectContaining({ connectionName: READ_CONNECTION, userId: ADA.id }),
    ]);

    const sso = h.tokenService.issueSsoToken(ADA.id);
    const exchange = await h.invoke(ADA, 'signin/tokenExchange', {
      id: content.tokenExchangeResource!.id,
      connectionName: READ_CONNECTION,
      token: sso,
    });
    expect(exchange.invokeResponse?.status).toBe(200);
    expect(exchange.result).toEqual({ token: expect.stringMatching(/^utok\.graph-read\./) });
    // The middleware and the prompt each exchanged once, through the real UserTokenClient.
    expect(h.tokenService.count('api/usertoken/exchange')).toBe(2);
  });

  it('SSO cannot be exchanged (consent missing): Teams gets 412, then Ada signs in with the window and the magic code', async () => {
    const first = await h.say(ADA, 'check the Sales group');
    const card = attachmentsOf(first.sent, OAUTH_CARD)[0].content as { tokenExchangeResource: { id: string } };
    const sso = h.tokenService.issueSsoToken(ADA.id, false);
    const failed = await h.invoke(ADA, 'signin/tokenExchange', {
      id: card.tokenExchangeResource.id,
      connectionName: READ_CONNECTION,
      token: sso,
    });
    expect(failed.invokeResponse?.status).toBe(412);
    expect(failed.invokeResponse?.body).toMatchObject({ connectionName: READ_CONNECTION, failureDetail: expect.any(String) });
    expect(failed.result).toBeUndefined();
    // Still waiting: the sign-in button on the same card works.
    const code = h.tokenService.completeSignIn(ADA.id, READ_CONNECTION);
    const verified = await h.invoke(ADA, 'signin/verifyState', { state: code });
    expect(verified.invokeResponse?.status).toBe(200);
    expect(verified.result).toEqual({ token: expect.stringMatching(/^utok\.graph-read\./) });
  });

  it('Ada types the six-digit code from the sign-in window into the chat', async () => {
    await h.say(ADA, 'check the Sales group');
    const wrong = await h.say(ADA, 'the code is 999999');
    expect(wrong.result).toBeUndefined();
    expect(textOf(wrong.sent)).toContain("That code didn't work");
    const code = h.tokenService.completeSignIn(ADA.id, READ_CONNECTION);
    const typed = await h.say(ADA, `here it is: ${code}`);
    expect(typed.result).toEqual({ token: expect.stringMatching(/^utok\.graph-read\./) });
    // Next time she is already signed in: no card, the token comes straight from the Token Service.
    const again = await h.say(ADA, 'check the Sales group again');
    expect(again.result).toEqual(typed.result);
    expect(attachmentsOf(again.sent, OAUTH_CARD)).toHaveLength(0);
  });

  it('a verifyState whose code is unknown answers 404 and keeps waiting', async () => {
    await h.say(ADA, 'check the Sales group');
    const bad = await h.invoke(ADA, 'signin/verifyState', { state: '123456' });
    expect(bad.invokeResponse?.status).toBe(404);
    expect(bad.result).toBeUndefined();
  });

  it('Teams reports signin/failure (resourcematchfailed): the bot answers 200, explains, and offers the window or guided mode', async () => {
    await h.say(ADA, 'check the Sales group');
    const failure = await h.invoke(ADA, 'signin/failure', { code: 'resourcematchfailed', message: 'Resource match failed' });
    expect(failure.invokeResponse?.status).toBe(200);
    const said = textOf(failure.sent);
    expect(said).toContain('resourcematchfailed');
    expect(said).toContain('Sign in with the sign-in window');
    expect(said).toContain('Continue without signing in');

    const retry = await h.click(ADA, { verb: 'signin.retry', v: 1 });
    const [card] = attachmentsOf(retry.sent, OAUTH_CARD);
    // The second card opens the sign-in window instead of trying SSO again.
    expect((card.content as { tokenExchangeResource?: unknown }).tokenExchangeResource).toBeUndefined();
    expect((card.content as { buttons: { value?: string }[] }).buttons[0].value).toContain('/signin?connection=graph-read');

    const guided = await h.click(ADA, { verb: 'signin.guided', v: 1 });
    expect(guided.result).toEqual({ fallback: 'guided', reason: 'failed' });
  });

  it('Ada prefers not to sign in: "Continue without signing in" ends in guided mode', async () => {
    await h.say(ADA, 'check the Sales group');
    const declined = await h.execute(ADA, { verb: 'signin.guided', v: 1 });
    expect(declined.invokeResponse?.status).toBe(200);
    expect(declined.result).toEqual({ fallback: 'guided', reason: 'declined' });
  });

  it('Ada ignores the card and asks something else: the sign-in gives way to guided mode', async () => {
    await h.say(ADA, 'check the Sales group');
    const moved = await h.say(ADA, 'actually, how does group writeback work?');
    expect(moved.result).toEqual({ fallback: 'guided', reason: 'declined' });
  });

  it('Ada and Bjørn sign in from the same channel thread: each gets their own token, never the other\'s', async () => {
    const adaStart = await h.say(ADA, 'check the Sales group', 'channel');
    const adaCard = attachmentsOf(adaStart.sent, OAUTH_CARD)[0].content as { tokenExchangeResource?: unknown };
    // No SSO in channels: the card opens the sign-in window, and the text says sign-in is personal.
    expect(adaCard.tokenExchangeResource).toBeUndefined();
    expect(textOf(adaStart.sent)).toContain('Sign-in is personal');
    await h.say(BJORN, 'check the Salesforce app', 'channel');

    const adaCode = h.tokenService.completeSignIn(ADA.id, READ_CONNECTION);
    // Bjørn types Ada's code (he saw it over her shoulder): it is bound to Ada, so he gets nothing.
    const stolen = await h.say(BJORN, adaCode, 'channel');
    expect(stolen.result).toBeUndefined();
    expect(textOf(stolen.sent)).toContain("That code didn't work");

    const ada = await h.say(ADA, adaCode, 'channel');
    const bjornCode = h.tokenService.completeSignIn(BJORN.id, READ_CONNECTION);
    const bjorn = await h.invoke(BJORN, 'signin/verifyState', { state: bjornCode }, 'channel');
    expect(ada.result).toEqual({ token: expect.stringContaining('adaglobaladmin') });
    expect(bjorn.result).toEqual({ token: expect.stringContaining('bjornappadmin') });
    expect(ada.result).not.toEqual(bjorn.result);
  });

  it('two identical signin/tokenExchange invokes (two Teams clients) are processed once', async () => {
    const first = await h.say(ADA, 'check the Sales group', 'groupChat');
    const card = attachmentsOf(first.sent, OAUTH_CARD)[0].content as { tokenExchangeResource: { id: string } };
    const sso = h.tokenService.issueSsoToken(ADA.id);
    const value = { id: card.tokenExchangeResource.id, connectionName: READ_CONNECTION, token: sso };
    const desktop = await h.invoke(ADA, 'signin/tokenExchange', value, 'groupChat');
    const web = await h.invoke(ADA, 'signin/tokenExchange', value, 'groupChat');
    expect(desktop.result).toEqual({ token: expect.any(String) });
    expect(web.invokeResponse?.status).toBe(200);
    expect(web.result).toBeUndefined();
    expect(web.sent).toHaveLength(0);
  });

  it('after sign-in no token is kept in bot state', async () => {
    await h.say(ADA, 'check the Sales group');
    const code = h.tokenService.completeSignIn(ADA.id, READ_CONNECTION);
    const done = await h.say(ADA, code);
    const token = (done.result as { token: string }).token;
    expect(token).toBeTruthy();
    const stored = await h.storedStateText();
    expect(stored.length).toBeGreaterThan(2);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('utok.');
  });

  it('"sign out" signs Ada out at the Token Service, so the next check shows the sign-in card again', async () => {
    h.tokenService.giveToken(ADA.id, READ_CONNECTION);
    const signedIn = await h.say(ADA, 'check the Sales group');
    expect(signedIn.result).toEqual({ token: expect.any(String) });
    const out = await h.say(ADA, 'sign out');
    expect(textOf(out.sent)).toContain("You're signed out");
    expect(h.tokenService.hasToken(ADA.id, READ_CONNECTION)).toBe(false);
    expect(h.tokenService.requests.filter((r) => r.route === 'api/usertoken/SignOut')[0].query).toMatchObject({
      userId: ADA.id,
      connectionName: READ_CONNECTION,
      channelId: 'msteams',
    });
    const again = await h.say(ADA, 'check the Sales group');
    expect(attachmentsOf(again.sent, OAUTH_CARD)).toHaveLength(1);
  });

  it('a write action without OAUTH_WRITE_CONNECTION_NAME is unavailable, and says so', async () => {
    const write = await h.say(ADA, 'fix the provisioning job');
    expect(write.result).toEqual({ fallback: 'guided', reason: 'unsupported' });
    expect(textOf(write.sent)).toContain('OAUTH_WRITE_CONNECTION_NAME');
    expect(h.dialog.canWrite).toBe(false);
  });

  it('the Norwegian texts are used for a nb-NO client', async () => {
    const first = await h.say(ADA, 'check Salg-gruppen', 'channel', 'nb-NO');
    const said = textOf(first.sent);
    expect(said).toContain('Påloggingen er personlig');
    expect(said).toContain('Fortsett uten å logge inn');
  });
});

describe('live sign-in for write actions (separate consent)', () => {
  let h: SignInHarness;
  beforeEach(async () => {
    h = await new SignInHarness({ mode: 'live', writeConnectionName: 'graph-write' }).start();
  });
  afterEach(() => h.stop());

  it('a read sign-in does not give write access: the write connection asks again, with its own card', async () => {
    h.tokenService.giveToken(ADA.id, READ_CONNECTION);
    const write = await h.say(ADA, 'fix the provisioning job');
    const [card] = attachmentsOf(write.sent, OAUTH_CARD);
    expect((card.content as { connectionName: string }).connectionName).toBe('graph-write');
    expect(textOf(write.sent)).toContain('Synchronization.ReadWrite.All');
    const sso = h.tokenService.issueSsoToken(ADA.id);
    const done = await h.invoke(ADA, 'signin/tokenExchange', {
      id: (card.content as { tokenExchangeResource: { id: string } }).tokenExchangeResource.id,
      connectionName: 'graph-write',
      token: sso,
    });
    expect(done.result).toEqual({ token: expect.stringMatching(/^utok\.graph-write\./) });
    // Sign out covers both connections.
    await h.say(ADA, 'sign out');
    expect(h.tokenService.hasToken(ADA.id, READ_CONNECTION)).toBe(false);
    expect(h.tokenService.hasToken(ADA.id, 'graph-write')).toBe(false);
  });
});
