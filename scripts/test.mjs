// `npm test`: system packages, build, type-check, lint, format, unit + integration (vitest, inside a
// private keyring session), e2e (Playwright + Debian Chromium). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (stage) => only.length === 0 || only.includes(stage);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
mkdirSync('artifacts', { recursive: true });

function run(label, cmd, args, opts = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}: ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, ...opts });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}
/** A stage that is one check: it passes or fails as a whole. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}
/** A stage whose runner reports per-test counts in a JSON file. */
function suite(label, cmd, args, resultFile, count) {
  const ok = run(label, cmd, args);
  const counts = existsSync(resultFile) ? count(JSON.parse(readFileSync(resultFile, 'utf8'))) : null;
  if (!counts) {
    failed++;
    failures.push(`${label} (no results)`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (counts.failed || !ok) failures.push(label);
  if (!ok && !counts.failed) {
    failed++; // the runner failed outside any test (e.g. a crash in setup)
  }
}

if (!run('system packages', 'bash', ['scripts/system-deps.sh'])) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
if (want('static')) {
  check('build', 'node', ['scripts/build.mjs']);
  check('type-check main + preload + dev + tests', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  check('type-check renderer (DOM only, no Node types)', 'npx', ['tsc', '-p', 'tsconfig.renderer.json', '--noEmit']);
  check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  check('format', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
} else if (!existsSync('build/renderer/app.js')) {
  check('build', 'node', ['scripts/build.mjs']);
}
if (want('unit')) {
  suite(
    'unit + integration (vitest, real Secret Service)',
    'bash',
    ['scripts/with-keyring.sh', 'npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=artifacts/vitest.json'],
    'artifacts/vitest.json',
    (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) }),
  );
}
if (want('e2e')) {
  suite('e2e (Playwright, Debian Chromium)', 'npx', ['playwright', 'test'], 'artifacts/e2e-results.json', (j) => ({
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
  }));
}

if (want('e2e')) {
  // Electron's own window tests: they run where the Electron binary exists and skip (counted) elsewhere.
  suite(
    'e2e (Electron)',
    'npx',
    ['playwright', 'test', '-c', 'test/e2e-electron/playwright.config.ts'],
    'artifacts/e2e-electron-results.json',
    (j) => ({
      passed: j.stats.expected + j.stats.flaky,
      failed: j.stats.unexpected,
      skipped: j.stats.skipped,
    }),
  );
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
