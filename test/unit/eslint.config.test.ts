/**
 * Every boundary in eslint.config.js fires where design.md says it must, and a legal import at the
 * same place does not. Each probe is source text linted at a virtual path; no file is written.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const BOUNDARY_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

/** The boundary messages ESLint reports for `code` placed at `file` (relative to the repository). */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const importOf = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

interface Case {
  boundary: string;
  file: string;
  bad: string;
  good: string;
  /** A phrase of the WHY message that only this boundary uses. */
  why: string;
}

const CASES: Case[] = [
  {
    boundary: 'main/core may not import electron',
    file: 'main/core/probe.ts',
    bad: 'electron',
    good: 'node:fs',
    why: 'tested under plain Node, where the Electron binary does not exist',
  },
  {
    boundary: 'main/ may not import dev/',
    file: 'main/core/checkin/probe.ts',
    bad: '../../../dev/demo-server/index.js',
    good: '../../fhir/client.js',
    why: 'would bundle the demo server (Medplum)',
  },
  {
    boundary: 'main/ may not import scripts/',
    file: 'main/shell/probe.ts',
    bad: '../../scripts/build.mjs',
    good: 'electron',
    why: 'would bundle the demo server (Medplum)',
  },
  {
    boundary: 'main/ may not import test/',
    file: 'main/admin/probe.ts',
    bad: '../../test/support/fixtures.js',
    good: '../core/config.js',
    why: 'would bundle the demo server (Medplum)',
  },
  {
    boundary: 'main/core may not import main/shell',
    file: 'main/core/probe.ts',
    bad: '../shell/window.js',
    good: './config.js',
    why: 'main/shell calls them, never the reverse',
  },
  {
    boundary: 'main/admin may not import main/shell',
    file: 'main/admin/probe.ts',
    bad: '../shell/startup.js',
    good: '../core/secrets.js',
    why: 'main/shell calls them, never the reverse',
  },
  {
    boundary: 'raw ipcMain only in main/shell/ipc.ts',
    file: 'main/shell/window.ts',
    bad: 'electron', // imports ipcMain below
    good: 'electron', // imports BrowserWindow below
    why: 'every other channel goes through the zod contract',
  },
  {
    boundary: 'preload may not import node: built-ins',
    file: 'preload/api.ts',
    bad: 'node:events',
    good: './contract.js',
    why: 'preload runs in the Chromium sandbox',
  },
  {
    boundary: 'preload may not import bare Node built-ins',
    file: 'preload/index.ts',
    bad: 'fs/promises',
    good: 'electron',
    why: 'preload runs in the Chromium sandbox',
  },
  {
    boundary: 'preload may not import main/',
    file: 'preload/contract.ts',
    bad: '../main/core/errors.js',
    good: 'zod',
    why: 'main/ code is Node-only and holds the secrets',
  },
  {
    boundary: 'preload may not import dev tooling',
    file: 'preload/contract.ts',
    bad: '../dev/demo-server/seed.js',
    good: './api.js',
    why: 'would bundle the demo server (Medplum)',
  },
  {
    boundary: 'preload (other than index.ts) may not import electron',
    file: 'preload/api.ts',
    bad: 'electron',
    good: './contract.js',
    why: 'tested under plain Node, where the Electron binary does not exist',
  },
  {
    boundary: 'the renderer may not import main/',
    file: 'renderer/screens/Probe.tsx',
    bad: '../../main/core/checkin/names.js',
    good: '../components/Buttons.js',
    why: 'talks to main only through window.kiosk',
  },
  {
    boundary: 'the renderer may not import dev/',
    file: 'renderer/probe.ts',
    bad: '../dev/demo-server/seed.js',
    good: './format.js',
    why: 'talks to main only through window.kiosk',
  },
  {
    boundary: 'the renderer imports only types from preload',
    file: 'renderer/probe.ts',
    bad: '../preload/contract.js', // a value import
    good: '../preload/contract.js', // a type import below
    why: 'values (zod schemas, the API builder) stay out of the browser bundle',
  },
  {
    boundary: 'the renderer may not import Node or main-process libraries',
    file: 'renderer/probe.ts',
    bad: 'luxon',
    good: 'preact/hooks',
    why: 'no Node, Electron or main-process libraries',
  },
  {
    boundary: 'dev/ may not import scripts/',
    file: 'dev/demo-kiosk.ts',
    bad: '../scripts/build.mjs',
    good: './demo-server/index.js',
    why: 'dev/ importing scripts/ makes a cycle',
  },
  {
    boundary: 'dev/ may not import test/',
    file: 'dev/demo-server/seed.ts',
    bad: '../../test/support/booking.js',
    good: '../../main/core/checkin/clinic-time.js',
    why: 'test/ is not a library',
  },
  {
    boundary: 'scripts/ may not import test/',
    file: 'scripts/bench/probe.ts',
    bad: '../../test/support/fixtures.js',
    good: '../../dev/demo-server/index.js',
    why: 'test/ is not a library',
  },
  {
    boundary: 'dev/ may not import electron',
    file: 'dev/chromium-host.ts',
    bad: 'electron',
    good: 'playwright-core',
    why: 'tested under plain Node, where the Electron binary does not exist',
  },
];

