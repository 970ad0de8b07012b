import { z } from 'zod';

export const participationStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'skipped']);
export type ParticipationStatus = z.infer<typeof participationStatusSchema>;

/** A row of the campaign statistics, with its push outcome. What GET /campaigns/:id/participations shows. */
export const participationSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  createdAt: z.string(),
  /** The form as submitted, keyed by form field name. */
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  /** The same values keyed by CRM variable. */
  crmValues: z.record(z.string(), z.union([z.string(), z.boolean()])),
  mappingProblems: z.array(z.object({ crmVariable: z.string(), message: z.string() })),
  status: participationStatusSchema,
  skipReason: z.string().nullable(),
  setup: z.string().nullable(),
  action: z.string().nullable(),
  uid: z.string().nullable(),
  callId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export type Participation = z.infer<typeof participationSchema>;

/** Internal resume state, never shown over HTTP (a regToken is a credential for one account). */
export interface ParticipationProgress {
  regToken: string | null;
  targetUid: string | null;
  windowStartMs: number;
  createdMs: number;
}
