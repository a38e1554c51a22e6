import { errorResponse, HttpError } from './http-error';

/** A handler answering 405 with a JSON error and the `Allow` header, for the methods a route lacks. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (request: Request): Response =>
    errorResponse(
      new HttpError(405, 'method_not_allowed', `${request.method} is not supported here; use ${allowed.join(', ')}.`),
      { allow: allowed.join(', ') },
    );
}
