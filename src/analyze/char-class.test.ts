/**
 * The hand-written tokenisers must cut text exactly where the regular
 * expressions they replaced cut it (those regexes are their definition,
 * written out in their doc comments): checked on tricky cases and on
 * generated strings mixing scripts, marks, astral characters, lone
 * surrogates, odd spaces and the punctuation names carry.
 */
import { describe, expect, it } from 'vitest';
import { tokenize as entityTokens } from './entities/tokenize.ts';
import { tokenize as timeTokens } from './time/tokens.ts';

const ENTITY_TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu;
const TIME_TOKEN = /\p{L}[\p{L}\p{M}]*|[0-9]+|\S/gu;

function entityReference(text: string, start = 0, end = text.length) {
  const tokens: Array<{ text: string; start: number; end: number }> = [];
  ENTITY_TOKEN.lastIndex = start;
  for (let m = ENTITY_TOKEN.exec(text); m !== null && m.index < end; m = ENTITY_TOKEN.exec(text)) {
    const word = m[0];
    const possessive = word.length > 2 ? /^(.+?)(['’][sS])$/u.exec(word) : null;
    if (possessive) {
      tokens.push({ text: possessive[1]!, start: m.index, end: m.index + possessive[1]!.length });
      tokens.push({ text: possessive[2]!, start: m.index + possessive[1]!.length, end: m.index + word.length });
    } else tokens.push({ text: word, start: m.index, end: Math.min(m.index + word.length, end) });
  }
  return tokens;
}

const withoutWord = ({ text, start, end }: { text: string; start: number; end: number }) => ({ text, start, end });

function timeReference(text: string) {
  return [...text.matchAll(TIME_TOKEN)].map((m) => [m.index, m[0]]);
}

const PIECES = [
  'a', 'Z', 'é', 'e\u0301', 'İ', 'ß', 'Σ', '1', '٣', '²', 'Ⅻ', ' ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff',
  '\u180e', "'", '’', '-', '.', ',', 'U.S.', 'U.K', '😀', '𝐀', '\ud800', '\udc00', 'ЗСУ', 'Київ', "'s", '’S',
  "Russia's", 'Chasiv-Yar', "O'Brien", '中文', 'العربية', 'x-', '68th', '\r\n', '\u2028',
];

/** Deterministic strings of up to 12 pieces (Park–Miller generator). */
function generated(count: number): string[] {
  let seed = 11;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    const pieces = 1 + Math.floor(next() * 12);
    for (let j = 0; j < pieces; j++) text += PIECES[Math.floor(next() * PIECES.length)];
    out.push(text);
  }
  return out;
}

const CASES = [
  "The U.S.-led coalition's 68th Brigade near Chasiv-Yar, O'Brien said.",
  'U.K. and U.S troops; NATO’s plans. “Kyiv’S” — 2024-08-05 at 10:30.',
  'Зеленський сказав: «Київ». 𝐀𝐁𝐂 😀 e\u0301te\u0301',
  "'s s' x's ''s",
  '',
];

describe('hand-written tokenisers', () => {
  it('cut entity tokens where the regex did', () => {
    for (const text of [...CASES, ...generated(3000)]) {
      expect(entityTokens(text).map(withoutWord)).toEqual(entityReference(text));
      for (const [start, end] of [[1, text.length], [2, Math.max(2, text.length - 1)], [3, 4]] as const) {
        expect(entityTokens(text, start, end).map(withoutWord)).toEqual(entityReference(text, start, end));
      }
    }
  });

  it('cut time tokens where the regex did', () => {
    for (const text of [...CASES, ...generated(3000)]) {
      expect(timeTokens(text).map((t) => [t.start, t.raw])).toEqual(timeReference(text));
    }
  });

  it('number each distinct word once, the same in every text', () => {
    const first = entityTokens('Kyiv said Kyiv’s army and the army');
    const again = entityTokens('the army in Kyiv');
    const id = (tokens: typeof first, text: string) => new Set(tokens.filter((t) => t.text === text).map((t) => t.word));
    expect(id(first, 'Kyiv')).toEqual(id(again, 'Kyiv'));
    expect(id(first, 'army')).toEqual(id(again, 'army'));
    expect(id(first, 'Kyiv').size).toBe(1);
    expect([...id(first, 'Kyiv')][0]).not.toBe([...id(first, 'army')][0]);
  });

  it('mark possessives, kinds and line breaks', () => {
    expect(entityTokens("Russia's army").map((t) => t.text)).toEqual(['Russia', "'s", 'army']);
    const tokens = timeTokens('On 5 July,\nlast year');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'number', 'word', 'punct', 'word', 'word']);
    expect(tokens.map((t) => t.broken)).toEqual([false, false, false, false, true, false]);
    expect(tokens.map((t) => t.spaced)).toEqual([false, true, true, false, true, true]);
    expect(tokens[0]!.capitalised).toBe(true);
  });
});
