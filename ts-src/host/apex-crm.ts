/**
 * Salesforce data for core (its `Crm` port, ts-src/core/crm.ts) from the project's Apex
 * webservices. The only place in ts-src the classes and methods are named; any transport that
 * can call `webservice static` Apex (Open CTI's runApex, Visualforce remoting) can carry it.
 */

/** Calls `webservice static` Apex; resolves with its result (JSON, parsed or not). */
export type ApexCall = (
  className: string,
  methodName: string,
  params: Record<string, string>
) => Promise<unknown>;

export interface ApexRunner {
  runApex: ApexCall;
}

/** The Apex class and method behind each Crm method (the answers are described on `Crm`). */
export const APEX_METHODS = {
  findCaller: { className: "SoftphoneCallerLookup", methodName: "findByPhone" },
  findLoggedCall: { className: "SoftphoneCallLog", methodName: "findByCallObject" },
  searchDirectory: { className: "SoftphoneDirectory", methodName: "search" },
  getSipAccount: { className: "SoftphoneSipAccount", methodName: "getMine" },
  saveCallLog: { className: "SoftphoneCallLog", methodName: "saveOnce" },
  whoAmI: { className: "SoftphoneIdentity", methodName: "whoAmI" }
} as const;

export type CrmMethod = keyof typeof APEX_METHODS;

/** `Class.method`, as test doubles key their Apex answers. */
export function apexKey(method: CrmMethod): string {
  const { className, methodName } = APEX_METHODS[method];
  return `${className}.${methodName}`;
}

export function apexCrm(run: ApexCall) {
  const call = (method: CrmMethod, params: Record<string, string>) =>
    run(APEX_METHODS[method].className, APEX_METHODS[method].methodName, params);
  return {
    findCaller: (phone: string) => call("findCaller", { phone }),
    findLoggedCall: (callId: string) => call("findLoggedCall", { callObject: callId }),
    searchDirectory: (term: string) => call("searchDirectory", { term }),
    getSipAccount: () => call("getSipAccount", {}),
    // Check and insert under the agent's lock in one transaction: a late save and its retry
    // never both write (saveLog cannot promise that; see docs/reliability-and-security.md).
    saveCallLog: (callId: string, fields: Readonly<Record<string, unknown>>) =>
      call("saveCallLog", { callObject: callId, fields: JSON.stringify(fields) }),
    whoAmI: () => call("whoAmI", {})
  };
}

/** A Crm over a host that can run Apex (the Open CTI hosts and their test doubles). */
export function apexCrmOf(host: ApexRunner) {
  return apexCrm((className, methodName, params) => host.runApex(className, methodName, params));
}
