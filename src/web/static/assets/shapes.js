// Readers for the record shapes the API serves (docs/export.md, docs/api.md,
// the SituationReport of src/report/situation.ts). Kept in one place so a
// field renamed on the server is fixed once. Each accepts the few spellings
// the records use for the same thing (an article id is `articleId` in export
// records and `article` in event/figure sources).

export function articleIdOf(x) {
  if (!x || typeof x !== 'object') return typeof x === 'string' ? x : null;
  if (typeof x.articleId === 'string') return x.articleId;
  if (typeof x.article === 'string') return x.article;
  if (x.article && typeof x.article.id === 'string') return x.article.id;
  if (typeof x.id === 'string' && !x.sentence) return x.id;
  return null;
}

/** The {start, end} span of a source: `sentence: {start, end}`, `span`, or the record's own start/end. */
export function spanOf(x) {
  if (!x || typeof x !== 'object') return null;
  for (const s of [x.sentence, x.span, x.content, x]) {
    if (s && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end)) return { start: s.start, end: s.end };
  }
  return null;
}

/** The name of a party, speaker or source: a string, or {name|text|description|entity}. */
export function nameOf(x, fallback = 'unattributed') {
  if (!x) return fallback;
  if (typeof x === 'string') return x;
  return x.name ?? x.partyText ?? x.text ?? x.description ?? x.entity ?? fallback;
}

/** A count from a number or a list. */
export function countOf(x) {
  if (typeof x === 'number') return x;
  if (Array.isArray(x)) return x.length;
  return 0;
}

/** A date for display: TIMEX3 values stay as they are ("2024-SU"), ISO times lose their time. */
export function dateText(value) {
  if (!value) return 'undated';
  const s = String(value);
  // TIMEX3 leaves unknown digits as X: a month without its year, or nothing at all
  if (/^X{4}-X{2}/.test(s) || s === 'XXXX') return 'date unknown';
  if (/^X{4}-\d{2}/.test(s)) return `${s.slice(5)} (year unknown)`;
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
}
