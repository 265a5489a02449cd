/**
 * Sample data for the workbench org. Numbers use the 555-01xx range (reserved for fiction) and
 * UK drama numbers, in the mixed formats real orgs hold. Initech's main line is shared by the
 * account and two contacts, so a call from it has several matches.
 */

export interface SeedRecord {
  /** A name other seed records use to refer to this one. */
  ref: string;
  objectType: "Account" | "Contact" | "Lead" | "Case";
  fields: Record<string, string>;
  /** Reference fields pointing at other seed records by `ref`. */
  refs?: Record<string, string>;
}

export const SEED: SeedRecord[] = [
  {
    ref: "acme",
    objectType: "Account",
    fields: {
      Name: "Acme Corporation",
      Phone: "(415) 555-0100",
      Type: "Customer",
      Industry: "Manufacturing",
      BillingCity: "San Francisco",
      Website: "acme.example.com"
    }
  },
  {
    ref: "globex",
    objectType: "Account",
    fields: {
      Name: "Globex Industries",
      Phone: "+1 212 555 0140",
      Type: "Customer",
      Industry: "Energy",
      BillingCity: "New York",
      Website: "globex.example.com"
    }
  },
  {
    ref: "initech",
    objectType: "Account",
    fields: {
      Name: "Initech",
      Phone: "(512) 555-0188",
      Type: "Prospect",
      Industry: "Technology",
      BillingCity: "Austin",
      Website: "initech.example.com"
    }
  },
  {
    ref: "umbrella",
    objectType: "Account",
    fields: {
      Name: "Umbrella Health Ltd",
      Phone: "+44 20 7946 0321",
      Type: "Customer",
      Industry: "Healthcare",
      BillingCity: "London",
      Website: "umbrella.example.co.uk"
    }
  },

  {
    ref: "maria",
    objectType: "Contact",
    fields: {
      FirstName: "Maria",
      LastName: "Garcia",
      Title: "VP Operations",
      Phone: "(415) 555-0101",
      MobilePhone: "(415) 555-0111",
      Email: "maria.garcia@acme.example.com"
    },
    refs: { AccountId: "acme" }
  },
  {
    ref: "james",
    objectType: "Contact",
    fields: {
      FirstName: "James",
      LastName: "Chen",
      Title: "Procurement Manager",
      Phone: "+1 212 555 0141",
      Email: "james.chen@globex.example.com"
    },
    refs: { AccountId: "globex" }
  },
  {
    ref: "priya",
    objectType: "Contact",
    fields: {
      FirstName: "Priya",
      LastName: "Patel",
      Title: "CTO",
      Phone: "(512) 555-0189",
      MobilePhone: "(512) 555-0199",
      Email: "priya.patel@initech.example.com"
    },
    refs: { AccountId: "initech" }
  },
  {
    ref: "sam",
    objectType: "Contact",
    fields: {
      FirstName: "Sam",
      LastName: "Taylor",
      Title: "Office Manager",
      Phone: "(512) 555-0188",
      Email: "sam.taylor@initech.example.com"
    },
    refs: { AccountId: "initech" }
  },
  {
    ref: "alex",
    objectType: "Contact",
    fields: {
      FirstName: "Alex",
      LastName: "Kim",
      Title: "Receptionist",
      Phone: "(512) 555-0188",
      Email: "alex.kim@initech.example.com"
    },
    refs: { AccountId: "initech" }
  },
  {
    ref: "oliver",
    objectType: "Contact",
    fields: {
      FirstName: "Oliver",
      LastName: "Smith",
      Title: "Head of IT",
      Phone: "+44 20 7946 0322",
      Email: "oliver.smith@umbrella.example.co.uk"
    },
    refs: { AccountId: "umbrella" }
  },

  {
    ref: "sofia",
    objectType: "Lead",
    fields: {
      FirstName: "Sofia",
      LastName: "Rossi",
      Company: "Rossi Design Studio",
      Status: "Open - Not Contacted",
      Phone: "(646) 555-0173",
      Email: "sofia@rossi-design.example.com"
    }
  },
  {
    ref: "daniel",
    objectType: "Lead",
    fields: {
      FirstName: "Daniel",
      LastName: "Okafor",
      Company: "Okafor Logistics",
      Status: "Working - Contacted",
      Phone: "+1 312 555 0190",
      MobilePhone: "+1 312 555 0191",
      Email: "d.okafor@okafor-logistics.example.com"
    }
  },

  {
    ref: "case1",
    objectType: "Case",
    fields: {
      Subject: "Shipment delayed at customs",
      Status: "New",
      Priority: "High",
      Origin: "Phone"
    },
    refs: { ContactId: "maria", AccountId: "acme" }
  },
  {
    ref: "case2",
    objectType: "Case",
    fields: {
      Subject: "Question about invoice INV-2291",
      Status: "Working",
      Priority: "Medium",
      Origin: "Email"
    },
    refs: { ContactId: "james", AccountId: "globex" }
  },
  {
    ref: "case3",
    objectType: "Case",
    fields: {
      Subject: "VPN access for new starters",
      Status: "New",
      Priority: "Low",
      Origin: "Web"
    },
    refs: { ContactId: "oliver", AccountId: "umbrella" }
  }
];
