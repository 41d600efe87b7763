// Small SVG charts drawn with createElementNS (no HTML strings): a bar chart
// of counts per day and a line chart of a figure series. Labels are text nodes.
import { clean } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = clean(text);
  return el;
}

/**
 * Days since the epoch of a date: ISO (YYYY-MM-DD…) or a coarser TIMEX3 value
 * placed at its start (YYYY-MM, YYYY-Www, YYYY-SU/FA/WI/SP, YYYY-Qn, YYYY);
 * null for anything else (PRESENT_REF, XXXX-07-30).
 */
export function dayNumber(date) {
  const s = String(date ?? '');
  const utc = (y, m, d) => Math.floor(Date.UTC(y, m, d) / 86_400_000);
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (m) return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1'));
  m = /^(\d{4})-W(\d{2})/.exec(s);
  if (m) return utc(Number(m[1]), 0, 1 + (Number(m[2]) - 1) * 7);
  m = /^(\d{4})-(SP|SU|FA|WI)/.exec(s);
  // seasons from their meteorological start month
  if (m) return utc(Number(m[1]), { SP: 2, SU: 5, FA: 8, WI: 11 }[m[2]], 1);
  m = /^(\d{4})-Q([1-4])/.exec(s);
  if (m) return utc(Number(m[1]), (Number(m[2]) - 1) * 3, 1);
  m = /^(\d{4})$/.exec(s);
  if (m) return utc(Number(m[1]), 0, 1);
  return null;
}

/** The last day a date covers: 2024 → 2024-12-31, 2024-08 → 2024-08-31, a day → itself (seasons, weeks: their first day). */
export function lastDayNumber(date) {
  const s = String(date ?? '');
  const utc = (y, m, d) => Math.floor(Date.UTC(y, m, d) / 86_400_000);
  let m = /^(\d{4})$/.exec(s);
  if (m) return utc(Number(m[1]) + 1, 0, 1) - 1;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return utc(Number(m[1]), Number(m[2]), 1) - 1;
  return dayNumber(s);
}

export function dayString(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// Chart geometry in SVG units; the viewBox scales to the container width.
const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 56, right: 24, top: 30, bottom: 36 };

function frame(label) {
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart', preserveAspectRatio: 'xMidYMid meet' });
  svg.appendChild(s('title', {}, label));
  return svg;
}

function axes(svg, x0, x1, yMax, yLabel) {
  const bottom = HEIGHT - PAD.bottom;
  svg.appendChild(s('line', { x1: PAD.left, y1: bottom, x2: WIDTH - PAD.right, y2: bottom, class: 'axis' }));
  svg.appendChild(s('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, class: 'axis' }));
  svg.appendChild(s('text', { x: PAD.left - 6, y: PAD.top + 4, 'text-anchor': 'end', class: 'tick' }, formatNumber(yMax)));
  svg.appendChild(s('text', { x: PAD.left - 6, y: bottom, 'text-anchor': 'end', class: 'tick' }, '0'));
  svg.appendChild(s('text', { x: PAD.left, y: HEIGHT - 10, class: 'tick' }, x0));
  svg.appendChild(s('text', { x: WIDTH - PAD.right, y: HEIGHT - 10, 'text-anchor': 'end', class: 'tick' }, x1));
  if (yLabel) svg.appendChild(s('text', { x: PAD.left - 6, y: 12, 'text-anchor': 'end', class: 'tick unit' }, yLabel));
}

export function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Bars of {date, count}: mentions over time; dates may be coarse ("2024"), labelled as given. */
export function barChart(rows, label) {
  const points = rows.map((r) => ({ date: String(r.date), day: dayNumber(r.date), count: Number(r.count) || 0 })).filter((p) => p.day !== null);
  const svg = frame(label);
  if (!points.length) return svg;
  points.sort((a, b) => a.day - b.day);
  const first = points[0];
  const last = points[points.length - 1];
  const span = Math.max(1, last.day - first.day + 1);
  const yMax = Math.max(1, ...points.map((p) => p.count));
  axes(svg, first.date, points.length > 1 ? last.date : '', yMax);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  // at least 2 units wide so a single day on a long axis stays visible; at
  // most 40 so one coarse date ("2024") is a bar, not a wall
  const barW = Math.min(40, Math.max(2, plotW / span - 1));
  for (const p of points) {
    const x = points.length === 1 ? PAD.left + (plotW - barW) / 2 : PAD.left + ((p.day - first.day) / span) * (plotW - barW);
    const hgt = (p.count / yMax) * plotH;
    const bar = s('rect', { x: x.toFixed(1), y: (PAD.top + plotH - hgt).toFixed(1), width: barW.toFixed(1), height: hgt.toFixed(1), class: 'bar' });
    bar.appendChild(s('title', {}, `${p.date}: ${p.count}`));
    svg.appendChild(bar);
    if (points.length <= 12) svg.appendChild(s('text', { x: (x + barW / 2).toFixed(1), y: (PAD.top + plotH - hgt - 4).toFixed(1), 'text-anchor': 'middle', class: 'tick value' }, `${p.count}`));
  }
  return svg;
}

/**
 * A line over points {date, value, label, href}. With two or more calendar
 * dates the x axis is time (undated points are left to the caller's table);
 * otherwise the points stand in the order the series gives them, evenly
 * spaced, and the axis says so. Each point links to its sentence, reachable
 * by keyboard.
 */
export function lineChart(points, label, unit) {
  const valued = points.filter((p) => Number.isFinite(p.value));
  const dated = valued.map((p) => ({ ...p, day: dayNumber(p.date) })).filter((p) => p.day !== null);
  const svg = frame(label);
  if (!valued.length) return svg;
  const byTime = new Set(dated.map((p) => p.day)).size >= 2;
  const shown = byTime ? dated.sort((a, b) => a.day - b.day) : valued.map((p, i) => ({ ...p, day: i }));
  const first = shown[0].day;
  const last = shown[shown.length - 1].day;
  const span = Math.max(1, last - first);
  // headroom above the highest point for its value label
  const yMax = Math.max(...shown.map((p) => p.value)) * 1.15 || 1;
  const ends = byTime ? [dayString(first), dayString(last)] : ['in the order given', shown.length > 1 ? '(dates not known)' : '(date not known)'];
  axes(svg, ends[0], ends[1], yMax, unit);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xy = shown.map((p) => ({
    p,
    x: shown.length === 1 ? PAD.left + plotW / 2 : PAD.left + ((p.day - first) / span) * plotW,
    y: PAD.top + plotH - (p.value / yMax) * plotH,
  }));
  if (xy.length > 1) svg.appendChild(s('polyline', { points: xy.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' '), class: byTime ? 'line' : 'line ordinal' }));
  for (const q of xy) {
    const when = q.p.date ?? 'undated';
    const dot = s('circle', { cx: q.x.toFixed(1), cy: q.y.toFixed(1), r: 5, class: 'dot' });
    dot.appendChild(s('title', {}, `${when}: ${formatNumber(q.p.value)}${q.p.label ? ` — ${q.p.label}` : ''}`));
    svg.appendChild(s('text', { x: q.x.toFixed(1), y: (q.y - 9).toFixed(1), 'text-anchor': 'middle', class: 'tick value' }, formatNumber(q.p.value)));
    if (q.p.href) {
      const link = s('a', { href: q.p.href, 'aria-label': `${when}: ${formatNumber(q.p.value)} ${unit ?? ''}${q.p.label ? `, given by ${q.p.label}` : ''}` });
      link.appendChild(dot);
      svg.appendChild(link);
    } else svg.appendChild(dot);
  }
  return svg;
}
