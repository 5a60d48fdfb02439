/**
 * SyncHelperBot routing over the real HTTP path (server → adapter → bot) with the echo test dialog:
 * sign-in invokes, install events, conversation references, turn errors and malformed activities.
 */
import type { TurnContext } from 'botbuilder';
import { FAKE_SECRET } from '../helpers/echoDialog';
import { CHANNEL_ID, TEAM_ID, TENANT_ID, USERS } from '../helpers/teamsActivity';
import { startTestBot, TestBot } from '../helpers/testBot';

/* eslint-disable @typescript-eslint/no-explicit-any */

let bot: TestBot;
let welcomes: number;
beforeEach(async () => {
  welcomes = 0;
  bot = await startTestBot({
    onInstalled: async (context: TurnContext) => {
      welcomes += 1;
      await context.sendActivity('welcome!');
    },
  });
});
afterEach(async () => {
  await bot.close();
});

/** Captures what the logger writes while `work` runs, at debug level. */
async function captureLogs(work: () => Promise<void>): Promise<string> {
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'debug';
  let output = '';
  const grab = (chunk: unknown) => {
    output += String(chunk);
    return true;
  };
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(grab as any);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(grab as any);
  try {
    await work();
  } finally {
    err.mockRestore();
    out.mockRestore();
    process.env.LOG_LEVEL = previous;
  }
  return output;
}

describe('Teams sign-in invokes reach the dialog', () => {
  it('signin/verifyState (magic code from the sign-in button) runs the dialog and is answered 200', async () => {
    const res = await bot.post(bot.teams.invoke('signin/verifyState', { state: '123456' }));
    expect(res.status).toBe(200);
    expect(bot.echo!.seen).toEqual([expect.objectContaining({ type: 'invoke', name: 'signin/verifyState' })]);
  });

  it('signin/tokenExchange (Teams SSO) runs the dialog and is answered 200', async () => {
    const res = await bot.post(
      bot.teams.invoke('signin/tokenExchange', { id: 'x-1', connectionName: 'GraphConnection', token: 'sso-token' }, 'groupChat'),
    );
    expect(res.status).toBe(200);
    expect(bot.echo!.seen.map((s) => s.name)).toEqual(['signin/tokenExchange']);
  });

  it('signin/failure (resourcematchfailed) is handled — not 501 — and the dialog gets to fall back', async () => {
    const logs = await captureLogs(async () => {
      const res = await bot.post(bot.teams.invoke('signin/failure', { code: 'resourcematchfailed', message: 'Resource match failed' }));
      expect(res.status).toBe(200);
    });
    expect(bot.echo!.seen.map((s) => s.name)).toEqual(['signin/failure']);
    expect(logs).toContain('"code":"resourcematchfailed"');
  });
});

