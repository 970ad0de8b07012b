import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { boolean, emailAddress, identifier, integer, jsonDepth, jsonObject, list, maxJsonDepth, parseParams, required, text } from './codecs.js';
import { GigyaError } from './errors.js';

function refusal(schema: z.ZodType, raw: Record<string, string>): GigyaError {
  try {
    parseParams(schema, raw);
  } catch (error) {
    if (error instanceof GigyaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

describe('parameter codecs', () => {
  it('read booleans as true/false and 1/0, in any case', () => {
    const schema = z.object({ a: boolean, b: boolean, c: boolean, d: boolean });
    expect(parseParams(schema, { a: 'true', b: 'FALSE', c: '1', d: '0' })).toEqual({ a: true, b: false, c: true, d: false });
  });

  it('treat a missing or empty parameter as not given', () => {
    const schema = z.object({ a: boolean, b: text, c: jsonObject, d: list });
    expect(parseParams(schema, { b: '', c: '', d: '' })).toEqual({ a: undefined, b: undefined, c: undefined, d: undefined });
  });

  it('answer a boolean that is neither true nor false with 400006 naming the parameter', () => {
    const error = refusal(z.object({ isLite: boolean }), { isLite: 'yes' });
    expect(error).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid argument: isLite: must be true or false' });
  });

  it('read a list as CSV or as a JSON array of names', () => {
    const schema = z.object({ include: list });
    expect(parseParams(schema, { include: 'profile, data' }).include).toEqual(['profile', 'data']);
    expect(parseParams(schema, { include: '["profile","data"]' }).include).toEqual(['profile', 'data']);
    expect(refusal(schema, { include: '[1]' }).errorCode).toBe(400006);
  });

  it('answer a missing required parameter with 400002 naming it', () => {
    const error = refusal(z.object({ UID: required(identifier) }), { UID: '' });
    expect(error).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: UID' });
  });

  it('report the first problem in the order the method declares its parameters', () => {
    const schema = z.object({ email: required(emailAddress), password: required(text), isLite: boolean });
    expect(refusal(schema, { isLite: 'maybe' }).errorDetails).toBe('Missing required parameter: email');
    expect(refusal(schema, { email: 'a@b.c', isLite: 'maybe' }).errorDetails).toBe('Missing required parameter: password');
  });

  it('refuse control characters in identifiers and emails, NUL included', () => {
    for (const value of ['abc\u0000def', 'a\u0007b', 'line\nbreak', 'del\u007f']) {
      expect(refusal(z.object({ UID: identifier }), { UID: value }).errorCode).toBe(400006);
      expect(refusal(z.object({ email: emailAddress }), { email: `${value}@example.com` }).errorCode).toBe(400006);
    }
    expect(parseParams(z.object({ email: emailAddress }), { email: '  jane@example.com ' }).email).toBe('jane@example.com');
  });

  it('bound integers', () => {
    const schema = z.object({ seconds: integer(1, 86_400, 'seconds') });
    expect(parseParams(schema, { seconds: '3600' }).seconds).toBe(3600);
    for (const bad of ['0', '86401', '1.5', '-3', 'ten', '9'.repeat(40)]) expect(refusal(schema, { seconds: bad }).errorCode).toBe(400006);
  });
});

describe('JSON object parameters', () => {
  const schema = z.object({ data: jsonObject });

  it('parse an object and refuse other JSON values and malformed text with 400006', () => {
    expect(parseParams(schema, { data: '{"a":[1,{"b":2}]}' }).data).toEqual({ a: [1, { b: 2 }] });
    for (const bad of ['[1]', '"text"', '42', 'null', '{"a":']) expect(refusal(schema, { data: bad }).errorCode).toBe(400006);
  });

  it(`accept ${maxJsonDepth} levels of nesting and answer a validation error past them`, () => {
    expect(parseParams(schema, { data: nested(maxJsonDepth) }).data).toBeTypeOf('object');
    const error = refusal(schema, { data: nested(maxJsonDepth + 1) });
    expect(error.errorCode).toBe(400009);
    expect(error.validationErrors).toEqual([{ errorCode: 400006, message: `nests deeper than ${maxJsonDepth} levels`, fieldName: 'data' }]);
  });

  it('answer a validation error, never a stack overflow, for objects 10,000 deep and arrays 100,000 deep', () => {
    expect(refusal(schema, { data: nested(10_000) }).errorCode).toBe(400009);
    expect(refusal(schema, { data: `{"a":${nested(100_000, '[', ']')}}` }).errorCode).toBe(400009);
  });

  it('count depth outside strings only', () => {
    expect(jsonDepth('{"a":"{{{{[[[[","b":"\\"{"}')).toBe(1);
    expect(jsonDepth('{"a":[{"b":{}}]}')).toBe(4);
  });

  it('refuse U+0000 in any string or key, however it is written', () => {
    for (const bad of ['{"a":"x\\u0000y"}', '{"a":{"b":["\\u0000"]}}', '{"\\u0000":1}']) {
      expect(refusal(schema, { data: bad })).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid argument: data: must not contain U+0000' });
    }
    expect(parseParams(schema, { data: '{"a":"\\\\u0000"}' }).data).toEqual({ a: '\\u0000' });
  });
});
