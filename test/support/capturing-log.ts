/** The one capturing logger of the tests: every level, kept in memory so a test can scan for leaks. */
import { createLogger, memorySink, type Logger } from '../../main/core/log.js';

export function capturingLog(): { log: Logger; lines: string[] } {
  const sink = memorySink();
  return { log: createLogger([sink], { minLevel: 'debug' }), lines: sink.lines };
}
