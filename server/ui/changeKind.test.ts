import { describe, expect, it } from 'vitest';
import { changeKind } from './changeKind.js';

describe('changeKind', () => {
  it('calls a non-empty profile value replaced by another an overwrite', () => {
    expect(changeKind({ field: 'profile.firstName', before: 'John', after: 'Jane' })).toBe('overwritten');
  });

  it('calls a value given to a blank or absent field a fill', () => {
    expect(changeKind({ field: 'profile.city', before: undefined, after: 'Diest' })).toBe('filled');
    expect(changeKind({ field: 'profile.city', before: '', after: 'Diest' })).toBe('filled');
  });

  it('calls a value taken away a removal', () => {
    expect(changeKind({ field: 'data.score', before: 3, after: null })).toBe('removed');
  });

  it('never calls a change of an account flag an overwrite', () => {
    expect(changeKind({ field: 'isRegistered', before: false, after: true })).toBe('changed');
    expect(changeKind({ field: 'kind', before: 'lite', after: 'full' })).toBe('changed');
  });
});
