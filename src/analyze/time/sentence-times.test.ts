import { describe, expect, it } from 'vitest';
import { splitSentences } from '../sentences.ts';
import { extractTimes, sentenceTimes } from './index.ts';

function run(text: string, published: string | null) {
  const sentences = splitSentences(text);
  const times = extractTimes(text, { published, sentences });
  return { times, result: sentenceTimes(text, sentences, times, published) };
}

describe('sentenceTimes', () => {
  it('dates a sentence by the date it states, else by the article date', () => {
    const { times, result } = run('The Kremlin denied it on July 17. Fighting continues near Pokrovsk.', '2024-07-31T10:00:00Z');
    expect(result).toEqual([
      { sentence: 0, value: '2024-07-17', from: 0 },
      { sentence: 1, value: '2024-07-31', from: null },
    ]);
    expect(times[0]!.text).toBe('July 17');
  });

  it('prefers a date attached by "on", "in" or "at" over an earlier one that modifies a noun', () => {
    const { times, result } = run('After the May 5 vote, troops withdrew on May 19.', '2024-07-31');
    expect(times.map((t) => t.text)).toEqual(['May 5', 'May 19']);
    expect(result[0]).toEqual({ sentence: 0, value: '2024-05-19', from: 1 });
  });

  it('takes a month, but not a duration, a recurrence, a year or a vague reference', () => {
    const { result } = run('Russia launched the offensive in May. For five days, shelling continued daily. In 2023 it was different. Now it is quiet.', '2024-07-31');
    expect(result.map((r) => r.value)).toEqual(['2024-05', '2024-07-31', '2024-07-31', '2024-07-31']);
    expect(result.map((r) => r.from)).toEqual([0, null, null, null]);
  });

  it('leaves a sentence undated when neither it nor the article has a date', () => {
    const { result } = run('He spoke on July 30. Nothing else happened.', null);
    expect(result).toEqual([
      { sentence: 0, value: 'XXXX-07-30', from: 0 },
      { sentence: 1, value: null, from: null },
    ]);
  });
});
