/**
 * Teams-shaped activities, as the Teams channel posts them to a bot (field names and shapes from real payloads:
 * personal chat, group chat with an @mention, channel post and thread reply, Action.Submit, Action.Execute,
 * install events). `serviceUrl` points at the loopback Bot Connector.
 *
 *   const teams = teamsActivities(connector.serviceUrl);
 *   await bot.post(teams.channelPost(`${teams.at(BOT)} why can't I edit Sales?`, { from: USERS.kari }));
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Account {
  id: string;
  name: string;
  aadObjectId?: string;
}

export const TENANT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
export const BOT_APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
export const BOT: Account = { id: `28:${BOT_APP_ID}`, name: 'SyncHelper' };
export const USERS = {
  kari: { id: '29:1kari-normann', name: 'Kari Nordmann', aadObjectId: '6b1e0e6e-1111-4c39-9d1b-0a1b2c3d4e5f' },
  ola: { id: '29:1ola-hansen', name: 'Ola Hansen', aadObjectId: '7c2f1f7f-2222-4c39-9d1b-0a1b2c3d4e5f' },
} satisfies Record<string, Account>;

export const TEAM_ID = '19:team-general@thread.tacv2';
export const CHANNEL_ID = '19:it-admins@thread.tacv2';
export const GROUP_CHAT_ID = '19:meeting-ops-chat@thread.v2';

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface Options {
  from?: Account;
  locale?: string;
  /** Thread root id, for a reply in a channel thread (conversation.id gets `;messageid=<root>`). */
  threadRoot?: string;
  /** Extra mention entities (e.g. of other people) — `at(account)` builds the matching text. */
  mentions?: Account[];
  /** Skip the automatic bot mention entity for group chat / channel. */
  noBotMention?: boolean;
  replyToId?: string;
}

let sequence = 0;
function nextId(): string {
  sequence += 1;
  return String(1732000000000 + sequence);
}

export function mentionEntity(account: Account, text = `<at>${account.name}</at>`): any {
  return { type: 'mention', text, mentioned: { id: account.id, name: account.name } };
}

