/**
 * The OS speech engines, as argv-only command lines (never a shell). The text goes to the engine's
 * stdin, so a patient's name never appears in a process list and can never be read as an option.
 * Linux: espeak-ng (offline, English and Spanish voices in the Debian package). macOS: `say`.
 * Windows: System.Speech (SAPI) through PowerShell, offline.
 */
import type { Language } from '../../../preload/contract.js';

export interface Voice {
  text: string;
  lang: Language;
  /** Words per minute. */
  wpm: number;
  /** 0..1. */
  volume: number;
  /** The engine's voice name for `lang` (config `audio.voices`, else the engine's default for it). */
  voice?: string | undefined;
}

export interface EngineCommand {
  command: string;
  args: string[];
  /** Written to the engine's stdin, then closed. */
  input: string;
}

export interface SpeechEngine {
  readonly name: string;
  /** `outFile`: write a WAV (AIFF on macOS) instead of playing it. Tests only. */
  command(v: Voice, outFile?: string): EngineCommand;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export const ESPEAK_VOICES: Readonly<Record<Language, string>> = { en: 'en-us', es: 'es-419' };
export const espeakNg: SpeechEngine = {
  name: 'espeak-ng',
  command: (v, outFile) => ({
    command: 'espeak-ng',
    args: [
      '-v',
      v.voice ?? ESPEAK_VOICES[v.lang],
      '-s',
      String(Math.round(clamp(v.wpm, 80, 450))),
      // espeak-ng amplitude is 0..200, 100 the default loudness.
      '-a',
      String(Math.round(clamp(v.volume, 0, 1) * 200)),
      ...(outFile ? ['-w', outFile] : []),
      '--stdin',
    ],
    input: v.text,
  }),
};

/** Voices that ship with macOS (Paulina: Mexican Spanish). */
export const SAY_VOICES: Readonly<Record<Language, string>> = { en: 'Samantha', es: 'Paulina' };
export const macSay: SpeechEngine = {
  name: 'say',
  command: (v, outFile) => ({
    command: 'say',
    args: [
      '-v',
      v.voice ?? SAY_VOICES[v.lang],
      '-r',
      String(Math.round(clamp(v.wpm, 80, 450))),
      ...(outFile ? ['-o', outFile] : []),
      '-f',
      '-',
    ],
    // `say` has no volume flag; its embedded command sets it for this utterance.
    input: `[[volm ${clamp(v.volume, 0, 1).toFixed(2)}]] ${v.text}`,
  }),
};

export const SAPI_CULTURES: Readonly<Record<Language, string>> = { en: 'en', es: 'es' };
/** Single-quoted PowerShell literal. */
const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const windowsSapi: SpeechEngine = {
  name: 'sapi',
  command: (v, outFile) => {
    // SAPI rate is -10..10 around ~180 wpm; volume 0..100. Only numbers and validated names go in the script.
    const rate = Math.round(clamp((v.wpm - 180) / 20, -10, 10));
    const pick = v.voice
      ? `$s.SelectVoice(${psQuote(v.voice)})`
      : `$m=$s.GetInstalledVoices()|?{$_.VoiceInfo.Culture.Name -like ${psQuote(SAPI_CULTURES[v.lang] + '*')}}|select -First 1; if($m){$s.SelectVoice($m.VoiceInfo.Name)}`;
    const script = [
      'Add-Type -AssemblyName System.Speech',
      '[Console]::InputEncoding=[Text.Encoding]::UTF8',
      '$s=New-Object System.Speech.Synthesis.SpeechSynthesizer',
      pick,
      `$s.Rate=${rate}`,
      `$s.Volume=${Math.round(clamp(v.volume, 0, 1) * 100)}`,
      ...(outFile ? [`$s.SetOutputToWaveFile(${psQuote(outFile)})`] : []),
      '$s.Speak([Console]::In.ReadToEnd())',
    ].join('; ');
    return { command: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', script], input: v.text };
  },
};

export function engineFor(platform: NodeJS.Platform): SpeechEngine {
  if (platform === 'darwin') return macSay;
  if (platform === 'win32') return windowsSapi;
  return espeakNg;
}
