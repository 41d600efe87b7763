/**
 * The acceptance cases of issue 4 on the sample articles (raw files, furniture
 * lines included).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TimeExpression } from '../../model/index.ts';
import { extractTimes, inferPublishedDate } from './index.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus/samples');

function sample(id: string): string {
  const file = readdirSync(samples).find((f) => f.startsWith(`${id}_`));
  if (file === undefined) throw new Error(`no sample ${id} in ${samples}`);
  return readFileSync(path.join(samples, file), 'utf8');
}

/** The expression overlapping the `occurrence`-th appearance of `phrase` in the text. */
function at(text: string, times: readonly TimeExpression[], phrase: string, occurrence = 0): TimeExpression {
  let offset = -1;
  for (let k = 0; k <= occurrence; k++) offset = text.indexOf(phrase, offset + 1);
  if (offset < 0) throw new Error(`"${phrase}" not in the text`);
  const found = times.find((t) => t.start < offset + phrase.length && offset < t.end);
  if (found === undefined) throw new Error(`no expression at "${phrase}"`);
  return found;
}

describe('sample 001 published 2024-07-31', () => {
  const text = sample('001');
  const times = extractTimes(text, { published: '2024-07-31' });
  it('"on Wednesday" is the day of publication', () => expect(at(text, times, 'on Wednesday').value).toBe('2024-07-31'));
  it('"on July 17" is 2024-07-17', () => expect(at(text, times, 'on July 17').value).toBe('2024-07-17'));
  it('"in early June" is June 2024 from its start', () => {
    const t = at(text, times, 'in early June');
    expect([t.value, t.mod, t.granularity]).toEqual(['2024-06', 'START', 'month']);
  });
  it('"On July 24" ("In an update on July 24") is 2024-07-24', () => expect(at(text, times, 'on July 24').value).toBe('2024-07-24'));
});

describe('sample 000 published 2024-07-31', () => {
  const text = sample('000');
  const times = extractTimes(text, { published: '2024-07-31' });
  it('"back in May" is May 2024', () => expect(at(text, times, 'back in May').value).toBe('2024-05'));
  it('"on July 30" is 2024-07-30', () => expect(at(text, times, 'on July 30').value).toBe('2024-07-30'));
  it('"in November" is the coming November', () => expect(at(text, times, 'in November').value).toBe('2024-11'));
});

describe('sample 003 published 2024-10-07', () => {
  const text = sample('003');
  const times = extractTimes(text, { published: '2024-10-07' });
  it('"Thursday, July 11, 2024" is that day, absolute', () => {
    const t = at(text, times, 'Thursday, July 11, 2024');
    expect([t.text, t.value, t.anchor]).toEqual(['Thursday, July 11, 2024', '2024-07-11', 'none']);
  });
  it('"the summer of 2023" is 2023-SU', () => expect(at(text, times, 'the summer of 2023').value).toBe('2023-SU'));
  it('"At the beginning of August" is August 2024 from its start', () => {
    const t = at(text, times, 'At the beginning of August');
    expect([t.value, t.mod]).toEqual(['2024-08', 'START']);
  });
  it('"yesterday" is 2024-10-06', () => expect(at(text, times, 'posted yesterday').value).toBe('2024-10-06'));
});

describe('sample 004 published 2025-11-01', () => {
  const text = sample('004');
  const times = extractTimes(text, { published: '2025-11-01' });
  it('"more than two years ago" is approximate: a year, modified MORE_THAN, not a day', () => {
    const t = at(text, times, 'more than two years ago');
    expect([t.type, t.value, t.mod, t.granularity]).toEqual(['DATE', '2023', 'MORE_THAN', 'year']);
  });
  it('"within weeks" is not a date', () => {
    const t = at(text, times, 'within weeks');
    expect(t.type).not.toBe('DATE');
    expect(t.value).not.toMatch(/^\d{4}-/);
  });
});

describe('publication date with none given', () => {
  const unknown = { value: null, provenance: 'unknown' as const, evidence: null };
  const infer = (id: string) => {
    const text = sample(id);
    return inferPublishedDate(text, extractTimes(text, { published: null }), unknown);
  };
  /** Never a precise date other than the one the corpus shows. */
  const consistentWith = (value: string | null, allowed: (v: string) => boolean) => value === null || allowed(value);

  it('000 and 001: 31 July 2024 or unknown (no year in either text)', () => {
    for (const id of ['000', '001']) {
      const r = infer(id);
      expect(consistentWith(r.value, (v) => v === '2024-07-31')).toBe(true);
      expect(r.provenance).toBe(r.value === null ? 'unknown' : 'inferred');
    }
  });
  it('002: August 2024 or unknown', () => {
    const r = infer('002');
    expect(consistentWith(r.value, (v) => v.startsWith('2024-08') || v === '2024')).toBe(true);
  });
  it('003: not before early August 2024, from the caption and "At the beginning of August"', () => {
    const r = infer('003');
    expect(consistentWith(r.value, (v) => v >= '2024-08')).toBe(true);
    expect(r.evidence).toMatch(/not before 2024-08-01/);
    expect(r.evidence).toMatch(/beginning of August/);
    expect(r.evidence).toMatch(/July 11, 2024/);
  });
  it('004: 2025 or later, or unknown', () => {
    const r = infer('004');
    expect(consistentWith(r.value, (v) => v >= '2025')).toBe(true);
  });
});
