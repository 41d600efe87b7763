/**
 * Reading TimeML (`.tml`) documents as TempEval-3 scores them: the text of
 * the `<TEXT>` element with every tag stripped and XML entities decoded, the
 * gold `<TIMEX3>` spans as offsets into that text, and the document creation
 * time (the TIMEX3 whose functionInDocument is CREATION_TIME).
 */

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
}

export interface TimemlDocument {
  id: string;
  /** Document creation time as the TIMEX3 value gives it (`1998-01-08`, `1990-08-15T13:37`). */
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? decodeEntities(m[1]!) : null;
}

export class TimemlError extends Error {
  constructor(
    readonly code: 'EFORMAT',
    message: string,
  ) {
    super(message);
    this.name = 'TimemlError';
  }
}

/** Parses one `.tml` file's content; `id` names it in errors. */
export function parseTimeml(xml: string, id: string): TimemlDocument {
  const dctTag = xml.match(/<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/);
  const dct = dctTag ? attribute(dctTag[0], 'value') : null;
  if (dct === null) throw new TimemlError('EFORMAT', `${id}: no TIMEX3 with functionInDocument="CREATION_TIME"`);
  const body = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/);
  if (!body) throw new TimemlError('EFORMAT', `${id}: no <TEXT> element`);

  let text = '';
  const timexes: GoldTimex[] = [];
  const open: Array<{ start: number; tag: string }> = [];
  const tokens = /<(\/?)([A-Za-z0-9_]+)\b[^>]*?(\/?)>|([^<]+)/g;
  for (let m = tokens.exec(body[1]!); m !== null; m = tokens.exec(body[1]!)) {
    if (m[4] !== undefined) {
      text += decodeEntities(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3' || m[3] === '/') continue;
    if (m[1] === '') {
      open.push({ start: text.length, tag: m[0] });
      continue;
    }
    const opened = open.pop();
    if (!opened) throw new TimemlError('EFORMAT', `${id}: </TIMEX3> without an opening tag`);
    timexes.push({
      start: opened.start,
      end: text.length,
      text: text.slice(opened.start, text.length),
      type: attribute(opened.tag, 'type') ?? '',
      value: attribute(opened.tag, 'value') ?? '',
      mod: attribute(opened.tag, 'mod'),
    });
  }
  timexes.sort((a, b) => a.start - b.start);
  return { id, dct, text, timexes };
}
