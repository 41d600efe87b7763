/**
 * Webhook delivery of alerts: each pending alert POSTed as JSON to the
 * configured URL; a 2xx answer marks it delivered, anything else is retried
 * with exponential backoff and, after enough attempts, given up (recorded,
 * never silently dropped). Runs beside ingest — in `sitrep watch`, or one
 * pass at a time with `sitrep alerts --deliver` — never inside it.
 */
import http from 'node:http';
import https from 'node:https';
import type { Store, StoredAlert } from '../store/index.ts';

/** First retry after 30 s, doubling: a webhook down for a deploy is reached on the next tries. */
const FIRST_RETRY_SECONDS = 30;
/** Retries never wait more than an hour: an alert a day late is worth less than noise. */
const MAX_RETRY_SECONDS = 3600;
/** Ten attempts span about five hours of backoff; past that the endpoint is broken, not busy. */
export const MAX_DELIVERY_ATTEMPTS = 10;
/** Ten seconds for the endpoint to answer: webhooks are meant to acknowledge fast and work later. */
const POST_TIMEOUT_MS = 10_000;
/** Alerts sent per pass: bounded, so one pass over a long backlog stays short. */
const BATCH = 100;

export interface WebhookAnswer {
  status: number;
}

export type PostJson = (url: string, body: string, timeoutMs: number) => Promise<WebhookAnswer>;

/** POSTs a JSON body; resolves with the status, rejects on network errors and timeouts. */
export const postJson: PostJson = (url, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'sitrep-alerts/0.1' },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });

/** What a webhook receives: the alert without its delivery bookkeeping. */
export function webhookPayload(alert: StoredAlert) {
  const { delivery: _delivery, ...rest } = alert;
  return { type: 'sitrep.alert', alert: rest };
}

export function retryDelaySeconds(attemptsSoFar: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attemptsSoFar - 1), MAX_RETRY_SECONDS);
}

export interface DeliveryResult {
  delivered: number;
  failed: number;
  givenUp: number;
}

/** One pass: every alert due now, in order. */
export async function deliverPendingAlerts(
  store: Store,
  url: string,
  options: { now?: () => Date; post?: PostJson; timeoutMs?: number } = {},
): Promise<DeliveryResult> {
  const now = options.now ?? (() => new Date());
  const post = options.post ?? postJson;
  const result: DeliveryResult = { delivered: 0, failed: 0, givenUp: 0 };
  for (const alert of await store.pendingAlerts(now().toISOString(), BATCH)) {
    let error: string | null = null;
    try {
      const answer = await post(url, JSON.stringify(webhookPayload(alert)), options.timeoutMs ?? POST_TIMEOUT_MS);
      if (answer.status < 200 || answer.status > 299) error = `HTTP ${answer.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const at = now();
    if (error === null) {
      await store.markAlertDelivery(alert.id, { delivered: true, at: at.toISOString() });
      result.delivered++;
      continue;
    }
    const attempts = alert.delivery.attempts + 1;
    const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
    const nextAttemptAt = giveUp ? null : new Date(at.getTime() + retryDelaySeconds(attempts) * 1000).toISOString();
    await store.markAlertDelivery(alert.id, { delivered: false, error, nextAttemptAt, at: at.toISOString() });
    if (giveUp) result.givenUp++;
    else result.failed++;
  }
  return result;
}
