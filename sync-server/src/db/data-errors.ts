/**
 * SQLSTATE class 22, "data exception": Postgres refused a value itself (a NUL in text, 22021; a
 * string that is not a number, a time or a uuid, 22P02 / 22007; too long, 22001; out of range,
 * 22003). The input was at fault, so it is answered 400, never 500 (the tRPC error formatter and
 * the HTTP error handler); the validation that should have caught it first is what to fix.
 */
export function isDataException(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The words for the caller: Postgres' own message about the value, never the statement. */
export function dataExceptionMessage(error: Error & { code: string }): string {
  return `Invalid input: the database refused a value: ${error.message} (SQLSTATE ${error.code}).`;
}
