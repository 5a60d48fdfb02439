/**
 * The running bot and Application Insights: with APPLICATIONINSIGHTS_CONNECTION_STRING set, an admin's turns reach
 * the ingestion endpoint (a loopback server here) by the time the bot shuts down; without it no export exists.
 */
import { telemetrySink } from '../../src/telemetry';
import { startWorld } from '../helpers/adminChat';
import { startIngestion } from '../helpers/ingestion';

const IKEY = '4f1e2d3c-aaaa-4bbb-8ccc-0123456789ab';

it('with the connection string, the admin turns are exported (no words, no ids) and the export ends with the bot', async () => {
  const ingestion = await startIngestion();
  const world = await startWorld({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=${ingestion.endpoint}` });
  try {
    expect(telemetrySink()).toBeDefined();
    const admin = world.chat({ locale: 'nb-NO' });
    await admin.say('gruppa mi Salg Oslo synkroniserer ikke');
  } finally {
    await world.close();
    await ingestion.close();
  }
  expect(telemetrySink()).toBeUndefined();
  const events = ingestion.posts.flatMap((p) => p.envelopes);
  expect(events.map((e) => e.data.baseData.name)).toContain('turn');
  expect(events.every((e) => e.iKey === IKEY)).toBe(true);
  expect(JSON.stringify(events)).not.toMatch(/Salg Oslo|synkroniserer|29:1admin/);
});

it('without it, the running bot has no export at all', async () => {
  const world = await startWorld();
  try {
    expect(telemetrySink()).toBeUndefined();
    await world.chat().say('hello');
    expect(telemetrySink()).toBeUndefined();
  } finally {
    await world.close();
  }
});
