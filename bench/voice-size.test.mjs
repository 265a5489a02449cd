import { test } from "node:test";
import assert from "node:assert/strict";
import { measureConnectorSize, TARGET_GZIP_BYTES } from "./voice-size.mjs";

test("the connector's start-up size is measured with and without the base library", async () => {
  const sizes = await measureConnectorSize();
  assert.ok(sizes.withBase.files.some((f) => f.endsWith("connector.js")));
  assert.ok(!sizes.withBase.files.some((f) => /sip/.test(f)), "the SIP chunk is lazy");
  assert.ok(sizes.withoutBase.gzipBytes < sizes.withBase.gzipBytes);
  assert.ok(sizes.base.gzipBytes > 0);
  assert.equal(sizes.targetGzipBytes, TARGET_GZIP_BYTES);
  assert.equal(sizes.withinTarget, sizes.withoutBase.gzipBytes <= TARGET_GZIP_BYTES);
});
