import { describe, expect, it } from 'vitest';
import { redactParams } from './journalEntry.js';

describe('redactParams', () => {
  it('redacts secret-bearing params by name', () => {
    expect(redactParams({ apiKey: '3_a', secret: 's3cr3t', sig: 'abc', password: 'pw' })).toEqual({ apiKey: '3_a', secret: '[redacted]', sig: '[redacted]', password: '[redacted]' });
  });

  it('redacts a name that is no parameter name: a JSON body sent as a form carries its secret in the name', () => {
    const misread = { '{"apiKey":"3_a","userKey":"AK1","secret":"c2VjcmV0LXZhbHVl': '"}', apiKey: '3_b' };
    expect(redactParams(misread)).toEqual({ '[unreadable name 1]': '[redacted]', apiKey: '3_b' });
  });
});
