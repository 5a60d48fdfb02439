import { diagnoseApp, diagnoseResolution } from '../../../src/diagnostics/provisioning';
import type { Diagnosis, Text } from '../../../src/diagnostics/types';
import { hasKey, t, type Lang } from '../../../src/i18n';
import { clock } from './builders';
import { RESOLUTIONS, SCENARIOS } from './scenarios';

function texts(d: Diagnosis): Text[] {
  return [
    ...d.findings.flatMap((f) => [f.title, ...(f.detail ? [f.detail] : []), ...f.fix]),
    ...d.unchecked.flatMap((u) => [u.what, u.why]),
  ];
}

const all: { name: string; d: Diagnosis }[] = [
  ...SCENARIOS.map((s) => ({ name: s.name, d: diagnoseApp(s.topic, s.snapshot, clock) })),
  ...RESOLUTIONS.map((r) => ({ name: r.name, d: diagnoseResolution(r.resolution, 'provisioning.no_users', clock)! })),
];

describe('every provisioning finding reads as finished text in English and Norwegian', () => {
  test.each(all.map((x) => [x.name, x.d] as const))('%s', (_name, d) => {
    expect(d.findings.length + d.unchecked.length).toBeGreaterThan(0);
    for (const text of texts(d)) {
      for (const lang of ['en', 'nb'] as Lang[]) {
        expect(hasKey(text.key, lang) ? text.key : `missing ${lang}: ${text.key}`).toBe(text.key);
        const out = t(lang, text.key, text.params);
        expect(out).not.toBe(text.key);
        expect(out).not.toMatch(/\{\w+\}/);
      }
    }
    for (const f of d.findings) {
      if (f.learnMore) expect(f.learnMore).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});
