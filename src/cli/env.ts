/**
 * The one module that reads the environment. Everything else receives these
 * values as arguments.
 */
export interface Environment {
  /** Where the database is: `--db` beats SITREP_DB beats DATABASE_URL beats ./sitrep-data. */
  defaultDatabase: string;
  /** Standard error is a terminal: show progress bars. */
  interactive: boolean;
  /** Terminal width for tables, or a wide default when piped. */
  columns: number;
  /** `sitrep serve`: the read token (SITREP_TOKEN), needed to bind a non-loopback address. */
  token?: string;
  /** `sitrep serve`: the token with write scope (SITREP_WRITE_TOKEN): POST /api/articles. */
  writeToken?: string;
  /** Where alerts are POSTed (SITREP_WEBHOOK_URL), or null. */
  webhookUrl: string | null;
}

/** What a table gets in a pipe: wide enough that nothing useful is cut, as `ps` does. */
const PIPE_COLUMNS = 160;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    defaultDatabase: env.SITREP_DB || env.DATABASE_URL || './sitrep-data',
    interactive: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns || 100 : PIPE_COLUMNS,
    // An empty variable is no token (a shell's `SITREP_TOKEN= sitrep serve`).
    ...(env.SITREP_TOKEN ? { token: env.SITREP_TOKEN } : {}),
    ...(env.SITREP_WRITE_TOKEN ? { writeToken: env.SITREP_WRITE_TOKEN } : {}),
    webhookUrl: env.SITREP_WEBHOOK_URL || null,
  };
}
