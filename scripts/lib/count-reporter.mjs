/**
 * node:test reporter that writes `{"passed","failed","skipped"}` for the leaf tests of a run,
 * so scripts/test-all.mjs can add every suite into one total.
 */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const data = event.data;
    if (data.details?.type === "suite") {
      // A suite that failed outside its tests (e.g. a before hook) must still count.
      if (event.type === "test:fail" && data.details?.error?.failureType !== "subtestsFailed")
        counts.failed++;
      continue;
    }
    if (data.skip || data.todo) counts.skipped++;
    else if (event.type === "test:pass") counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
