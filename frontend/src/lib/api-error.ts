/**
 * A failed API request as the data layer reports it (every query's and mutation's `error`): a message fit to show
 * the user (the server's `detail` when it sent one), the HTTP status (null when the server was not reached) and the
 * problem body, for the few pages that read more than the detail (e.g. the run id of a 409).
 */
export class ApiError extends Error {
  readonly status: number | null;
  readonly body: unknown;

  constructor(message: string, status: number | null, body: unknown, cause?: unknown) {
    super(message, { cause });
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}
