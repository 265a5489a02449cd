/** How the shell shows each object: its name, fields, and which fields are phone numbers. */
import type { FieldValue, OrgRecord } from "./backend";

export const PHONE_FIELDS = ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"];

export interface FieldSpec {
  name: string;
  label: string;
  kind?: "phone" | "reference" | "email" | "url" | "text";
}

export const OBJECTS: Record<
  string,
  { label: string; plural: string; icon: string; prefix: string; fields: FieldSpec[] }
> = {
  Account: {
    label: "Account",
    plural: "Accounts",
    icon: "account",
    prefix: "001",
    fields: [
      { name: "Name", label: "Account Name" },
      { name: "Phone", label: "Phone", kind: "phone" },
      { name: "Industry", label: "Industry" },
      { name: "Type", label: "Type" },
      { name: "BillingCity", label: "Billing City" },
      { name: "Website", label: "Website", kind: "url" }
    ]
  },
  Contact: {
    label: "Contact",
    plural: "Contacts",
    icon: "contact",
    prefix: "003",
    fields: [
      { name: "Name", label: "Name" },
      { name: "Title", label: "Title" },
      { name: "AccountId", label: "Account Name", kind: "reference" },
      { name: "Phone", label: "Phone", kind: "phone" },
      { name: "MobilePhone", label: "Mobile", kind: "phone" },
      { name: "Email", label: "Email", kind: "email" }
    ]
  },
  Lead: {
    label: "Lead",
    plural: "Leads",
    icon: "lead",
    prefix: "00Q",
    fields: [
      { name: "Name", label: "Name" },
      { name: "Company", label: "Company" },
      { name: "Status", label: "Lead Status" },
      { name: "Phone", label: "Phone", kind: "phone" },
      { name: "MobilePhone", label: "Mobile", kind: "phone" },
      { name: "Email", label: "Email", kind: "email" }
    ]
  },
  Case: {
    label: "Case",
    plural: "Cases",
    icon: "case",
    prefix: "500",
    fields: [
      { name: "CaseNumber", label: "Case Number" },
      { name: "Subject", label: "Subject" },
      { name: "Status", label: "Status" },
      { name: "Priority", label: "Priority" },
      { name: "ContactId", label: "Contact Name", kind: "reference" },
      { name: "AccountId", label: "Account Name", kind: "reference" }
    ]
  },
  Task: {
    label: "Task",
    plural: "Tasks",
    icon: "task",
    prefix: "00T",
    fields: [
      { name: "Subject", label: "Subject" },
      { name: "CallType", label: "Call Type" },
      { name: "CallDurationInSeconds", label: "Call Duration (seconds)" },
      { name: "CallDisposition", label: "Call Result" },
      { name: "WhoId", label: "Name", kind: "reference" },
      { name: "WhatId", label: "Related To", kind: "reference" },
      { name: "ActivityDate", label: "Due Date" },
      { name: "Status", label: "Status" },
      { name: "CallObject", label: "Call Object Identifier" },
      { name: "Description", label: "Comments" }
    ]
  }
};

export function text(value: FieldValue): string {
  return value === null || value === undefined ? "" : String(value);
}

export function recordName(record: OrgRecord | undefined): string {
  if (!record) return "";
  if (record.Name) return text(record.Name);
  const person = [record.FirstName, record.LastName].filter(Boolean).map(text).join(" ");
  if (person) return person;
  if (record.CaseNumber) return text(record.CaseNumber);
  if (record.Subject) return text(record.Subject);
  return record.Id;
}

/** Fields the new-record modal offers for an object. */
export const NEW_RECORD_FIELDS: Record<string, FieldSpec[]> = {
  Contact: [
    { name: "FirstName", label: "First Name" },
    { name: "LastName", label: "Last Name" },
    { name: "Title", label: "Title" },
    { name: "Phone", label: "Phone", kind: "phone" },
    { name: "MobilePhone", label: "Mobile", kind: "phone" },
    { name: "Email", label: "Email", kind: "email" }
  ],
  Lead: [
    { name: "FirstName", label: "First Name" },
    { name: "LastName", label: "Last Name" },
    { name: "Company", label: "Company" },
    { name: "Phone", label: "Phone", kind: "phone" },
    { name: "Email", label: "Email", kind: "email" }
  ],
  Account: [
    { name: "Name", label: "Account Name" },
    { name: "Phone", label: "Phone", kind: "phone" },
    { name: "Industry", label: "Industry" }
  ],
  Case: [
    { name: "Subject", label: "Subject" },
    { name: "Status", label: "Status" },
    { name: "Priority", label: "Priority" },
    { name: "Description", label: "Description" }
  ]
};

/** Required fields, as the org would enforce them on save. */
export const REQUIRED_FIELDS: Record<string, string[]> = {
  Contact: ["LastName"],
  Lead: ["LastName", "Company"],
  Account: ["Name"],
  Case: []
};

/** Phone numbers of a record for the call panel (a Case shows its contact's). */
export function phoneNumbersOf(
  record: OrgRecord,
  objectType: string,
  lookup: (id: string) => OrgRecord | undefined
) {
  const source =
    objectType === "Case" && record.ContactId
      ? (lookup(String(record.ContactId)) ?? record)
      : record;
  const out: Array<{ field: string; label: string; number: string }> = [];
  for (const field of PHONE_FIELDS) {
    const number = text(source[field]);
    if (number)
      out.push({
        field,
        label: field === "MobilePhone" ? "Mobile" : field.replace("Phone", " Phone").trim(),
        number
      });
  }
  return out;
}
