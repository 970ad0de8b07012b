import { describe, expect, it } from 'vitest';
import { errorCatalogue, GigyaError } from './errors.js';

// Every factory of the catalogue, called as the fake calls it: the architecture test proves no
// Gigya error is made anywhere else, so this walks every place that builds one.
const factories: Record<string, () => GigyaError> = {
  missingParameter: () => GigyaError.missingParameter('UID'),
  invalidParameter: () => GigyaError.invalidParameter('include', 'unknown value'),
  invalidRequestFormat: () => GigyaError.invalidRequestFormat('Invalid jwt'),
  requestTooLarge: () => GigyaError.requestTooLarge(1024),
  validation: () => GigyaError.validation([{ errorCode: 400006, message: 'bad', fieldName: 'profile.gender' }]),
  uniqueIdentifierExists: () => GigyaError.uniqueIdentifierExists('email'),
  requiredValue: () => GigyaError.requiredValue('profile.email'),
  invalidApiKey: () => GigyaError.invalidApiKey('Invalid ApiKey parameter'),
  requestExpired: () => GigyaError.requestExpired(),
  invalidSignature: () => GigyaError.invalidSignature(),
  duplicateNonce: () => GigyaError.duplicateNonce(),
  unauthorizedUser: () => GigyaError.unauthorizedUser(),
  uidNotFound: () => GigyaError.uidNotFound(),
  secretSentOverHttp: () => GigyaError.secretSentOverHttp(),
  permissionDenied: () => GigyaError.permissionDenied('server-side method'),
  invalidSecret: () => GigyaError.invalidSecret(),
  accountDisabled: () => GigyaError.accountDisabled(),
  invalidLoginId: () => GigyaError.invalidLoginId(),
  loginIdDoesNotExist: () => GigyaError.loginIdDoesNotExist('No lite account has this email'),
  rateLimitExceeded: () => GigyaError.rateLimitExceeded(),
  notFound: () => GigyaError.notFound('No lite account to delete'),
  unknownMethod: () => GigyaError.unknownMethod('accounts.nope'),
  accountPendingRegistration: () => GigyaError.accountPendingRegistration('Account Pending Registration', 'RT1_x'),
  generalServerError: () => GigyaError.generalServerError(),
};

describe('the error catalogue', () => {
  it('has a test case for every factory GigyaError offers', () => {
    const offered = Object.getOwnPropertyNames(GigyaError).filter(
      (name) => typeof (GigyaError as unknown as Record<string, unknown>)[name] === 'function' && !['of', 'fromCode'].includes(name),
    );
    expect(offered.sort()).toEqual(Object.keys(factories).sort());
  });

  it.each(Object.entries(factories))('%s answers a catalogued code with its official message', (_name, make) => {
    const error = make();
    const entry = errorCatalogue.get(error.errorCode);
    expect(entry, `code ${error.errorCode}`).toBeDefined();
    expect(error.errorMessage).toBe(entry!.message);
    expect(error.errorDetails).not.toBe('');
  });

  it('answers an injected code with its catalogue message and status, 403041, 403047 and 500028 included', () => {
    for (const [code, { message, statusCode }] of errorCatalogue) {
      expect(GigyaError.fromCode(code)).toMatchObject({ errorCode: code, errorMessage: message, statusCode });
    }
    expect(GigyaError.fromCode(403041).errorMessage).toBe('Account disabled');
    expect(GigyaError.fromCode(403047).errorMessage).toBe('Login ID does not exist');
    expect(GigyaError.fromCode(500028).statusCode).toBe(500);
  });

  it('keeps a body over the limit at 400001 with HTTP-like status 413', () => {
    expect(GigyaError.requestTooLarge(10)).toMatchObject({ errorCode: 400001, errorMessage: 'Invalid request format', statusCode: 413 });
  });
});