/** The probes whose legal twin differs in the imported names, not the specifier. */
function sources(c: Case): { bad: string; good: string } {
  if (c.boundary.startsWith('raw ipcMain')) {
    return {
      bad: `import { ipcMain } from 'electron';\nexport const y = ipcMain;\n`,
      good: `import { BrowserWindow } from 'electron';\nexport const y = BrowserWindow;\n`,
    };
  }
  if (c.boundary.startsWith('the renderer imports only types')) {
    return {
      bad: `import { contract } from '${c.bad}';\nexport const y = contract;\n`,
      good: `import type { Language } from '${c.good}';\nexport const y: Language = 'en';\n`,
    };
  }
  return { bad: importOf(c.bad), good: importOf(c.good) };
}

describe('eslint.config.js boundaries', () => {
  it.each(CASES)('$boundary: fires on $bad in $file, says why, and allows $good', async (c) => {
    const { bad, good } = sources(c);
    const fired = await boundaryMessages(c.file, bad);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toContain(c.why);
    expect(await boundaryMessages(c.file, good)).toEqual([]);
  });

  it('bans a dynamic import() across a boundary like the static one', async () => {
    const fired = await boundaryMessages('main/core/probe.ts', `export const load = () => import('../../dev/demo-server/index.js');\n`);
    expect(fired).toEqual([expect.stringContaining('would bundle the demo server (Medplum)')]);
    expect(await boundaryMessages('main/core/probe.ts', `export const load = () => import('keytar');\n`)).toEqual([]);
  });

  it('bans a dynamic import of a Node built-in in preload', async () => {
    const fired = await boundaryMessages('preload/api.ts', `export const load = () => import('node:fs');\n`);
    expect(fired).toEqual([expect.stringContaining('preload runs in the Chromium sandbox')]);
  });

  it('names every boundary of an area at once (options do not merge across config entries)', async () => {
    const code = `import '../../dev/demo-server/index.js';\nimport '../shell/window.js';\nimport 'electron';\n`;
    expect(await boundaryMessages('main/core/probe.ts', code)).toHaveLength(3);
  });

  it('dev/start.ts and dev/smoke.ts get no exception: dev never imports scripts/ (dev/build.ts spawns the build)', async () => {
    const build = `import { buildAll } from '../scripts/build.mjs';\nexport const b = buildAll;\n`;
    for (const file of ['dev/start.ts', 'dev/smoke.ts', 'dev/patient-driver.ts'])
      expect(await boundaryMessages(file, build)).toEqual([expect.stringContaining('makes a cycle')]);
  });
});
