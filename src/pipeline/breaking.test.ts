import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { loadBreakingStories } from './breaking.ts';
import { ingestPaths } from './ingest.ts';

const REPORTS = [
  ['Reuters', '2024-08-06T15:10:00Z', 'Russian drones hit Odesa port, grain terminal ablaze',
    'Russian drones struck the port of Odesa overnight, setting a grain terminal on fire, Governor Oleh Kiper said on Tuesday. Two dock workers were injured in the attack on Odesa, Kiper said. Ukraine\'s air force said it downed 23 of 29 drones.'],
  ['AP', '2024-08-06T16:05:00Z', 'Drone attack sets Odesa grain terminal on fire',
    'A Russian drone attack on Odesa damaged port infrastructure and a grain terminal, Odesa Governor Oleh Kiper said Tuesday. Firefighters worked through the night at the Odesa port, and two workers were hurt, according to Kiper.'],
  ['Kyiv Independent', '2024-08-06T17:20:00Z', 'Odesa port struck by Russian drones, two injured',
    'Russia attacked the Odesa port with drones overnight on Aug. 6, injuring two workers and setting a grain terminal ablaze, Odesa Oblast Governor Oleh Kiper reported. The air force said 23 drones were shot down over Odesa and other regions.'],
] as const;

describe('breaking stories from the store', () => {
  it('flags a story three outlets reported within hours, and nothing once the moment has passed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-breaking-'));
    const store = await openStore('memory://');
    try {
      const file = join(dir, 'wire.jsonl');
      await writeFile(file, REPORTS.map(([outlet, published, title, text]) => JSON.stringify({ outlet, published, title, text })).join('\n'));
      await ingestPaths(store, [file]);
      const stories = await store.listStories({});
      expect(stories).toHaveLength(1);
      const now = await loadBreakingStories(store, new Date('2024-08-06T18:00:00Z'));
      expect(now.map((s) => [s.recentArticles, s.recentSources])).toEqual([[3, 3]]);
      expect(await loadBreakingStories(store, new Date('2024-08-09T18:00:00Z'))).toEqual([]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
