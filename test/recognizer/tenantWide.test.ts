/**
 * Which questions are about the whole tenant (answered without asking for a group or an app), in English and
 * Norwegian — and which are about one object, so the check still asks.
 */
import { extractEntities } from '../../src/recognizer/entities';
import { tenantWideScope } from '../../src/recognizer/tenantWide';
import { tenantWideFits } from '../../src/topics';

describe('tenant-wide questions', () => {
  it.each([
    ['is directory sync healthy right now?', 'sync'],
    ['is Entra Connect sync working today?', 'sync'],
    ['er synkroniseringen frisk nå?', 'sync'],
    ['fungerer katalogsynkroniseringen nå?', 'sync'],
    ['which groups have users with licence errors?', 'licenses'],
    ['any groups with license errors?', 'licenses'],
    ['hvilke grupper har brukere med lisensfeil?', 'licenses'],
    ['which apps are in quarantine?', 'apps'],
    ['hvilke apper er i karantene?', 'apps'],
    ['are all my provisioning jobs healthy?', 'apps'],
    ['er alle klargjøringsjobbene mine friske?', 'apps'],
  ])('"%s" → %s', (text, scope) => {
    expect(tenantWideScope(text)).toBe(scope);
  });

  it.each([
    "my group has sync errors right now", // one group: ask which
    'the user is not syncing now',
    'gruppa synkroniseres ikke nå',
    "users aren't provisioned to the app", // no tenant-wide words
    'can I delete a licensed group?',
    'how does directory sync work?',
  ])('"%s" is not tenant-wide', (text) => {
    expect(tenantWideScope(text)).toBeUndefined();
  });

  it('a named object wins: the scope is only set when nothing is named', () => {
    expect(extractEntities('is directory sync healthy right now?')).toEqual({ tenantWide: 'sync' });
    expect(extractEntities("is sync healthy for 'Salg Oslo' right now?").tenantWide).toBeUndefined();
  });

  it('fits the topics it belongs to: sync where the target is optional, licences for groups, quarantine for apps', () => {
    expect(tenantWideFits('group.sync_errors', 'sync')).toBe(true);
    expect(tenantWideFits('group.cannot_modify', 'sync')).toBe(false);
    expect(tenantWideFits('group.delete_licensed', 'licenses')).toBe(true);
    expect(tenantWideFits('provisioning.config_error', 'apps')).toBe(true);
    expect(tenantWideFits('provisioning.config_error', 'licenses')).toBe(false);
    expect(tenantWideFits('group.sync_errors', 'apps')).toBe(false);
  });
});
