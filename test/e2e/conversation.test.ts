/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * End to end over HTTP: the real HTTP server, CloudAdapter and SyncHelperBot, a loopback Bot Connector, and the
 * echo test dialog standing in for RootDialog (the lead swaps in the real one with `startTestBot({ rootDialog })`).
 */
import type { TurnContext } from 'botbuilder';
import { startTestBot, TestBot } from '../helpers/testBot';
import { CHANNEL_ID, GROUP_CHAT_ID, TEAM_ID, USERS } from '../helpers/teamsActivity';

describe('an admin talks to SyncHelper in Teams', () => {
  let bot: TestBot;
  let welcomes: string[];
  beforeEach(async () => {
    welcomes = [];
    bot = await startTestBot({
      onInstalled: async (context: TurnContext) => {
        welcomes.push(context.activity.conversation.id);
        await context.sendActivity('welcome!');
      },
    });
  });
  afterEach(async () => {
    await bot.close();
  });

  it('answers a personal message by replying to it in the same chat', async () => {
    const activity = bot.teams.personalMessage("my group Sales won't sync");
    const res = await bot.post(activity);

    expect(res.status).toBe(200);
    expect(bot.echo!.seen[0].text).toBe("my group Sales won't sync");
    const reply = await bot.connector.waitFor((r) => r.route === 'replyToActivity');
    expect(reply.conversationId).toBe(activity.conversation.id);
    expect(reply.activityId).toBe(activity.id);
    expect(reply.body.replyToId).toBe(activity.id);
    expect(bot.connector.texts()).toEqual(["heard:my group Sales won't sync|lang:en", 'next?']);
  });

  it('continues the same waterfall on the next message (dialog state is saved between turns)', async () => {
    await bot.post(bot.teams.personalMessage('the Sales group'));
    await bot.post(bot.teams.personalMessage('it is synced from AD'));
    expect(bot.connector.texts()).toEqual(['heard:the Sales group|lang:en', 'next?', 'second:it is synced from AD']);
  });

  it('in a group chat the dialog sees the text without the @mention', async () => {
    const activity = bot.teams.groupChatMessage('why is the HR group read-only?');
    expect(activity.text).toBe('<at>SyncHelper</at> why is the HR group read-only?');
    await bot.post(activity);
    expect(bot.echo!.seen[0]).toMatchObject({ text: 'why is the HR group read-only?', conversationId: GROUP_CHAT_ID });
  });

  it('in a channel post with HTML and a colleague mentioned, the dialog sees clean text with the colleague by name', async () => {
    const activity = bot.teams.rawMessage(
      'channel',
      '<p><at>SyncHelper</at>&nbsp;can <at>Ola Hansen</at> edit the group?</p>',
      [
        { type: 'mention', text: '<at>SyncHelper</at>', mentioned: { id: bot.teams.bot.id, name: 'SyncHelper' } },
        { type: 'mention', text: '<at>Ola Hansen</at>', mentioned: { id: USERS.ola.id, name: 'Ola Hansen' } },
      ],
    );
    await bot.post(activity);
    expect(bot.echo!.seen[0].text).toBe('can Ola Hansen edit the group?');
    expect(bot.connector.texts()[0]).toBe('heard:can Ola Hansen edit the group?|lang:en');
  });

  it('answers a reply in a channel thread inside that thread', async () => {
    const activity = bot.teams.channelReply('and the Finance group?', '1731999999999');
    expect(activity.conversation.id).toBe(`${CHANNEL_ID};messageid=1731999999999`);
    await bot.post(activity);
    const reply = await bot.connector.waitFor((r) => r.route === 'replyToActivity');
    expect(reply.conversationId).toBe(`${CHANNEL_ID};messageid=1731999999999`);
    expect(bot.echo!.seen[0].text).toBe('and the Finance group?');
  });

  it('two admins in one channel thread each get their own conversation', async () => {
    const thread = '1731999999999';
    await bot.post(bot.teams.channelReply('group Sales', thread, { from: USERS.kari }));
    await bot.post(bot.teams.channelReply('app Workday', thread, { from: USERS.ola }));
    await bot.post(bot.teams.channelReply('yes, synced', thread, { from: USERS.kari }));

    // Ola's message started his own waterfall instead of answering Kari's prompt, and Kari's answer still
    // reached her own second step.
    expect(bot.connector.texts()).toEqual([
      'heard:group Sales|lang:en',
      'next?',
      'heard:app Workday|lang:en',
      'next?',
      'second:yes, synced',
    ]);
  });

  it('a Norwegian Teams client (nb-NO) arrives as Norwegian', async () => {
    await bot.post(bot.teams.personalMessage('gruppen min synkroniseres ikke', { locale: 'nb-NO' }));
    expect(bot.echo!.seen[0].lang).toBe('nb');
    expect(bot.connector.texts()[0]).toBe('heard:gruppen min synkroniseres ikke|lang:nb');
  });

  it('an Action.Submit click reaches the dialog as a card action', async () => {
    const res = await bot.post(bot.teams.submit({ verb: 'issue.pick', v: 1, issue: 'group.cannot_modify' }));
    expect(res.status).toBe(200);
    expect(bot.echo!.seen[0].action).toMatchObject({ verb: 'issue.pick', v: 1, via: 'submit' });
    expect(bot.connector.texts()).toEqual(['action:issue.pick:submit']);
  });

  it('an Action.Execute click reaches the dialog and the invoke answers with the card the dialog left', async () => {
    const res = await bot.post(bot.teams.execute('diag.refresh', { v: 1, groupId: 'g-1' }, 'channel'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'done diag.refresh' }] },
    });
    expect(bot.echo!.seen[0].action).toMatchObject({ verb: 'diag.refresh', v: 1, via: 'execute', data: { groupId: 'g-1' } });
  });

  it('installing the app in a personal chat welcomes once, even with the matching conversationUpdate', async () => {
    await bot.post(bot.teams.installationUpdate('personal', 'add'));
    await bot.post(bot.teams.membersAdded('personal'));
    expect(welcomes).toHaveLength(1);
    expect(bot.connector.texts()).toEqual(['welcome!']);
  });

  it('adding the app to a team welcomes once in the channel picked, not again in General', async () => {
    await bot.post(bot.teams.installationUpdate('channel', 'add'));
    await bot.post(bot.teams.membersAdded('channel'));
    expect(welcomes).toEqual([CHANNEL_ID]);
    const sent = await bot.connector.waitFor((r) => r.route === 'sendToConversation' || r.route === 'replyToActivity');
    expect(sent.conversationId).toBe(CHANNEL_ID);
    expect(welcomes).not.toContain(TEAM_ID);
  });

  it('a group chat where only conversationUpdate arrives is welcomed once', async () => {
    await bot.post(bot.teams.membersAdded('groupChat'));
    await bot.post(bot.teams.membersAdded('groupChat'));
    expect(welcomes).toEqual([GROUP_CHAT_ID]);
  });

  it('GET /healthz says ok and which mode runs', async () => {
    const res = await bot.get('/healthz');
    expect(res).toEqual({ status: 200, body: { status: 'ok', mode: 'sample' } });
  });
});

