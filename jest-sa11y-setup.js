// The accessibility matcher lwc-recipes use: `await expect(element).toBeAccessible()` (axe rules).
import { registerSa11yMatcher } from "@sa11y/jest";

registerSa11yMatcher();
