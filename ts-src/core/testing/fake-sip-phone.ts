/** A Phone of kind "sip" for start-up tests: registers only with the right password. */
import { PhoneError, type Phone, type PhoneEvent, type SipCredentials } from "../../phone/phone";

export class FakeSipPhone implements Phone {
  readonly kind = "sip" as const;
  readonly registrations: SipCredentials[] = [];
  private listeners = new Set<(event: PhoneEvent) => void>();

  constructor(private readonly password = "right") {}

  on(listener: (event: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PhoneEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  async register(credentials?: SipCredentials): Promise<void> {
    if (!credentials) throw new PhoneError("CONFIG", "SIP needs credentials");
    this.registrations.push(credentials);
    this.emit({ type: "registration", state: "registering" });
    if (credentials.password !== this.password) {
      const error = new PhoneError("AUTH_FAILED", "The PBX refused the user name or password.");
      this.emit({ type: "registration", state: "failed", error });
      throw error;
    }
    this.emit({ type: "registration", state: "registered" });
  }
  async unregister(): Promise<void> {
    this.emit({ type: "registration", state: "unregistered" });
  }
  async dial(): Promise<string> {
    throw new PhoneError("UNREACHABLE", "No route");
  }
  async answer(): Promise<void> {}
  async decline(): Promise<void> {}
  async hangup(): Promise<void> {}
  async hold(): Promise<void> {}
  async mute(): Promise<void> {}
  async sendDigits(): Promise<void> {}
  async transfer(): Promise<void> {}
  async dispose(): Promise<void> {
    this.listeners.clear();
  }
}
