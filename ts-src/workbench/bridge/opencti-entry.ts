/** Served at /support/api/66.0/lightning/opencti_min.js by the workbench. */
import { installBridgeClient } from "./client";

installBridgeClient(window, "lightning");
