// What a user-facing error must never show: a stack trace or a JavaScript error's name.
import { expect } from '@jest/globals';

export function assertNoLeak(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/); // a stack frame
  expect(stderr).not.toMatch(/internal error|Maximum call stack|TypeError|RangeError|ReferenceError|fetch failed/);
}
