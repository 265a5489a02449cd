/**
 * Sales Engagement (High Velocity Sales): work items the agent started with `onWorkStart`,
 * matched to the call they led to, so `completeWork` can follow the saved Task.
 */
import type { WorkItem } from "../../host/cti-host";

/** A work item without a target applies to the next call placed within this window. */
export const UNTARGETED_WINDOW_MS = 120_000;
const MAX_REMEMBERED = 20;

interface Started {
  work: WorkItem;
  at: number;
}

export class WorkItems {
  private started: Started[] = [];

  remember(work: WorkItem, at: number): void {
    if (typeof work.workId !== "string" || work.workId === "") return;
    this.started = this.started.filter((item) => item.work.workId !== work.workId);
    this.started.push({ work, at });
    this.started = this.started.slice(-MAX_REMEMBERED);
  }

  /**
   * Takes the work item for a call about `recordIds` (or to `number`, digits compared) that
   * started at `callStartedAt`.
   */
  take(recordIds: readonly string[], callStartedAt: number, number?: string): WorkItem | undefined {
    const digits = (value: string) => value.replace(/\D/g, "").slice(-10);
    const targeted =
      this.started.find(
        (item) => item.work.workTargetId !== undefined && recordIds.includes(item.work.workTargetId)
      ) ??
      this.started.find(
        (item) =>
          number !== undefined &&
          item.work.to !== undefined &&
          digits(item.work.to).length >= 3 &&
          digits(item.work.to) === digits(number)
      );
    const chosen =
      targeted ??
      [...this.started]
        .reverse()
        .find(
          (item) =>
            item.work.workTargetId === undefined &&
            item.at <= callStartedAt &&
            callStartedAt - item.at <= UNTARGETED_WINDOW_MS
        );
    if (!chosen) return undefined;
    this.started = this.started.filter((item) => item !== chosen);
    return chosen.work;
  }
}
