export {
  CHROMIUM_VOICE_ARGS,
  DEFAULT_VOICE_SETTINGS,
  LIGHTNING_HOST,
  VISUALFORCE_HOST,
  startVoiceWorkbench
} from "./server";
