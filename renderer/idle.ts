/** Where an inactivity timer stands: active, warning with seconds left, or expired. */
export type IdlePhase = { phase: 'active' } | { phase: 'warning'; secondsLeft: number } | { phase: 'expired' };

export const ACTIVE: IdlePhase = { phase: 'active' };

/**
 * After `idleSeconds` without input the patient is warned for `warningSeconds`, then the kiosk
 * resets. With `warn` false (the welcome screen) there is nothing to lose, so it resets silently.
 */
export function idlePhase(idleForMs: number, idleSeconds: number, warningSeconds: number, warn = true): IdlePhase {
  const idleMs = idleSeconds * 1000;
  if (idleForMs < idleMs) return ACTIVE;
  if (!warn) return { phase: 'expired' };
  const leftMs = idleMs + warningSeconds * 1000 - idleForMs;
  return leftMs > 0 ? { phase: 'warning', secondsLeft: Math.ceil(leftMs / 1000) } : { phase: 'expired' };
}

export function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  return a.phase === b.phase && (a.phase !== 'warning' || (b.phase === 'warning' && a.secondsLeft === b.secondsLeft));
}
