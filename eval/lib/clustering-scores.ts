/**
 * Scores of a clustering against gold classes, for `npm run eval:stories`.
 *
 * B-cubed (Bagga & Baldwin 1998): for each item, precision is the share of
 * its cluster that shares its gold class, recall the share of its gold class
 * that shares its cluster; both averaged over items. Pairwise: precision and
 * recall over the pairs of items put together.
 */

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function groups(labels: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [item, label] of labels) (out.get(label) ?? out.set(label, new Set()).get(label)!).add(item);
  return out;
}

/** B-cubed over the items both maps label. */
export function bcubed(system: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Scores {
  const items = [...gold.keys()].filter((i) => system.has(i));
  const sys = groups(new Map(items.map((i) => [i, system.get(i)!])));
  const ref = groups(new Map(items.map((i) => [i, gold.get(i)!])));
  let p = 0;
  let r = 0;
  for (const item of items) {
    const cluster = sys.get(system.get(item)!)!;
    const klass = ref.get(gold.get(item)!)!;
    let both = 0;
    for (const other of cluster) if (klass.has(other)) both++;
    p += both / cluster.size;
    r += both / klass.size;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

/** Pairwise precision / recall / F1 over the items both maps label. */
export function pairwise(system: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Scores {
  const items = [...gold.keys()].filter((i) => system.has(i));
  let together = 0;
  let goldTogether = 0;
  let both = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const s = system.get(items[i]!) === system.get(items[j]!);
      const g = gold.get(items[i]!) === gold.get(items[j]!);
      if (s) together++;
      if (g) goldTogether++;
      if (s && g) both++;
    }
  }
  const precision = together ? both / together : 0;
  const recall = goldTogether ? both / goldTogether : 0;
  return { precision, recall, f1: f1(precision, recall) };
}
