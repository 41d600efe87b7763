/** Golden cases for the hypothetical flag. */
import { describe, expect, it } from 'vitest';
import { figureAt, figuresOf } from './testing.ts';

describe('hypothetical', () => {
  it('inside an "if" clause', () => {
    const text = 'What do you think: if three out of the 14 (brigades) are fully equipped, can it be stopped? Zelensky asked.';
    expect(figureAt(figuresOf(text), text, 'three')?.hypothetical).toBe(true);
  });
  it('a sentence opening with "if" supposes its main clause too', () => {
    const text = 'If the talks fail, 30,000 troops will move to the border.';
    expect(figureAt(figuresOf(text), text, '30,000')?.hypothetical).toBe(true);
  });
  it('a mid-sentence "if" clause ends at its comma', () => {
    const text = 'Kyiv said that if aid arrives, the line holds, and 14 brigades are ready.';
    expect(figureAt(figuresOf(text), text, '14')?.hypothetical).toBe(false);
  });
  it('a statement is not hypothetical', () => {
    const text = 'The Ukrainian military has formed 14 new brigades to relieve units at the front.';
    expect(figureAt(figuresOf(text), text, '14')?.hypothetical).toBe(false);
  });
  it('"unless" and "should" open suppositions', () => {
    const a = 'Unless 50 tanks arrive soon, the line breaks.';
    const b = 'Should 100 drones attack, the city has no defence.';
    expect(figureAt(figuresOf(a), a, '50')?.hypothetical).toBe(true);
    expect(figureAt(figuresOf(b), b, '100')?.hypothetical).toBe(true);
  });
  it('a question is rhetorical', () => {
    const text = 'How can 14 brigades hold 1,000 kilometers of front?';
    expect(figuresOf(text).map((f) => f.hypothetical)).toEqual([true, true]);
  });
  it('"whether" reports an open question about real things, not a supposition', () => {
    const text = 'The police did not determine whether three men knew each other.';
    expect(figureAt(figuresOf(text), text, 'three')?.hypothetical).toBe(false);
  });
});
