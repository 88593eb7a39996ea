export type StepReporter = {
  /**
   * Runs `task` under a progress line: a spinner with elapsed time once it passes a second.
   * `task` may call `note` to say what the step is busy with (e.g. "compiling contracts").
   */
  step<T>(
    label: string,
    task: (note: (text: string) => void) => Promise<T>,
    describeResult?: (result: T) => string,
  ): Promise<T>;
  info(line: string): void;
};

export type CreateStepReporterParameters = {
  quiet?: boolean | undefined;
  stream?: NodeJS.WriteStream | undefined;
};

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * Progress output for the stack's steps. On a terminal, a step that takes longer than a second
 * shows a spinner and its elapsed seconds; elsewhere (CI logs) each step prints a start and an
 * end line. Quiet mode prints nothing (tests).
 *
 * @example
 * const progress = createStepReporter()
 * await progress.step("Starting the Hardhat node", () => startNode())
 */
export function createStepReporter({
  quiet = false,
  stream = process.stdout,
}: CreateStepReporterParameters = {}): StepReporter {
  const tty = stream.isTTY === true;
  return {
    info(line) {
      if (!quiet) stream.write(`${line}\n`);
    },
    async step(label, task, describeResult) {
      if (quiet) return task(() => {});
      const started = performance.now();
      let current = "";
      const note = (text: string): void => {
        current = text;
        if (!tty) stream.write(`    ${label}: ${text}\n`);
      };
      const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
      let timer: NodeJS.Timeout | undefined;
      if (tty) {
        let frame = 0;
        stream.write(`  ${FRAMES[0]} ${label}`);
        timer = setInterval(() => {
          frame = (frame + 1) % FRAMES.length;
          const elapsed = performance.now() - started > 1_000 ? ` (${seconds()} s)` : "";
          stream.write(
            `\r\x1b[2K  ${FRAMES[frame]} ${label}${current ? `: ${current}` : ""}…${elapsed}`,
          );
        }, 100);
      } else {
        stream.write(`  … ${label}\n`);
      }
      const finish = (mark: string, note: string): void => {
        if (timer) clearInterval(timer);
        const line = `  ${mark} ${label}${note ? `: ${note}` : ""} (${seconds()} s)`;
        stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      };
      try {
        const result = await task(note);
        finish("✔", describeResult ? describeResult(result) : "");
        return result;
      } catch (error) {
        finish("✘", "failed");
        throw error;
      }
    },
  };
}
