/**
 * The API's error catalogue: every error a caller can receive, with a stable code, its HTTP status
 * and a message template ("{field}" placeholders). docs/api.md lists the same codes; a test keeps
 * the two in step. Routes throw `apiError(code, params)`; the global error handler turns any
 * ApiError into `{ error: { code, message, field?, requestId } }` with its status.
 */

export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, message: 'invalid {field}: {reason}' },
  BAD_JSON: { status: 400, message: 'the request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'unsupported content type: send application/json',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'the request body is too large' },
  NOT_LOGGED_IN: { status: 401, message: 'log in first: no valid session' },
  BAD_CREDENTIALS: { status: 401, message: 'unknown user name or wrong password' },
  WEAK_PASSWORD: {
    status: 400,
    message: 'invalid {field}: too easy to guess ({reason}). {feedback}',
  },
  FORBIDDEN_ROLE: { status: 403, message: 'the {role} role may not do this' },
  FORBIDDEN_CLIENT: { status: 403, message: 'this client file belongs to someone else' },
  NOT_FOUND: { status: 404, message: 'no route {method} {url}' },
  CLIENT_NOT_FOUND: { status: 404, message: 'no client {id}' },
  FEATURE_NOT_FOUND: { status: 404, message: 'no feature {name}' },
  USER_NOT_FOUND: { status: 404, message: 'no user {id}' },
  MODEL_NOT_FOUND: { status: 404, message: 'no model {id} in the registry' },
  REPORT_NOT_FOUND: {
    status: 404,
    message: 'no monitoring report yet: run creditlens monitor --applications FILE.csv',
  },
  NO_APPLICATIONS_IN_WINDOW: { status: 422, message: '{window}' },
  OUTCOME_UNKNOWN_CLIENT: { status: 422, message: 'outcomes[{index}]: {reason}{more}' },
  OUTCOME_LOAN_REFUSED: { status: 422, message: 'outcomes[{index}]: {reason}{more}' },
  OUTCOME_BEFORE_APPLICATION: { status: 422, message: 'outcomes[{index}]: {reason}{more}' },
  OUTCOME_CONFLICT: {
    status: 409,
    message: 'outcomes[{index}]: {reason}; nothing of the batch was recorded',
  },
  USERNAME_TAKEN: { status: 409, message: 'the user name {username} is taken' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message:
      'this Idempotency-Key was used for another request in the last 24 hours: use a new key for a new request',
  },
  REVIEW_NOT_FOUND: { status: 404, message: 'no review request {id} on this client' },
  REVIEW_DECIDED: { status: 409, message: 'review request {id} is decided already' },
  MODEL_UNUSABLE: { status: 409, message: 'model {id} cannot be served: {reason}' },
  GROUP_TOO_SMALL: {
    status: 403,
    message: 'this comparison group is too small to be shown to a customer',
  },
  FIXED_GROUPS_ONLY: {
    status: 403,
    message:
      'customers compare themselves with fixed groups only (all clients, or their similar clients): {field} is for staff',
  },
  TOO_MANY_REQUESTS: { status: 429, message: 'too many attempts: try again in {after}' },
  CROSS_ORIGIN: {
    status: 403,
    message: "a request that changes data must come from this site's own pages",
  },
  BAD_URL: { status: 400, message: 'the URL is not valid: {reason}' },
  MALFORMED_REQUEST: { status: 400, message: 'the request is not valid HTTP: {reason}' },
  HEADERS_TOO_LARGE: {
    status: 431,
    message: 'the request headers are too large (at most {max} KiB in all)',
  },
  REQUEST_TIMEOUT: { status: 408, message: 'the request took too long to arrive' },
  METHOD_NOT_ALLOWED: { status: 405, message: '{method} is not allowed on {url}: use {allowed}' },
  RATE_LIMITED: { status: 429, message: 'too many expensive requests: try again in {after}' },
  TOO_MANY_AT_ONCE: {
    status: 429,
    message: 'too many expensive requests at once: try again in {after}',
  },
  NOT_READY: { status: 503, message: 'the service is not ready: {reason}' },
  INTERNAL: { status: 500, message: 'internal error (request {requestId})' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error the API reports as is: its code, status and rendered message. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request field at fault ("body.username", "query.pageSize"), when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.statusCode = ERROR_CATALOGUE[code].status;
  }
}

/** Renders a catalogue template: "{name}" is replaced by params.name (left as is when absent). */
export function renderMessage(
  code: ErrorCode,
  params: Record<string, string | number> = {},
): string {
  return ERROR_CATALOGUE[code].message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** An ApiError with its message rendered from the catalogue; `params.field` also sets the field. */
export function apiError(code: ErrorCode, params: Record<string, string | number> = {}): ApiError {
  const field = typeof params.field === 'string' ? params.field : undefined;
  return new ApiError(code, renderMessage(code, params), field);
}

/** JSON schema of every error body, shared by all routes' responses. */
export const errorBodySchema = {
  $id: 'ErrorBody',
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE) },
        message: { type: 'string' },
        field: { type: 'string' },
        requestId: { type: 'string' },
      },
    },
  },
} as const;
