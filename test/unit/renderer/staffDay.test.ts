import { describe, expect, it } from 'vitest';
import { filterCounts, foldName, rowWindow, visibleRows } from '../../../renderer/staffDay.js';
import { row } from './helpers.js';

const ROWS = [
  row('appt_0000000a', 'María Hernández Ruiz'),
  row('appt_0000000b', 'Amara Okafor', { status: 'checked-in', kiosk: 'checked_in_here', action: 'undo' }),
  row('appt_0000000c', 'Luis Castellano', { kiosk: 'queued', action: 'undo' }),
  row('appt_0000000d', 'Wei Chen', { status: 'fulfilled', action: null }),
  row('appt_0000000e', 'Ana Ruiz', { status: 'arrived', kiosk: 'failed', action: 'undo' }),
];
const keys = (rows: { key: string }[]) => rows.map((r) => r.key.slice(-1)).join('');

describe('the staff day view filters', () => {
  it('status chips: expected, checked in, kiosk problems, closed', () => {
    expect(keys(visibleRows(ROWS, 'all', ''))).toBe('abcde');
    expect(keys(visibleRows(ROWS, 'expected', ''))).toBe('ac');
    expect(keys(visibleRows(ROWS, 'checked_in', ''))).toBe('be');
    expect(keys(visibleRows(ROWS, 'kiosk_problem', ''))).toBe('ce');
    expect(keys(visibleRows(ROWS, 'closed', ''))).toBe('d');
  });

  it('the name search ignores case and accents and matches any part of the name', () => {
    expect(foldName('  María  HERNÁNDEZ ')).toBe('maria hernandez');
    expect(keys(visibleRows(ROWS, 'all', 'hernandez'))).toBe('a');
    expect(keys(visibleRows(ROWS, 'all', 'ruiz'))).toBe('ae');
    expect(keys(visibleRows(ROWS, 'checked_in', 'ruiz'))).toBe('e');
    expect(visibleRows(ROWS, 'all', 'nobody')).toEqual([]);
  });

  it('counts each chip with the name search applied', () => {
    expect(filterCounts(ROWS, '')).toEqual({ all: 5, expected: 2, checked_in: 2, kiosk_problem: 2, closed: 1 });
    expect(filterCounts(ROWS, 'ruiz')).toEqual({ all: 2, expected: 1, checked_in: 1, kiosk_problem: 1, closed: 0 });
  });

  it('renders only the window in view of a long list, with overscan', () => {
    // 2,000 rows of 76 px in a 600 px scroller: a few dozen rows, wherever it is scrolled.
    expect(rowWindow(2000, 76, 0, 600)).toEqual({ start: 0, end: 14 });
    const mid = rowWindow(2000, 76, 76 * 1000, 600);
    expect(mid).toEqual({ start: 994, end: 1014 });
    expect(rowWindow(2000, 76, 76 * 2000, 600)).toEqual({ start: 1994, end: 2000 });
    expect(rowWindow(0, 76, 0, 600)).toEqual({ start: 0, end: 0 });
  });
});
