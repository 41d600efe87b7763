/** Golden cases for the date a figure holds for. */
import { describe, expect, it } from 'vitest';
import { figureAt, figuresOf } from './testing.ts';

describe('the date a figure holds for', () => {
  it('a date in its sentence', () => {
    const text = 'On July 17, officials said 53,000 people remained in the city.';
    expect(figureAt(figuresOf(text, '2024-08-19'), text, '53,000')?.date).toBe('2024-07-17');
  });
  it('the article date when the sentence states none', () => {
    const text = 'Officials say 53,000 people remain in the city.';
    expect(figureAt(figuresOf(text, '2024-08-19'), text, '53,000')?.date).toBe('2024-08-19');
  });
  it('the start of a period is not the date it holds for: "since … two weeks ago"', () => {
    const text = 'Troops have expanded over 1,250 square kilometers into Russia since the unexpected incursion two weeks ago.';
    expect(figureAt(figuresOf(text, '2024-08-19'), text, '1,250')?.date).toBe('2024-08-19');
  });
  it('the sentence time carries over from the sentence before', () => {
    const text = 'In May, Russia launched its offensive. Some 30,000 troops crossed the border.';
    expect(figureAt(figuresOf(text, '2024-07-31'), text, '30,000')?.date).toMatch(/^2024-0[57]/);
  });
  it('null when nothing dates it', () => {
    const text = 'Some 30,000 troops crossed the border.';
    expect(figureAt(figuresOf(text, null), text, '30,000')?.date ?? null).toBeNull();
  });
});
