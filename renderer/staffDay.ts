/**
 * The staff day view's filters, in one place: which rows a status chip shows, and the name search
 * (any part of the full name, without regard to case or accents, so "hernandez" finds "Hernández Ruiz").
 */
import type { ScheduleRow } from '../preload/contract.js';

export const DAY_FILTERS = ['all', 'expected', 'checked_in', 'kiosk_problem', 'closed'] as const;
export type DayFilter = (typeof DAY_FILTERS)[number];

/** Which rows a status chip shows. `kiosk_problem`: this kiosk queued or failed it, whatever the EHR says. */
export function inFilter(row: ScheduleRow, filter: DayFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'expected':
      return row.status === 'booked' || row.status === 'pending' || row.status === 'proposed';
    case 'checked_in':
      return row.status === 'arrived' || row.status === 'checked-in';
    case 'kiosk_problem':
      return row.kiosk === 'queued' || row.kiosk === 'failed';
    case 'closed':
      return row.status === 'fulfilled' || row.status === 'noshow' || row.status === 'cancelled' || row.status === 'waitlist';
  }
}

/** Lower case, no accents, one space between words. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function visibleRows(rows: readonly ScheduleRow[], filter: DayFilter, name: string): ScheduleRow[] {
  const q = foldName(name);
  return rows.filter((r) => inFilter(r, filter) && (!q || foldName(r.patientName).includes(q)));
}

/** How many rows each chip would show (with the name search applied), for the chips' counts. */
export function filterCounts(rows: readonly ScheduleRow[], name: string): Record<DayFilter, number> {
  const q = foldName(name);
  const named = q ? rows.filter((r) => foldName(r.patientName).includes(q)) : rows;
  const counts = Object.fromEntries(DAY_FILTERS.map((f) => [f, 0])) as Record<DayFilter, number>;
  for (const r of named) for (const f of DAY_FILTERS) if (inFilter(r, f)) counts[f]++;
  return counts;
}

/** The window of a long list to render: rows [start, end) with `overscan` extra on each side. */
export function rowWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 6) {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: Math.min(count, 30) };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + visible + overscan) };
}
