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
    webhookUrl: env.SITREP_WEBHOOK_URL || null,
  };
}
