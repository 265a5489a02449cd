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

/** The answers of each method are described on core's `Crm`. */
export function apexCrm(run: ApexCall) {
  return {
    findCaller: (phone: string) => run("SoftphoneCallerLookup", "findByPhone", { phone }),
    findLoggedCall: (callId: string) =>
      run("SoftphoneCallLog", "findByCallObject", { callObject: callId }),
    searchDirectory: (term: string) => run("SoftphoneDirectory", "search", { term }),
    getSipAccount: () => run("SoftphoneSipAccount", "getMine", {})
  };
}

/** A Crm over a host that can run Apex (the Open CTI hosts and their test doubles). */
export function apexCrmOf(host: ApexRunner) {
  return apexCrm((className, methodName, params) => host.runApex(className, methodName, params));
}
