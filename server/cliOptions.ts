import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isLoopbackAddress } from './hostNames.js';
import { apiKeySchema, secretSchema, userKeySchema } from './sites/createSite.js';

interface FlagSpec {
  env: string;
  default: string | undefined;
  help: string;
  short?: string;
  /** A switch: present means true; its variable takes true/false. */
  boolean?: true;
  /** What a valid value looks like, for the one-line error. */
  expects?: string;
}

/** Every CLI flag, its environment variable and its default: --help and the docker-compose test read this table. */
export const cliFlags = {
  host: { env: 'FAKE_GIGYA_HOST', default: '127.0.0.1', help: 'address to listen on' },
  port: { env: 'FAKE_GIGYA_PORT', default: '4100', short: 'p', help: 'port to listen on (0 picks a free one)', expects: 'a whole number from 0 to 65535' },
  db: { env: 'FAKE_GIGYA_DB', default: '.data/fake-gigya.db', help: "SQLite file, or ':memory:' (the same as --ephemeral)" },
  ephemeral: {
    env: 'FAKE_GIGYA_EPHEMERAL',
    default: undefined,
    boolean: true,
    help: 'keep everything in memory, no file: for CI jobs and test runs that start a fresh fake each time (faster writes; all is lost when it stops)',
    expects: 'true or false',
  },
  seed: { env: 'FAKE_GIGYA_SEED', default: undefined, help: 'JSON file of sites and accounts loaded at start (format below)' },
  'https-port': {
    env: 'FAKE_GIGYA_HTTPS_PORT',
    default: undefined,
    help: "also listen over TLS on this port, as every data center's host (*.us1.gigya.com, …) and localhost",
    expects: 'a whole number from 0 to 65535',
  },
  'ca-cert': {
    env: 'FAKE_GIGYA_CA_CERT',
    default: undefined,
    help: 'PEM file of the CA the TLS certificates chain to (created with --ca-key when both are absent; default beside --db)',
  },
  'ca-key': { env: 'FAKE_GIGYA_CA_KEY', default: undefined, help: "that CA's private key (PEM; written 0600 when created)" },
  'journal-max': { env: 'FAKE_GIGYA_JOURNAL_MAX', default: '100000', help: 'request journal entries kept', expects: 'a whole number from 1 to 10000000' },
  'allowed-hosts': {
    env: 'FAKE_GIGYA_ALLOWED_HOSTS',
    default: undefined,
    help: 'comma-separated host names /__admin also answers for (besides localhost, 127.0.0.1, [::1] and --host)',
    expects: 'host names separated by commas, such as fake-gigya,lab.internal',
  },
  'allow-open-admin': {
    env: 'FAKE_GIGYA_ALLOW_OPEN_ADMIN',
    default: undefined,
    boolean: true,
    help: 'listen on a non-loopback --host without FAKE_GIGYA_ADMIN_TOKEN (anyone who reaches the port can change state)',
    expects: 'true or false',
  },
} as const satisfies Record<string, FlagSpec>;

type Flag = keyof typeof cliFlags;

/** Environment-only settings: the demo site's fixed credentials and the admin token. */
export const cliEnvironment = {
  apiKey: 'FAKE_GIGYA_API_KEY',
  userKey: 'FAKE_GIGYA_USER_KEY',
  secret: 'FAKE_GIGYA_SECRET',
  adminToken: 'FAKE_GIGYA_ADMIN_TOKEN',
} as const;

/** Where the --seed format is described, for --help. */
export const seedFormatDoc = 'docs/admin-api.md ("POST /seed") and server/seed/seedSchema.ts in the lab';

const hostName = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/);
const switchValue = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((text) => text === 'true' || text === '1')]);

const flagSchemas = {
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  db: z.string().min(1),
  ephemeral: switchValue.optional().transform((value) => value ?? false),
  seed: z.string().min(1).optional(),
  'https-port': z.coerce.number().int().min(0).max(65_535).optional(),
  'ca-cert': z.string().min(1).optional(),
  'ca-key': z.string().min(1).optional(),
  'journal-max': z.coerce.number().int().min(1).max(10_000_000),
  'allowed-hosts': z
    .string()
    .optional()
    .transform((text) => (text ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''))
    .pipe(z.array(hostName)),
  'allow-open-admin': switchValue.optional().transform((value) => value ?? false),
} satisfies Record<Flag, z.ZodType>;

const demoSchema = z.object({ apiKey: apiKeySchema.optional(), userKey: userKeySchema.optional(), secret: secretSchema.optional() });

export interface CliOptions {
  host: string;
  port: number;
  db: string;
  /** Everything in memory (`db` is ':memory:'). */
  ephemeral: boolean;
  seed: string | undefined;
  httpsPort: number | undefined;
  /** The CA's files when given; otherwise it lives beside the database (server/network/certificateAuthority.ts). */
  ca: { certificateFile: string; keyFile: string } | undefined;
  journalMax: number;
  allowedHosts: string[];
  allowOpenAdmin: boolean;
  demo: z.infer<typeof demoSchema>;
  adminToken: string | undefined;
  help: boolean;
}

/** A start-up mistake: its message is one line that names the flag and its variable. */
export class CliError extends Error {}

