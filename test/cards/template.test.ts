/**
 * Templates are compiled once and expanded without the templating SDK (issue #12: cost). Every card the bot sends
 * (test/cards/fixtures.ts, both languages) must come out exactly as adaptivecards-templating expands the same
 * template with the same data; constructs the compiler doesn't know are refused when a template is compiled.
 */
import * as ACData from 'adaptivecards-templating';
import * as render from '../../src/cards/render';
import { compileTemplate } from '../../src/cards/template';
import { LANGS } from '../../src/i18n';
import { cardsFor } from './fixtures';

describe('compiled card templates', () => {
  it.each(LANGS.map((l) => [l]))('%s: every card equals adaptivecards-templating output for the same template and data', (lang) => {
    const calls: { name: string; data: object; card: unknown }[] = [];
    const original = render.renderCard;
    const spy = jest.spyOn(render, 'renderCard').mockImplementation((name: string, data: object) => {
      const card = original(name, data);
      calls.push({ name, data, card });
      return card;
    });
    try {
      cardsFor(lang);
    } finally {
      spy.mockRestore();
    }
    expect(new Set(calls.map((c) => c.name)).size).toBeGreaterThanOrEqual(14);
    for (const c of calls) {
      const reference = new ACData.Template(render.templateJson(c.name)).expand({ $root: c.data });
      expect({ template: c.name, card: c.card }).toEqual({ template: c.name, card: reference });
    }
  });

  it('refuses an expression it does not implement instead of rendering it wrong', () => {
    expect(() => compileTemplate({ type: 'TextBlock', text: "${join(names, ', ')}" })).toThrow(/unsupported/);
  });

  it('repeats $data items, drops $when-false ones, keeps value types and leaves unknown names as written', () => {
    const template = {
      body: [{ $data: '${items}', $when: "${name != ''}", text: '${name} (#${$index})', spacing: "${if($index == 0, 'Default', 'Small')}", data: '${payload}' }],
      missing: '${nope}',
    };
    const data = { items: [{ name: 'a', payload: { n: 1 } }, { name: '', payload: {} }, { name: 'c', payload: [2] }] };
    expect(compileTemplate(template)(data)).toEqual(new ACData.Template(template).expand({ $root: data }));
    expect(compileTemplate(template)(data)).toEqual({
      body: [
        { text: 'a (#0)', spacing: 'Default', data: { n: 1 } },
        { text: 'c (#2)', spacing: 'Small', data: [2] },
      ],
      missing: '${nope}',
    });
  });
});
