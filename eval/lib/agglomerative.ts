/**
 * Average-link (UPGMA) agglomerative clustering over a similarity matrix,
 * for the baseline of `npm run eval:stories`. The whole merge sequence is
 * computed once; `cut` applies the merges at or above a similarity, so many
 * thresholds are tried for the cost of one clustering (average link is
 * monotone: merge similarities never rise).
 */

export interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/** The merge sequence of n items under average link; `sim` is a full symmetric n×n matrix (row-major). */
export function averageLinkMerges(n: number, sim: Float64Array): Merge[] {
  const s = Float64Array.from(sim);
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (let step = 0; step < n - 1; step++) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && s[i * n + j]! > best) {
          best = s[i * n + j]!;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    merges.push({ a: bi, b: bj, similarity: best });
    // Lance–Williams update for average link: the merged cluster's similarity is the size-weighted mean.
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = (size[bi]! * s[bi * n + k]! + size[bj]! * s[bj * n + k]!) / (size[bi]! + size[bj]!);
      s[bi * n + k] = v;
      s[k * n + bi] = v;
    }
    size[bi]! += size[bj]!;
    alive[bj] = false;
  }
  return merges;
}

/** Cluster label (the index of a representative) of each item after the merges at or above `threshold`. */
export function cut(n: number, merges: readonly Merge[], threshold: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (x: number): number => (parent[x] === x ? x : (parent[x] = root(parent[x]!)));
  for (const m of merges) {
    if (m.similarity < threshold) break;
    parent[root(m.b)] = root(m.a);
  }
  return parent.map((_, i) => root(i));
}
