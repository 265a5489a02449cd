/**
 * Directory sample data for the workbench: colleagues in the agent's call center (Users with
 * an extension or a direct line) and the call center's additional directory numbers, so the
 * directory search and transfer to a directory entry can be tried without an org.
 */
import type { DirectoryNumber, FakeOrg } from "../../host/fake/org";

export const SEED_USERS: ReadonlyArray<{ LastName: string; [field: string]: string }> = [
  { FirstName: "Dana", LastName: "Whitfield", Title: "Team Lead", Extension: "2101" },
  { FirstName: "Ravi", LastName: "Menon", Title: "Billing Specialist", Extension: "2102" },
  { FirstName: "Sofia", LastName: "Lindqvist", Title: "Supervisor", Phone: "+1 415 555 0177" }
];

export function seedDirectoryNumbers(callCenterName: string): DirectoryNumber[] {
  return [
    {
      callCenterName,
      name: "Billing queue",
      phone: "2200",
      description: "Invoices, refunds, payment plans"
    },
    {
      callCenterName,
      name: "Technical support",
      phone: "+1 415 555 0190",
      description: "Second-line support"
    },
    { callCenterName, name: "Front desk", phone: "2000", description: "Reception" }
  ];
}

/** Adds the sample colleagues and directory numbers to `org`. */
export function seedDirectory(org: FakeOrg): void {
  for (const user of SEED_USERS) org.addUser({ ...user });
  const callCenter =
    org.callCenterSettings["/reqGeneralInfo/reqDisplayName"] ?? "Open CTI Softphone";
  org.directoryNumbers.push(...seedDirectoryNumbers(callCenter));
}
