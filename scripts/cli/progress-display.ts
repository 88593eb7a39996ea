import cliProgress from "cli-progress";
import type { RecordProgress } from "#lib/records/progress.ts";

export type ProgressDisplay = {
  onProgress: (progress: RecordProgress) => void;
  /** Ends any bar still drawn (call before printing results). */
  stop(): void;
};

const STAGE_LABEL = {
  "encrypt-upload": "Encrypting + pinning",
  download: "Downloading + decrypting",
} as const;
const SHOW_AFTER_MS = 1_000;

/**
 * Turns record-flow progress into cli-progress bars (bytes) and status lines (transactions).
 * A bar appears only once its stage has taken longer than a second, so quick steps stay quiet.
 *
 * @example
 * const display = createProgressDisplay()
 * await mintRecord(client, { ..., onProgress: display.onProgress })
 * display.stop()
 */
export function createProgressDisplay({
  stream = process.stderr,
}: { stream?: NodeJS.WriteStream } = {}): ProgressDisplay {
  let bar: cliProgress.SingleBar | undefined;
  let barStage: string | undefined;
  let stageStarted = 0;
  let lastStage: string | undefined;
  const endBar = (): void => {
    bar?.stop();
    bar = undefined;
    barStage = undefined;
  };
  const say = (line: string): void => {
    endBar();
    stream.write(`${line}\n`);
  };
  return {
    onProgress(progress) {
      const key =
        progress.stage === "transaction"
          ? `${progress.functionName}:${progress.phase}`
          : progress.stage;
      if (key !== lastStage) {
        lastStage = key;
        stageStarted = performance.now();
      }
      switch (progress.stage) {
        case "encrypt-upload":
        case "download": {
          if (!bar || barStage !== progress.stage) {
            if (performance.now() - stageStarted < SHOW_AFTER_MS) return;
            endBar();
            const total = progress.bytesTotal;
            bar = new cliProgress.SingleBar(
              {
                stream,
                format: total
                  ? `${STAGE_LABEL[progress.stage]} [{bar}] {percentage}% | {done} / {all} MiB`
                  : `${STAGE_LABEL[progress.stage]} {done} MiB`,
                hideCursor: true,
                clearOnComplete: false,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(total ?? 1, 0, { done: "0.0", all: total ? mib(total) : "?" });
            barStage = progress.stage;
          }
          bar.update(progress.bytesTotal ? progress.bytesDone : 0, {
            done: mib(progress.bytesDone),
          });
          return;
        }
        case "transaction":
          if (progress.phase === "simulate") say(`  ${progress.functionName}: simulating…`);
          else if (progress.phase === "sign") say(`  ${progress.functionName}: sending…`);
          else say(`  ${progress.functionName}: waiting for ${progress.hash} to be mined…`);
          return;
        case "unpin":
          say(`  unpinning ${progress.cid}`);
          return;
      }
    },
    stop: endBar,
  };
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
