/**
 * The watch state (validators, backoff, items seen) kept in a JSON file
 * beside the configuration, so a restarted watch neither refetches every
 * page nor hammers a feed that was failing. Written to a temporary file and
 * renamed over the old one: a kill mid-write leaves the previous state whole.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { WatchState } from './watcher.ts';

/** The state file's path for a configuration file: `feeds.json` → `feeds.state.json`. */
export function defaultStatePath(configPath: string): string {
  return configPath.replace(/(\.json)?$/i, '.state.json');
}

export async function loadWatchState(path: string): Promise<WatchState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as WatchState) : {};
  } catch {
    // A corrupt state only costs refetching: the ingest recognises what it already has.
    return {};
  }
}

export async function saveWatchState(path: string, state: WatchState): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 1)}\n`);
  await rename(temporary, path);
}
