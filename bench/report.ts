// The bench's tables, as Markdown so they paste into docs/performance.md as printed, and its
// targets as met / not met. Pure: figures in, text out.
import type { ColdWarm } from './coldWarm.js';
import type { Timing } from './embeddedKit.js';
import type { WorkloadKind } from './workloads.js';

/** One server under one workload; `result` is missing when it was not measured. */
export interface Measured {
  server: string;
  kind: WorkloadKind;
  what: string;
  result: ColdWarm | undefined;
}

export type ByKind = Partial<Record<WorkloadKind, ColdWarm>>;

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** 41362 → "41 362": the grouping the docs use. */
export function grouped(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function percentOf(value: number, of: number | undefined): string {
  return of === undefined || of <= 0 ? '–' : `${Math.round((value / of) * 100)}%`;
}

/** A multiple of `of`; against nothing served, any answer is infinitely more. */
export function timesOf(value: number, of: number | undefined): string {
  if (of === undefined) return '–';
  if (of <= 0) return value > 0 ? '∞' : '–';
  return `${(value / of).toFixed(2)}×`;
}

/**
 * Every server's cold and warm figures, each as a share of the ceiling measured in the same run
 * and as a multiple of WireMock on the same workload.
 */
export function comparisonTable(rows: readonly Measured[], ceiling: ColdWarm, wiremock: ByKind): string {
  const header = [
    'Server',
    'What it answers',
    'cold: req/s in the first 10 s',
    'cold: of ceiling',
    'cold: × WireMock',
    'start-up ms',
    'warm: req/s',
    'warm: of ceiling',
    'warm: × WireMock',
    'warm: server CPU µs/req',
    'warm: p99 ms',
  ];
  const body = rows.map(({ server, kind, what, result }) => {
    if (!result) return [server, what, 'not measured', '', '', '', '', '', '', '', ''];
    const peer = wiremock[kind];
    return [
      server,
      what,
      grouped(result.cold.perSecond),
      percentOf(result.cold.perSecond, ceiling.cold.perSecond),
      timesOf(result.cold.perSecond, peer?.cold.perSecond),
      grouped(result.startupMs),
      grouped(result.warm.perSecond),
      percentOf(result.warm.perSecond, ceiling.warm.perSecond),
      timesOf(result.warm.perSecond, peer?.warm.perSecond),
      grouped(result.warm.cpuUsPerRequest),
      String(result.warm.p99Ms),
    ];
  });
  return markdownTable(header, body);
}

export interface Target {
  target: string;
  measured: string;
  /** Undefined when what it compares with was not measured. */
  met: boolean | undefined;
}

export interface TargetInputs {
  fakeRead: ColdWarm;
  fakeSubmit: ColdWarm;
  ephemeralSubmit: ColdWarm;
  wiremock: ByKind;
  mockoon: ByKind;
  accounts: number;
  kit: readonly Timing[];
}

function atLeastTimes(target: string, value: number | undefined, of: number | undefined, factor: number): Target {
  if (value === undefined || of === undefined) return { target, measured: 'not measured', met: undefined };
  return { target, measured: `${timesOf(value, of)} (${grouped(value)} against ${grouped(of)} req/s)`, met: value > 0 && value >= factor * of };
}

/** Met below `bound`, or at it too when `inclusive`. */
function under(target: string, value: number | undefined, bound: number, unit: string, inclusive = false): Target {
  if (value === undefined) return { target, measured: 'not measured', met: undefined };
  return { target, measured: `${value < 10 ? value.toFixed(2) : grouped(value)} ${unit}`, met: inclusive ? value <= bound : value < bound };
}

/** The targets the fake is held to, reported, never asserted. */
export function targets(input: TargetInputs): Target[] {
  const kit = (name: string) => input.kit.find((timing) => timing.name === name)?.p50Ms;
  return [
    atLeastTimes('cold getAccountInfo ≥ 1.0× WireMock (first 10 s)', input.fakeRead.cold.perSecond, input.wiremock.read?.cold.perSecond, 1),
    atLeastTimes('cold lite submit ≥ 1.0× WireMock (first 10 s)', input.fakeSubmit.cold.perSecond, input.wiremock.submit?.cold.perSecond, 1),
    under('warm getAccountInfo ≤ 100 µs server CPU per request', input.fakeRead.warm.cpuUsPerRequest, 100, 'µs', true),
    under('warm durable lite submit ≤ 150 µs server CPU per request', input.fakeSubmit.warm.cpuUsPerRequest, 150, 'µs', true),
    atLeastTimes('warm getAccountInfo ≥ 2× Mockoon', input.fakeRead.warm.perSecond, input.mockoon.read?.warm.perSecond, 2),
    atLeastTimes('warm lite submit ≥ 2× Mockoon', input.fakeSubmit.warm.perSecond, input.mockoon.submit?.warm.perSecond, 2),
    under(`start-up < 400 ms (${grouped(input.accounts)} accounts)`, input.fakeRead.startupMs, 400, 'ms'),
    under(`RSS < 150 MB (${grouped(input.accounts)} accounts)`, input.fakeRead.rssMb, 150, 'MB'),
    atLeastTimes('ephemeral lite submit ≥ 2× durable (warm)', input.ephemeralSubmit.warm.perSecond, input.fakeSubmit.warm.perSecond, 2),
    under('startFakeGigya() p50 < 5 ms', kit('startFakeGigya()'), 5, 'ms'),
    under('reset() p50 < 1 ms', kit('reset()'), 1, 'ms'),
  ];
}

export function targetsTable(list: readonly Target[]): string {
  return markdownTable(
    ['Target', 'Measured', ''],
    list.map(({ target, measured, met }) => [target, measured, met === undefined ? 'not measured' : met ? 'met' : '**not met**']),
  );
}

/** One line of the ceiling table: a warm figure. */
export interface WarmLine {
  name: string;
  what: string;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
  failed: number;
}

/** Warm figures as shares of the ceiling, the first line being the ceiling itself. */
export function ceilingTable(lines: readonly WarmLine[]): string {
  const top = lines[0]?.perSecond;
  return markdownTable(
    ['Scenario', 'What it measures', 'req/s', 'of ceiling', 'p50 / p99 ms', 'server CPU µs/req', 'errors/non-2xx'],
    lines.map((line) => [
      line.name,
      line.what,
      grouped(line.perSecond),
      percentOf(line.perSecond, top),
      `${line.p50Ms} / ${line.p99Ms}`,
      grouped(line.cpuUsPerRequest),
      String(line.failed),
    ]),
  );
}

export function kitTable(timings: readonly Timing[]): string {
  const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
  return markdownTable(
    ['Embedded kit', 'What it measures', 'runs', 'p50 ms', 'p99 ms'],
    timings.map((timing) => [timing.name, timing.what, String(timing.runs), ms(timing.p50Ms), ms(timing.p99Ms)]),
  );
}
