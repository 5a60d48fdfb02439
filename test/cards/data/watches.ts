/** The watch cards (issue #10) with realistic data: Norwegian letters, quotes, a long fix, many watches. */
import type { AdaptiveCard } from '../../../src/cards/render';
import { healthCard, watchAlertCard, watchListCard, watchSetCard } from '../../../src/watch/cards';
import type { Lang } from '../../../src/i18n';
import type { Observation, Watch } from '../../../src/watch/model';

const base = { tenantId: 't', conversationId: '19:it-admins@thread.tacv2;messageid=1', setBy: { id: '29:1', name: 'Kari Nordmann' }, createdAt: '2026-11-21T09:00:00Z' };

export function watchCards(lang: Lang): AdaptiveCard[] {
  const sync: Watch = { ...base, id: 'w1', kind: 'sync', lang };
  const app: Watch = { ...base, id: 'w2', kind: 'provisioning', subject: { id: 'sp-1', displayName: 'ServiceNow "Prod" (Økonomi)' }, lang };
  const licence: Watch = { ...base, id: 'w3', kind: 'licence', subject: { id: 'g-1', displayName: "Lisens E3 Ansatte – O'Brien" }, lang };
  const stale: Observation = {
    level: 'bad',
    items: ['T1.stale'],
    additive: false,
    since: '2026-11-20T07:00:00Z',
    finding: {
      id: 'T1.stale',
      severity: 'blocker',
      title: { key: 'group.age.hour.other', params: { count: 26 } },
      detail: { key: 'group.t1.stale.detail' },
      evidence: { onPremisesLastSyncDateTime: '2026-11-20T07:00:00Z' },
      fix: [1, 2, 3, 4].map((i) => ({ key: `group.t1.stale.fix.${i}` })),
      learnMore: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-scheduler',
    },
  };
  const errors: Observation = { level: 'warning', items: ['g-1/u-1', 'g-1/u-2'], labels: ['jonas.dahl@contoso.no', 'mette.strand@contoso.no'], additive: true };
  const many: Watch[] = Array.from({ length: 12 }, (_, i) => ({ ...app, id: `w${i}`, subject: { id: `sp-${i}`, displayName: `Bedriftsapp nr. ${i} «Økonomi»` } }));
  return [
    watchSetCard(lang, sync, { level: 'ok', items: [], additive: false, finding: { ...stale.finding!, severity: 'ok', title: { key: 'group.age.minute.other', params: { count: 20 } } } }, 300),
    watchSetCard(lang, app, { level: 'unknown', items: [], additive: false, failure: '403 Authorization_RequestDenied' }, 60),
    watchListCard(lang, []),
    watchListCard(lang, [sync, app, licence, ...many]),
    watchAlertCard(lang, sync, { kind: 'alert', observation: stale, since: stale.since!, previous: 'ok', added: ['T1.stale'] }),
    watchAlertCard(lang, licence, { kind: 'alert', observation: errors, since: '2026-11-21T09:05:00Z', previous: 'warning', added: ['g-1/u-2'] }),
    healthCard(lang, {
      tenant: 'Contoso Nordic AS',
      access: 'watcher',
      checkedAt: '2026-11-21T09:00:00Z',
      lines: [
        { label: 'watch.health.line.sync', level: 'ok', text: 'The last sync finished 20 minutes ago.', check: { topic: 'group.sync_errors', target: {} } },
        { label: 'watch.health.line.syncErrors', level: 'warning', text: '1: Innkjøp Bergen', check: { topic: 'group.sync_errors', target: { group: 'Innkjøp Bergen' }, subjectId: 'g-2' } },
        { label: 'watch.health.line.licences', level: 'warning', text: 'Lisens E3 Ansatte', check: { topic: 'group.delete_licensed', target: { group: 'Lisens E3 Ansatte' }, subjectId: 'g-1' } },
        { label: 'watch.health.line.apps', level: 'bad', text: 'ServiceNow: in quarantine', check: { topic: 'provisioning.config_error', target: { app: 'ServiceNow' }, subjectId: 'sp-1' } },
        { label: 'watch.health.line.apps', level: 'unknown', text: 'Checked the first 40 of 212 enterprise apps.' },
      ],
    }),
  ];
}
