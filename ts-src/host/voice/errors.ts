/**
 * Errors the connector hands to the base library. The base reads `type` to pick the error it
 * reports to Salesforce (INVALID_PARAMS, CAN_NOT_LOG_IN, INVALID_DESTINATION, …) and `message`
 * for its log.
 */
export class VoiceConnectorError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message);
    this.name = "VoiceConnectorError";
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "Unexpected error";
}
