/**
 * Speaks one utterance at a time through the OS engine. A new utterance with `interrupt` kills the
 * one being spoken and drops the queue (a key press always wins); without it, it waits its turn in
 * a short queue. Nothing spoken is ever logged: only the engine's name and how it failed.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { MAX_SPOKEN_CHARS, type Language } from '../../../preload/contract.js';
import type { Logger } from '../log.js';
import type { SpeechEngine } from './engines.js';

export interface SpeakOptions {
  text: string;
  lang: Language;
  interrupt: boolean;
  /** A multiple of the configured rate (the patient's speed for this session). */
  rate?: number | undefined;
  /** 0..1; the configured volume when absent. */
  volume?: number | undefined;
}

export interface SpeakerOptions {
  engine: SpeechEngine;
  log: Logger;
  rateWpm: number;
  volume: number;
  voices?: Partial<Record<Language, string>>;
  spawn?: typeof nodeSpawn;
  /** Utterances waiting behind the current one; older ones are dropped beyond this. */
  maxQueue?: number;
  /** Tests only: a file per utterance instead of the sound card. */
  outFile?: (n: number) => string;
  /** Tests only: what it was asked to say (the transcript), in order, interrupted or not. */
  onUtterance?: (u: { text: string; lang: Language }) => void;
}

/** Bounded and flattened: control characters (which an engine might read as commands) become spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cs}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SPOKEN_CHARS);
}

export class Speaker {
  private current: ChildProcess | null = null;
  private queue: SpeakOptions[] = [];
  private count = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly spawn: typeof nodeSpawn;
  private readonly maxQueue: number;

  constructor(private readonly o: SpeakerOptions) {
    this.spawn = o.spawn ?? nodeSpawn;
    this.maxQueue = o.maxQueue ?? 4;
  }

  get engineName(): string {
    return this.o.engine.name;
  }

  get speaking(): boolean {
    return this.current !== null;
  }

  speak(u: SpeakOptions): void {
    const text = cleanText(u.text);
    if (!text) return;
    if (u.interrupt) this.stop();
    this.o.onUtterance?.({ text, lang: u.lang });
    this.queue.push({ ...u, text });
    if (this.queue.length > this.maxQueue) this.queue.splice(0, this.queue.length - this.maxQueue);
    if (!this.current) this.next();
  }

  /** Silence now: the current utterance is killed and nothing queued is said. */
  stop(): void {
    this.queue = [];
    const p = this.current;
    this.current = null;
    if (p && p.exitCode === null) p.kill('SIGKILL');
    this.settle();
  }

  /** Resolves once nothing is playing or queued (tests and the bench). */
  idle(): Promise<void> {
    if (!this.current && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    if (this.current || this.queue.length) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private next(): void {
    const u = this.queue.shift();
    if (!u) return this.settle();
    const n = ++this.count;
    const cmd = this.o.engine.command(
      {
        text: u.text,
        lang: u.lang,
        wpm: this.o.rateWpm * (u.rate ?? 1),
        volume: u.volume ?? this.o.volume,
        voice: this.o.voices?.[u.lang],
      },
      this.o.outFile?.(n),
    );
    let child: ChildProcess;
    try {
      child = this.spawn(cmd.command, cmd.args, { stdio: ['pipe', 'ignore', 'ignore'], shell: false, windowsHide: true });
    } catch (err) {
      this.o.log.warn('speech.engine_failed', { engine: this.o.engine.name, code: (err as NodeJS.ErrnoException).code ?? 'spawn' });
      return this.next();
    }
    this.current = child;
    let failed = false;
    const finished = () => {
      if (this.current !== child) return; // interrupted: stop() already moved on
      this.current = null;
      this.next();
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      // ENOENT: the engine is not installed (scripts/system-deps.sh installs espeak-ng on Linux).
      failed = true;
      this.o.log.warn('speech.engine_failed', { engine: this.o.engine.name, code: err.code ?? 'error' });
      finished();
    });
    child.once('close', (code, signal) => {
      if (!failed && code !== 0 && signal === null) this.o.log.warn('speech.engine_exit', { engine: this.o.engine.name, exitCode: code });
      finished();
    });
    child.stdin?.on('error', () => {}); // the engine may exit (or be killed) before reading it all
    child.stdin?.end(cmd.input, 'utf8');
  }
}
