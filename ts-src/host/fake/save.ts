/**
 * saveLog semantics of the fake org: create with entityApiName or update with Id, field and
 * type checks, required fields, references that must exist; failures in Open CTI's shape
 * (`details[0].fieldErrors` / `pageErrors`).
 */
import type { RawOpenCtiError } from "../errors";
import type { FakeOrg } from "./org";
import { SCHEMA, objectForId, type FieldDef } from "./schema";

export type SaveOutcome =
  | { ok: true; id: string; created: boolean }
  | { ok: false; error: RawOpenCtiError; message: string };

export interface FieldError {
  statusCode: string;
  message: string;
  fieldLabel: string;
  columnApiName: string;
}

export interface PageError {
  statusCode: string;
  message: string;
}

const RESERVED = new Set(["entityApiName", "Id"]);

export function saveRecord(org: FakeOrg, value: Readonly<Record<string, unknown>>): SaveOutcome {
  const pageErrors: PageError[] = [];
  const fieldErrors: Record<string, FieldError[]> = {};
  const id = typeof value.Id === "string" && value.Id !== "" ? value.Id : undefined;
  const existing = id ? org.get(id) : undefined;
  const entity = typeof value.entityApiName === "string" ? value.entityApiName : undefined;
  const sobjectType = existing?.sobjectType ?? entity ?? (id ? objectForId(id) : undefined);

  if (id && !existing) {
    pageErrors.push({
      statusCode: "INVALID_CROSS_REFERENCE_KEY",
      message: `invalid cross reference id: ${id}`
    });
    return fail(pageErrors, fieldErrors);
  }
  if (existing && entity && entity !== existing.sobjectType) {
    pageErrors.push({
      statusCode: "INVALID_TYPE",
      message: `Id ${existing.Id} is a ${existing.sobjectType}, not a ${entity}.`
    });
    return fail(pageErrors, fieldErrors);
  }
  const definition = sobjectType ? SCHEMA[sobjectType] : undefined;
  if (!sobjectType || !definition) {
    pageErrors.push({
      statusCode: "INVALID_TYPE",
      message: `sObject type '${String(sobjectType)}' is not supported.`
    });
    return fail(pageErrors, fieldErrors);
  }

  const fields: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(value)) {
    if (RESERVED.has(name)) continue;
    const field = definition.fields[name];
    if (!field) {
      if (name.endsWith("__c")) fields[name] = raw;
      else
        pageErrors.push({
          statusCode: "INVALID_FIELD",
          message: `No such column '${name}' on entity '${sobjectType}'.`
        });
      continue;
    }
    const checked = checkValue(org, name, field, raw);
    if ("error" in checked) (fieldErrors[name] ??= []).push(checked.error);
    else fields[name] = checked.value;
  }

  if (!existing) {
    const missing = org.requiredFieldsOf(sobjectType).filter((name) => isBlank(fields[name]));
    for (const name of missing) {
      (fieldErrors[name] ??= []).push({
        statusCode: "REQUIRED_FIELD_MISSING",
        message: `Required fields are missing: [${name}]`,
        fieldLabel: definition.fields[name]?.label ?? name,
        columnApiName: name
      });
    }
  }
  if (pageErrors.length > 0 || Object.keys(fieldErrors).length > 0)
    return fail(pageErrors, fieldErrors);

  if (existing) {
    org.update(existing.Id, fields);
    return { ok: true, id: existing.Id, created: false };
  }
  const defaults: Record<string, unknown> =
    sobjectType === "Task"
      ? { Status: "Not Started", Priority: "Normal", OwnerId: org.currentUserId }
      : {};
  const record = org.insert(sobjectType, { ...defaults, ...fields });
  return { ok: true, id: record.Id, created: true };
}

function checkValue(
  org: FakeOrg,
  name: string,
  field: FieldDef,
  raw: unknown
): { value: unknown } | { error: FieldError } {
  const error = (statusCode: string, message: string): { error: FieldError } => ({
    error: { statusCode, message, fieldLabel: field.label, columnApiName: name }
  });
  if (raw === null || raw === "") return { value: null };
  switch (field.type) {
    case "int": {
      const number =
        typeof raw === "number"
          ? raw
          : typeof raw === "string" && /^-?\d+$/.test(raw.trim())
            ? Number(raw)
            : NaN;
      if (!Number.isInteger(number))
        return error(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          `${field.label}: value not of required type: ${String(raw)}`
        );
      return { value: number };
    }
    case "boolean": {
      if (raw === true || raw === "true") return { value: true };
      if (raw === false || raw === "false") return { value: false };
      return error(
        "INVALID_TYPE_ON_FIELD_IN_RECORD",
        `${field.label}: value not of required type: ${String(raw)}`
      );
    }
    case "date": {
      if (
        typeof raw !== "string" ||
        !/^\d{4}-\d{2}-\d{2}$/.test(raw) ||
        Number.isNaN(Date.parse(raw))
      ) {
        return error(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          `${field.label}: value not of required type: ${String(raw)}`
        );
      }
      return { value: raw };
    }
    case "picklist": {
      if (typeof raw !== "string" || !(field.values ?? []).includes(raw)) {
        return error(
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          `${field.label}: bad value for restricted picklist field: ${String(raw)}`
        );
      }
      return { value: raw };
    }
    case "reference": {
      if (typeof raw !== "string")
        return error(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          `${field.label}: value not of required type`
        );
      if (field.referenceTo?.includes("RecordType")) return { value: raw };
      const target = org.get(raw);
      const targetType = target?.sobjectType ?? objectForId(raw);
      if (!targetType || !(field.referenceTo ?? []).includes(targetType)) {
        return error(
          "FIELD_INTEGRITY_EXCEPTION",
          `${field.label} ID: id value of incorrect type: ${raw}`
        );
      }
      if (!target)
        return error("INVALID_CROSS_REFERENCE_KEY", `${field.label}: invalid cross reference id`);
      return { value: target.Id };
    }
    default: {
      if (typeof raw !== "string" && typeof raw !== "number") {
        return error(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          `${field.label}: value not of required type`
        );
      }
      const text = String(raw);
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        return error(
          "STRING_TOO_LONG",
          `${field.label}: data value too large: ${text.slice(0, 20)}… (max length=${field.maxLength})`
        );
      }
      return { value: text };
    }
  }
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

function fail(pageErrors: PageError[], fieldErrors: Record<string, FieldError[]>): SaveOutcome {
  const messages = [
    ...pageErrors.map((error) => error.message),
    ...Object.values(fieldErrors).flatMap((errors) => errors.map((error) => error.message))
  ];
  return {
    ok: false,
    message: messages.join("; "),
    error: {
      code: "GENERIC_ERROR",
      description:
        "An error occurred while calling the saveLog() API method. Review the Details field in the error section.",
      details: [
        {
          message: "An error occurred while trying to update the record. Please try again.",
          pageErrors,
          fieldErrors,
          potentialDuplicates: []
        }
      ]
    }
  };
}
