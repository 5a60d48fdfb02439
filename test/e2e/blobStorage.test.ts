/**
 * Bot state in Azure Blob Storage (STORAGE=blob), end to end: the real SyncHelper over HTTP with its dialog state
 * and preferences in a local Azurite blob service, restarted in the middle of a conversation as a redeploy or a
 * crash would. The same conversation with STORAGE=memory is the control: there the restart loses everything.
 */
import { ContainerClient } from '@azure/storage-blob';
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { TENANT_ID } from '../helpers/teamsActivity';
import { cardText, findingIds, newAdmin, startWorld, type AdminChat, type Turn, type World } from '../helpers/adminChat';

/* eslint-disable @typescript-eslint/no-explicit-any */

const GROUP = SAMPLE.groups.synced.displayName; // 'Salg Oslo'
let containers = 0;

/** Everything the bot sent in one turn, as text: plain messages and the text of its cards. */
function said(turn: Turn): string {
  return turn.activities
    .map((a) => [a.text ?? '', ...(a.attachments ?? []).map((att: any) => cardText(att.content))].join('\n'))
    .join('\n');
}

/** Every blob in the container: name → parsed JSON body (and the raw text, for greps). */
async function readState(azurite: Azurite, container: string): Promise<Map<string, { raw: string; json: any }>> {
  const client = new ContainerClient(azurite.connectionString, container);
  const out = new Map<string, { raw: string; json: any }>();
  for await (const blob of client.listBlobsFlat()) {
    const raw = (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
    out.set(decodeURIComponent(blob.name), { raw, json: JSON.parse(raw) });
  }
  return out;
}

/** Property names anywhere in a JSON value. */
function keysOf(value: any, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('bot state in Azure Blob Storage (Azurite) survives a restart of the bot', () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite?.close());

  /** A fresh container per world, so each scenario sees only its own blobs. */
  function blobWorld(): Promise<{ world: World; container: string }> {
    containers += 1;
    const container = `synchelper-e2e-${containers}`;
    return startWorld({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container, SAMPLE_TENANT_PERSONA: 'groups' }).then(
      (world) => ({ world, container }),
    );
  }

  describe('with STORAGE=blob', () => {
    let world: World;
    let container: string;
    beforeAll(async () => {
      ({ world, container } = await blobWorld());
    });
    afterAll(() => world?.close());

    it("an admin asks about 'Salg Oslo', the bot is redeployed twice mid-conversation, and the check still finishes on that group", async () => {
      const admin: AdminChat = world.chat();
      const intro = await admin.say(`my group '${GROUP}' won't update`);
      expect(said(intro)).toContain(t('en', 'cards.intro.choice.live'));

      await world.restartBot();
      const live = await admin.click('issue.mode', { mode: 'live' });
      // The new process remembered which group: it goes straight to sign-in instead of asking "Which group?".
      expect(admin.findAction('signin.persona', { persona: 'groups' })).toBeDefined();
      expect(said(live)).not.toMatch(/Which group\?/);

      await world.restartBot();
      const before = world.tenant.requests.length;
      await admin.click('signin.persona', { persona: 'groups' });
      const verdict = admin.lastVerdict();
      expect(findingIds(verdict)[0]).toBe('G1.1.synced');
      expect(cardText(verdict)).toContain(GROUP);
      expect(world.tenant.requests.slice(before).every((r) => r.persona === 'groups')).toBe(true);
    });

    it("the dialog state is a blob in the configured container, per admin and conversation, holding the open question about 'Salg Oslo'", async () => {
      const from = newAdmin();
      const admin = world.chat({ from });
      await admin.say(`my group '${GROUP}' won't update`);
      const state = await readState(azurite, container);
      const mine = [...state.keys()].filter((k) => k.endsWith(`/users/${from.id}`));
      expect(mine).toEqual([expect.stringMatching(new RegExp(`^msteams/${TENANT_ID}/conversations/[^/]+/users/`))]);
      const stack = JSON.stringify(state.get(mine[0])!.json.DialogState);
      expect(stack).toContain('group.cannot_modify');
      expect(stack).toContain(GROUP);
    });

    it('no blob holds an access token: no Bearer header, no JWT, no token-named property, though Graph was called with one', async () => {
      const from = newAdmin();
      const admin = world.chat({ from });
      await admin.say(`my group '${GROUP}' won't update`);
      await admin.click('issue.mode', { mode: 'live' });
      await admin.click('signin.persona', { persona: 'groups' });
      expect(findingIds(admin.lastVerdict())[0]).toBe('G1.1.synced');
      expect(world.tenant.requests.some((r) => r.persona === 'groups')).toBe(true); // a bearer token was sent to Graph

      const state = await readState(azurite, container);
      expect([...state.keys()].filter((k) => k.endsWith(`/users/${from.id}`))).toHaveLength(2); // the conversation's and the admin's
      for (const [name, { raw, json }] of state) {
        expect({ name, bearer: /bearer/i.test(raw) }).toEqual({ name, bearer: false });
        expect({ name, jwt: /eyJ[A-Za-z0-9_-]{5,}/.test(raw) }).toEqual({ name, jwt: false });
        expect({ name, tokenKeys: keysOf(json).filter((k) => /token/i.test(k)) }).toEqual({ name, tokenKeys: [] });
      }
      // The sample persona is kept only as the admin's sign-in preference, never anywhere as a credential.
      const user = state.get(`msteams/${TENANT_ID}/users/${from.id}`)!.json;
      expect(user.signInPreference.persona).toBe('groups');
      for (const [name, { json }] of state) {
        if (name.startsWith(`msteams/${TENANT_ID}/conversations/`)) expect(JSON.stringify(json)).not.toMatch(/"persona"\s*:\s*"groups"/);
      }
    });

    it('an admin who switched to Norwegian ("norsk") is still answered in Norwegian after a restart, though Teams says en-US', async () => {
      const from = newAdmin();
      const admin = world.chat({ from, locale: 'en-US' });
      const switched = await admin.say('norsk');
      expect(said(switched)).toContain(t('nb', 'dialogs.langSet'));
      expect(JSON.stringify((await readState(azurite, container)).get(`msteams/${TENANT_ID}/users/${from.id}`)?.json)).toMatch(/"nb"/);

      await world.restartBot();
      const intro = await admin.say(`my group '${GROUP}' won't update`);
      expect(said(intro)).toContain(t('nb', 'cards.intro.choice.live'));
      expect(admin.findAction('issue.mode', { mode: 'live' })).toBeDefined();
    });
  });

  describe('control: the same conversations with STORAGE=memory forget everything on restart', () => {
    let world: World;
    beforeAll(async () => {
      world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
    });
    afterAll(() => world?.close());

    it("after a restart the bot no longer knows the admin meant 'Salg Oslo' and asks which group", async () => {
      const admin = world.chat();
      await admin.say(`my group '${GROUP}' won't update`);
      await world.restartBot();
      const live = await admin.click('issue.mode', { mode: 'live' });
      expect(said(live)).toMatch(/Which group\?/);
      expect(admin.findAction('signin.persona')).toBeUndefined();
    });

    it('after a restart the Norwegian preference is gone and the bot follows the en-US locale again', async () => {
      const admin = world.chat({ locale: 'en-US' });
      await admin.say('norsk');
      await world.restartBot();
      const intro = await admin.say(`my group '${GROUP}' won't update`);
      expect(said(intro)).toContain(t('en', 'cards.intro.choice.live'));
    });
  });
});
