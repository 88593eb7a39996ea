import type { ConsoleMessage, Page } from "playwright-core";

export type ConsoleProblem = {
  page: string;
  kind: "console.error" | "pageerror" | "crash";
  text: string;
  url: string;
};

export type ConsoleGuard = {
  /** Every problem seen so far, including allowed ones. */
  readonly problems: ConsoleProblem[];
  /** Problems not matched by an allowance. */
  unexpected(): ConsoleProblem[];
  /** Problems an allowance let through (worth printing: an allowance hides a known bug). */
  allowedSeen(): ConsoleProblem[];
  /** Lets one kind of error through (matched against "message @ url"), for a step that provokes it on purpose. */
  allow(pattern: RegExp): void;
  /** Throws, listing them, when any unexpected problem was seen. */
  assertClean(): void;
};

/**
 * Records console errors, uncaught page errors and crashes of each watched page. A visitor must
 * never see the console light up, so any error nobody expected fails the test.
 *
 * @example
 * const guard = createConsoleGuard()
 * guard.watch(page, "alice")
 * ... guard.assertClean()
 */
export function createConsoleGuard(): ConsoleGuard & { watch(page: Page, label: string): void } {
  const problems: ConsoleProblem[] = [];
  const allowed: RegExp[] = [];
  // Matched against the message and where it came from (a failed request's URL is only in the latter).
  const isAllowed = (problem: ConsoleProblem): boolean =>
    allowed.some((pattern) => pattern.test(`${problem.text} @ ${problem.url}`));
  const unexpected = (): ConsoleProblem[] => problems.filter((problem) => !isAllowed(problem));
  return {
    problems,
    unexpected,
    allowedSeen: () => problems.filter(isAllowed),
    allow(pattern) {
      allowed.push(pattern);
    },
    watch(page, label) {
      page.on("console", (message: ConsoleMessage) => {
        if (message.type() !== "error") return;
        const location = message.location();
        problems.push({
          page: label,
          kind: "console.error",
          text: message.text(),
          url: location.url ? `${location.url}:${location.lineNumber}` : page.url(),
        });
      });
      page.on("pageerror", (error) => {
        problems.push({
          page: label,
          kind: "pageerror",
          text: error.stack ?? error.message,
          url: page.url(),
        });
      });
      page.on("crash", () => {
        problems.push({ page: label, kind: "crash", text: "the page crashed", url: page.url() });
      });
    },
    assertClean() {
      const found = unexpected();
      if (found.length === 0) return;
      const lines = found.map(
        (problem) =>
          `  [${problem.page}] ${problem.kind} at ${problem.url}\n    ${problem.text.split("\n").join("\n    ")}`,
      );
      throw new Error(
        `${found.length} unexpected browser console problem(s):\n${lines.join("\n")}`,
      );
    },
  };
}
