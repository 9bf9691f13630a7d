/**
 * The real engine here (espeak-ng from Debian) through the real Speaker, to WAV files: sox must find
 * real, non-silent audio for a sentence in English and one in Spanish. A silent file and a missing
 * file are shown to fail the same check, so the check cannot pass without the engine producing sound.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../main/core/log.js';
import { espeakNg } from '../../../../../main/core/speech/engines.js';
import { Speaker } from '../../../../../main/core/speech/speaker.js';

interface WavStat {
  seconds: number;
  rms: number;
}

/** `sox f.wav -n stat` writes its figures to stderr; no usable audio is an error. */
function statOf(file: string): WavStat {
  const r = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox could not read ${path.basename(file)}: ${r.stderr.trim()}`);
  const num = (label: string) => Number(r.stderr.match(new RegExp(`${label}:\\s+([0-9.]+)`))?.[1] ?? NaN);
  return { seconds: num('Length \\(seconds\\)'), rms: num('RMS\\s+amplitude') };
}

/** Real speech: more than half a second of it, clearly above silence. */
function isSpeech(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const s = statOf(file);
    return s.seconds > 0.5 && s.rms > 0.01;
  } catch {
    return false;
  }
}

describe('real audio from espeak-ng', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'real-audio-'));
  const files: string[] = [];
  const speaker = new Speaker({
    engine: espeakNg,
    log: silentLogger,
    rateWpm: 175,
    volume: 0.8,
    outFile: (n) => (files[n - 1] = path.join(dir, `utterance-${n}.wav`)),
  });

  it('speaks an English and a Spanish sentence as real, non-silent audio', async () => {
    speaker.speak({ text: 'What is your last name? Use the up and down arrows to choose a letter.', lang: 'en', interrupt: false });
    speaker.speak({ text: '¿Cuál es su apellido? Use las flechas arriba y abajo para elegir una letra.', lang: 'es', interrupt: false });
    await speaker.idle();
    expect(files).toHaveLength(2);
    for (const f of files) {
      const s = statOf(f);
      expect(s.seconds, path.basename(f)).toBeGreaterThan(2);
      expect(s.rms, path.basename(f)).toBeGreaterThan(0.01);
      expect(isSpeech(f)).toBe(true);
    }
  });

  it('the check fails for a silent file and for no file at all', () => {
    const silent = path.join(dir, 'silent.wav');
    execFileSync('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', silent, 'trim', '0', '2']);
    expect(statOf(silent).rms).toBeLessThan(0.001);
    expect(isSpeech(silent)).toBe(false);
    expect(isSpeech(path.join(dir, 'never-written.wav'))).toBe(false);
  });

  it('a faster session rate gives shorter audio for the same sentence', async () => {
    const text = 'Check-in opens at 10:30 AM. Please see the front desk.';
    speaker.speak({ text, lang: 'en', interrupt: false });
    speaker.speak({ text, lang: 'en', interrupt: false, rate: 1.6 });
    await speaker.idle();
    const [normal, fast] = files.slice(-2).map((f) => statOf(f).seconds);
    expect(fast!).toBeLessThan(normal! * 0.8);
  });
});
