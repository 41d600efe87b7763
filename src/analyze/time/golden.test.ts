/**
 * Golden cases for the time heuristics: `fixtures/<slug>/input.txt` read with
 * the publication date in `expected.json` must give exactly the expressions
 * listed there — spans, types, values, modifiers, granularities, anchors.
 * A fix to a heuristic adds the case that motivated it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTimes } from './index.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Expected {
  published: string | null;
  expressions: Array<{ text: string; type: string; value: string; mod: string | null; granularity: string; anchor: string }>;
}

describe('time golden cases', () => {
  const slugs = readdirSync(fixtures).sort();
  it('has fixtures', () => expect(slugs.length).toBeGreaterThanOrEqual(10));
  for (const slug of slugs) {
    it(slug, () => {
      const text = readFileSync(path.join(fixtures, slug, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(fixtures, slug, 'expected.json'), 'utf8')) as Expected;
      const found = extractTimes(text, { published: expected.published }).map(({ text, type, value, mod, granularity, anchor }) => ({ text, type, value, mod, granularity, anchor }));
      expect(found).toEqual(expected.expressions);
    });
  }
});
