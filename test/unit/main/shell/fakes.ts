/** Tiny stand-ins for the Electron objects the shell modules take as parameters. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of any event signature
type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function fakeEvent<T extends object>(extra: T = {} as T): FakeEvent & T {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

/** The shell tests' name for the one capturing logger. */
export { capturingLog as capturingLogger } from '../../../support/capturing-log.js';

/** Manual clock + timers: nothing runs until the test advances time. */
export class FakeTimers {
  now = 0;
  private seq = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout = (fn: () => void, ms: number): ReturnType<typeof setTimeout> => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.now + ms, fn });
    return id as unknown as ReturnType<typeof setTimeout>;
  };
  clearTimeout = (timer: ReturnType<typeof setTimeout>): void => {
    this.pending.delete(timer as unknown as number);
  };
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = until;
  }
  get size(): number {
    return this.pending.size;
  }
}
