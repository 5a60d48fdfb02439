/**
 * Bot state on Azure Blob as infra/azure.bicep deploys it: BLOB_CONNECTION_STRING holds only the endpoint and
 * AZURE_CLIENT_ID names the app's user-assigned managed identity, so there is no key anywhere. The store must then
 * sign in as that identity. The identity endpoint App Service provides (IDENTITY_ENDPOINT / IDENTITY_HEADER) is a
 * loopback server here; Storage itself is not contacted.
 */
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { StorageSharedKeyCredential } from '@azure/storage-blob';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { loadConfig, type StorageConfig } from '../../src/config';
import { containerClientFor } from '../../src/state/blobRecords';

const IDENTITY = '7f3e2a10-5b4c-4d3e-9f80-112233445566';
const ENDPOINT_ONLY = {
  STORAGE: 'blob',
  BLOB_CONNECTION_STRING: 'BlobEndpoint=https://contosobotstate.blob.core.windows.net/',
  BLOB_CONTAINER: 'bot-state',
  AZURE_CLIENT_ID: IDENTITY,
};

function blobAccess(env: Record<string, string>) {
  const storage: StorageConfig = loadConfig(env).storage;
  if (storage.kind !== 'blob') throw new Error('expected blob storage');
  return storage;
}

describe('Blob state with the managed identity (no key in the settings)', () => {
  const seen: { url: string; header: string | undefined }[] = [];
  let identityEndpoint: http.Server;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    // App Service's managed identity endpoint: GET ?resource=…&client_id=… with the X-IDENTITY-HEADER secret.
    identityEndpoint = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', header: req.headers['x-identity-header'] as string | undefined });
      const resource = new URL(req.url ?? '/', 'http://x').searchParams.get('resource');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'loopback-storage-token', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource, token_type: 'Bearer' }));
    });
    await new Promise<void>((resolve) => identityEndpoint.listen(0, '127.0.0.1', resolve));
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'loopback-identity-header';
  });

  afterAll(async () => {
    for (const [name, value] of [['IDENTITY_ENDPOINT', saved.endpoint], ['IDENTITY_HEADER', saved.header]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise((r) => identityEndpoint.close(r));
  });

  it('builds a client for the endpoint and container that signs in as the identity AZURE_CLIENT_ID names', async () => {
    const storage = blobAccess(ENDPOINT_ONLY);
    const client = containerClientFor(storage.access, storage.container);
    expect(client.url).toBe('https://contosobotstate.blob.core.windows.net/bot-state');
    expect(client.accountName).toBe('contosobotstate');
    expect(client.credential).toBeInstanceOf(ManagedIdentityCredential);

    const token = await (client.credential as TokenCredential).getToken('https://storage.azure.com/.default');
    expect(token?.token).toBe('loopback-storage-token');
    expect(seen).toHaveLength(1);
    const asked = new URL(seen[0].url, 'http://x').searchParams;
    expect(asked.get('resource')).toBe('https://storage.azure.com');
    expect(asked.get('client_id')).toBe(IDENTITY);
    expect(seen[0].header).toBe('loopback-identity-header');
  });

  it('a connection string with a key (Azurite) still signs requests with that key', () => {
    const storage = blobAccess({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING:
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
    });
    const client = containerClientFor(storage.access, storage.container);
    expect(client.credential).toBeInstanceOf(StorageSharedKeyCredential);
    expect(client.url).toBe('http://127.0.0.1:10000/devstoreaccount1/synchelper-state');
  });
});
