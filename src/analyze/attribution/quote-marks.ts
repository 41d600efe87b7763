/**
 * Quotation spans: the text between an opening and its closing quotation
 * mark. Typographic (“ ” „ « » ‘ ’) and straight (") marks; quotes nested in
 * quotes stay inside the outer one; doubled apostrophes ('') are a double mark; a quote running over several paragraphs
 * follows the newsroom convention (each new paragraph reopens the quote, only
 * the last one closes it). One linear pass; an unclosed mark is dropped at
 * the end of its paragraph so one stray mark cannot swallow an article.
 */
import type { Span } from '../../model/index.ts';

export interface Quotation extends Span {
  /** The words inside the marks (the marks excluded). */
  inner: Span;
}

/** Closing mark for each opening mark. `“` also closes `„` (German style). */
const CLOSER_OF: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"', '‘': '’' };

function isSpaceOrStart(text: string, i: number): boolean {
  return i < 0 || /[\s([{—–\-:;,/]/u.test(text[i]!);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  let opener = '';
  // Only marks, apostrophes and line breaks do anything below: jump from one to the next.
  const candidate = /["'“”„«»‘’\n]/g;
  for (let i = 0; i < text.length; i++) {
    candidate.lastIndex = i;
    const next = candidate.exec(text);
    if (next === null) break;
    i = next.index;
    const ch = text[i]!;
    // Two apostrophes are a double mark in some newsroom systems (the New York Times): ''Well,'' she said.
    if (ch === "'" && text[i + 1] === "'") {
      if (open < 0 && isSpaceOrStart(text, i - 1) && i + 2 < text.length && !/\s/.test(text[i + 2]!)) {
        open = i;
        opener = "''";
        i++;
      } else if (open >= 0 && opener === "''") {
        found.push({ start: open, end: i + 2, inner: { start: open + 2, end: i } });
        open = -1;
        i++;
      }
      continue;
    }
    if (open < 0) {
      if (ch === '“' || ch === '„' || ch === '«') {
        open = i;
        opener = ch;
      } else if (ch === '"' && isSpaceOrStart(text, i - 1) && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
        open = i;
        opener = ch;
      } else if (ch === '‘' && isSpaceOrStart(text, i - 1) && isWordChar(text[i + 1])) {
        // A single opening mark at a word start; ’ alone is far more often an apostrophe.
        open = i;
        opener = ch;
      }
      continue;
    }
    if (ch === '\n') {
      // The quote goes on only when the next paragraph reopens it with the same mark.
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (j < text.length && text.startsWith(opener, j)) {
        if (opener.length === 2) j++;
        i = j;
        continue;
      }
      open = -1;
      continue;
    }
    const closer = CLOSER_OF[opener];
    if (closer === undefined) continue;
    // Mixed marks, from copy edited in two systems: “…," and "…,” close their quotation when the mark ends
    // a sentence or a clause (after . , ! ? or before the paragraph's end), not inside one ("“… "hello" …”").
    const mixed = ((opener === '“' && ch === '"') || (opener === '"' && ch === '”')) && i > open + 1 &&
      (/[.,!?…]/u.test(text[i - 1]!) || i + 1 >= text.length || text[i + 1] === '\n');
    if (ch !== closer && !mixed) continue;
    // ’ inside a word ("Ukraine’s", "don’t") is an apostrophe, not a closing mark.
    if (closer === '’' && isWordChar(text[i + 1])) continue;
    if (closer === '"' && i === open + 1) continue;
    found.push({ start: open, end: i + 1, inner: { start: open + 1, end: i } });
    open = -1;
  }
  return found;
}
