/**
 * The slice of Salesforce schema the fake org knows: key prefixes, labels, phone fields and
 * the Task fields a call log writes, with their types and restricted picklists.
 */

export type FieldType =
  "id" | "string" | "textarea" | "phone" | "picklist" | "reference" | "int" | "date" | "boolean";

export interface FieldDef {
  label: string;
  type: FieldType;
  /** Restricted picklist values. */
  values?: readonly string[];
  /** For references: the objects the Id may point to. */
  referenceTo?: readonly string[];
  maxLength?: number;
}

export interface ObjectDef {
  label: string;
  keyPrefix: string;
  /** Fields saveLog accepts; custom fields (`__c`) are accepted on every object. */
  fields: Readonly<Record<string, FieldDef>>;
  /** Required on create, unless the org overrides it. */
  required: readonly string[];
  phoneFields: readonly string[];
}

const text = (label: string, maxLength = 255): FieldDef => ({ label, type: "string", maxLength });
const phone = (label: string): FieldDef => ({ label, type: "phone", maxLength: 40 });
const ref = (label: string, ...referenceTo: string[]): FieldDef => ({
  label,
  type: "reference",
  referenceTo
});

const WHAT_OBJECTS = ["Account", "Case", "Opportunity"];

export const SCHEMA: Readonly<Record<string, ObjectDef>> = {
  Account: {
    label: "Account",
    keyPrefix: "001",
    required: ["Name"],
    phoneFields: [
      "Phone",
      "Fax",
      "PersonMobilePhone",
      "PersonHomePhone",
      "PersonOtherPhone",
      "PersonAssistantPhone"
    ],
    fields: {
      Name: text("Account Name"),
      FirstName: text("First Name", 40),
      LastName: text("Last Name", 80),
      Phone: phone("Account Phone"),
      Fax: phone("Account Fax"),
      Type: text("Type"),
      Description: { label: "Description", type: "textarea" },
      PersonMobilePhone: phone("Mobile"),
      PersonHomePhone: phone("Home Phone"),
      PersonOtherPhone: phone("Other Phone"),
      PersonAssistantPhone: phone("Asst. Phone"),
      RecordTypeId: ref("Record Type", "RecordType")
    }
  },
  Contact: {
    label: "Contact",
    keyPrefix: "003",
    required: ["LastName"],
    phoneFields: ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone", "Fax"],
    fields: {
      FirstName: text("First Name", 40),
      LastName: text("Last Name", 80),
      AccountId: ref("Account Name", "Account"),
      Title: text("Title", 128),
      Email: text("Email", 80),
      Phone: phone("Business Phone"),
      MobilePhone: phone("Mobile"),
      HomePhone: phone("Home Phone"),
      OtherPhone: phone("Other Phone"),
      AssistantPhone: phone("Asst. Phone"),
      Fax: phone("Business Fax"),
      Description: { label: "Description", type: "textarea" }
    }
  },
  Lead: {
    label: "Lead",
    keyPrefix: "00Q",
    required: ["LastName", "Company"],
    phoneFields: ["Phone", "MobilePhone", "Fax"],
    fields: {
      FirstName: text("First Name", 40),
      LastName: text("Last Name", 80),
      Company: text("Company"),
      Status: text("Lead Status"),
      Phone: phone("Phone"),
      MobilePhone: phone("Mobile"),
      Fax: phone("Fax"),
      Email: text("Email", 80),
      Description: { label: "Description", type: "textarea" }
    }
  },
  Case: {
    label: "Case",
    keyPrefix: "500",
    required: [],
    phoneFields: [],
    fields: {
      Subject: text("Subject"),
      Status: text("Status"),
      Origin: text("Case Origin"),
      Priority: text("Priority"),
      ContactId: ref("Contact Name", "Contact"),
      AccountId: ref("Account Name", "Account"),
      Description: { label: "Description", type: "textarea" }
    }
  },
  Opportunity: {
    label: "Opportunity",
    keyPrefix: "006",
    required: ["Name", "StageName", "CloseDate"],
    phoneFields: [],
    fields: {
      Name: text("Opportunity Name", 120),
      StageName: text("Stage"),
      CloseDate: { label: "Close Date", type: "date" },
      AccountId: ref("Account Name", "Account")
    }
  },
  User: {
    label: "User",
    keyPrefix: "005",
    required: ["LastName"],
    phoneFields: ["Phone", "MobilePhone", "Extension"],
    fields: {
      FirstName: text("First Name", 40),
      LastName: text("Last Name", 80),
      Title: text("Title", 80),
      Phone: phone("Phone"),
      MobilePhone: phone("Mobile"),
      Extension: text("Extension", 40)
    }
  },
  Task: {
    label: "Task",
    keyPrefix: "00T",
    required: ["Subject"],
    phoneFields: [],
    fields: {
      Subject: text("Subject"),
      TaskSubtype: {
        label: "Task Subtype",
        type: "picklist",
        values: ["Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn"]
      },
      Type: text("Type", 40),
      Status: {
        label: "Status",
        type: "picklist",
        values: ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]
      },
      Priority: { label: "Priority", type: "picklist", values: ["High", "Normal", "Low"] },
      ActivityDate: { label: "Due Date", type: "date" },
      CallType: {
        label: "Call Type",
        type: "picklist",
        values: ["Inbound", "Outbound", "Internal"]
      },
      CallDurationInSeconds: { label: "Call Duration", type: "int" },
      CallObject: text("Call Object Identifier"),
      CallDisposition: text("Call Result"),
      Description: { label: "Comments", type: "textarea", maxLength: 32000 },
      WhoId: ref("Name", "Contact", "Lead"),
      WhatId: ref("Related To", ...WHAT_OBJECTS),
      OwnerId: ref("Assigned To", "User"),
      RecordTypeId: ref("Record Type", "RecordType")
    }
  }
};

export function objectForId(id: string): string | undefined {
  const prefix = id.slice(0, 3);
  return Object.entries(SCHEMA).find(([, def]) => def.keyPrefix === prefix)?.[0];
}
