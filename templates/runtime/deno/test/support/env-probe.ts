// A program for permissions.test.ts: for each variable named in its arguments, prints
// whether the app could read it ("set" or "unset") or the error reading it throws.
// It reads as the app and the SDKs do (process.env) and never prints a value.
const report: Record<string, string> = {};
for (const name of process.argv.slice(2)) {
  try {
    report[name] = process.env[name] === undefined ? 'unset' : 'set';
  } catch (error) {
    report[name] = error instanceof Error ? error.name : 'error';
  }
}
console.log(JSON.stringify(report));
