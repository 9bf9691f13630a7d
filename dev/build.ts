/**
 * `npm start` and `npm run smoke` build first. They run the build script as its own process instead
 * of importing it: scripts/ imports dev/ (bench, soak), so dev/ never imports scripts/ (no cycle).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export function runBuild(root = process.cwd()): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`scripts/build.mjs failed (${signal ?? `exit ${String(code)}`})`)),
    );
  });
}
