/**
 * Follows and alerts. An alert is unique per (follow, kind, subject), so
 * raising the same match twice — a rerun after a kill, the same claim seen
 * by a second pass — records it once.
 */
import type { AlertKind, Follow, FollowKind, NewAlert } from '../model/index.ts';
import type { SqlDriver } from './driver.ts';
import { run } from './sql-run.ts';
import type { Store, StoredAlert } from './store.ts';

type AlertsPart = Pick<Store, 'addFollow' | 'removeFollow' | 'listFollows' | 'addAlerts' | 'listAlerts' | 'pendingAlerts' | 'markAlertDelivery'>;

interface FollowRow {
  id: string | number;
  kind: FollowKind;
  value: string;
  target: string;
  label: string;
}

interface AlertRow {
  id: string | number;
  follow_id: string | number;
  kind: AlertKind;
  subject: string;
  article_id: string | null;
  title: string;
  summary: string;
  record: unknown;
  created_at: Date | string;
  delivered_at: Date | string | null;
  given_up_at: Date | string | null;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  follow_kind: FollowKind;
  follow_label: string;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

function followOf(r: FollowRow): Follow {
  return { id: Number(r.id), kind: r.kind, value: r.value, target: r.target, label: r.label };
}

function alertOf(r: AlertRow): StoredAlert {
  return {
    id: Number(r.id),
    followId: Number(r.follow_id),
    kind: r.kind,
    subject: r.subject,
    articleId: r.article_id,
    title: r.title,
    summary: r.summary,
    record: r.record,
    createdAt: iso(r.created_at)!,
    follow: { kind: r.follow_kind, label: r.follow_label },
    delivery: {
      deliveredAt: iso(r.delivered_at),
      givenUpAt: iso(r.given_up_at),
      attempts: r.attempts,
      nextAttemptAt: iso(r.next_attempt_at),
      lastError: r.last_error,
    },
  };
}

const ALERT_SELECT = `SELECT a.*, f.kind AS follow_kind, f.label AS follow_label FROM alerts a JOIN follows f ON f.id = a.follow_id`;

export function alertsPart(driver: SqlDriver): AlertsPart {
  return {
    async addFollow(follow, at) {
      const rows = await run<FollowRow>(
        driver,
        `INSERT INTO follows (kind, value, target, label, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, target) DO UPDATE SET kind = EXCLUDED.kind
         RETURNING id, kind, value, target, label`,
        [follow.kind, follow.value, follow.target, follow.label, at],
      );
      return followOf(rows[0]!);
    },

    async removeFollow(id) {
      const rows = await run(driver, 'DELETE FROM follows WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },

    async listFollows() {
      return (await run<FollowRow>(driver, 'SELECT id, kind, value, target, label FROM follows ORDER BY id')).map(followOf);
    },

    async addAlerts(alerts: NewAlert[], at: string) {
      if (alerts.length === 0) return [];
      const inserted = await driver.transaction(async (tx) =>
        run<{ id: string | number }>(
          tx,
          `INSERT INTO alerts (follow_id, kind, subject, article_id, title, summary, record, created_at, next_attempt_at)
           SELECT f, k, s, a, t, m, r, $8::timestamptz, $8::timestamptz
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS x(f, k, s, a, t, m, r)
           ON CONFLICT (follow_id, kind, subject) DO NOTHING
           RETURNING id`,
          [alerts.map((a) => a.followId), alerts.map((a) => a.kind), alerts.map((a) => a.subject), alerts.map((a) => a.articleId),
            alerts.map((a) => a.title), alerts.map((a) => a.summary), alerts.map((a) => JSON.stringify(a.record)), at],
        ),
      );
      if (inserted.length === 0) return [];
      const rows = await run<AlertRow>(driver, `${ALERT_SELECT} WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [inserted.map((r) => r.id)]);
      return rows.map(alertOf);
    },

    async listAlerts(query = {}) {
      const params: unknown[] = [query.limit ?? 50, query.offset ?? 0];
      const where = query.followId === undefined ? '' : `WHERE a.follow_id = $${params.push(query.followId)}`;
      const rows = await run<AlertRow>(driver, `${ALERT_SELECT} ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT $1 OFFSET $2`, params);
      return rows.map(alertOf);
    },

    async pendingAlerts(now, limit) {
      const rows = await run<AlertRow>(
        driver,
        `${ALERT_SELECT} WHERE a.delivered_at IS NULL AND a.given_up_at IS NULL AND a.next_attempt_at <= $1
         ORDER BY a.next_attempt_at, a.id LIMIT $2`,
        [now, limit],
      );
      return rows.map(alertOf);
    },

    async markAlertDelivery(id, outcome) {
      if (outcome.delivered) {
        await run(driver, 'UPDATE alerts SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1', [id, outcome.at]);
      } else {
        await run(
          driver,
          `UPDATE alerts SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                  given_up_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz ELSE NULL END
            WHERE id = $1`,
          [id, outcome.error, outcome.nextAttemptAt, outcome.at],
        );
      }
    },
  };
}
