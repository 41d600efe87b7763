/**
 * Channels: the medium a statement reached the article through, when the
 * text names it — "the state agency Tass quoted him as saying", "per a
 * translation from the Kyiv Independent", "according to a translation by
 * Ukrainian outlet Pravda", "Die Welt reports", "he wrote on X", "told Sky
 * News".
 */
import type { ChannelSpan } from '../../model/index.ts';
import { type MentionIndex, sourceStartingAt, type TokenRange } from './sources.ts';
import type { Token } from './tokens.ts';

/** Platforms named after "wrote on", "posted on", "said on": social networks and messengers. */
const PLATFORMS = new Set(['x', 'twitter', 'telegram', 'facebook', 'instagram', 'tiktok', 'youtube', 'vkontakte', 'vk', 'truth', 'threads', 'linkedin', 'weibo']);

/** Documents that carry someone else's words: "according to a translation by …", "per a report from …". */
const CARRIERS = new Set(['translation', 'report', 'interview', 'transcript', 'broadcast', 'video', 'recording', 'dispatch', 'article']);

export function channelOf(text: string, tokens: readonly Token[], range: TokenRange, mentions: MentionIndex): ChannelSpan {
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  const inside = mentions.within(start, end);
  const outlet = inside.find((m) => m.type === 'outlet') ?? inside[inside.length - 1];
  return { start, end, text: text.slice(start, end), entity: outlet?.entity ?? null };
}

/**
 * "a translation by Ukrainian outlet Pravda" after "according to"/"per": the
 * range of the outlet, or null when the phrase is a source, not a carrier.
 */
export function carrierChannel(tokens: readonly Token[], start: number, ceiling: number, mentions: MentionIndex): TokenRange | null {
  let i = start;
  if (['a', 'an', 'the'].includes(tokens[i]?.lower ?? '')) i++;
  if (!CARRIERS.has(tokens[i]?.lower ?? '')) return null;
  i++;
  if (!['by', 'from', 'in', 'of', 'with', 'on'].includes(tokens[i]?.lower ?? '')) return null;
  return sourceStartingAt(tokens, i + 1, ceiling, mentions);
}

/** "on X" right after a writing cue: the platform's token range, or null. */
export function platformAfter(tokens: readonly Token[], at: number): TokenRange | null {
  if (tokens[at]?.lower !== 'on') return null;
  const t = tokens[at + 1];
  if (!t || !PLATFORMS.has(t.lower)) return null;
  if (t.lower === 'truth' && tokens[at + 2]?.lower === 'social') return { first: at + 1, last: at + 2 };
  return { first: at + 1, last: at + 1 };
}

/** Channel tokens an "in an interview with OUTLET" / "told OUTLET" phrase points to, when the phrase names an outlet. */
export function outletRange(tokens: readonly Token[], from: number, ceiling: number, mentions: MentionIndex): TokenRange | null {
  for (let j = from; j <= ceiling && j < from + 4; j++) {
    const m = mentions.at(tokens[j]!.start);
    if (m && m.type === 'outlet') {
      let last = j;
      while (last + 1 <= ceiling && tokens[last + 1]!.start < m.end) last++;
      return { first: from, last };
    }
  }
  return null;
}
