/**
 * Cleanup on the extracted text blocks, for furniture that only shows as
 * text: the headline repeated above the story, interface labels left over
 * from widgets ("Advertisement", "Image 3 of 9"), copyright lines.
 */
import { collapseWhitespace } from './html-text.ts';

/**
 * How many blocks at the top may be headline repeats, kicker URLs or labels.
 * A story's own text starts within the first few blocks; a repeat of the
 * headline further down is a quotation, and kept.
 */
const LEADING_BLOCKS_CHECKED = 4;

/**
 * Interface text a widget leaves behind when its buttons and images are
 * gone. Whole-block matches only, case-insensitive, so a sentence that
 * contains "advertisement" is never touched. Labels in the main languages
 * of the news pages we ingest.
 */
const INTERFACE_LABEL = new RegExp(
  '^(?:' +
    [
      'advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|iklan',
      'sign in|log in|login|subscribe|close|caption|share|share this|tweet|print|email|comments?',
      'loading(?: content)?|continue reading(?: below)?|skip to (?:main )?content|this slideshow requires javascript',
      // gallery counters: "Image 3 of 9", "Photo 3 / 9", "Image 1 of / 9", "3 of 9"
      '(?:(?:image|photo|slide|picture) )?\\d+ (?:of|/)(?: ?/)? ?\\d+',
    ].join('|') +
    ')$',
  'i',
);

/**
 * A line that is only a copyright notice: "© 2019 Press TV. All rights
 * reserved.", "Copyright 2024 Reuters". The word alone is not enough:
 * "Copyright holders sued the company." is a sentence.
 */
const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))[^.]{0,120}\.?(?:\s*all rights reserved\.?)?$|^all rights reserved\.?$/i;

const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;

function comparable(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Drops furniture blocks: interface labels and copyright lines anywhere,
 * and, among the first blocks, repeats of the headline and bare URLs.
 */
export function cleanBlocks(blocks: readonly string[], headlines: readonly string[]): string[] {
  const headlineKeys = new Set(headlines.map(comparable).filter((key) => key.length > 0));
  const kept: string[] = [];
  blocks.forEach((block, index) => {
    const text = block.trim();
    if (INTERFACE_LABEL.test(text.replace(/[.…:!]+$/, '')) || COPYRIGHT_LINE.test(text)) return;
    if (index < LEADING_BLOCKS_CHECKED && (headlineKeys.has(comparable(text)) || URL_ONLY.test(text))) return;
    kept.push(text);
  });
  return kept;
}
