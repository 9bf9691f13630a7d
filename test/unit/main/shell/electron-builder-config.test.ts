/**
 * electron-builder.yml, validated offline with electron-builder's own schema check (the same one the
 * CLI runs before packaging), plus the properties the security design depends on.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Internal paths of app-builder-lib/builder-util (dependencies of electron-builder, pinned at 26.x).
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: Record<string, unknown> | null,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = process.cwd();
const ymlPath = path.join(root, 'electron-builder.yml');

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary YAML

async function validate(configFile: string, projectDir = path.dirname(configFile), overrides: Config | null = null): Promise<Config> {
  const config = await getConfig(projectDir, configFile, overrides);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of our config with one line replaced, in its own project dir. */
function brokenCopy(find: string | RegExp, replace: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eb-config-'));
  tempDirs.push(dir);
  copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const text = readFileSync(ymlPath, 'utf8');
  const broken = text.replace(find, replace);
  if (broken === text) throw new Error(`test setup: ${String(find)} not found in electron-builder.yml`);
  writeFileSync(path.join(dir, 'electron-builder.yml'), broken);
  return path.join(dir, 'electron-builder.yml');
}

let config: Config;
beforeAll(async () => {
  config = await validate(ymlPath, root);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', () => {
    expect(config['appId']).toBe('org.opensource.clinickiosk');
  });

  it.each([
    ['a misspelled key', /^ {2}category: Science;MedicalSoftware$/m, '  categroy: Science;MedicalSoftware'],
    ['a wrong type', /^asar: true$/m, 'asar: "yes"'],
    ['an unknown fuse', /^ {2}runAsNode: false$/m, '  runAsNodee: false'],
    ['a v27-only signing key', /^ {2}signtoolOptions:$/m, '  sign:\n    signtool: true\n  signtoolOptions:'],
  ])('a deliberately broken copy (%s) fails validation', async (_name, find, replace) => {
    await expect(validate(brokenCopy(find, replace))).rejects.toThrow(/Invalid configuration object/);
  });

  it('ships only the built app: no sources, dev/, test/ or scripts/', () => {
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = (config['files'] as Array<string | { filter: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    const includes = files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual([
      'build/main/**',
      'build/preload/**',
      'build/renderer/**',
      'node_modules/keytar/LICENSE*',
      'node_modules/keytar/build/Release/keytar.node',
      'node_modules/keytar/lib/*.js',
      'node_modules/keytar/package.json',
      'package.json',
    ]);
    for (const pattern of includes) expect(pattern).not.toMatch(/^(dev|test|scripts|main|preload|renderer)\b|^\*\*/);
    expect(files).toContain('!**/*.{map,ts,tsx}');
    // Every other dependency is bundled by esbuild; keytar's install-time tools stay out.
    expect(files).toContain('!node_modules/**');
  });

  it('packs into an asar with native modules unpacked', () => {
    expect(config['asar']).toBe(true);
    expect(config['asarUnpack']).toEqual(['**/*.node']);
    expect(config['directories']).toMatchObject({ output: 'release', buildResources: 'assets' });
  });

  it('flips every hardening fuse', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names artifacts with version and arch', () => {
    expect(config['artifactName']).toContain('${version}');
    expect(config['artifactName']).toContain('${arch}');
  });

  it('macOS: hardened runtime, notarization, only the JIT entitlement', () => {
    const mac = config['mac'] as Config;
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'assets/entitlements.mac.plist',
      entitlementsInherit: 'assets/entitlements.mac.plist',
    });
    expect(JSON.stringify(mac['target'])).toContain('dmg');
    const plist = readFileSync(path.join(root, mac['entitlements'] as string), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('Windows: NSIS, signed with SHA-256, native modules signed too', () => {
    const win = config['win'] as Config;
    expect(JSON.stringify(win['target'])).toContain('nsis');
    expect(win['signtoolOptions']).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    expect(win['signExts']).toContain('.node');
  });

  it('accepts the Azure Trusted Signing override that release CI passes with -c (docs/security.md)', async () => {
    const azureSignOptions = {
      publisherName: 'Example Clinic Software',
      endpoint: 'https://eus.codesigning.azure.net',
      codeSigningAccountName: 'clinic-kiosk',
      certificateProfileName: 'release',
    };
    const withAzure = await validate(ymlPath, root, { forceCodeSigning: true, win: { azureSignOptions } });
    expect((withAzure['win'] as Config)['azureSignOptions']).toEqual(azureSignOptions);
    expect(withAzure['forceCodeSigning']).toBe(true);
  });

  it('Linux: the deb is the one kiosk package (no AppImage), in the medical category', () => {
    const linux = config['linux'] as Config;
    expect((linux['target'] as Config[]).map((t) => t['target'])).toEqual(['deb']);
    expect(linux['category']).toMatch(/MedicalSoftware/);
  });

  it('holds no credentials: signing secrets come from the CI environment only', () => {
    const text = readFileSync(ymlPath, 'utf8');
    const keys = [...text.matchAll(/^\s*([A-Za-z][\w-]*):/gm)].map((m) => m[1]!);
    const secretKeys = keys.filter((k) =>
      /password|secret|cscLink|cscKeyPassword|certificateFile|certificatePassword|apiKey|token/i.test(k),
    );
    expect(secretKeys).toEqual([]);
    // The feed: draft GitHub releases; the token is GH_TOKEN in CI, never in the file.
    expect(config['publish']).toEqual([{ provider: 'github', releaseType: 'draft' }]);
  });

  it('the icon exists and is a 512×512 PNG', () => {
    const png = readFileSync(path.join(root, config['icon'] as string));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
