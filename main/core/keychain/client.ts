/**
 * Main's side of the keychain child: one child process at a time, every call with a timeout, a crash
 * or a hang turned into KeychainUnavailableError (and a fresh child on the next call), never into a
 * dead main process. The channel is a seam: plain Node forks child.ts; the Electron shell can pass an
 * Electron utilityProcess wrapped in the same three methods.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeychainFailure, KeychainOp, KeychainRequest, KeychainResponse } from './protocol.js';

export interface KeychainChannel {
  send(msg: KeychainRequest): void;
  onMessage(cb: (msg: KeychainResponse) => void): void;
  /** The child ended (exit code or signal, e.g. SIGSEGV). */
  onExit(cb: (how: string) => void): void;
  kill(): void;
  /** Hold the process open only while calls are pending (an idle child must not keep a CLI alive). */
  hold?(busy: boolean): void;
  readonly pid?: number | undefined;
}
export type KeychainChannelFactory = () => KeychainChannel;

export class KeychainUnavailableError extends Error {
  override name = 'KeychainUnavailableError';
  constructor(
    message: string,
    readonly reason: KeychainFailure = 'unavailable',
  ) {
    super(message);
  }
}

/**
 * The child entry next to this module: the built `keychain-child.cjs` beside the bundle, or child.ts
 * (run through tsx) in development and tests.
 */
export function defaultChildEntry(): { file: string; execArgv: string[] } {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const built = path.join(path.dirname(here), 'keychain-child.cjs');
  if (here.endsWith('.cjs') && existsSync(built)) return { file: built, execArgv: [] };
  return { file: path.join(path.dirname(here), 'child.ts'), execArgv: ['--import', 'tsx'] };
}

/** child_process.fork with an IPC channel (plain Node: the CLI, dev runs, tests). */
export function forkChannel(entry = defaultChildEntry()): KeychainChannel {
  // stdio ignored: libsecret's CRITICAL lines on a locked keyring stay out of main's output, and no
  // pipe keeps the process alive once the child is idle (unref'd below).
  const child = fork(entry.file, [], { execArgv: entry.execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'json' });
  return {
    pid: child.pid,
    send: (m) => void child.send(m),
    onMessage: (cb) => void child.on('message', (m) => cb(m as KeychainResponse)),
    onExit: (cb) => void child.on('exit', (code, signal) => cb(signal ?? `exit ${code}`)),
    kill: () => void child.kill('SIGKILL'),
    hold: (busy) => {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
}

/** The part of Electron's `utilityProcess` module used here (structural: core never imports electron). */
export interface UtilityProcessLike {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'ignore' },
  ): {
    readonly pid?: number | undefined;
    postMessage(message: unknown): void;
    on(event: 'message', cb: (message: unknown) => void): unknown;
    on(event: 'exit', cb: (code: number) => void): unknown;
    kill(): boolean;
  };
}

/**
 * For the packaged Electron kiosk, where `fork` is closed (the runAsNode fuse is off): the same child
 * as an Electron utility process. The shell passes `() => utilityProcessChannel(utilityProcess)` as
 * openKeychain's `spawn`.
 */
export function utilityProcessChannel(up: UtilityProcessLike, file = defaultChildEntry().file): KeychainChannel {
  const child = up.fork(file, [], { serviceName: 'kiosk-keychain', stdio: 'ignore' });
  return {
    pid: child.pid,
    send: (m) => child.postMessage(m),
    onMessage: (cb) => void child.on('message', (m) => cb(m as KeychainResponse)),
    onExit: (cb) => void child.on('exit', (code) => cb(`exit ${code}`)),
    kill: () => void child.kill(),
  };
}

interface Pending {
  resolve(v: KeychainResponse): void;
  timer: NodeJS.Timeout;
}

export class IsolatedKeychain {
  private channel: KeychainChannel | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly o: {
      spawn?: KeychainChannelFactory;
      timeoutMs?: number;
      /** Each new child's channel (diagnostics, tests). */
      onSpawn?: (channel: KeychainChannel) => void;
    } = {},
  ) {}

  async call(op: KeychainOp, service: string, account?: string, password?: string): Promise<string | boolean | null> {
    const res = await this.request({
      op,
      service,
      ...(account !== undefined ? { account } : {}),
      ...(password !== undefined ? { password } : {}),
    });
    if (!res.ok) throw new KeychainUnavailableError(`OS keychain ${describe(res.failure)}: ${res.message}`, res.failure);
    return res.value;
  }

  /** Ends the child (kiosk shutdown). */
  close(): void {
    this.channel?.kill();
    this.channel = null;
  }

  private request(r: Omit<KeychainRequest, 'id'>): Promise<KeychainResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      let ch: KeychainChannel;
      try {
        ch = this.ensure();
      } catch (err) {
        resolve({ id, ok: false, failure: 'unavailable', message: `keychain helper could not start (${(err as Error).message})` });
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // A hung call (an unlock prompt nobody answers, a stuck daemon): end this child, start afresh next time.
        this.drop(ch, 'timeout', 'no answer in time');
        resolve({ id, ok: false, failure: 'timeout', message: `no answer within ${this.o.timeoutMs ?? 5000} ms` });
      }, this.o.timeoutMs ?? 5000);
      timer.unref();
      this.pending.set(id, { resolve, timer });
      ch.hold?.(true);
      ch.send({ id, ...r });
    });
  }

  private ensure(): KeychainChannel {
    if (this.channel) return this.channel;
    const ch = (this.o.spawn ?? (() => forkChannel()))();
    this.channel = ch;
    ch.onMessage((msg) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(msg.id);
      if (!this.pending.size) ch.hold?.(false);
      p.resolve(msg);
    });
    ch.onExit((how) => this.drop(ch, 'crashed', `keychain helper ended (${how})`));
    this.o.onSpawn?.(ch);
    return ch;
  }

  private drop(ch: KeychainChannel, failure: KeychainFailure, message: string) {
    if (this.channel !== ch) return;
    this.channel = null;
    ch.kill();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, ok: false, failure, message });
    }
    this.pending.clear();
  }
}

function describe(f: KeychainFailure) {
  return f === 'locked' ? 'is locked' : f === 'timeout' ? 'did not answer' : f === 'crashed' ? 'helper crashed' : 'unavailable';
}
