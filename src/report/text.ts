/**
 * Article text is untrusted: before it goes into a document it loses what
 * could change how the document reads or behaves around it. Both renderers
 * start from `plainText`; each then escapes for its own syntax. The other
 * pieces here (numbers, units, control claims, the key developments'
 * headings) are what both renderers say alike.
 */
import type { ReportEvent } from './types.ts';

/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the
 * Arabic letter mark) can make a line read differently from what it holds
 * ("Trojan Source"); C0/C1 controls and zero-width joiners' cousins have no
 * place in a report line. Right-to-left text itself is kept: only the
 * invisible controls go.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const HAS_CONTROL = new RegExp(CONTROLS.source);

/** One line of untrusted text: controls removed, whitespace (newlines too) folded to single spaces. */
export function plainText(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** A URL safe to link to: absolute http(s) only, no whitespace, no controls; null otherwise. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (HAS_CONTROL.test(trimmed) || /\s/.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A number with thousands separators, for figures and changes. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A signed change: "+50", "−7,000". */
export function formatDelta(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '±0';
}

/** How a reader names the unit of a series: "km²", "people", "troops". */
export function unitLabel(unit: string): string {
  return { km2: 'km²', percent: '%', usd: 'US$', fraction: 'share', count: 'count' }[unit] ?? unit;
}

/** "claims Levadne liberated", "denies Pokrovsk surrounded", "claims an advance on Pokrovsk". */
export function controlText(kind: 'claim' | 'denial', control: { action: string; place: string }): string {
  const what = control.action === 'advanced' ? `an advance on ${control.place}` : control.action === 'attacked' ? `an attack on ${control.place}` : `${control.place} ${control.action}`;
  return `${kind === 'denial' ? 'denies' : 'claims'} ${what}`;
}

/** The key developments under their headings, in the order both renderers give them; empty groups left out. */
export function keyEventGroups(events: readonly ReportEvent[]): Array<{ heading: string; events: ReportEvent[] }> {
  const groups: Array<[string, (e: ReportEvent) => boolean]> = [
    ['Earlier, as the period’s articles recall it', (e) => e.timing === 'before'],
    ['In the period', (e) => e.timing === 'within' && !e.approximate],
    ['Also reported in the period, with no closer date', (e) => e.timing === 'within' && e.approximate],
    ['Ahead', (e) => e.timing === 'after'],
  ];
  return groups.map(([heading, belongs]) => ({ heading, events: events.filter(belongs) })).filter((g) => g.events.length > 0);
}
