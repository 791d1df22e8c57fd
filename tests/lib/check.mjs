// The check harness of the node test scripts (tests/e2e, tests/bundler): each check prints
// `ok   name (note)` or `FAIL name: why`, and `finish()` prints `N passed, N failed` and exits 1
// when any failed.
let passed = 0, failed = 0;

/** Runs check `name` (`f` may be async and may return a note); true when it passed. */
export async function check(name, f) {
  try {
    const note = await f();
    passed++;
    console.log(`ok   ${name}${note ? ` (${note})` : ""}`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
    return false;
  }
}

/** Throws `msg` unless `cond`. */
export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Prints the tally and exits, 1 when a check failed. */
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
