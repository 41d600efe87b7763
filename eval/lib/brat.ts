/**
 * PolNeAR attributions in brat standoff: `T` lines are spans (possibly
 * discontinuous, "315 448;463 553"), `E` lines tie a Content, a Cue and an
 * optional Source into one attribution.
 */
import type { Span } from '../../src/model/index.ts';

export interface GoldAttribution {
  id: string;
  content: Span[];
  cue: Span[];
  source: Span[] | null;
}

export function readBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const out: GoldAttribution[] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...ranges] = cols[1]!.split(' ');
      const fragments = ranges.join(' ').split(';').map((r) => {
        const [s, e] = r.trim().split(' ').map(Number);
        return { start: s!, end: e! };
      });
      spans.set(cols[0]!, fragments.filter((f) => Number.isFinite(f.start) && Number.isFinite(f.end)));
    } else if (line.startsWith('E') && cols.length >= 2) {
      events.push(line);
    }
  }
  for (const line of events) {
    const [id, args] = line.split('\t') as [string, string];
    const roles = new Map<string, string>();
    for (const arg of args.split(' ')) {
      const [role, ref] = arg.split(':');
      if (role && ref) roles.set(role.replace(/\d+$/, ''), ref);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    const sourceRef = roles.get('Source');
    out.push({ id, content, cue: spans.get(roles.get('Cue') ?? '') ?? [], source: sourceRef ? (spans.get(sourceRef) ?? null) : null });
  }
  return out;
}

/** Word tokens (letters and digits) as start offsets: the unit content F1 counts. */
export function wordStarts(text: string, spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  const word = /[\p{L}\p{N}]+/gu;
  for (const span of spans) {
    word.lastIndex = span.start;
    for (let m = word.exec(text); m !== null && m.index < span.end; m = word.exec(text)) out.add(m.index);
  }
  return out;
}
