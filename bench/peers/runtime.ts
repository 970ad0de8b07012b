// A peer that cannot run here is one line saying why, and the bench goes on without it.
import { spawnSync } from 'node:child_process';

/** The line printed (and written to the results) for a peer that is not measured. */
export function unavailableLine(peer: string, reason: string): string {
  return `${peer}: not measured — ${reason}`;
}

/** What `java -version` answered: a spawn error code, or its exit status and output. */
export interface JavaProbe {
  errorCode?: string;
  status: number | null;
  output: string;
}

/** Why WireMock cannot run on this Java, or undefined when it can (WireMock 3 needs Java 11 or later). */
export function javaProblem(probe: JavaProbe): string | undefined {
  const install = 'on Debian: apt-get install -y openjdk-17-jre-headless';
  if (probe.errorCode === 'ENOENT') return `no Java runtime (\`java\` is not on PATH); ${install}`;
  if (probe.errorCode !== undefined || probe.status !== 0) return `\`java -version\` failed (${probe.errorCode ?? `exit ${probe.status}`}); ${install}`;
  const version = /version "(\d+)(?:\.(\d+))?/.exec(probe.output);
  if (!version) return `cannot read the Java version from \`java -version\`; ${install}`;
  const major = version[1] === '1' ? Number(version[2]) : Number(version[1]);
  return major >= 11 ? undefined : `Java ${major} found, WireMock 3 needs Java 11 or later; ${install}`;
}

export function probeJava(): JavaProbe {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 30_000 });
  return { errorCode: (result.error as NodeJS.ErrnoException | undefined)?.code, status: result.status, output: `${result.stderr ?? ''}${result.stdout ?? ''}` };
}

/** Why a Node package needing Node `required` or later cannot run on `version` (process.version), or undefined. */
export function nodeProblem(required: number, version: string): string | undefined {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return major >= required ? undefined : `Node ${version} is older than the ${required} it needs`;
}
