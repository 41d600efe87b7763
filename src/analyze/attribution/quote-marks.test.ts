import { describe, expect, it } from 'vitest';
import { findQuotations } from './quote-marks.ts';

/** The words inside each quotation found. */
function inner(text: string): string[] {
  return findQuotations(text).map((q) => text.slice(q.inner.start, q.inner.end));
}

describe('findQuotations', () => {
  it('reads typographic, straight, guillemet and German marks', () => {
    expect(inner('He said “we hold” and "they fled", «nous restons», „wir bleiben“.')).toEqual(['we hold', 'they fled', 'nous restons', 'wir bleiben']);
  });
  it("reads doubled apostrophes as a double mark (the New York Times' style), apostrophes inside included", () => {
    expect(inner("''Well, it's a silly thing to say,'' she said.")).toEqual(["Well, it's a silly thing to say,"]);
  });
  it('keeps a quote nested in a quote inside the outer one', () => {
    expect(inner('“They call it ‘a bluff’, but it is not,” he said.')).toEqual(['They call it ‘a bluff’, but it is not,']);
  });
  it('does not take an apostrophe for a closing mark', () => {
    expect(inner('‘Ukraine’s forces don’t retreat’ was the headline.')).toEqual(['Ukraine’s forces don’t retreat']);
  });
  it('follows a quote over paragraphs that each reopen it', () => {
    const text = '“The losses are not worth it.\n\n“They are simply pointless.”';
    expect(inner(text)).toEqual(['The losses are not worth it.\n\n“They are simply pointless.']);
  });
  it('drops an unclosed mark at the end of its paragraph, so it cannot swallow the article', () => {
    expect(inner('He said “we hold the line.\n\nLater, “the city fell,” she said.')).toEqual(['the city fell,']);
  });
  it('mixed marks close a quotation at a sentence\'s or clause\'s end: “…." and "…,”', () => {
    expect(inner('“Show me your name."\n\n“The media is talking,” Pence said.')).toEqual(['Show me your name.', 'The media is talking,']);
    expect(inner('"I don’t know where he stands,” said Hooton. "Amnesty is his plan."')).toEqual(['I don’t know where he stands,', 'Amnesty is his plan.']);
  });
  it('a straight mark inside a typographic quotation, not after punctuation, does not close it', () => {
    expect(inner('“He said "hello" to me,” she said.')).toEqual(['He said "hello" to me,']);
  });
  it('finds nothing in text without marks', () => {
    expect(findQuotations('Russian forces advanced toward Pokrovsk.')).toEqual([]);
  });
});
