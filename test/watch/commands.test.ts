/** The watch commands admins type, in English and Norwegian (issue #10), and which watches "stop watching …" means. */
import { parseCommand } from '../../src/dialogs/cancelAndHelpDialog';
import { normalize } from '../../src/dialogs/send';
import { parseWatchRequest, watchesMeant } from '../../src/watch/commands';
import type { Watch } from '../../src/watch/model';

const parse = (text: string) => parseWatchRequest(normalize(text));

describe('watch commands', () => {
  it.each([
    ['watch directory sync', { action: 'set', kind: 'sync' }],
    ['Watch dirsync.', { action: 'set', kind: 'sync' }],
    ['overvåk katalogsynkronisering', { action: 'set', kind: 'sync' }],
    ["watch provisioning for 'ServiceNow'", { action: 'set', kind: 'provisioning', target: 'servicenow' }],
    ['overvåk klargjøring for «ServiceNow Prod»', { action: 'set', kind: 'provisioning', target: 'servicenow prod' }],
    ['watch provisioning', { action: 'set', kind: 'provisioning', target: undefined }],
    ['watch licence errors', { action: 'set', kind: 'licence', target: undefined }],
    ['watch license errors in group Lisens E3 Ansatte', { action: 'set', kind: 'licence', target: 'lisens e3 ansatte' }],
    ['overvåk lisensfeil i gruppen Lisens E3 Ansatte', { action: 'set', kind: 'licence', target: 'lisens e3 ansatte' }],
    ['What are you watching?', { action: 'list' }],
    ['hva overvåker du?', { action: 'list' }],
    ['stop watching directory sync', { action: 'stop', what: 'directory sync' }],
    ['slutt å overvåke klargjøring for Slack', { action: 'stop', what: 'klargjøring for slack' }],
    ['stop watching', { action: 'stop', what: undefined }],
    ['tenant health', { action: 'health' }],
    ['Helsesjekk!', { action: 'health' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
    expect(parseCommand(normalize(text))).toEqual({ kind: 'watch', request: expected });
  });

  it('leaves issue descriptions and the other commands alone', () => {
    for (const text of ["my group 'Salg Oslo' won't update", 'users are not provisioned to ServiceNow', 'stop', 'watch out, sync is broken']) expect(parse(text)).toBeUndefined();
    expect(parseCommand('stop')).toEqual({ kind: 'cancel' });
  });

  it('caps a typed name', () => {
    const long = parse(`watch provisioning for ${'x'.repeat(1000)}`);
    expect(long && 'target' in long ? long.target?.length : 0).toBe(256);
  });
});

describe('which watches "stop watching …" means', () => {
  const w = (id: string, kind: Watch['kind'], name?: string): Watch => ({ id, kind, tenantId: 't', conversationId: 'c', lang: 'en', setBy: { id: 'u' }, createdAt: '2026-11-21T09:00:00Z', ...(name ? { subject: { id: `x-${id}`, displayName: name } } : {}) });
  const watches = [w('1', 'sync'), w('2', 'provisioning', 'Slack'), w('3', 'provisioning', 'ServiceNow'), w('4', 'licence')];
  it.each([
    ['directory sync', ['1']],
    ['katalogsynkronisering', ['1']],
    ['provisioning', ['2', '3']],
    ['provisioning for slack', ['2']],
    ['klargjøring til servicenow', ['3']],
    ['servicenow', ['3']],
    ['licence errors', ['4']],
    ['alt', ['1', '2', '3', '4']],
    ['provisioning for zendesk', []],
    [undefined, []],
  ])('%s', (what, ids) => {
    expect(watchesMeant(watches, what).map((x) => x.id)).toEqual(ids);
  });
});
