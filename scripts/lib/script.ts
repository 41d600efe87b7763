/**
 * Small pieces every bench and evaluation script needs: reading `--name
 * value` options, the median of a few timed runs, and a seeded random
 * source for reproducible workloads and orders.
 */

/** A reader of `--name value` options from `args`; a missing or valueless option gives `fallback`. */
export function optionReader(args: readonly string[]): (name: string, fallback: string) => string {
  return (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
}

/** The middle value (the mean of the two middle ones for an even count); `whenEmpty` for none. */
export function median(values: readonly number[], whenEmpty = Number.NaN): number {
  if (values.length === 0) return whenEmpty;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Mulberry32: a small seeded generator, so a workload or a shuffled order is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
