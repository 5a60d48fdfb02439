/** The pieces around sign-in: the dedupe store, persona labels, cards and texts. */
import * as fs from 'fs';
import * as path from 'path';
import { CreateOnceStorage, SIGNIN_VERBS, personaLabel } from '../../src/auth';
import { allTables } from '../../src/i18n';
import { fixedClock } from '../../src/clock';
import { MemoryRecordStore } from '../../src/state/records';
import { resourcePath } from '../../src/paths';

describe('CreateOnceStorage (dedupe store for TeamsSSOTokenExchangeMiddleware)', () => {
  it('creates a key once; a second write of the same key fails with an eTag conflict the middleware recognises', async () => {
    const store = new CreateOnceStorage(new MemoryRecordStore(fixedClock('2026-11-21T09:00:00Z')));
    await store.write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } });
    await expect(store.write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } })).rejects.toThrow(/etag conflict/i);
    await store.write({ 'msteams/conv/ter-2': { eTag: 'ter-2' } });
    expect(await store.read(['msteams/conv/ter-1', 'missing'])).toEqual({ 'msteams/conv/ter-1': { eTag: 'ter-1' } });
    await store.delete(['msteams/conv/ter-1']);
    await store.write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } });
  });

  it('forgets entries after the prompt lifetime, on an injected clock', async () => {
    let now = 1_000_000;
    const records = new MemoryRecordStore({ now: () => new Date(now) });
    const store = new CreateOnceStorage(records, 60_000);
    await store.write({ a: { eTag: 'a' } });
    now += 59_000;
    await expect(store.write({ a: { eTag: 'a' } })).rejects.toThrow(/etag conflict/i);
    now += 2_000;
    expect(await records.list('sso/')).toEqual([]);
    await store.write({ a: { eTag: 'a' } });
  });

  it('keeps one tenant\'s exchanges apart from another\'s, and a second instance on the same records sees the first', async () => {
    const records = new MemoryRecordStore(fixedClock('2026-11-21T09:00:00Z'));
    const instanceA = new CreateOnceStorage(records).forTenant('tenant-a');
    const instanceB = new CreateOnceStorage(records).forTenant('tenant-a');
    await instanceA.write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } });
    await expect(instanceB.write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } })).rejects.toThrow(/etag conflict/i);
    await new CreateOnceStorage(records).forTenant('tenant-b').write({ 'msteams/conv/ter-1': { eTag: 'ter-1' } });
    expect((await records.list('sso/')).sort()).toEqual(['sso/tenant-a/msteams/conv/ter-1', 'sso/tenant-b/msteams/conv/ter-1']);
  });
});

describe('persona labels', () => {
  it('labels known personas with their role and passes others through', () => {
    expect(personaLabel('en', 'groups')).toBe('Groups Administrator (groups)');
    expect(personaLabel('nb', 'helpdesk')).toBe('Brukerstøtte (ingen administratorrolle) (helpdesk)');
    expect(personaLabel('en', 'licenseAdmin')).toBe('licenseAdmin');
  });
});

describe('sign-in texts and cards', () => {
  it('every auth text exists in English and Norwegian', () => {
    const { en, nb } = allTables();
    const enKeys = Object.keys(en).filter((k) => k.startsWith('auth.')).sort();
    const nbKeys = Object.keys(nb).filter((k) => k.startsWith('auth.')).sort();
    expect(nbKeys).toEqual(enKeys);
    for (const key of enKeys) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(nb[key])).toEqual(params(en[key]));
    }
  });

  it('the sign-in card templates are Adaptive Card 1.5 and only carry sign-in verbs', () => {
    const dir = resourcePath('src', 'cards', 'templates');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('signin-'));
    expect(files.sort()).toEqual(['signin-consent.json', 'signin-options.json', 'signin-persona.json']);
    for (const file of files) {
      const card = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { version: string };
      expect(card.version).toBe('1.5');
      const verbs = [...JSON.stringify(card).matchAll(/"verb":"(signin\.[a-z]+)"/g)].map((m) => m[1]);
      for (const verb of verbs) expect(SIGNIN_VERBS).toContain(verb);
    }
  });
});
