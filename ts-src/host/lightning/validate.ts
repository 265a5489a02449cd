/**
 * Argument rules from the Open CTI Developer Guide, shared by the client (which checks before
 * calling Salesforce) and the fake (which answers like Salesforce does). Each returns a
 * problem description, or null when the argument is fine.
 */
import {
  MIN_SEARCH_LENGTH,
  PANEL_HEIGHT,
  PANEL_WIDTH,
  SCREENPOP_TYPE,
  type ScreenPopArgs
} from "./types";

type Problem = string | null;

export function requiredString(name: string, value: unknown): Problem {
  if (typeof value !== "string" || value.trim() === "")
    return `${name} is required and must be a non-empty string.`;
  return null;
}

function range(name: string, value: unknown, min: number, max: number): Problem {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return `An invalid value was passed to the parameter ${name}. A numeric value was expected, but ${describe(value)} was found instead.`;
  }
  if (value < min || value > max)
    return `${name} must be from ${min} through ${max}, got ${value}.`;
  return null;
}

export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return `"${value}"`;
  return typeof value === "object" ? typeof value : String(value);
}

export const panelHeightProblem = (heightPX: unknown): Problem =>
  range("heightPX", heightPX, PANEL_HEIGHT.min, PANEL_HEIGHT.max);

export const panelWidthProblem = (widthPX: unknown): Problem =>
  range("widthPX", widthPX, PANEL_WIDTH.min, PANEL_WIDTH.max);

export function booleanProblem(name: string, value: unknown): Problem {
  return typeof value === "boolean"
    ? null
    : `${name} must be true or false, got ${describe(value)}.`;
}

const SCREEN_POP_TYPES: readonly string[] = Object.values(SCREENPOP_TYPE);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function screenPopProblem(args: unknown): Problem {
  if (!isPlainObject(args)) return "screenPop needs an object with type and params.";
  const { type, params } = args as { type?: unknown; params?: unknown };
  if (typeof type !== "string" || !SCREEN_POP_TYPES.includes(type)) {
    return `type must be one of ${SCREEN_POP_TYPES.join(", ")}, got ${describe(type)}.`;
  }
  if (!isPlainObject(params)) return `params is required for screen pop type ${type}.`;
  const pop = args as ScreenPopArgs;
  switch (pop.type) {
    case "sobject":
      return requiredString("params.recordId", pop.params.recordId);
    case "url":
      return requiredString("params.url", pop.params.url) ?? urlProblem(pop.params.url);
    case "objecthome":
      return requiredString("params.scope", pop.params.scope);
    case "list":
      return (
        requiredString("params.listViewId", pop.params.listViewId) ??
        requiredString("params.scope", pop.params.scope)
      );
    case "search": {
      const problem = requiredString("params.searchString", pop.params.searchString);
      if (problem) return problem;
      return pop.params.searchString.trim().length < MIN_SEARCH_LENGTH
        ? `params.searchString must be at least ${MIN_SEARCH_LENGTH} characters long.`
        : null;
    }
    case "newRecord": {
      const problem = requiredString("params.entityName", pop.params.entityName);
      if (problem) return problem;
      const defaults = pop.params.defaultFieldValues;
      return defaults === undefined || isPlainObject(defaults)
        ? null
        : "params.defaultFieldValues must be an object.";
    }
    case "flow":
      return (
        requiredString("params.flowDevName", pop.params.flowDevName) ??
        flowArgsProblem(pop.params.flowArgs)
      );
  }
}

/**
 * The guide asks for relative URLs; absolute http(s) URLs also work in Lightning. Other schemes
 * (javascript:, data:, …) are refused so a caller-controlled value can never run script.
 */
export function urlProblem(url: string): Problem {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return null;
  if (/^https?:\/\/[^/\s]/i.test(trimmed)) return null;
  return "params.url must be a relative URL (starting with /) or an http(s) URL.";
}

export function flowArgsProblem(flowArgs: unknown): Problem {
  if (flowArgs === undefined) return null;
  if (!Array.isArray(flowArgs)) return "flowArgs must be an array of {name, type, value}.";
  for (const [index, arg] of flowArgs.entries()) {
    if (
      !isPlainObject(arg) ||
      typeof arg.name !== "string" ||
      arg.name === "" ||
      typeof arg.type !== "string"
    ) {
      return `flowArgs[${index}] must have a name and a type.`;
    }
  }
  return null;
}

const CALL_TYPES: readonly string[] = ["inbound", "outbound", "internal"];

export function callTypeProblem(callType: unknown): Problem {
  return typeof callType === "string" && CALL_TYPES.includes(callType)
    ? null
    : `callType must be one of ${CALL_TYPES.join(", ")}, got ${describe(callType)}.`;
}

export function searchAndScreenPopProblem(args: {
  searchParams?: unknown;
  queryParams?: unknown;
  callType?: unknown;
  defaultFieldValues?: unknown;
  deferred?: unknown;
}): Problem {
  const problem = callTypeProblem(args.callType);
  if (problem) return problem;
  if (args.searchParams !== undefined && typeof args.searchParams !== "string")
    return "searchParams must be a string.";
  if (args.queryParams !== undefined && typeof args.queryParams !== "string")
    return "queryParams must be a string.";
  if (args.defaultFieldValues !== undefined && !isPlainObject(args.defaultFieldValues)) {
    return "defaultFieldValues must be an object.";
  }
  if (args.deferred !== undefined && typeof args.deferred !== "boolean")
    return "deferred must be true or false.";
  return null;
}

export function saveLogProblem(value: unknown): Problem {
  if (!isPlainObject(value)) return "value must be an object of field values.";
  const { Id, entityApiName } = value;
  if (Id === undefined && entityApiName === undefined) {
    return "value needs entityApiName to create a record or Id to update one.";
  }
  if (Id !== undefined && requiredString("Id", Id)) return requiredString("Id", Id);
  if (entityApiName !== undefined && requiredString("entityApiName", entityApiName)) {
    return requiredString("entityApiName", entityApiName);
  }
  return null;
}

/** A Lightning message must be a plain object that survives JSON (no functions or symbols). */
export function messageProblem(message: unknown): Problem {
  if (!isPlainObject(message)) return "message must be a serializable JSON object.";
  try {
    JSON.stringify(message);
  } catch {
    return "message must be a serializable JSON object.";
  }
  return hasUnserializable(message) ? "message must not contain functions or symbols." : null;
}

function hasUnserializable(value: unknown): boolean {
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
    return true;
  if (Array.isArray(value)) return value.some(hasUnserializable);
  if (isPlainObject(value)) return Object.values(value).some(hasUnserializable);
  return false;
}
