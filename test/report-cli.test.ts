/**
 * `sitrep report` as a user runs it, in-process (main() with captured
 * output): the document on standard output or in a file, and one-line
 * errors for a bad date, an unknown story or format.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../src/cli/env.ts';
import { main } from '../src/cli/main.ts';

let dir: string;
let db: string;

async function sitrep(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--db', db, ...args], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    // Whatever the environment module adds later, this test needs none of it: an empty environment.
    env: { ...readEnvironment({}), defaultDatabase: db, interactive: false, columns: 120 },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-report-cli-'));
  db = join(dir, 'db');
  const file = join(dir, 'one.jsonl');
  await writeFile(
    file,
    JSON.stringify({
      title: 'Pokrovsk evacuation continues',
      outlet: 'Example News',
      url: 'https://news.example/pokrovsk',
      published: '2024-08-19',
      text: 'Officials said about 53,000 people still live in Pokrovsk. Serhiy Dobriak said that up to 600 people are leaving the city every day.',
    }),
  );
  expect((await sitrep(['ingest', '-q', file])).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sitrep report', () => {
  it('prints the Markdown report of the latest week', async () => {
    const r = await sitrep(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Situation report: 13–19 August 2024$/m);
    expect(r.stdout).toContain('1. Example News — “Pokrovsk evacuation continues”, 2024-08-19. <https://news.example/pokrovsk>');
    // Stamped with the time it was made, unless asked not to: then the same data gives the same bytes.
    expect(r.stdout).toMatch(/generated \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
    const a = await sitrep(['report', '--no-stamp']);
    const b = await sitrep(['report', '--no-stamp']);
    expect(a.stdout).not.toContain('generated');
    expect(b.stdout).toBe(a.stdout);
  });

  it('writes the HTML report to a file', async () => {
    const file = join(dir, 'report.html');
    const r = await sitrep(['report', '--format', 'html', '--out', file, '--since', '2024-08-01', '--until', '2024-08-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`written to ${file}`);
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>Situation report: 1–31 August 2024</h1>');
  });

  it('prints the report object with --json', async () => {
    const r = await sitrep(['report', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ period: { since: '2024-08-13', until: '2024-08-19', basis: 'latest-week' }, generatedFrom: { articles: 1 } });
  });

  it('says in one line what is wrong with a bad date, an unknown story or format', async () => {
    const bad = await sitrep(['report', '--since', '2024-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('sitrep: since must be a date written YYYY-MM-DD, got "2024-13-01"');
    const story = await sitrep(['report', '--story', 'story-0000']);
    expect(story.code).toBe(1);
    expect(story.stderr).toContain('no story "story-0000"');
    const format = await sitrep(['report', '--format', 'pdf']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("Allowed choices are md, html");
  });
});