describe('Action.Execute answers', () => {
  it('a click the dialog leaves no card for gets a polite "got it" message, not an error', async () => {
    // Kari has a waterfall waiting for text; the click goes to that prompt, which leaves no card.
    await bot.post(bot.teams.personalMessage('group Sales'));
    const res = await bot.post(bot.teams.execute('old.verb', { v: 0 }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Got it.' });
  });

  it('in Norwegian when the click comes from a Norwegian client', async () => {
    await bot.post(bot.teams.personalMessage('gruppen Salg', { locale: 'nb-NO' }));
    const res = await bot.post(bot.teams.execute('old.verb', { v: 0 }, 'personal', { locale: 'nb-NO' }));
    expect(res.body.value).toBe('Mottatt.');
  });

  it.each([
    ['no value at all', undefined],
    ['a value that is not an object', 'refresh'],
    ['a value without an action', { trigger: 'manual' }],
  ])('an adaptiveCard/action invoke with %s gets a 400 with a clear error body and never reaches the dialog', async (_label, value) => {
    const activity = bot.teams.invoke('adaptiveCard/action', value);
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: "That button didn't send anything I can use. Please try again from a fresh card." },
    });
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('an Action.Submit-typed action inside an invoke is NotSupported (400)', async () => {
    const res = await bot.post(bot.teams.invoke('adaptiveCard/action', { action: { type: 'Action.Submit', verb: 'x' } }));
    expect(res.status).toBe(400);
    expect(res.body.value.code).toBe('NotSupported');
  });

  it('an invoke this bot does not handle is answered 501 Not Implemented, without touching the dialog', async () => {
    const res = await bot.post(bot.teams.invoke('composeExtension/query', { commandId: 'x' }));
    expect(res.status).toBe(501);
    expect(bot.echo!.seen).toHaveLength(0);
  });
});

describe('install events', () => {
  it('an app upgrade (add-upgrade) does not welcome again', async () => {
    await bot.post(bot.teams.installationUpdate('personal', 'add'));
    await bot.post(bot.teams.installationUpdate('personal', 'add-upgrade'));
    expect(welcomes).toBe(1);
  });

  it('an upgrade alone never welcomes', async () => {
    await bot.post(bot.teams.installationUpdate('groupChat', 'add-upgrade'));
    expect(welcomes).toBe(0);
  });

  it('removing and installing again welcomes again', async () => {
    await bot.post(bot.teams.installationUpdate('personal', 'add'));
    await bot.post(bot.teams.installationUpdate('personal', 'remove'));
    await bot.post(bot.teams.installationUpdate('personal', 'add'));
    expect(welcomes).toBe(2);
  });

  it('install and conversationUpdate arriving at the same time still welcome once', async () => {
    await Promise.all([bot.post(bot.teams.installationUpdate('channel', 'add')), bot.post(bot.teams.membersAdded('channel'))]);
    expect(welcomes).toBe(1);
  });

  it('a person (not the bot) joining the chat is not welcomed', async () => {
    await bot.post(bot.teams.membersAdded('groupChat', [USERS.ola]));
    expect(welcomes).toBe(0);
  });

  it('every scope welcomes in its own conversation', async () => {
    await bot.post(bot.teams.installationUpdate('personal', 'add'));
    await bot.post(bot.teams.installationUpdate('groupChat', 'add'));
    await bot.post(bot.teams.installationUpdate('channel', 'add'));
    expect(welcomes).toBe(3);
    expect(bot.connector.texts()).toEqual(['welcome!', 'welcome!', 'welcome!']);
  });
});

describe('conversation references (for sharing a result into a channel later)', () => {
  it("are stored on install with the team, channel and tenant, and the team's channels come from Teams right away", async () => {
    bot.connector.teams.set(TEAM_ID, { channels: [{ id: CHANNEL_ID, name: 'IT-admins' }], members: [] });
    await bot.post(bot.teams.installationUpdate('channel', 'add'));
    expect(await bot.conversationReferences.get(TENANT_ID, CHANNEL_ID)).toMatchObject({
      channelId: 'msteams',
      serviceUrl: bot.connector.serviceUrl,
      conversation: { id: CHANNEL_ID },
      bot: { id: bot.teams.bot.id },
      teamsChannelId: CHANNEL_ID,
      teamsTeamId: TEAM_ID,
      tenantId: TENANT_ID,
    });
    expect(bot.connector.received.filter((r) => r.route === 'getTeamChannels').map((r) => r.conversationId)).toEqual([TEAM_ID]);
    const [team] = await bot.conversationReferences.teams(TENANT_ID);
    expect(team).toMatchObject({ teamId: TEAM_ID, teamName: 'IT Operations', channels: [{ id: TEAM_ID }, { id: CHANNEL_ID, name: 'IT-admins' }] });
    expect(await bot.conversationReferences.teams('another-tenant')).toEqual([]);
  });

  it('are stored on messages per tenant, and a thread reply adds its channel to the team', async () => {
    const activity = bot.teams.channelReply('hi', '1731999999999');
    await bot.post(activity);
    expect(await bot.conversationReferences.get(TENANT_ID, activity.conversation.id)).toMatchObject({ teamsChannelId: CHANNEL_ID });
    expect(await bot.conversationReferences.get('another-tenant', activity.conversation.id)).toBeUndefined();
    expect((await bot.conversationReferences.teams(TENANT_ID))[0].channels).toEqual([{ id: CHANNEL_ID }]);
  });

  it('hold no message text or tokens', async () => {
    const activity = bot.teams.personalMessage('my secret group name');
    await bot.post(activity);
    const ref = await bot.conversationReferences.get(TENANT_ID, activity.conversation.id);
    expect(ref?.conversation?.id).toBe(activity.conversation.id);
    expect(JSON.stringify(ref)).not.toContain('secret');
  });
});

describe('when a turn fails', () => {
  it('the admin gets a polite message and the log has no token', async () => {
    let status = 0;
    const logs = await captureLogs(async () => {
      status = (await bot.post(bot.teams.personalMessage('boom'))).status;
    });
    expect(status).toBe(200);
    expect(bot.connector.texts()).toEqual([
      'Sorry, something went wrong on my side while handling that. Please try again in a moment; if it keeps happening, type "start over".',
    ]);
    expect(logs).toContain('turn failed');
    expect(logs).toContain('dialog failed');
    expect(logs).not.toContain(FAKE_SECRET.slice('Bearer '.length));
  });

  it('in Norwegian for a Norwegian client', async () => {
    await bot.post(bot.teams.personalMessage('boom', { locale: 'nb-NO' }));
    expect(bot.connector.texts()[0]).toMatch(/^Beklager, noe gikk galt hos meg/);
  });

  it('a failing card click is still answered (no hang), with the polite text in place', async () => {
    const res = await bot.post(bot.teams.execute('explode', { v: 1 }, 'personal', { from: USERS.ola }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(res.body.value).toMatch(/^Sorry, something went wrong/);
  });

  it('a reply Teams refuses (403 BotNotInConversationRoster), and the apology too, still ends the turn cleanly', async () => {
    bot.connector.failNext(403, 'BotNotInConversationRoster', 2);
    const res = await bot.post(bot.teams.personalMessage('hello'));
    expect(res.status).toBe(200);
    // The bot is fine afterwards.
    const again = await bot.post(bot.teams.personalMessage('hello again', { from: USERS.ola }));
    expect(again.status).toBe(200);
    expect(bot.connector.texts()).toContain('heard:hello again|lang:en');
  });
});

describe('malformed activities never crash the bot', () => {
  it('a message without `from` is ignored (200, no dialog, no reply)', async () => {
    const activity = bot.teams.personalMessage('hello');
    delete activity.from;
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    expect(bot.echo!.seen).toHaveLength(0);
    expect(bot.connector.received).toHaveLength(0);
  });

  it('a card click without `from` gets a 400 with a clear body', async () => {
    const activity = bot.teams.execute('diag.refresh', { v: 1 });
    delete activity.from;
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.value.code).toBe('BadRequest');
  });

  it('a conversation without an id is refused by the server with 400', async () => {
    const activity = bot.teams.personalMessage('hello');
    activity.conversation = { conversationType: 'personal' };
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/conversation\.id/);
  });

  it('an unknown activity type is accepted and ignored', async () => {
    const activity = bot.teams.personalMessage('hello');
    activity.type = 'somethingNew';
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('a message whose value is not an object is treated as text, not as a card action', async () => {
    const activity = bot.teams.personalMessage('hello');
    activity.value = 'not-an-object';
    await bot.post(activity);
    expect(bot.echo!.seen[0]).toMatchObject({ text: 'hello', action: undefined });
  });

  it('a message without a recipient still reaches the dialog', async () => {
    const activity = bot.teams.groupChatMessage('check Sales');
    delete activity.recipient;
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    // Without a recipient the bot can't tell which mention is itself, so the mention text stays.
    expect(bot.echo!.seen[0].text).toMatch(/check Sales$/);
  });

  it('a message with entities that are not a list is refused by the server with 400, before any turn', async () => {
    const activity = bot.teams.groupChatMessage('check Sales');
    activity.entities = { type: 'mention' };
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/"entities" must be an array/);
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('a conversationUpdate without membersAdded, and an installationUpdate without action, do nothing', async () => {
    const update = bot.teams.membersAdded('groupChat');
    delete update.membersAdded;
    const install = bot.teams.installationUpdate('personal');
    delete install.action;
    expect((await bot.post(update)).status).toBe(200);
    expect((await bot.post(install)).status).toBe(200);
    expect(welcomes).toBe(0);
  });
});

describe('a welcome that fails', () => {
  it('is tried again on the next install event, and the admin hears about the failure', async () => {
    let attempts = 0;
    const local = await startTestBot({
      onInstalled: async (context: TurnContext) => {
        attempts += 1;
        if (attempts === 1) throw new Error('card render failed');
        await context.sendActivity('welcome!');
      },
    });
    try {
      await local.post(local.teams.installationUpdate('groupChat', 'add'));
      await local.post(local.teams.membersAdded('groupChat'));
      await local.post(local.teams.membersAdded('groupChat'));
      expect(attempts).toBe(2);
      expect(local.connector.texts()).toEqual([expect.stringMatching(/^Sorry, something went wrong/), 'welcome!']);
    } finally {
      await local.close();
    }
  });
});
