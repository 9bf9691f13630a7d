/** Renderer cost: bundle bytes gzipped, and the longest main-thread task from a Chromium trace. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  files: Array<{ file: string; raw: number; gzip: number }>;
}

/** Every .js / .css under the renderer build, gzipped one by one (zlib level 9, as a server would serve them). */
export function bundleSizes(dir: string): BundleSizes {
  const out: BundleSizes = { jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0, files: [] };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(m?js|css)$/.test(name)) {
        const body = readFileSync(full);
        const gzip = gzipSync(body, { level: 9 }).length;
        const rel = path.relative(dir, full);
        out.files.push({ file: rel, raw: body.length, gzip });
        if (name.endsWith('.css')) {
          out.cssRaw += body.length;
          out.cssGzip += gzip;
        } else {
          out.jsRaw += body.length;
          out.jsGzip += gzip;
        }
      }
    }
  };
  walk(dir);
  return out;
}

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * The longest task (`RunTask`, µs → ms) on the renderer main thread(s) that handled a click during
 * the trace: the patient's page, not an idle page in another renderer process.
 */
export function longestTaskFromTrace(trace: Buffer | string): { longestMs: number; tasks: number } {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(key));
  const clicked = new Set(
    events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && mainThreads.has(key(e))).map(key),
  );
  let longest = 0;
  let tasks = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !clicked.has(key(e))) continue;
    tasks++;
    longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return { longestMs: longest, tasks };
}
