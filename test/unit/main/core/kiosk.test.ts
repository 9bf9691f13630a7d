import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../../main/core/config.js';
import { createKiosk } from '../../../../main/core/kiosk.js';
import { silentLogger } from '../../../../main/core/log.js';

describe('createKiosk on a kiosk that is not set up', () => {
  it("shows the schema's defaults (one place for defaults), the problem, and no FHIR parts", () => {
    const kiosk = createKiosk({
      config: { problem: 'config.json: not valid JSON' },
      secrets: { problem: 'no keychain' },
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'kiosk-unconfigured-')),
      log: silentLogger,
      mode: 'live',
    });
    const d = defaultConfig();
    expect(kiosk.info()).toEqual({
      clinicName: d.clinic.name,
      timezone: 'UTC',
      languages: d.kiosk.languages,
      mode: 'unconfigured',
      kioskId: d.kiosk.id,
      idleSeconds: d.kiosk.idleSeconds,
      warningSeconds: d.kiosk.warningSeconds,
      configProblem: 'config.json: not valid JSON',
      health: { state: 'not_configured', checkedAt: null, lastError: null },
      pausedUntil: null,
      // Audio guidance is on by default (config `audio`), even before the kiosk is set up.
      audio: expect.objectContaining({ enabled: true }),
      offlineIdentification: false,
    });
    expect(kiosk.info().kioskId).toBe('kiosk-1');
    expect(kiosk.parts).toBeNull();
  });
});

describe('createKiosk kiosk info', () => {
  it("hands the renderer the clinic's own video-visit text, per language, only as configured", () => {
    const make = (clinic: object) =>
      createKiosk({
        config: parseConfig({ clinic }),
        secrets: { problem: 'no keychain' },
        dataDir: mkdtempSync(path.join(os.tmpdir(), 'kiosk-info-')),
        log: silentLogger,
        mode: 'live',
      });
    const text = { es: 'Su cita es por video: use el enlace que le enviamos.' };
    expect(make({ videoVisitText: text }).info().videoVisitText).toEqual(text);
    expect(make({}).info().videoVisitText).toBeUndefined();
  });
});
