import { createRecognizer } from '../../src/recognizer';
import { CLOSE_RATIO, likelyIssues, routeOf } from '../../src/recognizer/route';
import type { Recognition } from '../../src/recognizer/types';

const recognizer = createRecognizer();
const route = (text: string, locale = 'en-US') => routeOf(recognizer.recognize(text, locale), text);

function recognition(ranked: [Recognition['intent'], number][], uncertain = true): Recognition {
  return { intent: ranked[0][0], score: ranked[0][1], uncertain, entities: {}, ranked: ranked.map(([intent, score]) => ({ intent, score })) };
}

describe('what the bot does with a message', () => {
  it('when the two best topics are close, it asks with exactly those two', () => {
    const r = recognition([['group.cannot_modify', 0.4], ['group.sync_howto', 0.35], ['out_of_scope', 0.1], ['group.sync_errors', 0.08]]);
    expect(0.35 / 0.4).toBeGreaterThanOrEqual(CLOSE_RATIO);
    expect(routeOf(r, 'members tab is read only, synced from AD connect')).toEqual({ kind: 'ask', choices: ['group.cannot_modify', 'group.sync_howto'] });
  });

  it('when three are close, it offers the close ones (up to four), best first', () => {
    const r = recognition([['provisioning.no_users', 0.3], ['provisioning.logs', 0.28], ['provisioning.setup', 0.27], ['greeting', 0.15]]);
    expect(likelyIssues(r)).toEqual(['provisioning.no_users', 'provisioning.logs', 'provisioning.setup']);
  });

  it.each([
    ["I'm Groups Administrator but adding Lisa to the group 'Project Atlas' fails: you don't have permission", 'en-US'],
    ['Insufficient privileges to complete the operation', 'en-US'],
    ['AttributeValueMustBeUnique', 'en-US'],
    ['SCIM 400', 'en-US'],
    ['jeg får «mangler tilgang» når jeg legger til et medlem i gruppa Økonomi', 'nb-NO'],
    ['brukeren fikk en rar onmicrosoft.com-UPN etter synk', 'nb-NO'],
  ])('a troubleshooting question is never out of scope: %s', (text, locale) => {
    expect(route(text, locale).kind).not.toBe('out_of_scope');
  });

  it('out of scope stays out of scope when nothing points at groups, sync, licences or provisioning', () => {
    expect(route('how do I make coffee')).toEqual({ kind: 'out_of_scope' });
    expect(route('hvordan tilbakestiller jeg passordet til en bruker', 'nb-NO')).toEqual({ kind: 'out_of_scope' });
  });

  it('thanks get the thanks reply, a hello the greeting', () => {
    expect(route('thanks, that did it')).toEqual({ kind: 'thanks' });
    expect(route('takk, det funka', 'nb-NO')).toEqual({ kind: 'thanks' });
    expect(route('hello')).toEqual({ kind: 'greeting' });
  });
});
