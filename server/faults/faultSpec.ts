import { z } from 'zod';

/** A Gigya method name, a namespace wildcard (`accounts.*`) or every method (`*`). */
const methodPattern = z
  .string()
  .regex(/^(\*|[A-Za-z][\w]*(\.[A-Za-z][\w]*)*(\.\*)?)$/, 'method: a Gigya method name, "namespace.*" or "*"')
  .default('*');

const target = {
  /** The site the fault applies to: faults never leak into another site's calls. */
  apiKey: z.string().min(1),
  method: methodPattern,
};

const chance = {
  /** Fire for the next N matching calls only, then the fault is gone. */
  times: z.number().int().min(1).max(1_000_000).optional(),
  /** Fire on a matching call with this probability, drawn from the fault's seeded PRNG. */
  probability: z.number().min(0).max(1).default(1),
  /** Seed of the fault's PRNG: the same seed and the same calls give the same faults. */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
};

export const faultInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('error'),
      ...target,
      ...chance,
      /** Answered with its real envelope (GigyaError.fromCode). */
      errorCode: z.number().int().min(200_000).max(599_999),
      errorDetails: z.string().max(500).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('latency'),
      ...target,
      ...chance,
      /** Fixed delay, or the low end of a range when maxMs is given. */
      ms: z.number().int().min(0).max(60_000),
      maxMs: z.number().int().min(0).max(60_000).optional(),
    })
    .strict()
    .refine((fault) => fault.maxMs === undefined || fault.maxMs >= fault.ms, { message: 'maxMs must be ≥ ms', path: ['maxMs'] }),
  z
    .object({
      kind: z.literal('rateLimit'),
      ...target,
      /** At most `limit` calls per `windowMs`; the calls past it get 403048. */
      limit: z.number().int().min(0).max(1_000_000),
      windowMs: z.number().int().min(1).max(86_400_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('drop'),
      ...target,
      ...chance,
    })
    .strict(),
  // Webhook delivery faults (the method is not looked at): receivers prove they are idempotent
  // and do not rely on an order across UIDs.
  z
    .object({
      /** The next notification is POSTed twice, byte for byte. */
      kind: z.literal('webhookDuplicate'),
      ...target,
      ...chance,
    })
    .strict(),
  z
    .object({
      /** The next notification waits `ms` before it is sent. */
      kind: z.literal('webhookDelay'),
      ...target,
      ...chance,
      ms: z.number().int().min(0).max(60_000),
    })
    .strict(),
  z
    .object({
      /** The next batch is split by UID and the later UIDs' notification is sent first. */
      kind: z.literal('webhookReorder'),
      ...target,
      ...chance,
    })
    .strict(),
]);

/** The fault kinds that act on webhook delivery rather than on Gigya calls. */
export const deliveryFaultKinds: ReadonlySet<string> = new Set(['webhookDuplicate', 'webhookDelay', 'webhookReorder']);

export type FaultInput = z.input<typeof faultInputSchema>;
export type FaultSpec = z.infer<typeof faultInputSchema>;
