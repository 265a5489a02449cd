/**
 * What the connector page itself shows. Salesforce keeps the connector frame hidden except as
 * a login frame (InitResult.showLogin), so the page is small: the phone's status, problems the
 * agent or admin must know about (a VoiceCall that could not be written yet), and the SIP
 * sign-in form when the contact center says `credentials=prompt`. Plain DOM, text only.
 */
import type { SoftphoneState, SoftphoneStore } from "../../core/model";
import type { SipCredentials } from "../../phone/phone";

export interface ConnectorPage {
  problem(message: string): void;
}

const MAX_PROBLEMS = 5;

function status(state: SoftphoneState): string {
  if (state.setupProblems.length > 0) return "The contact center settings need attention.";
  if (state.needsSignIn) return "Sign in to your phone.";
  if (state.registration === "registering") return "Connecting the phone…";
  if (state.registration === "failed") return "The phone could not connect.";
  if (state.registration !== "registered") return "Starting…";
  if (state.call) return `On a call (${state.call.state}).`;
  return state.agent === "ready" ? "Phone ready." : "Phone connected, not ready.";
}

export function mountConnectorPage(
  root: HTMLElement,
  store: SoftphoneStore,
  signIn: (credentials: SipCredentials) => Promise<string | null>
): ConnectorPage {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = "") => {
    const node = doc.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  };
  const statusLine = el("p", "slds-text-body_regular");
  statusLine.dataset.testid = "connector-status";
  statusLine.setAttribute("role", "status");
  const problems = el("ul", "slds-text-color_error");
  problems.dataset.testid = "connector-problems";

  const form = el("form", "slds-form slds-p-around_small");
  form.dataset.testid = "connector-sign-in";
  const field = (label: string, type: string, name: string) => {
    const wrap = el("div", "slds-form-element slds-m-bottom_x-small");
    const caption = el("label", "slds-form-element__label", label);
    const input = el("input", "slds-input");
    input.type = type;
    input.name = name;
    input.id = `connector-${name}`;
    input.autocomplete = type === "password" ? "current-password" : "username";
    caption.htmlFor = input.id;
    wrap.append(caption, input);
    form.append(wrap);
    return input;
  };
  const user = field("SIP user name", "text", "username");
  const password = field("Password", "password", "password");
  const error = el("p", "slds-text-color_error");
  const submit = el("button", "slds-button slds-button_brand", "Sign in");
  submit.type = "submit";
  form.append(error, submit);
  form.hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    void signIn({ username: user.value, password: password.value }).then((message) => {
      submit.disabled = false;
      error.textContent = message ?? "";
      // The password lives only in the phone's memory.
      password.value = "";
    });
  });

  root.replaceChildren(statusLine, problems, form);
  const render = (state: SoftphoneState) => {
    statusLine.textContent = status(state);
    form.hidden = !state.needsSignIn;
    if (state.signInError && !submit.disabled) error.textContent = state.signInError;
  };
  render(store.getState());
  store.subscribe(render);
  return {
    problem: (message) => {
      problems.prepend(el("li", "", message));
      while (problems.children.length > MAX_PROBLEMS) problems.lastElementChild?.remove();
    }
  };
}
