/**
 * Patient sessions live only in main. The renderer holds an opaque random token; the patient id and
 * the appointments as read (with their concurrency guards) never leave this map.
 */
import { randomBytes } from 'node:crypto';

export const newOpaqueId = () => randomBytes(18).toString('base64url');

export class SessionStore<T> {
  private readonly items = new Map<string, { data: T; expiresAt: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(data: T): string {
    this.sweep();
    const token = newOpaqueId();
    this.items.set(token, { data, expiresAt: this.now() + this.ttlMs });
    return token;
  }
  get(token: string): T | null {
    const s = this.items.get(token);
    if (!s || s.expiresAt <= this.now()) {
      this.items.delete(token);
      return null;
    }
    return s.data;
  }
  /** Extends a live session by the full TTL; false if it is unknown or expired. */
  touch(token: string): boolean {
    const s = this.get(token) === null ? null : this.items.get(token);
    if (!s) return false;
    s.expiresAt = this.now() + this.ttlMs;
    return true;
  }
  end(token: string): void {
    this.items.delete(token);
  }
  get size() {
    this.sweep();
    return this.items.size;
  }
  private sweep() {
    const t = this.now();
    for (const [k, v] of this.items) if (v.expiresAt <= t) this.items.delete(k);
  }
}
