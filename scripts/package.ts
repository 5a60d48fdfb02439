/**
 * `npm run package [-- --env dev]`: the Teams app package, as the Agents Toolkit's zipAppPackage builds it.
 * Fills the `${{NAME}}` placeholders in appPackage/manifest.json and its localisation from env/.env.<env>
 * (+ env/.env.<env>.user; real environment variables win), validates both against Microsoft's manifest schema
 * (vendored in tools/teams-app-schema, so this works offline) and writes appPackage/build/appPackage.<env>.zip.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as dotenv from 'dotenv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ZipFile } from 'yazl';
import { projectRoot } from '../src/paths';

export interface PackageResult {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Files in the zip, in order. */
  files: string[];
}

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fixed timestamp so the same inputs give the same zip. */
const ZIP_TIME = new Date(Date.UTC(2025, 0, 1));

/** env/.env.<env>, then env/.env.<env>.user, then `overrides` (the process environment). */
export function readEnvironment(root: string, envName: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new PackageError([`environment name must be letters, digits, '-' or '_' (got "${envName}")`]);
  const file = path.join(root, 'env', `.env.${envName}`);
  if (!fs.existsSync(file)) throw new PackageError([`env/.env.${envName} does not exist (environments: ${listEnvironments(root).join(', ') || 'none'})`]);
  const values: Record<string, string> = { ...dotenv.parse(fs.readFileSync(file)) };
  const user = `${file}.user`;
  if (fs.existsSync(user)) Object.assign(values, dotenv.parse(fs.readFileSync(user)));
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined && v.trim() !== '') values[k] = v;
  values.TEAMSFX_ENV ??= envName;
  return values;
}

function listEnvironments(root: string): string[] {
  const dir = path.join(root, 'env');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^\.env\.[A-Za-z0-9_-]+$/.test(f)).map((f) => f.slice(5));
}

/** Replaces every `${{NAME}}`; names without a value are collected (never their values). */
export function fillPlaceholders(text: string, values: Record<string, string>, missing: Set<string>): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name]?.trim();
    if (!value) {
      missing.add(name);
      return '';
    }
    return value;
  });
}

function schemaErrors(validate: ReturnType<Ajv['compile']>, data: unknown, file: string): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${file}${e.instancePath || ''}: ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const data = fs.readFileSync(file);
  if (data.length < 24 || data.toString('ascii', 1, 4) !== 'PNG') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function writeZip(entries: { name: string; data: Buffer }[], zipPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: ZIP_TIME, mode: 0o100644 });
    zip.end();
    const out = fs.createWriteStream(zipPath);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
}

export interface PackageOptions {
  root?: string;
  env: string;
  /** Values that win over the env files (the process environment for the CLI). */
  overrides?: Record<string, string | undefined>;
  /** Default <root>/appPackage/build. */
  outDir?: string;
}

export async function buildAppPackage(opts: PackageOptions): Promise<PackageResult> {
  const root = opts.root ?? projectRoot;
  const values = readEnvironment(root, opts.env, opts.overrides);
  const appDir = path.join(root, 'appPackage');
  const missing = new Set<string>();
  const problems: string[] = [];

  const manifestText = fillPlaceholders(fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8'), values, missing);
  const manifest = JSON.parse(manifestText) as Record<string, unknown> & {
    manifestVersion?: string;
    icons?: { color?: string; outline?: string };
    localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
    bots?: { botId?: string }[];
    webApplicationInfo?: { id?: string; resource?: string };
  };
  const localisations = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => ({
    name: l.file,
    json: JSON.parse(fillPlaceholders(fs.readFileSync(path.join(appDir, l.file), 'utf8'), values, missing)) as unknown,
  }));
  if (missing.size > 0) {
    throw new PackageError([
      `no value for ${[...missing].sort().join(', ')} in env/.env.${opts.env} (provision with the Agents Toolkit, or fill them in by hand: docs/admin-setup.md)`,
    ]);
  }

  const schemaDir = path.join(root, 'tools', 'teams-app-schema', `v${manifest.manifestVersion ?? ''}`);
  if (!fs.existsSync(schemaDir)) {
    throw new PackageError([`no vendored schema for manifestVersion ${manifest.manifestVersion} (tools/teams-app-schema)`]);
  }
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const load = (f: string) => JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8')) as object;
  problems.push(...schemaErrors(ajv.compile(load('MicrosoftTeams.schema.json')), manifest, 'manifest.json'));
  const locValidate = ajv.compile(load('MicrosoftTeams.Localization.schema.json'));
  for (const l of localisations) problems.push(...schemaErrors(locValidate, l.json, l.name));

  // What the schema cannot say.
  const botId = manifest.bots?.[0]?.botId ?? '';
  if (!GUID.test(botId)) problems.push(`bots[0].botId must be the bot's Entra app (client) ID, a GUID (got "${botId}")`);
  if (manifest.webApplicationInfo && manifest.webApplicationInfo.resource !== `api://botid-${botId}`) {
    problems.push(`webApplicationInfo.resource must be api://botid-${botId} for Teams SSO with a bot`);
  }
  const icons: { name: string; size: number }[] = [
    { name: manifest.icons?.color ?? '', size: 192 },
    { name: manifest.icons?.outline ?? '', size: 32 },
  ];
  for (const icon of icons) {
    const file = path.join(appDir, icon.name);
    const size = fs.existsSync(file) ? pngSize(file) : undefined;
    if (!size) problems.push(`icon ${icon.name || '(unnamed)'} is missing or not a PNG`);
    else if (size.width !== icon.size || size.height !== icon.size) {
      problems.push(`icon ${icon.name} must be ${icon.size}x${icon.size} pixels (is ${size.width}x${size.height})`);
    }
  }
  if (problems.length > 0) throw new PackageError(problems);

  const outDir = opts.outDir ?? path.join(appDir, 'build');
  fs.mkdirSync(outDir, { recursive: true });
  const entries = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
    ...localisations.map((l) => ({ name: l.name, data: Buffer.from(JSON.stringify(l.json, null, 2) + '\n') })),
    ...icons.map((i) => ({ name: i.name, data: fs.readFileSync(path.join(appDir, i.name)) })),
  ];
  const zipPath = path.join(outDir, `appPackage.${opts.env}.zip`);
  await writeZip(entries, zipPath);
  fs.writeFileSync(path.join(outDir, `manifest.${opts.env}.json`), entries[0].data);
  return { zipPath, manifest, files: entries.map((e) => e.name) };
}

if (require.main === module) {
  const i = process.argv.indexOf('--env');
  const env = i !== -1 ? (process.argv[i + 1] ?? '') : 'dev';
  buildAppPackage({ env, overrides: process.env }).then(
    (result) => {
      process.stdout.write(`Wrote ${path.relative(process.cwd(), result.zipPath)} (${result.files.join(', ')}); the manifest and its localisation validate against schema v${String(result.manifest.manifestVersion)}.\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
