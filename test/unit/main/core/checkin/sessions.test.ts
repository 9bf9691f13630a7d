import { describe, expect, it } from 'vitest';
import { newOpaqueId, SessionStore } from '../../../../../main/core/checkin/sessions.js';
import { SessionRequest } from '../../../../../preload/contract.js';

describe('newOpaqueId', () => {
  it('is 24 base64url characters (144 random bits) and valid as a contract session/key', () => {
    for (let i = 0; i < 200; i++) {
      const id = newOpaqueId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(SessionRequest.safeParse({ session: id }).success).toBe(true);
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newOpaqueId()));
    expect(ids.size).toBe(5000);
  });
});

describe('SessionStore', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };

  it('returns the data for a live token, and null for unknown tokens', () => {
    const c = clock();
    const store = new SessionStore<{ patientId: string }>(60_000, c.now);
    const token = store.create({ patientId: 'pat-1' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(token).not.toContain('pat-1');
    expect(store.get(token)).toEqual({ patientId: 'pat-1' });
    expect(store.get('unknownToken1234')).toBeNull();
    expect(store.get('')).toBeNull();
  });

  it('gives every session its own token', () => {
    const store = new SessionStore<number>(60_000);
    const a = store.create(1);
    const b = store.create(2);
    expect(a).not.toBe(b);
    expect(store.get(a)).toBe(1);
    expect(store.get(b)).toBe(2);
  });

  it('expires exactly at the TTL', () => {
    const c = clock();
    const store = new SessionStore<string>(60_000, c.now);
    const token = store.create('data');
    c.advance(59_999);
    expect(store.get(token)).toBe('data');
    c.advance(1);
    expect(store.get(token)).toBeNull();
    // and stays gone
    c.advance(-30_000);
    expect(store.get(token)).toBeNull();
  });

  it('does not extend the TTL on read', () => {
    const c = clock();
    const store = new SessionStore<string>(10_000, c.now);
    const token = store.create('data');
    c.advance(9_000);
    expect(store.get(token)).toBe('data');
    c.advance(1_000);
    expect(store.get(token)).toBeNull();
  });

  it('end() removes a session at once; ending an unknown token is harmless', () => {
    const store = new SessionStore<string>(60_000);
    const token = store.create('data');
    store.end(token);
    expect(store.get(token)).toBeNull();
    expect(() => store.end(token)).not.toThrow();
    expect(() => store.end('neverExisted1234')).not.toThrow();
  });

  it('size counts only live sessions (expired ones are swept)', () => {
    const c = clock();
    const store = new SessionStore<string>(10_000, c.now);
    store.create('a');
    c.advance(5_000);
    store.create('b');
    expect(store.size).toBe(2);
    c.advance(5_000);
    expect(store.size).toBe(1);
    c.advance(5_000);
    expect(store.size).toBe(0);
  });
});
