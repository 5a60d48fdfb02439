/** `npm run package`: the app package an admin uploads to Teams, built and validated offline. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { buildAppPackage, PackageError } from '../../scripts/package';

const DEV = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  BOT_DOMAIN: 'synchelper-dev.azurewebsites.net',
};

/** Reads a zip's central directory: name → content. */
function unzip(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const skip = nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + skip;
  }
  return out;
}

describe('npm run package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'synchelper-package-'));
  });
  afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('fills the placeholders from env/.env.dev and writes a zip with the manifest, the Norwegian localisation and the icons', async () => {
    const result = await buildAppPackage({ env: 'dev', overrides: DEV, outDir });
    expect(path.basename(result.zipPath)).toBe('appPackage.dev.zip');
    const files = unzip(result.zipPath);
    expect([...files.keys()]).toEqual(['manifest.json', 'nb-no.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(DEV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(DEV.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: DEV.BOT_ID, resource: `api://botid-${DEV.BOT_ID}` });
    expect(manifest.developer.privacyUrl).toBe(`https://${DEV.BOT_DOMAIN}/privacy`);
    expect(manifest.validDomains).toEqual(expect.arrayContaining([DEV.BOT_DOMAIN, 'token.botframework.com', 'europe.token.botframework.com']));
    const nb = JSON.parse(files.get('nb-no.json')!.toString('utf8'));
    expect(nb['bots[0].commandLists[0].commands[0].title']).toBe('hjelp');
    expect(files.get('color.png')!.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('names the settings that are still empty before provisioning (never builds a half-filled package)', async () => {
    await expect(buildAppPackage({ env: 'dev', overrides: { ...DEV, BOT_ID: '' }, outDir })).rejects.toThrow(/no value for BOT_ID in env\/\.env\.dev/);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('refuses a manifest the Teams schema rejects, saying which field', async () => {
    const err = await buildAppPackage({ env: 'dev', overrides: { ...DEV, TEAMS_APP_ID: 'not-a-guid' }, outDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackageError);
    expect((err as PackageError).problems.join('\n')).toMatch(/^manifest\.json\/id: must match pattern/m);
  });

  it('says which environments exist when asked for an unknown one', async () => {
    await expect(buildAppPackage({ env: 'prod', overrides: DEV, outDir })).rejects.toThrow(/env\/\.env\.prod does not exist \(environments: .*dev/);
  });
});
