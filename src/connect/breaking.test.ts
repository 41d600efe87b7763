import { describe, expect, it } from 'vitest';
import { breakingStories, type BreakingInput } from './breaking.ts';

const AT = new Date('2024-08-06T18:00:00Z');
const hoursAgo = (h: number) => new Date(AT.getTime() - h * 3_600_000).toISOString();

function story(id: string, arrivals: Array<[number, string]>, copies: number[] = []): BreakingInput {
  return {
    id,
    title: id,
    articles: arrivals.map(([h, outlet], i) => ({ id: `${id}-${i}`, at: hoursAgo(h), outlet, duplicateOf: copies.includes(i) ? `${id}-0` : null })),
  };
}

describe('breakingStories', () => {
  it('flags a new story three outlets covered in the last hours', () => {
    const result = breakingStories([story('new', [[1, 'Reuters'], [2, 'AP'], [3, 'Kyiv Independent']])], AT);
    expect(result.map((s) => [s.id, s.recentArticles, s.recentSources])).toEqual([['new', 3, 3]]);
  });

  it('flags a slow story that suddenly speeds up, not one covered steadily', () => {
    // Two a day for ten days, then eight in six hours.
    const slow: Array<[number, string]> = [...Array.from({ length: 20 }, (_, i): [number, string] => [12 + i * 12, i % 2 ? 'AP' : 'Reuters']),
      ...Array.from({ length: 8 }, (_, i): [number, string] => [0.5 + i * 0.5, ['AP', 'Reuters', 'BBC', 'DW'][i % 4]!])];
    // Four an hour for days.
    const steady: Array<[number, string]> = Array.from({ length: 400 }, (_, i): [number, string] => [i * 0.25, i % 2 ? 'AP' : 'Reuters']);
    const result = breakingStories([story('slow', slow), story('steady', steady)], AT);
    expect(result.map((s) => s.id)).toEqual(['slow']);
    expect(result[0]!.growth).toBeGreaterThan(10);
  });

  it('does not count one outlet’s follow-ups or copies as breaking', () => {
    expect(breakingStories([story('one', [[1, 'TASS'], [2, 'TASS'], [3, 'TASS'], [4, 'TASS']])], AT)).toEqual([]);
    expect(breakingStories([story('copies', [[1, 'TASS'], [2, 'RIA'], [3, 'Izvestia']], [1, 2])], AT)).toEqual([]);
  });

  it('ignores what appears after the moment judged', () => {
    expect(breakingStories([story('future', [[-1, 'AP'], [-2, 'Reuters'], [1, 'BBC']])], AT)).toEqual([]);
  });
});
