import { decodeHtmlEntities, normalizeText } from '../../src/bot/mentions';

const BOT = { id: '28:0b0b0b0b-1111-4222-8333-444455556666', name: 'SyncHelper' };
const OLA = { id: '29:1ola-hansen', name: 'Ola Hansen' };
const mention = (who: { id: string; name: string }, text = `<at>${who.name}</at>`) => ({
  type: 'mention',
  text,
  mentioned: { id: who.id, name: who.name },
});
const clientInfo = { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Oslo' };

function normalized(text: string, entities: unknown[] = [mention(BOT)], recipient: { id?: string; name?: string } = BOT): string {
  return normalizeText({ text, entities: [...entities, clientInfo], recipient });
}

describe('what the admin typed, without the @SyncHelper mention', () => {
  it('a personal chat message is left as typed', () => {
    expect(normalizeText({ text: "why can't I edit the Sales group?", entities: [clientInfo], recipient: BOT })).toBe(
      "why can't I edit the Sales group?",
    );
  });

  it('a channel post starting with the mention', () => {
    expect(normalized('<at>SyncHelper</at> my group won\'t update')).toBe("my group won't update");
  });

  it('a group chat message with the mention at the end, and a line break', () => {
    expect(normalized('why are users not provisioned to Workday?\r\n<at>SyncHelper</at>')).toBe(
      'why are users not provisioned to Workday?',
    );
  });

  it('a mention in the middle of the sentence', () => {
    expect(normalized('hey <at>SyncHelper</at> can you check group Sales')).toBe('hey can you check group Sales');
  });

  it('Teams HTML: <p>, <div> wrappers and &nbsp;', () => {
    expect(normalized('<div><div><at>SyncHelper</at>&nbsp;the HR group is read-only</div></div>')).toBe('the HR group is read-only');
    expect(normalized('<p><at>SyncHelper</at>&nbsp;first line</p><p>second line<br>third</p>')).toBe('first line second line third');
  });

  it('the bot mentioned twice (both removed, not only the first)', () => {
    expect(normalized('<at>SyncHelper</at> help <at>SyncHelper</at>', [mention(BOT), mention(BOT)])).toBe('help');
  });

  it("another person's mention becomes their plain name", () => {
    expect(normalized('<at>SyncHelper</at> can <at>Ola Hansen</at> manage this group?', [mention(BOT), mention(OLA)])).toBe(
      'can Ola Hansen manage this group?',
    );
  });

  it('a bot name with spaces split into several <at> tags (Teams sends one per word)', () => {
    const bot = { id: BOT.id, name: 'Sync Helper' };
    expect(
      normalized('<at>Sync</at> <at>Helper</at> the group is stuck', [mention(bot, '<at>Sync</at>'), mention(bot, '<at>Helper</at>')], bot),
    ).toBe('the group is stuck');
  });

  it("a colleague's name split into several <at> tags stays as their name", () => {
    expect(
      normalized('<at>SyncHelper</at> ask <at>Ola</at> <at>Hansen</at> about it', [
        mention(BOT),
        mention(OLA, '<at>Ola</at>'),
        mention(OLA, '<at>Hansen</at>'),
      ]),
    ).toBe('ask Ola Hansen about it');
  });

  it("a bot whose name contains '&' (encoded in the text, plain in the entity)", () => {
    const bot = { id: BOT.id, name: 'Sync & Help' };
    expect(normalized('<at>Sync &amp; Help</at> group Sales', [mention(bot, '<at>Sync & Help</at>')], bot)).toBe('group Sales');
  });

  it('a leftover <at> with no entity at all (e.g. the entity was dropped) is removed', () => {
    expect(normalized('<at>SyncHelper</at> check Sales', [], { id: BOT.id })).toBe('check Sales');
  });

  it('the mention entity id without the 28: prefix still counts as the bot', () => {
    expect(normalized('<at>SyncHelper</at> hi', [{ type: 'mention', text: '<at>SyncHelper</at>', mentioned: { id: BOT.id.slice(3), name: 'SyncHelper' } }])).toBe('hi');
  });

  it('an <at> tag with attributes', () => {
    expect(normalized('<at id="0">SyncHelper</at> status of Workday')).toBe('status of Workday');
  });

  it('a comma or colon left behind by the mention is dropped', () => {
    expect(normalized('<at>SyncHelper</at>, why is Sales read-only?')).toBe('why is Sales read-only?');
    expect(normalized('<at>SyncHelper</at>: help')).toBe('help');
  });

  it('other HTML entities are decoded; text that looks like a tag after decoding stays text', () => {
    expect(normalized('<at>SyncHelper</at> R&amp;D group &quot;Sales&quot; &lt;not a tag&gt; &#39;x&#39; &#x2F;')).toBe(
      'R&D group "Sales" <not a tag> \'x\' /',
    );
  });

  it('zero-width characters and runs of whitespace collapse', () => {
    expect(normalized('<at>SyncHelper</at>\u200b   group\t\tSales \n\n now')).toBe('group Sales now');
  });

  it('the bot name typed as a plain word (not a mention) is kept', () => {
    expect(normalized('<at>SyncHelper</at> is SyncHelper able to fix it?')).toBe('is SyncHelper able to fix it?');
  });

  it('only a mention and nothing else gives an empty text', () => {
    expect(normalized('<at>SyncHelper</at>')).toBe('');
    expect(normalized('<p><at>SyncHelper</at>&nbsp;</p>')).toBe('');
  });

  it('a message without text (Action.Submit) or without entities is handled', () => {
    expect(normalizeText({ recipient: BOT })).toBe('');
    expect(normalizeText({ text: null, entities: 'nonsense', recipient: null })).toBe('');
    expect(normalizeText({ text: '<at>SyncHelper</at> hi', entities: [null, 42, { type: 'mention' }], recipient: undefined })).toBe('hi');
  });

  it('a truncated payload with an unclosed <at> does not leak the tag', () => {
    expect(normalized('<at>SyncHelper hi')).toBe('SyncHelper hi');
  });

  it('Norwegian text survives untouched', () => {
    expect(normalized('<at>SyncHelper</at> hvorfor kan jeg ikke endre gruppen «Økonomi»?')).toBe(
      'hvorfor kan jeg ikke endre gruppen «Økonomi»?',
    );
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeHtmlEntities('a&nbsp;b &amp; &#248; &#xE6; &bogus; &#0;')).toBe('a b & ø æ &bogus; &#0;');
  });
});
