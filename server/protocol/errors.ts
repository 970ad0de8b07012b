// Gigya's error taxonomy in one place: every failure a handler can raise is a GigyaError
// built here, so the envelope (code, message, HTTP-like status) is always the production one.
// Messages are the names of the official table (gigya-api.md §4); details say what is wrong.

export interface ValidationError {
  errorCode: number;
  message: string;
  fieldName: string;
}

export interface GigyaErrorOptions {
  validationErrors?: ValidationError[];
  /** Extra top-level envelope fields some errors carry (301001 adds apiDomain, location). */
  extra?: Record<string, unknown>;
}

export class GigyaError extends Error {
  readonly validationErrors: ValidationError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    readonly errorCode: number,
    readonly errorMessage: string,
    readonly errorDetails: string,
    readonly statusCode: number,
    options: GigyaErrorOptions = {},
  ) {
    super(`${errorCode} ${errorMessage}: ${errorDetails}`);
    this.name = 'GigyaError';
    this.validationErrors = options.validationErrors;
    this.extra = options.extra;
  }

  static missingParameter(name: string): GigyaError {
    return new GigyaError(400002, 'Missing required parameter', `Missing required parameter: ${name}`, 400);
  }

  static invalidParameter(name: string, why: string): GigyaError {
    return new GigyaError(400006, 'Invalid parameter value', `Invalid argument: ${name}: ${why}`, 400);
  }

  static invalidRequestFormat(details: string): GigyaError {
    return new GigyaError(400001, 'Invalid request format', details, 400);
  }

  static validation(validationErrors: ValidationError[]): GigyaError {
    return new GigyaError(400009, 'Validation error', 'Validation failed', 400, { validationErrors });
  }

  static uniqueIdentifierExists(field: string): GigyaError {
    return GigyaError.validation([{ errorCode: 400003, message: `${field} already exists`, fieldName: field }]);
  }

  static invalidApiKey(details: string): GigyaError {
    return new GigyaError(400093, 'Invalid ApiKey parameter', details, 400);
  }

  static requestExpired(): GigyaError {
    return new GigyaError(403002, 'Request has expired', 'Request has expired', 403);
  }

  static invalidSignature(): GigyaError {
    return new GigyaError(403003, 'Invalid request signature', 'Invalid request signature', 403);
  }

  static duplicateNonce(): GigyaError {
    return new GigyaError(403004, 'Duplicate nonce', 'Duplicate nonce', 403);
  }

  static unauthorizedUser(details = 'Unauthorized user'): GigyaError {
    return new GigyaError(403005, 'Unauthorized user', details, 403);
  }

  static secretSentOverHttp(): GigyaError {
    return new GigyaError(403006, 'Secret Sent Over Http', 'Secret Sent Over Http', 403);
  }

  static permissionDenied(details: string): GigyaError {
    return new GigyaError(403007, 'Permission denied', details, 403);
  }

  static invalidSecret(): GigyaError {
    return new GigyaError(403010, 'Invalid Secret', 'Invalid Secret', 403);
  }

  static invalidLoginId(): GigyaError {
    return new GigyaError(403042, 'Invalid LoginID', 'Invalid LoginID or password', 403);
  }

  static rateLimitExceeded(): GigyaError {
    return new GigyaError(403048, 'API Rate Limit Exceeded', 'Api rate limit exceeded', 403);
  }

  static notFound(details: string): GigyaError {
    return new GigyaError(404000, 'Not found', details, 404);
  }

  static uidNotFound(): GigyaError {
    return new GigyaError(403005, 'Unauthorized user', 'UID not found', 403);
  }

  static accountPendingRegistration(details: string, regToken: string): GigyaError {
    return new GigyaError(206001, 'Account pending registration', details, 206, { extra: { regToken } });
  }

  static generalServerError(details = 'General Server error'): GigyaError {
    return new GigyaError(500001, 'General Server error', details, 500);
  }

  static unknownMethod(method: string): GigyaError {
    // Unconfirmed what Gigya answers for a method it does not have: 404000 chosen, see docs/behaviour.md.
    return new GigyaError(404000, 'Not found', `Unknown method: ${method}`, 404);
  }

  static requiredValue(fieldName: string): GigyaError {
    return GigyaError.validation([{ errorCode: 400027, message: `${fieldName} is required`, fieldName }]);
  }

  /** Builds an error from its code alone, for fault injection: real message and status. */
  static fromCode(errorCode: number, details?: string): GigyaError {
    const known = catalogue[errorCode];
    const message = known?.[0] ?? 'General Server error';
    // Gigya codes carry their HTTP-like status in their first three digits.
    const status = known?.[1] ?? Math.floor(errorCode / 1000);
    return new GigyaError(errorCode, message, details ?? message, status);
  }
}

/** code → [errorMessage, statusCode], from the official table (gigya-api.md §4). */
const catalogue: Record<number, readonly [string, number]> = {
  200010: ['OK with error login identifier exists', 200],
  206001: ['Account pending registration', 206],
  206002: ['Account pending verification', 206],
  206003: ['Account missing loginID', 206],
  301001: ['Invalid data center', 301],
  400001: ['Invalid request format', 400],
  400002: ['Missing required parameter', 400],
  400003: ['Unique identifier exists', 400],
  400004: ['Invalid parameter format', 400],
  400006: ['Invalid parameter value', 400],
  400009: ['Validation error', 400],
  400020: ['Schema validation failed', 400],
  400093: ['Invalid ApiKey parameter', 400],
  403002: ['Request has expired', 403],
  403003: ['Invalid request signature', 403],
  403004: ['Duplicate nonce', 403],
  403005: ['Unauthorized user', 403],
  403006: ['Secret Sent Over Http', 403],
  403007: ['Permission denied', 403],
  403010: ['Invalid Secret', 403],
  403036: ['Unauthorized partner', 403],
  403042: ['Invalid LoginID', 403],
  403043: ['Login identifier exists', 409],
  403048: ['API Rate Limit Exceeded', 403],
  404000: ['Not found', 404],
  404003: ['UID not found', 404],
  409001: ['Identity exists', 409],
  409030: ['Too many requests for same user', 409],
  500001: ['General Server error', 500],
  503001: ['Service unavailable for this operation', 503],
  504001: ['Timeout', 504],
  504002: ['Request Timeout', 504],
};

export const knownErrorCodes: readonly number[] = Object.keys(catalogue).map(Number);

const statusReasons: Record<number, string> = {
  200: 'OK',
  206: 'Partial Content',
  301: 'Moved Permanently',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusReason(statusCode: number): string {
  return statusReasons[statusCode] ?? 'Error';
}

/** Gigya's assert habit: handlers state a condition and the error it raises. */
export function assert(condition: unknown, error: () => GigyaError): asserts condition {
  if (!condition) throw error();
}
