/**
 * Browser notifications for calls, for when the ring cannot be heard (autoplay blocked until
 * the agent interacts with the page). Clicking one brings the softphone's tab to the front.
 */

export type NotificationState = NotificationPermission | "unsupported";

export interface CallNotification {
  close(): void;
}

export interface CallNotifications {
  permission(): NotificationState;
  /** Asks the agent (the browser may refuse without a click); resolves with the outcome. */
  request(): Promise<NotificationState>;
  /** Shows one notification per tag (a later one with the same tag replaces it). */
  show(tag: string, title: string, body: string): CallNotification | null;
}

interface NotificationWindow {
  Notification?: typeof Notification;
  focus(): void;
}

export function browserNotifications(win: NotificationWindow): CallNotifications {
  // Looked up on each use: the API can appear later (polyfills, a permission-policy change).
  const api = () => win.Notification;
  return {
    permission: () => api()?.permission ?? "unsupported",
    request: async () => {
      const Api = api();
      if (!Api) return "unsupported";
      if (Api.permission !== "default") return Api.permission;
      try {
        return await Api.requestPermission();
      } catch {
        return Api.permission;
      }
    },
    show: (tag, title, body) => {
      const Api = api();
      if (!Api || Api.permission !== "granted") return null;
      try {
        const notification = new Api(title, { body, tag, requireInteraction: true });
        notification.onclick = () => {
          win.focus();
          notification.close();
        };
        return notification;
      } catch {
        // Some browsers only allow notifications from a service worker.
        return null;
      }
    }
  };
}
