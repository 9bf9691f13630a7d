/** Staff PIN hashing (scrypt, random salt); only the hash is stored, in the keychain. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

const derive = (pin: string, salt: Buffer, params: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(pin, salt, KEYLEN, params, (err, key) => (err ? reject(err) : resolve(key))));

/**
 * New PINs have at least 6 digits (10^6 guesses against a lockout that doubles). A hash of an older,
 * shorter PIN still verifies, and staff are then asked to set a new one (the unlock says `changePin`).
 */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
/** The rule for a PIN being set (kiosk-admin); hashPin itself stays a primitive. */
export const isAcceptablePin = (pin: string) => new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`).test(pin);

/** `scrypt$N$r$p$salt$hash` (base64url), self-describing so parameters can be raised later. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong PIN and for any stored value that is not a hash we wrote (never throws). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  // Only parameters we would write: a tampered entry must not choose the cost (or crash scrypt).
  if (alg !== 'scrypt' || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEYLEN) return false;
  try {
    const key = await derive(pin, Buffer.from(salt, 'base64url'), PARAMS);
    return timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}
