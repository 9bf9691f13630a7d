/**
 * The Speaker against real child processes: a tiny Node "engine" that records what it was given and
 * then talks (sleeps) for a while, so interruption, queueing and failures are the real thing.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../../../main/core/log.js';
import type { SpeechEngine } from '../../../../../main/core/speech/engines.js';
import { cleanText, Speaker } from '../../../../../main/core/speech/speaker.js';

const SECRET_TEXT = 'Hi, Amara O. Your birthday is 1984-03-09';

/** Writes its stdin to <dir>/<n>-<lang>.txt and "speaks" for `ms`; exits with `exitCode`. */
function shellEngine(dir: string, ms: number, exitCode = 0): SpeechEngine {
  let n = 0;
  const script = 'cat > "$1.part" && mv "$1.part" "$1"; sleep "$2"; exit "$3"';
  return {
    name: 'sh-test',
    command: (v) => ({
      command: 'sh',
      args: ['-c', script, 'engine', path.join(dir, `${++n}-${v.lang}.txt`), String(ms / 1000), String(exitCode)],
      input: v.text,
    }),
  };
}

/** Until the engine process for the `n`th utterance has read its text. */
async function engineStarted(dir: string, n: number) {
  while (readdirSync(dir).filter((f) => f.endsWith('.txt')).length < n) await new Promise((r) => setTimeout(r, 10));
}

function setup(ms: number, exitCode = 0, command?: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'speaker-'));
  const lines: string[] = [];
  const log = createLogger([memorySink(lines)], { minLevel: 'debug' });
  const base = shellEngine(dir, ms, exitCode);
  const engine: SpeechEngine = command ? { name: 'missing', command: (v) => ({ ...base.command(v), command }) } : base;
  const spoken: string[] = [];
  const speaker = new Speaker({ engine, log, rateWpm: 175, volume: 0.8, onUtterance: (u) => spoken.push(u.text) });
  const heard = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort((a, b) => parseInt(a) - parseInt(b))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  return { speaker, lines, spoken, heard, dir };
}

describe('Speaker', () => {
  it('speaks queued utterances one at a time, in order, each to its own engine process', async () => {
    const { speaker, heard } = setup(50);
    speaker.speak({ text: 'one', lang: 'en', interrupt: false });
    speaker.speak({ text: 'dos', lang: 'es', interrupt: false });
    expect(speaker.speaking).toBe(true);
    await speaker.idle();
    expect(heard()).toEqual(['one', 'dos']);
    expect(speaker.speaking).toBe(false);
  });

  it('a new utterance with interrupt kills the one being spoken and drops the queue', async () => {
    const { speaker, spoken, heard, dir } = setup(1_500);
    speaker.speak({ text: 'a long sentence', lang: 'en', interrupt: true });
    speaker.speak({ text: 'queued behind it', lang: 'en', interrupt: false });
    await engineStarted(dir, 1);
    const started = Date.now();
    speaker.speak({ text: 'the new focus', lang: 'en', interrupt: true });
    await speaker.idle();
    // The long one was killed, not waited for: only the new one's 1.5 s, not 1.5 s more (nor the queued one's).
    expect(Date.now() - started).toBeLessThan(2_700);
    expect(heard()).toEqual(['a long sentence', 'the new focus']);
    expect(spoken).toEqual(['a long sentence', 'queued behind it', 'the new focus']);
  });

  it('stop() silences it: nothing queued is said afterwards', async () => {
    const { speaker, heard, dir } = setup(300);
    speaker.speak({ text: 'first', lang: 'en', interrupt: false });
    speaker.speak({ text: 'second', lang: 'en', interrupt: false });
    await engineStarted(dir, 1);
    speaker.stop();
    await speaker.idle();
    await new Promise((r) => setTimeout(r, 500));
    expect(heard()).toEqual(['first']);
    expect(speaker.speaking).toBe(false);
  });

  it('bounds the text and turns control characters into spaces', () => {
    expect(cleanText('a\u0007b\nc')).toBe('a b c');
    expect(cleanText('x'.repeat(5000))).toHaveLength(800);
  });

  it('never logs what it speaks, even when the engine is missing or fails', async () => {
    const missing = setup(10, 0, '/nonexistent/espeak-ng');
    missing.speaker.speak({ text: SECRET_TEXT, lang: 'en', interrupt: true });
    await missing.speaker.idle();
    const failing = setup(10, 3);
    failing.speaker.speak({ text: SECRET_TEXT, lang: 'es', interrupt: true });
    await failing.speaker.idle();
    const logged = [...missing.lines, ...failing.lines].join('\n');
    expect(missing.lines.map((l) => JSON.parse(l).event)).toEqual(['speech.engine_failed']);
    expect(JSON.parse(missing.lines[0]!).code).toBe('ENOENT');
    expect(failing.lines.map((l) => JSON.parse(l).exitCode)).toEqual([3]);
    for (const word of ['Amara', 'birthday', '1984']) expect(logged).not.toContain(word);
  });
});
