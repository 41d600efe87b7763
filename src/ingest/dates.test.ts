import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStatedDate, parseDateString, readDateStamp } from './dates.ts';

describe('parseDateString', () => {
  it.each([
    // RFC 822 / 2822, as RSS writes it
    ['Wed, 31 Jul 2024 10:00:00 +0000', '2024-07-31T10:00:00Z'],
    ['Wed, 31 Jul 2024 13:00:00 +0300', '2024-07-31T10:00:00Z'],
    ['Wed, 31 Jul 2024 10:00:00 GMT', '2024-07-31T10:00:00Z'],
    ['31 Jul 24 06:00 EDT', '2024-07-31T10:00:00Z'],
    ['Wed, 31 Jul 2024 13:00:00 +0300 (EEST)', '2024-07-31T10:00:00Z'],
    // ISO 8601
    ['2024-07-31T10:00:00Z', '2024-07-31T10:00:00Z'],
    ['2024-07-31T13:00:00+03:00', '2024-07-31T10:00:00Z'],
    ['2024-07-31T10:00:00.123Z', '2024-07-31T10:00:00Z'],
    ['2024-07-31 10:00', '2024-07-31T10:00:00Z'],
    ['2024-07-31', '2024-07-31'],
    // as pages write them
    ['July 31, 2024', '2024-07-31'],
    ['Jul. 31, 2024', '2024-07-31'],
    ['Wednesday, July 31, 2024', '2024-07-31'],
    ['31 July 2024', '2024-07-31'],
    ['31st of July 2024', '2024-07-31'],
    ['July 31, 2024, 6:00 a.m. ET', '2024-07-31T10:00:00Z'],
    ['January 15, 2024 5:00 AM ET', '2024-01-15T10:00:00Z'],
    ['Wed 31 Jul 2024 11.00 BST', '2024-07-31T10:00:00Z'],
    ['2024/07/31', '2024-07-31'],
    ['31.07.2024', '2024-07-31'],
    ['31 липня 2024 р.', '2024-07-31'],
    ['31 июля 2024 г.', '2024-07-31'],
    ['31 юли 2024', '2024-07-31'],
    ['13/07/2024', '2024-07-13'],
    ['07/13/2024', '2024-07-13'],
    // Unix time
    ['1722420000', '2024-07-31T10:00:00Z'],
    ['1722420000000', '2024-07-31T10:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDateString(input)).toBe(expected);
  });

  it('keeps only the date when the time is in a zone it does not know', () => {
    expect(parseDateString('31 July 2024 10:05 XYZ')).toBe('2024-07-31');
  });

  it.each([
    'July 31', // no year
    '2024',
    '408',
    'not a date',
    'Feb 30, 2024',
    '2024-07-31T25:00:00Z',
    '03/04/2024', // 3 April or March 4
    '1899-12-31',
    '2024-07-31 and more',
    '',
  ])('%j → null', (input) => {
    expect(parseDateString(input)).toBeNull();
  });

  it('rejects a date more than a day after `now`, and only when `now` is given', () => {
    const now = new Date('2024-08-01T12:00:00Z');
    expect(parseDateString('2024-08-02', now)).toBe('2024-08-02');
    expect(parseDateString('2024-08-02T11:00:00Z', now)).toBe('2024-08-02T11:00:00Z');
    expect(parseDateString('2024-08-02T13:00:00Z', now)).toBeNull();
    expect(parseDateString('2099-01-01', now)).toBeNull();
    expect(parseDateString('2099-01-01')).toBe('2099-01-01');
  });
});

describe('readDateStamp', () => {
  it('reads labelled and bare date lines, not sentences', () => {
    expect(readDateStamp('Published: 2024-07-31')).toEqual({ kind: 'published', value: '2024-07-31', evidence: 'Published: 2024-07-31' });
    expect(readDateStamp('Updated 1 August 2024, 10:05 BST | 3 min read')).toEqual({
      kind: 'updated',
      value: '2024-08-01T09:05:00Z',
      evidence: 'Updated 1 August 2024, 10:05 BST',
    });
    expect(readDateStamp('31 July 2024 | 10:05')?.kind).toBe('bare');
    expect(readDateStamp('Published figures show 1,300 square kilometres held.')).toBeNull();
    expect(readDateStamp('On July 31, 2024, Zelensky spoke to French media.')).toBeNull();
  });
});

describe('findStatedDate', () => {
  const stated = (text: string) => findStatedDate(text);

  it('reads a dateline with a year, with or without a place', () => {
    expect(stated('Headline\nKYIV, July 31, 2024 (Reuters) – Ukraine said on Wednesday…')).toEqual({
      value: '2024-07-31',
      provenance: 'stated',
      evidence: 'KYIV, July 31, 2024 (Reuters)',
    });
    expect(stated('Headline\nKYIV, Ukraine, Jul 31, 2024 (AP) — Ukraine said…')?.value).toBe('2024-07-31');
    expect(stated('Headline\nJuly 31, 2024 (AP) — Ukraine said…')?.value).toBe('2024-07-31');
  });

  it('does not guess the year of a dateline without one', () => {
    expect(stated('Headline\nKYIV, July 31 (Reuters) - Ukraine said on Wednesday…')).toBeNull();
  });

  it('reads "Published" lines, preferring them to "Updated" lines', () => {
    expect(stated('Headline\nPublished on 31 July 2024\nBody.')?.evidence).toBe('Published on 31 July 2024');
    expect(stated('Headline\nPublished: 2024-07-31\nBody.')?.value).toBe('2024-07-31');
    expect(stated('Headline\nUpdated 1 August 2024\nPublished 31 July 2024\nBody.')?.value).toBe('2024-07-31');
    expect(stated('Headline\nUpdated 1 August 2024\nBody.')?.value).toBe('2024-08-01');
  });

  it('reads a bare date line near the top only', () => {
    expect(stated('Headline\nWednesday, July 31, 2024\nBody.')?.value).toBe('2024-07-31');
    const farDown = ['Headline', ...Array.from({ length: 15 }, (_, i) => `Paragraph ${i}.`), 'July 31, 2024'];
    expect(stated(farDown.join('\n'))).toBeNull();
  });

  it('ignores dates in photo captions and quotations', () => {
    expect(
      stated(
        'Headline\nZelensky speaks at the NATO summit in Washington, Thursday, July 11, 2024. (AP Photo/Mark Schiefelbein)\nBody.',
      ),
    ).toBeNull();
    expect(stated('Headline\n“July 31, 2024 — that was the day,” he said.\nBody.')).toBeNull();
    expect(stated('KYIV, July 11, 2024 (AP) — Soldiers rest near Bakhmut. (AP Photo/Jane Doe)')).toBeNull();
  });

  it('ignores dates in running text', () => {
    expect(stated('Headline\nThe interview was published on July 31, 2024, by French media.')).toBeNull();
  });

  it('finds no stated date in the five seed articles', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const text = readFileSync(new URL(`./fixtures/furniture/seed-${seed}/input.txt`, import.meta.url), 'utf8');
      expect(findStatedDate(text), seed).toBeNull();
    }
  });

  it('rejects a stated date in the future when told the present', () => {
    const text = 'Headline\nPublished: 2030-01-01\nBody.';
    expect(findStatedDate(text, { now: new Date('2024-08-01T00:00:00Z') })).toBeNull();
  });
});
