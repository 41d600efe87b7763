import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends and paragraph breaks, keeping closing quotes', () => {
    expect(sentencesOf('Zelensky said "It failed." Moscow denied it!\n\nThe war goes on? Yes')).toEqual([
      'Zelensky said "It failed."',
      'Moscow denied it!',
      'The war goes on?',
      'Yes',
    ]);
  });

  it('does not split at abbreviations, initials, decimals or inside a word', () => {
    expect(
      sentencesOf('The U.S. and Gen. Syrskyi met Mr. J. Smith at 3.5 km from example.com on Aug. 5. Then they left.'),
    ).toEqual(['The U.S. and Gen. Syrskyi met Mr. J. Smith at 3.5 km from example.com on Aug. 5.', 'Then they left.']);
  });

  it('does not split before a lowercase continuation', () => {
    expect(sentencesOf('He said... and then left. Done.')).toEqual(['He said... and then left.', 'Done.']);
  });

  it('gives spans that index the text, and nothing for empty text', () => {
    const text = '  One.  Two.  ';
    expect(splitSentences(text)).toEqual([{ start: 2, end: 6 }, { start: 8, end: 12 }]);
    expect(splitSentences('')).toEqual([]);
  });

  it('is linear: a 5 MB text of one unpunctuated paragraph ends at once', () => {
    const text = 'word '.repeat(1_000_000);
    expect(splitSentences(text)).toHaveLength(1);
  });
});