/** `--port (FAKE_GIGYA_PORT)`: how every message names a setting. */
export function settingName(flag: Flag): string {
  return `--${flag} (${cliFlags[flag].env})`;
}

/** Flags win over the environment, which wins over the defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(
          Object.entries(cliFlags).map(([flag, spec]: [string, FlagSpec]) => [
            flag,
            { type: spec.boolean ? ('boolean' as const) : ('string' as const), ...(spec.short ? { short: spec.short } : {}) },
          ]),
        ),
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${oneLine((error as Error).message)}; run fake-gigya --help for the options`);
  }

  const setting = <F extends Flag>(flag: F): z.output<(typeof flagSchemas)[F]> => {
    const spec: FlagSpec = cliFlags[flag];
    const raw = values[flag] ?? nonEmpty(env[spec.env]) ?? spec.default;
    const parsed = flagSchemas[flag].safeParse(raw);
    if (!parsed.success) {
      const shown = typeof raw === 'string' ? ` "${raw.slice(0, 100)}"` : '';
      throw new CliError(`Invalid ${settingName(flag)}:${shown} is not ${spec.expects ?? 'a valid value'}`);
    }
    return parsed.data as z.output<(typeof flagSchemas)[F]>;
  };

  const demo = demoSchema.safeParse({
    apiKey: nonEmpty(env[cliEnvironment.apiKey]),
    userKey: nonEmpty(env[cliEnvironment.userKey]),
    secret: nonEmpty(env[cliEnvironment.secret]),
  });
  if (!demo.success) {
    const issue = demo.error.issues[0]!;
    // Demo credentials come from the environment only: name the variable, never echo its value.
    const field = issue.path[0] as keyof typeof cliEnvironment;
    throw new CliError(`Invalid ${cliEnvironment[field]}: ${oneLine(issue.message)}`);
  }

  // --ephemeral and a --db file: the one given as a flag wins over the one in the environment (as
  // everywhere), and both at the same level is a contradiction, refused rather than guessed.
  const givenAt = (flag: Flag) => (values[flag] !== undefined ? 2 : nonEmpty(env[cliFlags[flag].env]) !== undefined ? 1 : 0);
  const fileDb = setting('db');
  let ephemeral = fileDb === ':memory:' || setting('ephemeral');
  if (ephemeral && fileDb !== ':memory:' && givenAt('db') > 0) {
    if (givenAt('db') === givenAt('ephemeral')) {
      throw new CliError(`${settingName('ephemeral')} keeps everything in memory: it cannot be combined with ${settingName('db')} "${fileDb.slice(0, 100)}"`);
    }
    ephemeral = givenAt('ephemeral') > givenAt('db');
  }
  const options: CliOptions = {
    host: setting('host'),
    port: setting('port'),
    db: ephemeral ? ':memory:' : fileDb,
    ephemeral,
    seed: setting('seed'),
    httpsPort: setting('https-port'),
    ca: caFiles(setting('ca-cert'), setting('ca-key')),
    journalMax: setting('journal-max'),
    allowedHosts: setting('allowed-hosts'),
    allowOpenAdmin: setting('allow-open-admin'),
    demo: demo.data,
    adminToken: nonEmpty(env[cliEnvironment.adminToken]),
    help: values.help === true,
  };
  if (!options.help && !isLoopbackAddress(options.host) && options.adminToken === undefined && !options.allowOpenAdmin) {
    throw new CliError(
      `${settingName('host')} ${options.host} is reachable from other machines and the admin API would be open to them: ` +
        `set ${cliEnvironment.adminToken} to a token, or accept an open admin API with --allow-open-admin (${cliFlags['allow-open-admin'].env}=true)`,
    );
  }
  return options;
}

function caFiles(certificateFile: string | undefined, keyFile: string | undefined): CliOptions['ca'] {
  if (certificateFile === undefined && keyFile === undefined) return undefined;
  if (certificateFile === undefined || keyFile === undefined) {
    throw new CliError(`${settingName('ca-cert')} and ${settingName('ca-key')} go together: give both, or neither to keep the CA beside ${settingName('db')}`);
  }
  return { certificateFile, keyFile };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export function helpText(): string {
  const flags = Object.entries(cliFlags).map(([flag, spec]: [string, FlagSpec]) => {
    const name = `--${flag}${spec.short ? `, -${spec.short}` : ''}`;
    return `  ${name.padEnd(20)} ${spec.help}${spec.default ? ` (default ${spec.default})` : ''}  [env ${spec.env}]`;
  });
  return [
    'fake-gigya: a local Gigya (SAP Customer Data Cloud) accounts API for development and tests',
    '',
    'Usage: fake-gigya [options]',
    '',
    ...flags,
    `  ${'--help, -h'.padEnd(20)} this text`,
    '',
    'Environment only:',
    `  ${cliEnvironment.apiKey}, ${cliEnvironment.userKey}, ${cliEnvironment.secret}   fix the demo site's credentials (random otherwise)`,
    `  ${cliEnvironment.adminToken}   require this bearer token on /__admin`,
    '',
    `Seed file format (--seed): ${seedFormatDoc}.`,
  ].join('\n');
}
