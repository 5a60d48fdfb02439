/**
 * Starts the sample tenant for people who want to curl it:
 *   npm run build && SAMPLE_TENANT_PORT=5980 node dist/src/sampleTenant/main.js
 *   curl -H 'Authorization: Bearer ga' 'http://127.0.0.1:5980/v1.0/me?$select=id,displayName'
 */
import { SAMPLE, PERSONAS, startSampleTenant } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.SAMPLE_TENANT_PORT ?? 5980);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SAMPLE_TENANT_PORT must be a port number, got '${process.env.SAMPLE_TENANT_PORT}'`);
  const tenant = await startSampleTenant({ port });
  process.stdout.write(
    `Sample tenant "${SAMPLE.tenant.displayName}" (Microsoft Graph v1.0) listening on ${tenant.url}/v1.0\n` +
      `Personas (use as bearer token): ${PERSONAS.join(', ')}\n` +
      `Try: curl -H 'Authorization: Bearer ga' '${tenant.url}/v1.0/me?$select=id,displayName,userPrincipalName'\n`,
  );
  const stop = () => {
    void tenant.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
