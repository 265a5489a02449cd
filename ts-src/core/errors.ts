/**
 * What went wrong, in words for diagnostics and notices. Hosts reject with errors that carry
 * an Open CTI style `code` and `description` (HostError in host/cti-host.ts); core reads them
 * by that shape, so it needs no host code.
 */

interface HostLikeError extends Error {
  code: string;
  description: string;
}

function isHostLike(error: unknown): error is HostLikeError {
  if (!(error instanceof Error)) return false;
  const { code, description } = error as Partial<HostLikeError>;
  return typeof code === "string" && typeof description === "string";
}

/** The host's error code (`NOT_AVAILABLE`, `TIMEOUT`…) when `error` is a host error. */
export function hostErrorCode(error: unknown): string | undefined {
  return isHostLike(error) ? error.code : undefined;
}

export function describeError(error: unknown): string {
  if (isHostLike(error)) return `${error.code}: ${error.description || error.message}`;
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "Unexpected error";
}
