/**
 * What a follow points at, for every face (CLI, API): the entity or place a
 * name in any spelling names (its canonical key), the story an id names, or
 * the keyword itself.
 */
import { variantKey } from '../analyze/entities/index.ts';
import type { Follow, FollowKind } from '../model/index.ts';
import type { Store } from '../store/index.ts';

export const FOLLOW_KINDS = ['entity', 'place', 'keyword', 'story'] as const satisfies readonly FollowKind[];

/** The follow to store, or why `value` names nothing to follow (a sentence for the user). */
export async function resolveFollow(store: Store, kind: FollowKind, value: string): Promise<Omit<Follow, 'id'> | { refused: string }> {
  const text = value.trim();
  if (!text) return { refused: 'say what to follow' };
  if (kind === 'keyword') return { kind, value: text, target: text.toLowerCase(), label: text };
  if (kind === 'story') {
    const story = await store.getStory(text);
    if (!story) return { refused: `no story "${text.slice(0, 100)}" (sitrep stories lists them)` };
    return { kind, value: text, target: story.id, label: story.title };
  }
  const found = (await store.findEntities([variantKey(text)])).filter((e) => (kind === 'place' ? e.type === 'place' : e.type !== 'place'));
  if (found.length === 0) {
    return { refused: `no ${kind} called "${text.slice(0, 100)}" in the store yet (sitrep entities lists them; or follow it as a keyword)` };
  }
  // Several entities share the spelling: the most mentioned is the one meant, as search does.
  const best = [...found].sort((a, b) => b.mentions - a.mentions)[0]!;
  return { kind, value: text, target: best.key, label: best.name };
}
