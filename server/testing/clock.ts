import type { Clock } from '../protocol/method.js';

/** When every test clock starts. */
export const startMs = Date.parse('2026-03-01T10:00:00.000Z');

/** A clock that only moves when a test says so. */
export class ManualClock implements Clock {
  constructor(private ms = startMs) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
