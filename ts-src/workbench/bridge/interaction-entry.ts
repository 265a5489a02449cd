/** Served at /support/api/66.0/interaction.js by the workbench (Salesforce Classic). */
import { installBridgeClient } from "./client";

installBridgeClient(window, "classic");
