// Gigya's error taxonomy in one place: every failure the fake answers is a GigyaError made
// here, from the catalogue below, so its errorMessage and status are always the production
// ones (gigya-api.md §4). Callers only say what is wrong, in errorDetails.

export interface ValidationError {
  errorCode: number;
  message: string;
  fieldName: string;
}

export interface GigyaErrorOptions {
  validationErrors?: ValidationError[];
  /** Extra top-level envelope fields some errors carry (301001 adds apiDomain, location). */
  extra?: Record<string, unknown>;
  /** An HTTP status other than the code's own (a body over the limit is 400001 with 413). */
  statusCode?: number;
}

/**
 * code → [errorMessage, statusCode]: every code the fake can answer, with the name of the
 * official table (gigya-api.md §4). A status is the code's first three digits unless a captured
 * body shows otherwise.
 */
const catalogue = {
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
  400023: ['Invalid type', 400],
  400025: ['Write access', 400],
  400026: ['Invalid format', 400],
  400027: ['Required value validation', 400],
  400028: ['Email not verified', 400],
  400093: ['Invalid ApiKey parameter', 400],
  403002: ['Request has expired', 403],
  403003: ['Invalid request signature', 403],
  403004: ['Duplicate nonce', 403],
  403005: ['Unauthorized user', 403],
  403006: ['Secret Sent Over Http', 403],
  403007: ['Permission denied', 403],
  403010: ['Invalid Secret', 403],
  403011: ['Session has expired', 403],
  403012: ['No valid session', 403],
  403026: ['Unauthorized access error', 403],
  403036: ['Unauthorized partner', 403],
  403041: ['Account disabled', 403],
  403042: ['Invalid LoginID', 403],
  403043: ['Login identifier exists', 409],
  403047: ['Login ID does not exist', 403],
  403048: ['API Rate Limit Exceeded', 403],
  403120: ['Account Temporarily Locked Out', 403],
  404000: ['Not found', 404],
  404003: ['UID not found', 404],
  409001: ['Identity exists', 409],
  409003: ['Conflicting account', 409],
  409030: ['Too many requests for same user', 409],
  500001: ['General Server error', 500],
  // The official table lists 500028 without a name we could confirm (docs/behaviour.md).
  500028: ['Internal server error', 500],
  503001: ['Service unavailable for this operation', 503],
  504001: ['Timeout', 504],
  504002: ['Request Timeout', 504],
} as const satisfies Record<number, readonly [string, number]>;

export type ErrorCode = keyof typeof catalogue;

export const errorCatalogue: ReadonlyMap<number, { message: string; statusCode: number }> = new Map(
  Object.entries(catalogue).map(([code, [message, statusCode]]) => [Number(code), { message, statusCode }]),
);

export class GigyaError extends Error {
  readonly errorMessage: string;
  readonly statusCode: number;
  readonly validationErrors: ValidationError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  /** Every error goes through here: the message and status come from the catalogue. */
  static of(errorCode: ErrorCode, errorDetails?: string, options: GigyaErrorOptions = {}): GigyaError {
    const [message, statusCode] = catalogue[errorCode];
    return new GigyaError(errorCode, message, errorDetails ?? message, options.statusCode ?? statusCode, options);
  }

  private constructor(
    readonly errorCode: number,
    errorMessage: string,
    readonly errorDetails: string,
    statusCode: number,
    options: GigyaErrorOptions,
  ) {
    super(`${errorCode} ${errorMessage}: ${errorDetails}`);
    this.name = 'GigyaError';
    this.errorMessage = errorMessage;
    this.statusCode = statusCode;
    this.validationErrors = options.validationErrors;
    this.extra = options.extra;
  }

  static missingParameter(name: string): GigyaError {
    return GigyaError.of(400002, `Missing required parameter: ${name}`);
  }

  static invalidParameter(name: string, why: string): GigyaError {
    return GigyaError.of(400006, `Invalid argument: ${name}: ${why}`);
  }

  static invalidRequestFormat(details: string): GigyaError {
    return GigyaError.of(400001, details);
  }

  static requestTooLarge(limitBytes: number): GigyaError {
    return GigyaError.of(400001, `Request body exceeds ${limitBytes} bytes`, { statusCode: 413 });
  }

  static validation(validationErrors: ValidationError[]): GigyaError {
    return GigyaError.of(400009, 'Validation failed', { validationErrors });
  }

  static uniqueIdentifierExists(field: string): GigyaError {
    return GigyaError.validation([{ errorCode: 400003, message: `${field} already exists`, fieldName: field }]);
  }

  static requiredValue(fieldName: string): GigyaError {
    return GigyaError.validation([{ errorCode: 400027, message: `${fieldName} is required`, fieldName }]);
  }

  static invalidApiKey(details: string): GigyaError {
    return GigyaError.of(400093, details);
  }

  static requestExpired(): GigyaError {
    return GigyaError.of(403002);
  }

  static invalidSignature(): GigyaError {
    return GigyaError.of(403003);
  }

  static duplicateNonce(): GigyaError {
    return GigyaError.of(403004);
  }

  static unauthorizedUser(details = 'Unauthorized user'): GigyaError {
    return GigyaError.of(403005, details);
  }

  /** Gigya answers an unknown UID as an unauthorized user, not as 404003. */
  static uidNotFound(): GigyaError {
    return GigyaError.of(403005, 'UID not found');
  }

  static secretSentOverHttp(): GigyaError {
    return GigyaError.of(403006);
  }

  static permissionDenied(details: string): GigyaError {
    return GigyaError.of(403007, details);
  }

  static invalidSecret(details?: string): GigyaError {
    return GigyaError.of(403010, details);
  }

  static accountDisabled(): GigyaError {
    return GigyaError.of(403041);
  }

  static invalidLoginId(): GigyaError {
    return GigyaError.of(403042, 'Invalid LoginID or password');
  }

  static loginIdDoesNotExist(details: string): GigyaError {
    return GigyaError.of(403047, details);
  }

  static rateLimitExceeded(): GigyaError {
    return GigyaError.of(403048, 'Api rate limit exceeded');
  }

  static notFound(details: string): GigyaError {
    return GigyaError.of(404000, details);
  }

  static unknownMethod(method: string): GigyaError {
    // Unconfirmed what Gigya answers for a method it does not have: 404000 chosen, see docs/behaviour.md.
    return GigyaError.of(404000, `Unknown method: ${method}`);
  }

  static accountPendingRegistration(details: string, regToken: string): GigyaError {
    return GigyaError.of(206001, details, { extra: { regToken } });
  }

  static generalServerError(details?: string): GigyaError {
    return GigyaError.of(500001, details);
  }

  /**
   * An injected fault's error, by code alone. A code outside the catalogue still answers:
   * its status is the code's first three digits, as Gigya's codes carry it.
   */
  static fromCode(errorCode: number, details?: string): GigyaError {
    if (isKnownCode(errorCode)) return GigyaError.of(errorCode, details);
    const message = catalogue[500001][0];
    return new GigyaError(errorCode, message, details ?? message, Math.floor(errorCode / 1000), {});
  }
}

function isKnownCode(code: number): code is ErrorCode {
  return errorCatalogue.has(code);
}

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
