/** The sign-in window left open too long, and what gets logged when SSO fails. */
import { ADA, READ_CONNECTION, SignInHarness, attachmentsOf, OAUTH_CARD, textOf } from './harness';

describe('sign-in timeout and logging', () => {
  let h: SignInHarness;
  beforeEach(async () => {
    h = await new SignInHarness({ mode: 'live', timeoutMs: 60_000 }).start();
  });
  afterEach(async () => {
    jest.useRealTimers();
    await h.stop();
  });

  it('Ada comes back after the prompt expired: the code no longer counts and she is offered guided mode', async () => {
    // Only Date is faked (OAuthPrompt compares new Date() with its expiry); sockets and timers stay real.
    jest.useFakeTimers({
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
      now: new Date('2026-03-02T09:00:00Z'),
    });
    await h.say(ADA, 'check the Sales group');
    const code = h.tokenService.completeSignIn(ADA.id, READ_CONNECTION);
    jest.setSystemTime(new Date('2026-03-02T09:01:01Z'));
    const late = await h.say(ADA, code);
    expect(late.result).toEqual({ fallback: 'guided', reason: 'timeout' });
    expect(textOf(late.sent)).toContain("wasn't finished in time");
  });

  it('a signin/failure is logged with its code and no token', async () => {
    const lines: string[] = [];
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'warn';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const first = await h.say(ADA, 'check the Sales group');
      expect(attachmentsOf(first.sent, OAUTH_CARD)).toHaveLength(1);
      const sso = h.tokenService.issueSsoToken(ADA.id, false);
      await h.invoke(ADA, 'signin/failure', { code: 'resourcematchfailed', message: 'Resource match failed', token: sso });
    } finally {
      spy.mockRestore();
      process.env.LOG_LEVEL = previous;
    }
    const failure = lines.find((l) => l.includes('signin.sso_failed'));
    expect(failure).toBeDefined();
    expect(JSON.parse(failure!)).toMatchObject({ code: 'resourcematchfailed', conversationType: 'personal' });
    expect(lines.join('')).not.toContain('sso-');
  });
});
