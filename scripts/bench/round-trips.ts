/**
 * Counting HTTP round trips from the demo server's request log (pure: no I/O). Every request the
 * server saw is one round trip, including retries and paging; a window selects the requests that
 * arrived while something was happening (e.g. from a patient's tap to the rendered result).
 */

import type { RequestRecord } from '../../dev/demo-server/index.js';

/** The fields of the demo server's request log that counting needs. */
export type RequestLike = Pick<RequestRecord, 'method' | 'path' | 'query' | 'status' | 'at' | 'tokenRequest'>;

export const CATEGORIES = [
  'token',
  'patientSearch',
  'appointmentSearch',
  'appointmentRead',
  'appointmentWrite',
  'appointmentCreate',
  'practitionerRead',
  'locationRead',
  'locationSearch',
  'metadata',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export type CategoryCounts = Record<Category, number>;

/** Inclusive bounds, epoch ms. */
export interface TimeWindow {
  from: number;
  to: number;
}

const TOKEN_PATH = /\/auth\/token\/?$/;

/** `/Appointment/123` → ['Appointment', '123']; tolerates a base path in front (`/fhir/r4/Patient`). */
function resourcePath(path: string): { type: string; id: string | undefined } | null {
  const parts = path.split('/').filter(Boolean);
  const at = parts.findIndex((p) => /^[A-Z][A-Za-z]+$/.test(p));
  if (at < 0) return null;
  const type = parts[at]!;
  const rest = parts.slice(at + 1);
  // `_search`, `_history` and other underscore segments are operations, not ids.
  const id = rest[0] !== undefined && !rest[0].startsWith('_') ? rest[0] : undefined;
  return { type, id };
}

export function categorize(r: Pick<RequestLike, 'method' | 'path' | 'tokenRequest'>): Category {
  if (r.tokenRequest || TOKEN_PATH.test(r.path)) return 'token';
  const method = r.method.toUpperCase();
  if (/\/metadata\/?$/.test(r.path)) return 'metadata';
  const res = resourcePath(r.path);
  if (!res) return 'other';
  const isSearch = !res.id && (method === 'GET' || (method === 'POST' && r.path.endsWith('/_search')));
  switch (res.type) {
    case 'Patient':
      return isSearch ? 'patientSearch' : 'other';
    case 'Appointment':
      if (isSearch) return 'appointmentSearch';
      if (res.id && method === 'GET') return 'appointmentRead';
      if (res.id && (method === 'PUT' || method === 'PATCH')) return 'appointmentWrite';
      if (!res.id && method === 'POST') return 'appointmentCreate';
      return 'other';
    case 'Practitioner':
      return res.id && method === 'GET' ? 'practitionerRead' : 'other';
    case 'Location':
      if (isSearch) return 'locationSearch';
      return res.id && method === 'GET' ? 'locationRead' : 'other';
    default:
      return 'other';
  }
}

export function emptyCounts(): CategoryCounts {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryCounts;
}

export function inWindow(r: Pick<RequestLike, 'at'>, w: TimeWindow | undefined): boolean {
  return !w || (r.at >= w.from && r.at <= w.to);
}

/** Requests per category, optionally only those that arrived inside the window. */
export function countByCategory(records: readonly RequestLike[], window?: TimeWindow): CategoryCounts {
  const counts = emptyCounts();
  for (const r of records) if (inWindow(r, window)) counts[categorize(r)]++;
  return counts;
}

/** The groups a patient's critical path is judged by. */
export interface PathCounts {
  /** Patient search + Appointment search pages. */
  identification: number;
  /** Appointment writes, plus re-reads after a conflict. */
  checkIn: number;
  tokenFetches: number;
  /** Practitioner and Location reads (display names). */
  directoryLookups: number;
  /** Background work that may fall inside a window (health check's Location search, metadata). */
  background: number;
  other: number;
  total: number;
}

export function pathCounts(c: CategoryCounts): PathCounts {
  const identification = c.patientSearch + c.appointmentSearch;
  const checkIn = c.appointmentWrite + c.appointmentRead;
  const directoryLookups = c.practitionerRead + c.locationRead;
  const background = c.locationSearch + c.metadata;
  const other = c.appointmentCreate + c.other;
  return {
    identification,
    checkIn,
    tokenFetches: c.token,
    directoryLookups,
    background,
    other,
    total: identification + checkIn + c.token + directoryLookups + background + other,
  };
}

/** Path counts of the requests inside the window. */
export function countWindow(records: readonly RequestLike[], window: TimeWindow): PathCounts {
  return pathCounts(countByCategory(records, window));
}

/** Successful (2xx) writes per resource path, e.g. `/Appointment/123` → 1. */
export function successfulWrites(records: readonly RequestLike[], window?: TimeWindow): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    if (!inWindow(r, window) || categorize(r) !== 'appointmentWrite' || r.status < 200 || r.status >= 300) continue;
    out.set(r.path, (out.get(r.path) ?? 0) + 1);
  }
  return out;
}
