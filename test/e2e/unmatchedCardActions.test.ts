/**
 * Honest faults: a click the bot can't match — an unknown verb, a card from an older version, a foreign card whose
 * button carries no verb at all, as Action.Submit or Action.Execute — always gets a short answer that shows where
 * things stand: the current step again, or "nothing is running, here's what I can do". Never silence.
 */
import { t } from '../../src/i18n';
import { cardText, startWorld, type World } from '../helpers/adminChat';
import { teamsActivities, USERS, type Account } from '../helpers/teamsActivity';

/* eslint-disable @typescript-eslint/no-explicit-any */

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

let users = 0;
/** A fresh admin (own conversation, no dialog running). */
function freshAdmin(): Account {
  users += 1;
  return { ...USERS.ola, id: `29:1unmatched-${users}`, aadObjectId: `00000000-0000-4000-8000-0000000a${String(users).padStart(4, '0')}` };
}

async function post(activity: any): Promise<{ status: number; body: any; texts: string[]; cards: any[] }> {
  const before = world.connector.activities().length;
  const res = await fetch(`${world.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  const sent = world.connector.activities().slice(before);
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    texts: sent.map((a: any) => a.text).filter(Boolean),
    cards: sent.flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content)),
  };
}

type Click = (teams: ReturnType<typeof teamsActivities>, o: { from: Account; locale: string }) => any;
const clicks: [string, Click][] = [
  ['Action.Execute with an unknown verb', (teams, o) => teams.execute('report.export', { v: 1 }, 'personal', o)],
  ['Action.Execute from an older card version', (teams, o) => teams.execute('issue.mode', { v: 0, topic: 'group.cannot_modify', mode: 'live' }, 'personal', o)],
  [
    'Action.Execute from a foreign card (no verb)',
    (teams, o) => {
      const a = teams.execute('x', {}, 'personal', o);
      delete a.value.action.verb;
      a.value.action.data = { approve: true };
      return a;
    },
  ],
  ['Action.Submit with an unknown verb', (teams, o) => teams.submit({ verb: 'report.export', v: 1 }, 'personal', o)],
  ['Action.Submit from a foreign card (no verb)', (teams, o) => teams.submit({ approve: true }, 'personal', o)],
];

describe.each([
  ['en-US', 'en'],
  ['nb-NO', 'nb'],
] as const)('a click the bot cannot match (%s)', (locale, lang) => {
  const teams = () => teamsActivities(world.connector.serviceUrl);

  it.each(clicks)('%s while nothing is running: "nothing is running" and what I can do', async (_label, click) => {
    const from = freshAdmin();
    const res = await post(click(teams(), { from, locale }));
    expect(res.status).toBe(200);
    expect(res.cards).toHaveLength(1);
    expect(cardText(res.cards[0])).toContain(t(lang, 'dialogs.staleIdle'));
  });

  it.each(clicks)('%s in the middle of a step: "older card" and the current step again', async (_label, click) => {
    const from = freshAdmin();
    const asked = await post(teams().personalMessage(lang === 'nb' ? 'jeg kan ikke endre gruppa «Salg Oslo»' : "I can't edit the group 'Salg Oslo'", { from, locale }));
    expect(asked.cards.length).toBeGreaterThan(0);
    const step = cardText(asked.cards[asked.cards.length - 1]);
    const res = await post(click(teams(), { from, locale }));
    expect(res.status).toBe(200);
    expect(res.texts).toEqual([t(lang, 'dialogs.stale')]);
    expect(res.cards).toHaveLength(1);
    expect(cardText(res.cards[0])).toBe(step);
  });
});
