/**
 * Reader for WikiANN in the `en:token<TAB>BIO-tag` format (blank line between
 * sentences), used by `npm run train:ner` and `npm run eval:ner`. Each
 * sentence is rebuilt as its tokens joined by single spaces, and its gold
 * entities become character spans into that text, so a system that works on
 * raw text can be scored on it.
 */
import { readFileSync } from 'node:fs';

export type GoldType = 'PER' | 'LOC' | 'ORG';

export interface GoldEntity {
  start: number;
  end: number;
  type: GoldType;
}

export interface GoldSentence {
  text: string;
  entities: GoldEntity[];
}

export function parseWikiann(content: string): GoldSentence[] {
  const sentences: GoldSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length === 0) return;
    let text = '';
    const entities: GoldEntity[] = [];
    let open: GoldEntity | null = null;
    words.forEach((word, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += word;
      const tag = tags[i] ?? 'O';
      const type = tag.slice(2) as GoldType;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.type !== type)) {
        open = { start, end: text.length, type };
        entities.push(open);
      } else if (tag.startsWith('I-') && open) {
        open.end = text.length;
      } else {
        open = null;
      }
    });
    sentences.push({ text, entities });
    words = [];
    tags = [];
  };
  for (const line of content.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const token = (tab < 0 ? line : line.slice(0, tab)).replace(/^[a-z]{2}:/, '');
    words.push(token);
    tags.push(tab < 0 ? 'O' : line.slice(tab + 1).trim());
  }
  flush();
  return sentences;
}

export function readWikiann(file: string): GoldSentence[] {
  return parseWikiann(readFileSync(file, 'utf8'));
}
