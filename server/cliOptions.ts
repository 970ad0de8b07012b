import { parseArgs } from 'node:util';
import { z } from 'zod';
import { apiKeySchema, secretSchema, userKeySchema } from './sites/createSite.js';

/** Every CLI flag, its environment variable and its default: --help and the docker-compose test read this table. */
export const cliFlags = {
  host: { env: 'FAKE_GIGYA_HOST', default: '127.0.0.1', help: 'address to listen on' },
  port: { env: 'FAKE_GIGYA_PORT', default: '4100', help: 'port to listen on (0 picks a free one)' },
  db: { env: 'FAKE_GIGYA_DB', default: '.data/fake-gigya.db', help: "SQLite file, or ':memory:'" },
  seed: { env: 'FAKE_GIGYA_SEED', default: undefined, help: 'JSON file of sites and accounts loaded at start' },
  'journal-max': { env: 'FAKE_GIGYA_JOURNAL_MAX', default: '100000', help: 'request journal entries kept' },
} as const;

/** Environment-only settings: the demo site's fixed credentials and the admin token. */
export const cliEnvironment = {
  apiKey: 'FAKE_GIGYA_API_KEY',
  userKey: 'FAKE_GIGYA_USER_KEY',
  secret: 'FAKE_GIGYA_SECRET',
  adminToken: 'FAKE_GIGYA_ADMIN_TOKEN',
} as const;

const optionsSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  db: z.string().min(1),
  seed: z.string().min(1).optional(),
  journalMax: z.coerce.number().int().min(1).max(10_000_000),
  demo: z.object({ apiKey: apiKeySchema.optional(), userKey: userKeySchema.optional(), secret: secretSchema.optional() }),
  adminToken: z.string().min(1).optional(),
  help: z.boolean(),
});

export type CliOptions = z.infer<typeof optionsSchema>;

export class CliError extends Error {}

/** Flags win over the environment, which wins over the defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string', short: 'p' },
        db: { type: 'string' },
        seed: { type: 'string' },
        'journal-max': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun fake-gigya --help for the options.`);
  }
  const pick = (flag: keyof typeof cliFlags) =>
    (values[flag] as string | undefined) ?? nonEmpty(env[cliFlags[flag].env]) ?? cliFlags[flag].default;
  const parsed = optionsSchema.safeParse({
    host: pick('host'),
    port: pick('port'),
    db: pick('db'),
    seed: pick('seed'),
    journalMax: pick('journal-max'),
    demo: {
      apiKey: nonEmpty(env[cliEnvironment.apiKey]),
      userKey: nonEmpty(env[cliEnvironment.userKey]),
      secret: nonEmpty(env[cliEnvironment.secret]),
    },
    adminToken: nonEmpty(env[cliEnvironment.adminToken]),
    help: values.help === true,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Demo credentials come from the environment only: name the variable, never echo its value.
    const [group, field] = issue.path;
    if (group === 'demo') throw new CliError(`Invalid ${cliEnvironment[field as keyof typeof cliEnvironment]}: ${issue.message}`);
    throw new CliError(`Invalid option ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function helpText(): string {
  const flags = Object.entries(cliFlags).map(
    ([flag, spec]) => `  --${flag.padEnd(12)} ${spec.help}${spec.default ? ` (default ${spec.default})` : ''}  [env ${spec.env}]`,
  );
  return [
    'fake-gigya: a local Gigya (SAP Customer Data Cloud) accounts API for development and tests',
    '',
    'Usage: fake-gigya [options]',
    '',
    ...flags,
    '  --help, -h     this text',
    '',
    'Environment only:',
    `  ${cliEnvironment.apiKey}, ${cliEnvironment.userKey}, ${cliEnvironment.secret}   fix the demo site's credentials (random otherwise)`,
    `  ${cliEnvironment.adminToken}   require this bearer token on /__admin`,
  ].join('\n');
}
