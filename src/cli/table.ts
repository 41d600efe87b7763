/**
 * Plain-text tables for the terminal. Written here because the table packages
 * on npm draw box borders (noise in a pipe, and in `grep`) and none truncates
 * one chosen column to the terminal width, which is all a listing needs.
 */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  /** The one column that shrinks to fit the width (titles). */
  flexible?: boolean;
  align?: 'left' | 'right';
}

const GAP = '  ';

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '-';
  return String(v).replace(/\s+/g, ' ');
}

function truncate(s: string, width: number): string {
  if (s.length <= width) return s;
  return width <= 1 ? s.slice(0, width) : `${s.slice(0, width - 1)}…`;
}

export function renderTable<Row>(rows: Row[], columns: Column<Row>[], maxWidth: number): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flexible);
  if (total > maxWidth && flex >= 0) {
    widths[flex] = Math.max(columns[flex]!.header.length, widths[flex]! - (total - maxWidth), 12);
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const w = widths[i]!;
        const t = truncate(v, w);
        return columns[i]!.align === 'right' ? t.padStart(w) : t.padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}
