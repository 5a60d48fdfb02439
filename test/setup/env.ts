// Every test runs with a clean, offline configuration: no real credentials leak in from the shell.
for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'GRAPH_BASE_URL']) {
  delete process.env[name];
}
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
