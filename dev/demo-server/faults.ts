import { outcomeResponse, type ApiResponse, type IssueCode } from './responses.js';

export type FaultStatus = 400 | 401 | 403 | 404 | 412 | 422 | 429 | 500 | 502 | 503;

export interface FaultRule {
  /** Matches any method when omitted (case-insensitive). */
  method?: string;
  /** Pathname only: a string must match exactly, e.g. '/Appointment' or '/auth/token/'. */
  path?: string | RegExp;
  /**
   * status: answer `status` with a matching OperationOutcome; reset: destroy the socket without answering;
   * malformed: 200 with a truncated JSON body; hang: wait `hangMs`, then answer normally;
   * lost-reply: handle the request (a PUT is applied), then destroy the socket instead of answering.
   */
  kind: 'status' | 'reset' | 'malformed' | 'hang' | 'lost-reply';
  status?: FaultStatus;
  retryAfterSeconds?: number;
  hangMs?: number;
  /** How many matching requests the rule applies to; default 1, Infinity allowed. */
  times?: number;
}

export interface Faults {
  add(rule: FaultRule): void;
  clear(): void;
  /** Rules that have not been used up yet. */
  pending(): number;
}

const FAULT_OUTCOMES: Record<FaultStatus, [IssueCode, string]> = {
  400: ['invalid', 'Bad request'],
  401: ['unknown', 'Authentication failed'],
  403: ['forbidden', 'Authorization failed'],
  404: ['not-found', 'Not found'],
  412: ['conflict', 'Resource updated since If-Unmodified-Since date'],
  422: ['business-rule', 'This appointment time is no longer available.'],
  429: ['throttled', 'Too many requests'],
  500: ['exception', 'Internal server error'],
  502: ['exception', 'Bad gateway'],
  503: ['exception', 'Service unavailable'],
};

/** Cut mid-token so every JSON parser fails. */
export const MALFORMED_BODY = '{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceTy';

export class FaultQueue implements Faults {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  add(rule: FaultRule): void {
    if (rule.kind === 'status' && rule.status === undefined) throw new Error("A 'status' fault needs a status");
    this.rules.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  pending(): number {
    return this.rules.length;
  }

  /** Returns the first rule matching the request and uses up one of its applications. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex(({ rule }) => matches(rule, method, path));
    const entry = this.rules[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules.splice(index, 1);
    return entry.rule;
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

export function faultStatusResponse(rule: FaultRule): ApiResponse {
  const status = rule.status ?? 500;
  const [code, text] = FAULT_OUTCOMES[status];
  const headers = rule.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(rule.retryAfterSeconds) };
  return outcomeResponse(status, code, text, headers);
}
