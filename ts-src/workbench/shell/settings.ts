/**
 * Call center settings in the workbench: short query parameter names (`?screenPop=off`) map to
 * the keys Open CTI returns (`/softphoneSettings/screenPop`). Values are passed through as
 * typed, bad ones included, so a test can check the softphone's setup message.
 */

export interface SettingSpec {
  param: string;
  key: string;
  label: string;
  /** Suggestions shown in the settings panel (any text is accepted). */
  suggestions: string[];
}

export const SETTINGS: SettingSpec[] = [
  {
    param: "provider",
    key: "/softphoneSettings/provider",
    label: "Phone provider",
    suggestions: ["demo", "sip"]
  },
  {
    param: "defaultCountry",
    key: "/softphoneSettings/defaultCountry",
    label: "Default country",
    suggestions: ["US", "GB", "DE", "FR"]
  },
  {
    param: "screenPop",
    key: "/softphoneSettings/screenPop",
    label: "Screen pop",
    suggestions: ["apex", "layout", "off"]
  },
  {
    param: "noMatchPop",
    key: "/softphoneSettings/noMatchPop",
    label: "No-match pop",
    suggestions: ["newContact", "newLead", "search", "none", "flow:Inbound_Caller"]
  },
  {
    param: "logCalls",
    key: "/softphoneSettings/logCalls",
    label: "Log calls",
    suggestions: ["true", "false"]
  },
  {
    param: "wrapUpSeconds",
    key: "/softphoneSettings/wrapUpSeconds",
    label: "Wrap-up seconds",
    suggestions: ["", "0", "30"]
  },
  {
    param: "dialFormat",
    key: "/softphoneSettings/dialFormat",
    label: "Dial format",
    suggestions: ["e164", "prefixes"]
  },
  {
    param: "channelCommands",
    key: "/softphoneSettings/channelCommands",
    label: "Channel commands",
    suggestions: ["", "requestState,dial,answer,hangup,hold,mute,transfer", "none"]
  },
  {
    param: "webSocketUrl",
    key: "/sipSettings/webSocketUrl",
    label: "SIP WebSocket URL",
    suggestions: ["wss://pbx.example.com:8089/ws"]
  },
  { param: "sipDomain", key: "/sipSettings/sipDomain", label: "SIP domain", suggestions: [] },
  { param: "iceServers", key: "/sipSettings/iceServers", label: "ICE servers", suggestions: [""] },
  {
    param: "credentials",
    key: "/sipSettings/credentials",
    label: "SIP credentials",
    suggestions: ["prompt", "salesforce"]
  },
  {
    param: "reconnectGraceSeconds",
    key: "/sipSettings/reconnectGraceSeconds",
    label: "Reconnect grace seconds",
    suggestions: ["30", "0", "5"]
  },
  {
    param: "outsidePrefix",
    key: "/reqDialingOptions/reqOutsidePrefix",
    label: "Outside prefix",
    suggestions: ["9"]
  },
  {
    param: "longDistPrefix",
    key: "/reqDialingOptions/reqLongDistPrefix",
    label: "Long distance prefix",
    suggestions: ["1"]
  },
  {
    param: "internationalPrefix",
    key: "/reqDialingOptions/reqInternationalPrefix",
    label: "International prefix",
    suggestions: ["011"]
  },
  {
    param: "softphoneHeight",
    key: "/reqGeneralInfo/reqSoftphoneHeight",
    label: "Softphone height",
    suggestions: ["400"]
  },
  {
    param: "softphoneWidth",
    key: "/reqGeneralInfo/reqSoftphoneWidth",
    label: "Softphone width",
    suggestions: ["340"]
  },
  {
    param: "conferenceUri",
    key: "/callFeatures/conferenceUri",
    label: "PBX conference URI",
    suggestions: ["", "sip:conference@pbx.example.com"]
  },
  {
    param: "featureCodes",
    key: "/callFeatures/featureCodes",
    label: "PBX feature codes",
    suggestions: ["", "Pause recording=*1,Resume recording=*2,Park=*70"]
  },
  {
    param: "supervisorCodes",
    key: "/callFeatures/supervisorCodes",
    label: "Supervisor codes",
    suggestions: ["", "Listen=*81{ext},Whisper=*82{ext},Barge=*83{ext}"]
  },
  {
    param: "voicemailMessages",
    key: "/callFeatures/voicemailMessages",
    label: "Voicemail drop messages",
    suggestions: ["", "Callback=/resource/VoicemailCallback/callback.mp3"]
  }
];

/** Settings named in the query string: short names, or full keys starting with `/`. */
export function settingsFromQuery(search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const [name, value] of params) {
    const spec = SETTINGS.find((s) => s.param === name);
    if (spec) out[spec.key] = value;
    else if (/^\/[A-Za-z][A-Za-z0-9]*\/[A-Za-z][A-Za-z0-9]*$/.test(name)) out[name] = value;
  }
  return out;
}

/** The query string that reproduces `changed` (settings that differ from the defaults). */
export function settingsToQuery(changed: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(changed)) {
    const spec = SETTINGS.find((s) => s.key === key);
    params.set(spec ? spec.param : key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function panelSize(settings: Record<string, string>): { width: number; height: number } {
  const num = (v: string | undefined, fallback: number, min: number, max: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  return {
    width: num(settings["/reqGeneralInfo/reqSoftphoneWidth"], 340, 200, 1920),
    height: num(settings["/reqGeneralInfo/reqSoftphoneHeight"], 400, 240, 2560)
  };
}
