/** Folders whose files are tests or their fixtures, by the usual conventions. */
const TEST_FOLDER = /(^|\/)(tests?|__tests__|__mocks__|spec|specs|fixtures?|testdata|e2e)\//i;
/** `x.test.ts`, `x.spec.js`, `x_test.go`, `test_x.py`, `x_test.py`, `conftest.py`. */
const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$|_test\.(py|go)$|(^|\/)test_[^/]*\.py$|(^|\/)conftest\.py$)/i;

/** Whether a path is a test or a test fixture: the only place a marked fake key may stay. */
export const isTestFile = (file: string): boolean => TEST_FOLDER.test(file) || TEST_FILE.test(file);
