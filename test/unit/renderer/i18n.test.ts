import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en.js';
import { es } from '../../../renderer/i18n/es.js';
import { messagesFor } from '../../../renderer/i18n/index.js';

/** Leaf paths of a dictionary ("errors.internal", "greeting", ...). */
function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [p, x] of leaves(v, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

/** A function's text for sample arguments, so parameterised messages are compared too. */
function sample(v: unknown): unknown {
  if (typeof v !== 'function') return v;
  const args = Array.from({ length: v.length }, () => 'Q9');
  return (v as (...a: unknown[]) => unknown)(...args);
}

/**
 * Tokens that are the same in both languages on purpose: date masks (MM and DD read the same), a
 * time with an error code ("10:02 · http_503"), and minutes ("15 min").
 */
const SAME_ON_PURPOSE = new Set(['dobMasks.month', 'dobMasks.day', 'lastProblemAt', 'walkInMinutes', 'videoTag']);

describe('dictionaries', () => {
  const enLeaves = leaves(en);
  const esLeaves = leaves(es);

  it('have exactly the same keys', () => {
    expect([...esLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have the same kind of value for each key (text or function of the same arity)', () => {
    for (const [k, v] of enLeaves) {
      const s = esLeaves.get(k);
      expect(typeof s, k).toBe(typeof v);
      if (typeof v === 'function') expect((s as (...a: unknown[]) => unknown).length, k).toBe(v.length);
    }
  });

  it('translate everything (no English left in Spanish except the allow-list)', () => {
    const same = [...enLeaves.keys()].filter((k) => sample(enLeaves.get(k)) === sample(esLeaves.get(k)));
    expect(same.filter((k) => !SAME_ON_PURPOSE.has(k))).toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [k, v] of [...enLeaves, ...esLeaves]) expect(String(sample(v)).trim(), k).not.toBe('');
  });

  it('keep function parameters in the output', () => {
    for (const dict of [enLeaves, esLeaves])
      for (const [k, v] of dict)
        if (typeof v === 'function' && v.length > 0 && k !== 'secondsLeft') expect(String(sample(v)), k).toContain('Q9');
  });

  it('say "please see the front desk" in every failure message', () => {
    expect(en.seeDesk).toBe('Please see the front desk.');
    expect(en.tooLate).toContain('Please see the front desk');
    expect(en.noAppointments).toContain('Please see the front desk');
    expect(es.tooLate).toContain(es.seeDesk);
    expect(es.noAppointments).toContain(es.seeDesk);
  });

  it('uses "a la" for one o\'clock in Spanish', () => {
    expect(es.opensAt('1:05 p.m.')).toBe('El registro se abre a la 1:05 p.m.');
    expect(es.opensAt('10:40 a.m.')).toBe('El registro se abre a las 10:40 a.m.');
    expect(es.cooldownBody('1:05 p.m.')).toContain('hasta la 1:05 p.m.');
  });

  it('never prints a double period after a Spanish time ("a.m.."), in every sentence that ends with one', () => {
    for (const time of ['10:40 a.m.', '10:40 a. m.', '1:05 p.m.']) {
      for (const line of [
        es.cooldownBody(time),
        es.tooEarlyBody(time),
        es.pinLockedOut(time),
        en.cooldownBody(time),
        en.pinLockedOut(time),
      ]) {
        expect(line, line).not.toMatch(/\.\./);
        expect(line, line).toMatch(/\.$/);
      }
    }
    expect(en.cooldownBody('10:40 AM')).toMatch(/10:40 AM\.$/);
  });

  it('Spanish staff text is plain: agreement, plural, no jargon', () => {
    expect(es.staffLead).toContain('Se bloquea solo');
    expect(es.retried(1)).toBe('Reintento hecho: queda 1 pendiente.');
    expect(es.retried(3)).toBe('Reintento hecho: quedan 3 pendientes.');
    const all = JSON.stringify([...leaves(es).values()].map(sample));
    for (const jargon of ['EHR', 'secreto del cliente', 'API']) expect(all).not.toContain(jargon);
  });
});

describe("the clinic's own words", () => {
  it('replace the video-visit text in the languages the config gives, and only there', () => {
    const info = { videoVisitText: { es: 'Use el enlace de su mensaje.' } };
    expect(messagesFor('es', info).videoVisitText).toBe('Use el enlace de su mensaje.');
    expect(messagesFor('en', info).videoVisitText).toBe(en.videoVisitText);
    expect(messagesFor('es', null).videoVisitText).toBe(es.videoVisitText);
    // Everything else is the dictionary's.
    expect({ ...messagesFor('es', info), videoVisitText: es.videoVisitText }).toEqual(es);
  });
});
