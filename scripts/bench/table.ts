/** The bench's result rows and their plain-text table (pure). */

export interface Row {
  /** Group, e.g. "round trips (canvas)". */
  group: string;
  measure: string;
  /** null when the measure could not be taken (see note). */
  value: number | null;
  unit: string;
  /** A hard limit from the design, a target chosen for the bench, or none (informational). */
  limit: number | null;
  kind: 'limit' | 'target' | 'info';
  note?: string;
}

export interface JudgedRow extends Row {
  /** value / limit; null without a limit or value (and for a limit of 0, where it is undefined). */
  ratio: number | null;
  /** true when value ≤ limit; null for informational rows. */
  ok: boolean | null;
}

export function judge(row: Row): JudgedRow {
  if (row.kind === 'info' || row.limit === null || row.value === null)
    return { ...row, ratio: null, ok: row.kind === 'info' ? null : row.value === null ? false : null };
  const ratio = row.limit === 0 ? null : row.value / row.limit;
  return { ...row, ratio, ok: row.value <= row.limit };
}

function fmt(n: number | null, unit: string): string {
  if (n === null || Number.isNaN(n)) return '—';
  const digits = Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** A fixed-width table: measure | value | limit/target | ratio | status | note. */
export function formatTable(rows: readonly JudgedRow[]): string {
  const lines: string[][] = [['measure', 'value', 'limit/target', 'ratio', 'ok', 'note']];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push([`[${group}]`, '', '', '', '', '']);
    }
    const limit = r.kind === 'info' || r.limit === null ? '—' : `≤ ${fmt(r.limit, r.unit)}${r.kind === 'target' ? ' (target)' : ''}`;
    const ratio =
      r.ratio === null
        ? r.kind !== 'info' && r.limit === 0 && r.value !== null
          ? r.value === 0
            ? '0 / 0'
            : '∞'
          : '—'
        : r.ratio.toFixed(2);
    const ok = r.ok === null ? '' : r.ok ? 'ok' : 'MISS';
    lines.push([`  ${r.measure}`, fmt(r.value, r.unit), limit, ratio, ok, r.note ?? '']);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => [...(l[i] ?? '')].length)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  return lines
    .map((l) =>
      l
        .map((c, i) => (i === l.length - 1 ? c : pad(c, widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
