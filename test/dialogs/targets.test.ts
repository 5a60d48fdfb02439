/**
 * What the admin types at "Which user/group/app?" becomes the target: a name or address as it is, a sentence
 * through the same span extraction as a first message (the tenant then says which span is which).
 */
import { targetFromAnswer } from '../../src/dialogs/targets';

describe('a typed answer to "Which user?"', () => {
  it.each([
    ['Anna Berg', { user: 'Anna Berg' }],
    ['anna.berg@contoso.no', { user: 'anna.berg@contoso.no' }],
    ['it is anna.berg@contoso.no who is missing', { user: 'anna.berg@contoso.no' }],
  ])('%s → %j', (raw, expected) => {
    expect(targetFromAnswer({ app: 'Salesforce' }, 'user', raw)).toEqual({ app: 'Salesforce', ...expected });
  });

  it.each([
    ["it's Anna Berg who is missing", ['Anna Berg']],
    ['det er Anna Berg som mangler', ['Anna Berg']],
  ])('a sentence (%s) leaves the user open and adds its names for the tenant to resolve', (raw, names) => {
    expect(targetFromAnswer({ app: 'Salesforce', names: ['Salesforce'] }, 'user', raw)).toEqual({ app: 'Salesforce', names: ['Salesforce', ...names] });
  });
});

describe('a typed answer to "Which group?" or "Which app?"', () => {
  it('a sentence naming the group gives that name', () => {
    expect(targetFromAnswer({}, 'group', "it's the group named Salg Oslo")).toEqual({ group: 'Salg Oslo', names: ['Salg Oslo'] });
  });

  it('otherwise the whole answer stays the name to look up (long names exist); its spans are the fallbacks', () => {
    expect(targetFromAnswer({}, 'group', 'the group is called Salg Oslo now')).toEqual({ group: 'the group is called Salg Oslo now', names: ['Salg Oslo'] });
    expect(targetFromAnswer({}, 'group', 'Alle ansatte i Oslo kommune')).toEqual({ group: 'Alle ansatte i Oslo kommune', names: ['Alle', 'Oslo'] });
  });

  it('a short answer is the name itself, even when it sounds like an issue', () => {
    expect(targetFromAnswer({}, 'app', 'Dropbox Business')).toEqual({ app: 'Dropbox Business' });
  });
});
