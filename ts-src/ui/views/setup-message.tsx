/** Settings problems that block start-up: each item, its value and what is allowed. */
import type { SettingProblem } from "../../core/model";
import { ExtText } from "../parts/ext-text";

export function SetupMessage({ problems }: { problems: SettingProblem[] }) {
  return (
    <section class="sp-view" data-id="setup-message" aria-labelledby="sp-setup-title">
      <div class="slds-scoped-notification slds-theme_warning" role="alert">
        <h2 id="sp-setup-title" class="slds-text-heading_small">
          The softphone is not set up correctly
        </h2>
        <p class="slds-text-body_small">
          Ask your Salesforce admin to fix{" "}
          {problems.length === 1 ? "this setting" : "these settings"} in Setup → Call Centers → the
          softphone's call center.
        </p>
      </div>
      <ul class="sp-list">
        {problems.map((problem, index) => (
          <li
            class="slds-box slds-box_x-small slds-m-top_x-small"
            key={`${problem.item}-${index}`}
            data-id="setup-problem"
          >
            <dl class="slds-dl_horizontal sp-dl">
              <dt class="slds-dl_horizontal__label">Setting</dt>
              <dd class="slds-dl_horizontal__detail">
                <code>
                  <ExtText text={problem.item} />
                </code>
              </dd>
              <dt class="slds-dl_horizontal__label">Value</dt>
              <dd class="slds-dl_horizontal__detail">
                {problem.value === "" ? (
                  <em>(empty)</em>
                ) : (
                  <code>
                    <ExtText text={problem.value} />
                  </code>
                )}
              </dd>
              <dt class="slds-dl_horizontal__label">Allowed</dt>
              <dd class="slds-dl_horizontal__detail">
                <ExtText text={problem.allowed} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
