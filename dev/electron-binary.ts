/**
 * Where the Electron binary would be (used by `npm start` to pick the host, and by the e2e-electron
 * lane to run or skip). The npm package writes `path.txt` only after its postinstall
 * download, which our machines skip (`allowScripts: { electron: false }`): no path.txt, no binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const NO_ELECTRON_MESSAGE =
  'Electron binary not installed (node_modules/electron/path.txt is missing; the download is disabled by allowScripts). ' +
  'These tests run on machines with Electron: npm rebuild electron --ignore-scripts=false, then npm run build.';
