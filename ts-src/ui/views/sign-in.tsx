/**
 * Sign-in to the SIP account when credentials are prompted. The password lives only in this
 * component's state and is cleared after every attempt; nothing here is stored.
 */
import { useState } from "preact/hooks";
import type { SipCredentials } from "../../phone/phone";
import { ExtText } from "../parts/ext-text";
import { useAutoFocus } from "../use-auto-focus";

interface Props {
  error?: string;
  onSignIn: (credentials: SipCredentials) => Promise<void>;
  autoFocus: boolean;
}

export function SignIn({ error, onSignIn, autoFocus }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const usernameRef = useAutoFocus<HTMLInputElement>(autoFocus);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (pending || !username.trim() || !password) return;
    setPending(true);
    try {
      await onSignIn({ username: username.trim(), password });
    } finally {
      setPassword("");
      setPending(false);
    }
  };
  return (
    <section class="sp-view" data-id="sign-in-view" aria-labelledby="sp-sign-in-title">
      <h2 id="sp-sign-in-title" class="slds-text-heading_small slds-m-bottom_x-small">
        Sign in to your phone
      </h2>
      {error && (
        <div
          class="slds-text-color_error slds-m-bottom_x-small"
          role="alert"
          data-id="sign-in-error"
        >
          <ExtText text={error} />
        </div>
      )}
      <form onSubmit={submit}>
        <div class="slds-form-element">
          <label class="slds-form-element__label" for="sp-sip-username">
            SIP username
          </label>
          <div class="slds-form-element__control">
            <input
              ref={usernameRef}
              id="sp-sip-username"
              class="slds-input"
              type="text"
              data-id="sign-in-username"
              autocomplete="username"
              autocapitalize="off"
              spellcheck={false}
              required
              maxLength={200}
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="slds-form-element slds-m-top_x-small">
          <label class="slds-form-element__label" for="sp-sip-password">
            Password
          </label>
          <div class="slds-form-element__control">
            <input
              id="sp-sip-password"
              class="slds-input"
              type="password"
              data-id="sign-in-password"
              autocomplete="current-password"
              required
              maxLength={200}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
        </div>
        <button
          type="submit"
          class="slds-button slds-button_brand slds-m-top_small"
          data-id="sign-in"
          disabled={pending || !username.trim() || !password}
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </section>
  );
}