describe('requests that are not activities', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { MAX_BODY_BYTES: '4kb' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', /not valid JSON/],
    ['an empty body', '', /empty/],
    ['a JSON array', '[{"type":"message"}]', /JSON object/],
    ['no type', JSON.stringify({ text: 'hi', conversation: { id: 'a:1' }, serviceUrl: 'http://127.0.0.1:1/' }), /no "type"/],
    ['no conversation', JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:1/' }), /conversation\.id/],
    ['no serviceUrl', JSON.stringify({ type: 'message', text: 'hi', conversation: { id: 'a:1' } }), /serviceUrl/],
  ])('answers 400 with a clear message for %s', async (_label, body, message) => {
    const res = await bot.postRaw(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toMatch(message);
    expect(bot.connector.received).toHaveLength(0);
  });

  it.each([
    ['a non-local serviceUrl', 'https://smba.trafficmanager.net/emea/'],
    ['another loopback port than the configured channel', 'http://127.0.0.1:1/'],
    ['localhost for a channel configured as 127.0.0.1', 'http://localhost:PORT/'],
  ])('without bot credentials it refuses to reply to %s (no open relay), before any turn', async (_label, serviceUrl) => {
    const port = new URL(bot.connector.serviceUrl).port;
    const activity = { ...bot.teams.personalMessage('hi'), serviceUrl: serviceUrl.replace('PORT', port) };
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/only answers the local channels in SAMPLE_SERVICE_URLS/);
    expect(bot.echo!.seen).toHaveLength(0);
    expect(bot.connector.received).toHaveLength(0);
  });

  const hostile: [string, (a: any) => void, RegExp][] = [
    ['a number as locale', (a) => (a.locale = 42), /"locale" must be a string/],
    ['an object as locale', (a) => (a.locale = { lang: 'nb' }), /"locale" must be a string/],
    ['membersAdded that is not an array', (a) => (a.membersAdded = { id: '28:bot' }), /"membersAdded" must be an array/],
    ['membersRemoved that is a string', (a) => (a.membersRemoved = '29:1ola'), /"membersRemoved" must be an array/],
    ['a membersAdded entry that is not an object', (a) => (a.membersAdded = ['28:bot']), /Every entry of the activity's "membersAdded"/],
    ['no channelId', (a) => delete a.channelId, /no "channelId"/],
    ['a numeric channelId', (a) => (a.channelId = 7), /no "channelId"/],
    ['from as a string', (a) => (a.from = '29:1ola'), /"from" must be an object/],
    ['a numeric from.id', (a) => (a.from = { id: 12 }), /"from\.id" must be a string/],
    ['recipient as an array', (a) => (a.recipient = []), /"recipient" must be an object/],
    ['channelData as a string', (a) => (a.channelData = 'tenant'), /"channelData" must be an object/],
    ['text as an object', (a) => (a.text = { value: 'hi' }), /"text" must be a string/],
    ['attachments as an object', (a) => (a.attachments = {}), /"attachments" must be an array/],
    ['entities with a string entry', (a) => (a.entities = ['mention']), /Every entry of the activity's "entities"/],
    ['a numeric conversation.tenantId', (a) => (a.conversation.tenantId = 1), /"conversation\.tenantId" must be a string/],
  ];
  it.each(hostile)('answers 400 with no turn run for %s', async (_label, spoil, message) => {
    const activity: any = bot.teams.personalMessage('hi', { locale: 'nb-NO' });
    spoil(activity);
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'BadRequest', message: expect.stringMatching(message) });
    expect(bot.echo!.seen).toHaveLength(0);
    expect(bot.connector.received).toHaveLength(0);
  });

  it('an install event with membersAdded as an object is refused too (no welcome, no crash)', async () => {
    const activity: any = bot.teams.installationUpdate('personal', 'add');
    activity.membersAdded = { id: bot.teams.bot.id };
    expect((await bot.post(activity)).status).toBe(400);
    expect(bot.connector.received).toHaveLength(0);
  });

  it('null in optional fields counts as absent', async () => {
    const activity: any = { ...bot.teams.personalMessage('null fields'), locale: null, entities: null, channelData: null };
    expect((await bot.post(activity)).status).toBe(200);
    expect(bot.echo!.seen.map((s) => s.text)).toEqual(['null fields']);
    bot.echo!.seen.length = 0;
    bot.connector.reset();
  });

  it('answers 413 when the body is over MAX_BODY_BYTES', async () => {
    const activity = bot.teams.personalMessage('x'.repeat(5000));
    const res = await bot.post(activity);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PayloadTooLarge');
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('keeps serving after bad requests', async () => {
    const res = await bot.post(bot.teams.personalMessage('still there?'));
    expect(res.status).toBe(200);
    expect(bot.echo!.seen.map((s) => s.text)).toEqual(['still there?']);
  });
});

describe('a body streamed without Content-Length', () => {
  it('is cut off with 413 once it passes MAX_BODY_BYTES', async () => {
    const http = await import('http');
    const bot = await startTestBot({ env: { MAX_BODY_BYTES: '2kb' } });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(`${bot.url}/api/messages`);
        const req = http.request(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write('{"type":"message","text":"');
        req.write('y'.repeat(4096));
        req.end('"}');
      });
      expect(status).toBe(413);
      expect(bot.echo!.seen).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });
});
