import { renderVerdictCard, visibleText } from '../src/cards/verdict';
import { sampleVerdicts } from '../test/cards/data/sampleVerdicts';
it('dbg', async () => {
  const vs = await sampleVerdicts();
  for (const v of vs) {
    const card = renderVerdictCard(v.diagnosis, 'en', { target: {}, refreshable: true, timeZone: 'Europe/Oslo' }) as any;
    const ids = JSON.stringify(card).match(/"id":"finding-\d+-[^"]*?"/g) ?? [];
    const n = new Set(ids.map((s) => s.match(/finding-(\d+)/)![1])).size;
    const vt = visibleText(card);
    if (n < v.diagnosis.findings.length || vt.chars > 1600 || v.name.includes('ServiceNow')) console.log(v.name, v.diagnosis.findings.length, n, vt.chars, JSON.stringify(card).length, v.diagnosis.findings.map((f) => f.id + ':' + f.severity).join(' '));
  }
}, 60000);
