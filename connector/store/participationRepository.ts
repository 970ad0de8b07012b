import type { ConnectorDatabase } from './database.js';
import type { MappingProblem } from '../mapping.js';
import type { Participation, ParticipationProgress, ParticipationStatus } from '../participations/participation.js';

interface Row {
  id: string;
  campaign_id: string;
  created_ms: number;
  answers: string;
  crm_values: string;
  mapping_problems: string;
  status: ParticipationStatus;
  skip_reason: string | null;
  setup: string | null;
  action: string | null;
  uid: string | null;
  call_id: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_ms: number | null;
  window_start_ms: number;
  reg_token: string | null;
  target_uid: string | null;
}

export interface NewParticipation {
  id: string;
  campaignId: string;
  createdMs: number;
  answers: Record<string, string | boolean>;
  crmValues: Record<string, string | boolean>;
  mappingProblems: MappingProblem[];
  status: 'pending' | 'skipped';
  skipReason: string | null;
  setup: string | null;
}

export interface PushResultUpdate {
  status: ParticipationStatus;
  action?: string | null;
  uid?: string | null;
  callId?: string | null;
  lastError?: string | null;
  nextAttemptMs?: number | null;
}

/** A stored reason or Gigya error is for a person to read: longer ones are cut, so a runaway answer cannot fill the database. */
export const maxStoredTextLength = 2_000;

function clipped(text: string | null): string | null {
  return text === null || text.length <= maxStoredTextLength ? text : `${text.slice(0, maxStoredTextLength - 1)}…`;
}

/** The campaign statistics table. Every write is one statement, so a crash never leaves half a step. */
export class ParticipationRepository {
  constructor(private readonly db: ConnectorDatabase) {}

  insert(p: NewParticipation): void {
    this.db
      .prepare(
        `INSERT INTO participations (id, campaign_id, created_ms, answers, crm_values, mapping_problems, status, skip_reason, setup,
           attempts, next_attempt_ms, window_start_ms, updated_ms)
         VALUES (@id, @campaignId, @createdMs, @answers, @crmValues, @mappingProblems, @status, @skipReason, @setup,
           0, @nextAttemptMs, @createdMs, @createdMs)`,
      )
      .run({
        ...p,
        skipReason: clipped(p.skipReason),
        answers: JSON.stringify(p.answers),
        crmValues: JSON.stringify(p.crmValues),
        mappingProblems: JSON.stringify(p.mappingProblems),
        // Due at once: if the process dies before the real-time push ends, the outbox picks it up.
        nextAttemptMs: p.status === 'pending' ? p.createdMs : null,
      });
  }

  get(id: string): Participation | null {
    const row = this.#row(id);
    return row ? toParticipation(row) : null;
  }

  progress(id: string): ParticipationProgress | null {
    const row = this.#row(id);
    return row ? { regToken: row.reg_token, targetUid: row.target_uid, windowStartMs: row.window_start_ms, createdMs: row.created_ms } : null;
  }

  crmValues(id: string): Record<string, string | boolean> {
    const row = this.#row(id);
    return row ? (JSON.parse(row.crm_values) as Record<string, string | boolean>) : {};
  }

  byCampaign(campaignId: string): Participation[] {
    const rows = this.db.prepare('SELECT * FROM participations WHERE campaign_id = ? ORDER BY created_ms, rowid').all(campaignId) as Row[];
    return rows.map(toParticipation);
  }

  /** Pending pushes whose next attempt is due, oldest first. */
  due(nowMs: number, limit = 50): string[] {
    const rows = this.db
      .prepare("SELECT id FROM participations WHERE status = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, rowid LIMIT ?")
      .all(nowMs, limit) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** The earliest pending attempt, to know when to wake up. */
  nextDueMs(): number | null {
    const row = this.db.prepare("SELECT MIN(next_attempt_ms) AS next FROM participations WHERE status = 'pending'").get() as { next: number | null };
    return row.next;
  }

  startAttempt(id: string, nowMs: number): number {
    this.db.prepare('UPDATE participations SET attempts = attempts + 1, updated_ms = ? WHERE id = ?').run(nowMs, id);
    return this.#row(id)?.attempts ?? 0;
  }

  /** One resume step: a regToken obtained (or dropped) or a matched account chosen. */
  recordProgress(id: string, step: { regToken?: string | null | undefined; targetUid?: string | null | undefined }, nowMs: number): void {
    if ('regToken' in step) this.db.prepare('UPDATE participations SET reg_token = ?, updated_ms = ? WHERE id = ?').run(step.regToken ?? null, nowMs, id);
    if ('targetUid' in step) this.db.prepare('UPDATE participations SET target_uid = ?, updated_ms = ? WHERE id = ?').run(step.targetUid ?? null, nowMs, id);
  }

  recordResult(id: string, update: PushResultUpdate, nowMs: number): void {
    const row = this.#row(id);
    if (!row) return;
    this.db
      .prepare(
        `UPDATE participations SET status = @status, action = @action, uid = @uid, call_id = @callId, last_error = @lastError,
           next_attempt_ms = @nextAttemptMs, updated_ms = @nowMs WHERE id = @id`,
      )
      .run({
        id,
        nowMs,
        status: update.status,
        action: update.action !== undefined ? update.action : row.action,
        uid: update.uid !== undefined ? update.uid : row.uid,
        callId: update.callId !== undefined ? update.callId : row.call_id,
        lastError: update.lastError !== undefined ? clipped(update.lastError) : row.last_error,
        nextAttemptMs: update.nextAttemptMs !== undefined ? update.nextAttemptMs : null,
      });
  }

  /** A failed push made pending again, with a fresh max-age window; its resume state is kept. */
  retrigger(id: string, nowMs: number): void {
    this.db
      .prepare("UPDATE participations SET status = 'pending', next_attempt_ms = ?, window_start_ms = ?, updated_ms = ? WHERE id = ?")
      .run(nowMs, nowMs, nowMs, id);
  }

  #row(id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM participations WHERE id = ?').get(id) as Row | undefined;
  }
}

function toParticipation(row: Row): Participation {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    createdAt: new Date(row.created_ms).toISOString(),
    answers: JSON.parse(row.answers) as Participation['answers'],
    crmValues: JSON.parse(row.crm_values) as Participation['crmValues'],
    mappingProblems: JSON.parse(row.mapping_problems) as Participation['mappingProblems'],
    status: row.status,
    skipReason: row.skip_reason,
    setup: row.setup,
    action: row.action,
    uid: row.uid,
    callId: row.call_id,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_ms === null ? null : new Date(row.next_attempt_ms).toISOString(),
  };
}
