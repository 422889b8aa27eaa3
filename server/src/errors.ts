// The one error type services throw; the HTTP error middleware turns it into `{ error: { code, message } }`.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what} was not found`);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
export const badRequest = (code: string, message: string): HttpError => new HttpError(400, code, message);
