/**
 * Where a TIMEX3 value sits in time, for ordering and date ranges: shared by
 * the timeline (connect) and the store's event table.
 */

/** TIMEX3 value → [first day, precision] for ordering; null for values that are not calendar dates. */
export function dateStart(value: string): { key: string; precision: string } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { key: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th; its Monday starts it.
    const jan4 = Date.UTC(Number(m[1]), 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000) + (Number(m[2]) - 1) * 7 * 86_400_000;
    return { key: new Date(monday).toISOString().slice(0, 10), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { key: `${m[1]}-${m[2]}-01`, precision: 'month' };
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) {
    const month = { SP: '03', SU: '06', FA: '09', AU: '09', WI: '12' }[m[2]!]!;
    return { key: `${m[1]}-${month}-21`, precision: 'season' };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { key: `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, precision: 'quarter' };
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return { key: `${m[1]}-${m[2] === '1' ? '01' : '07'}-01`, precision: 'half-year' };
  m = /^(\d{4})$/.exec(value);
  if (m) return { key: `${m[1]}-01-01`, precision: 'year' };
  return null;
}

