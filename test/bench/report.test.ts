import { describe, expect, it } from 'vitest';
import type { ColdWarm } from '../../bench/coldWarm.js';
import type { Timing } from '../../bench/embeddedKit.js';
import { comparisonTable, grouped, markdownTable, percentOf, targets, targetsTable, timesOf, type TargetInputs } from '../../bench/report.js';

function run(coldPerSecond: number, warmPerSecond: number, extra: Partial<ColdWarm['warm']> & { startupMs?: number; rssMb?: number } = {}): ColdWarm {
  const { startupMs = 300, rssMb = 100, ...warm } = extra;
  return {
    startupMs,
    cold: { served: coldPerSecond * 10, perSecond: coldPerSecond, failed: 0 },
    warm: { perSecond: warmPerSecond, p50Ms: 2, p99Ms: 9, cpuUsPerRequest: 120, failed: 0, ...warm },
    rssMb,
  };
}

const kit: Timing[] = [
  { name: 'startFakeGigya()', what: '', runs: 100, p50Ms: 2.1, p99Ms: 6 },
  { name: 'reset()', what: '', runs: 100, p50Ms: 1.2, p99Ms: 3 },
];

describe('the bench report', () => {
  it('groups thousands with a space and gives shares and multiples', () => {
    expect(grouped(41362.4)).toBe('41 362');
    expect(grouped(999)).toBe('999');
    expect(percentOf(5000, 40000)).toBe('13%');
    expect(timesOf(3000, 2000)).toBe('1.50×');
    expect(timesOf(3000, undefined)).toBe('–');
    expect(timesOf(3000, 0)).toBe('∞');
    expect(timesOf(0, 0)).toBe('–');
  });

  it('writes a Markdown table, escaping a | inside a cell', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });

  it('gives each row as a share of the ceiling and a multiple of WireMock on the same workload, cold and warm', () => {
    const ceiling = run(30_000, 40_000, { startupMs: 120 });
    const wiremock = { read: run(2_000, 20_000), submit: run(1_000, 10_000) };
    const table = comparisonTable(
      [
        { server: 'fake', kind: 'read', what: 'getAccountInfo', result: run(6_000, 8_000, { startupMs: 280.4, cpuUsPerRequest: 150.2 }) },
        { server: 'fake', kind: 'submit', what: 'lite submit', result: run(3_000, 4_000) },
        { server: 'Mockoon', kind: 'read', what: 'stub', result: undefined },
      ],
      ceiling,
      wiremock,
    );
    const lines = table.split('\n');
    expect(lines[0]).toContain('cold: req/s in the first 10 s');
    expect(lines[2]).toBe('| fake | getAccountInfo | 6 000 | 20% | 3.00× | 280 | 8 000 | 20% | 0.40× | 150 | 9 |');
    expect(lines[3]).toBe('| fake | lite submit | 3 000 | 10% | 3.00× | 300 | 4 000 | 10% | 0.40× | 120 | 9 |');
    expect(lines[4]).toBe('| Mockoon | stub | not measured |  |  |  |  |  |  |  |  |');
  });

  it('reports each target as met, not met, or not measured when its peer is missing', () => {
    const input: TargetInputs = {
      fakeRead: run(6_000, 8_000, { cpuUsPerRequest: 100, startupMs: 410, rssMb: 120 }),
      fakeSubmit: run(3_000, 4_000, { cpuUsPerRequest: 151 }),
      ephemeralSubmit: run(5_000, 8_000),
      wiremock: { read: run(2_000, 20_000), submit: run(0, 10_000) },
      mockoon: {},
      accounts: 100_000,
      kit,
    };
    const byTarget = Object.fromEntries(targets(input).map((target) => [target.target, target]));
    expect(byTarget['cold getAccountInfo ≥ 1.0× WireMock (first 10 s)']).toEqual({
      target: 'cold getAccountInfo ≥ 1.0× WireMock (first 10 s)',
      measured: '3.00× (6 000 against 2 000 req/s)',
      met: true,
    });
    expect(byTarget['cold lite submit ≥ 1.0× WireMock (first 10 s)']).toMatchObject({ measured: '∞ (3 000 against 0 req/s)', met: true });
    expect(byTarget['warm getAccountInfo ≤ 100 µs server CPU per request']?.met).toBe(true);
    expect(byTarget['warm durable lite submit ≤ 150 µs server CPU per request']).toMatchObject({ measured: '151 µs', met: false });
    expect(byTarget['warm getAccountInfo ≥ 2× Mockoon']).toMatchObject({ measured: 'not measured', met: undefined });
    expect(byTarget['start-up < 400 ms (100 000 accounts)']).toMatchObject({ measured: '410 ms', met: false });
    expect(byTarget['RSS < 150 MB (100 000 accounts)']?.met).toBe(true);
    expect(byTarget['ephemeral lite submit ≥ 2× durable (warm)']).toMatchObject({ measured: '2.00× (8 000 against 4 000 req/s)', met: true });
    expect(byTarget['startFakeGigya() p50 < 5 ms']).toMatchObject({ measured: '2.10 ms', met: true });
    expect(byTarget['reset() p50 < 1 ms']).toMatchObject({ measured: '1.20 ms', met: false });

    const table = targetsTable(targets(input));
    expect(table).toContain('| reset() p50 < 1 ms | 1.20 ms | **not met** |');
    expect(table).toContain('| warm getAccountInfo ≥ 2× Mockoon | not measured | not measured |');
    expect(table).toContain('| startFakeGigya() p50 < 5 ms | 2.10 ms | met |');
  });
});
