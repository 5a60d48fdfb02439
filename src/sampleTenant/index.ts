/**
 * The sample tenant: a Microsoft Graph v1.0-compatible loopback server with a fictitious hybrid tenant
 * ("Contoso Nordic AS"). It is SyncHelper's offline default tenant and the Graph server every test talks to.
 * See README.md in this folder for the objects and the decision-tree branches they exercise.
 */
export { startSampleTenant, FaultInjector } from './server';
export type { SampleTenant, SampleTenantOptions, LoggedRequest, LoggedSubRequest, FaultSpec, GraphExchange, ExchangePart } from './server';
export { createSampleDataset, SAMPLE, SYNC_AGE, PERSONAS, guid } from './dataset';
export type { Dataset, SampleDatasetOverrides, PersonaName, Json, SynchronizationData } from './dataset';
export { AUTHORIZED } from './graph';
export type { Permission } from './graph';
