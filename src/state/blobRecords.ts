/**
 * `RecordStore` on Azure Blob Storage (STORAGE=blob): one block blob per record, its JSON value as the body, the
 * blob's ETag as the record's ETag. Create sends `If-None-Match: *`, replace and delete send `If-Match`, so two
 * instances on the same container never both win. An expiry is kept as blob metadata (`expiresat`, epoch ms):
 * an expired record reads as absent, is not listed, and a create takes its place (deleting it only if it is still
 * the same expired blob).
 */
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { ContainerClient, RestError } from '@azure/storage-blob';
import type { Clock } from '../clock';
import type { BlobAccess } from '../config';
import type { RecordStore, StoredRecord } from './records';

const EXPIRES = 'expiresat';

function status(err: unknown): number | undefined {
  return err instanceof RestError ? err.statusCode : (err as { statusCode?: number } | null)?.statusCode;
}

/** Tolerates only the listed HTTP statuses (as `undefined`); everything else is a real failure. */
async function unless<T>(work: Promise<T>, ...statuses: number[]): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (statuses.includes(status(err) ?? 0)) return undefined;
    throw err;
  }
}

/** Keys are '/'-separated; each segment is URI-encoded so ids like `19:abc@thread.tacv2;messageid=1` are safe. */
export function blobNameOf(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

function keyOf(blobName: string): string {
  return blobName
    .split('/')
    .map((part) => decodeURIComponent(part))
    .join('/');
}

function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/**
 * The container client for BLOB_CONNECTION_STRING (a plain string is a connection string): with a key, SAS or
 * Azurite as given; an endpoint alone signs in with Microsoft Entra ID, as the user-assigned managed identity
 * AZURE_CLIENT_ID names (as infra/azure.bicep deploys it), or through the default Azure credential chain.
 */
export function containerClientFor(access: BlobAccess | string, containerName: string): ContainerClient {
  if (typeof access === 'string') return new ContainerClient(access, containerName);
  if (access.kind === 'connectionString') return new ContainerClient(access.connectionString, containerName);
  const credential = access.clientId ? new ManagedIdentityCredential({ clientId: access.clientId }) : new DefaultAzureCredential();
  return new ContainerClient(`${access.endpoint}/${encodeURIComponent(containerName)}`, credential);
}

export class BlobRecordStore implements RecordStore {
  private readonly container: ContainerClient;
  private ready?: Promise<unknown>;

  constructor(
    access: BlobAccess | string,
    containerName: string,
    private readonly clock: Clock,
  ) {
    this.container = containerClientFor(access, containerName);
  }

  /** Creates the container once per process (409 from a second instance is fine). */
  private ensure(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private expired(metadata: Record<string, string> | undefined): boolean {
    const at = Number(metadata?.[EXPIRES]);
    return Number.isFinite(at) && at > 0 && at <= this.clock.now().getTime();
  }

  private metadata(ttlMs?: number): Record<string, string> | undefined {
    return ttlMs === undefined ? undefined : { [EXPIRES]: String(this.clock.now().getTime() + ttlMs) };
  }

  private upload(key: string, value: unknown, conditions: { ifMatch?: string; ifNoneMatch?: string }, ttlMs?: number) {
    const body = JSON.stringify(value);
    return this.container.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
      conditions,
      metadata: this.metadata(ttlMs),
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    await this.ensure();
    const found = await unless(this.container.getBlobClient(blobNameOf(key)).download(), 404);
    if (!found?.etag || !found.readableStreamBody || this.expired(found.metadata)) return undefined;
    const text = await textOf(found.readableStreamBody);
    return { value: JSON.parse(text) as T, etag: found.etag };
  }

  async create<T>(key: string, value: T, options: { ttlMs?: number } = {}): Promise<string | undefined> {
    await this.ensure();
    for (let attempt = 0; attempt < 2; attempt++) {
      const created = await unless(this.upload(key, value, { ifNoneMatch: '*' }, options.ttlMs), 409, 412);
      if (created) return created.etag;
      // Taken: free it only if what is there has expired (and is still that same expired blob).
      const props = await unless(this.container.getBlobClient(blobNameOf(key)).getProperties(), 404);
      if (props && !this.expired(props.metadata)) return undefined;
      if (props?.etag) await unless(this.container.getBlobClient(blobNameOf(key)).delete({ conditions: { ifMatch: props.etag } }), 404, 412);
    }
    return undefined;
  }

  async replace<T>(key: string, value: T, etag: string, options: { ttlMs?: number } = {}): Promise<string | undefined> {
    await this.ensure();
    const done = await unless(this.upload(key, value, { ifMatch: etag }, options.ttlMs), 404, 409, 412);
    return done?.etag;
  }

  async delete(key: string, etag?: string): Promise<void> {
    await this.ensure();
    await unless(this.container.getBlobClient(blobNameOf(key)).delete(etag ? { conditions: { ifMatch: etag } } : {}), 404, 412);
  }

  async list(prefix: string): Promise<string[]> {
    await this.ensure();
    const keys: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: blobNameOf(prefix), includeMetadata: true })) {
      if (!this.expired(blob.metadata)) keys.push(keyOf(blob.name));
    }
    return keys;
  }
}