export function teamsActivities(serviceUrl: string, bot: Account = BOT) {
  const at = (account: Account) => `<at>${account.name}</at>`;

  const conversation = (scope: Scope, o: Options): any => {
    const from = o.from ?? USERS.kari;
    switch (scope) {
      case 'personal':
        return { conversationType: 'personal', tenantId: TENANT_ID, id: `a:1personal-${from.id.slice(3)}` };
      case 'groupChat':
        return { conversationType: 'groupChat', tenantId: TENANT_ID, id: GROUP_CHAT_ID, isGroup: true };
      case 'channel':
        return {
          conversationType: 'channel',
          tenantId: TENANT_ID,
          isGroup: true,
          id: `${CHANNEL_ID};messageid=${o.threadRoot ?? '1732000000000'}`,
        };
    }
  };

  const channelData = (scope: Scope): any => {
    if (scope === 'channel') {
      return {
        teamsChannelId: CHANNEL_ID,
        teamsTeamId: TEAM_ID,
        channel: { id: CHANNEL_ID },
        team: { id: TEAM_ID },
        tenant: { id: TENANT_ID },
      };
    }
    return { tenant: { id: TENANT_ID } };
  };

  const base = (type: string, scope: Scope, o: Options): any => {
    const locale = o.locale ?? 'en-US';
    return {
      type,
      id: nextId(),
      timestamp: '2025-11-21T09:30:00.000Z',
      localTimestamp: '2025-11-21T10:30:00.000+01:00',
      serviceUrl,
      channelId: 'msteams',
      from: { ...(o.from ?? USERS.kari) },
      conversation: conversation(scope, o),
      recipient: { ...bot },
      locale,
      entities: [{ type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone: 'Europe/Oslo' }],
      channelData: channelData(scope),
      ...(o.replyToId ? { replyToId: o.replyToId } : {}),
    };
  };

  /** A message. In group chat and channel the bot is @mentioned (as Teams requires) unless told otherwise. */
  const message = (scope: Scope, text: string, o: Options = {}): any => {
    const activity = base('message', scope, o);
    const wantsBotMention = scope !== 'personal' && !o.noBotMention;
    const body = wantsBotMention && !text.includes(at(bot)) ? `${at(bot)} ${text}` : text;
    activity.text = body;
    activity.textFormat = 'plain';
    activity.attachments = [];
    const mentions = [...(wantsBotMention ? [bot] : []), ...(o.mentions ?? [])];
    activity.entities = [...mentions.map((m) => mentionEntity(m)), ...activity.entities];
    return activity;
  };

  return {
    at,
    bot,
    personalMessage: (text: string, o: Options = {}) => message('personal', text, o),
    groupChatMessage: (text: string, o: Options = {}) => message('groupChat', text, o),
    channelPost: (text: string, o: Options = {}) => message('channel', text, o),
    /** A reply in an existing channel thread: conversation.id carries `;messageid=<root>`. */
    channelReply: (text: string, threadRoot: string, o: Options = {}) => message('channel', text, { ...o, threadRoot }),
    /** Raw message (HTML text, custom entities) — for mention-normalising cases. */
    rawMessage: (scope: Scope, text: string, entities: any[], o: Options = {}) => {
      const activity = base('message', scope, o);
      activity.text = text;
      activity.textFormat = 'plain';
      activity.entities = [...entities, ...activity.entities];
      return activity;
    },
    /** Action.Submit: a message with the card's data as `value` and no text. */
    submit: (data: Record<string, unknown>, scope: Scope = 'personal', o: Options = {}) => {
      const activity = base('message', scope, { ...o, replyToId: o.replyToId ?? '1:card-message' });
      activity.value = data;
      activity.channelData = { ...activity.channelData, source: { name: 'message' }, legacy: { replyToId: activity.replyToId } };
      return activity;
    },
    /** Action.Execute: an `adaptiveCard/action` invoke. */
    execute: (verb: string, data: Record<string, unknown>, scope: Scope = 'personal', o: Options = {}) => {
      const activity = base('invoke', scope, { ...o, replyToId: o.replyToId ?? '1:card-message' });
      activity.name = 'adaptiveCard/action';
      activity.value = { action: { type: 'Action.Execute', id: `action-${verb}`, verb, data: { verb, ...data } }, trigger: 'manual' };
      activity.channelData = { ...activity.channelData, source: { name: 'message' }, legacy: { replyToId: activity.replyToId } };
      return activity;
    },
    invoke: (name: string, value: unknown, scope: Scope = 'personal', o: Options = {}) => {
      const activity = base('invoke', scope, o);
      activity.name = name;
      activity.value = value;
      return activity;
    },
    /** The app was installed (`add`), upgraded (`add-upgrade`) or removed. Team installs name the channel picked. */
    installationUpdate: (scope: Scope, action: 'add' | 'add-upgrade' | 'remove' | 'remove-upgrade' = 'add', o: Options = {}) => {
      const activity = base('installationUpdate', scope, o);
      activity.action = action;
      delete activity.entities;
      if (scope === 'channel') {
        activity.conversation = { conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, id: CHANNEL_ID };
        activity.channelData = {
          settings: { selectedChannel: { id: CHANNEL_ID } },
          channel: { id: CHANNEL_ID },
          team: { id: TEAM_ID, name: 'IT Operations', aadGroupId: '2f0e1d2c-3333-4c39-9d1b-0a1b2c3d4e5f' },
          tenant: { id: TENANT_ID },
          source: { name: 'message' },
        };
      } else {
        activity.channelData = { tenant: { id: TENANT_ID }, source: { name: 'message' } };
      }
      return activity;
    },
    /** conversationUpdate with members added (the bot itself for an install seen this way). */
    membersAdded: (scope: Scope, members: Account[] = [bot], o: Options = {}) => {
      const activity = base('conversationUpdate', scope, o);
      delete activity.entities;
      activity.membersAdded = members.map((m) => ({ id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) }));
      if (scope === 'channel') {
        // A team install is announced in the team's General channel.
        activity.conversation = { conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, id: TEAM_ID };
        activity.channelData = { team: { id: TEAM_ID, name: 'IT Operations' }, eventType: 'teamMemberAdded', tenant: { id: TENANT_ID } };
      } else {
        activity.channelData = { tenant: { id: TENANT_ID } };
      }
      return activity;
    },
  };
}

export type TeamsActivities = ReturnType<typeof teamsActivities>;
