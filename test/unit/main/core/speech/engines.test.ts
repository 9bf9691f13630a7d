import { describe, expect, it } from 'vitest';
import { engineFor, espeakNg, macSay, windowsSapi } from '../../../../../main/core/speech/engines.js';

const NAME = "María O'Brien --help; rm -rf /";

describe('speech engines: argv only, the text on stdin', () => {
  it.each([
    ['espeak-ng', espeakNg],
    ['say', macSay],
    ['sapi', windowsSapi],
  ])('%s never puts the spoken text in argv', (_, engine) => {
    const c = engine.command({ text: NAME, lang: 'es', wpm: 175, volume: 0.8 });
    expect(c.args.join(' ')).not.toContain('María');
    expect(c.args.join(' ')).not.toContain('rm -rf');
    expect(c.input).toContain(NAME);
  });

  it('espeak-ng: a voice per language, rate in wpm, volume as amplitude, a WAV only when asked', () => {
    expect(espeakNg.command({ text: 'x', lang: 'en', wpm: 175, volume: 0.5 }).args).toEqual([
      '-v',
      'en-us',
      '-s',
      '175',
      '-a',
      '100',
      '--stdin',
    ]);
    const es = espeakNg.command({ text: 'x', lang: 'es', wpm: 999, volume: 2 }, '/tmp/a.wav').args;
    expect(es).toEqual(['-v', 'es-419', '-s', '450', '-a', '200', '-w', '/tmp/a.wav', '--stdin']);
    expect(espeakNg.command({ text: 'x', lang: 'es', wpm: 175, volume: 1, voice: 'es' }).args[1]).toBe('es');
  });

  it('sapi: numbers and quoted names only in the script', () => {
    const c = windowsSapi.command({ text: 'x', lang: 'es', wpm: 220, volume: 0.8, voice: "Evil' ; calc" });
    const script = c.args[3]!;
    expect(script).toContain("$s.SelectVoice('Evil'' ; calc')");
    expect(script).toContain('$s.Rate=2');
    expect(script).toContain('$s.Volume=80');
  });

  it('picks the engine by platform', () => {
    expect(engineFor('linux').name).toBe('espeak-ng');
    expect(engineFor('darwin').name).toBe('say');
    expect(engineFor('win32').name).toBe('sapi');
  });
});
