import { BaseError } from "#lib/errors/base.ts";

/**
 * Runs a CLI command body and turns failures into one readable message and exit code 1: the
 * library's errors already say what happened and what to do (`shortMessage`, meta lines).
 *
 * @example
 * await runCommand(async () => { ... })
 */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
    process.exit(0);
  } catch (error) {
    const viemLike = error as { shortMessage?: string; metaMessages?: string[] };
    if (error instanceof BaseError) console.error(`\n✘ ${error.message}`);
    else if (viemLike.shortMessage)
      console.error(
        `\n✘ ${viemLike.shortMessage}${viemLike.metaMessages ? `\n${viemLike.metaMessages.join("\n")}` : ""}`,
      );
    else if (error instanceof Error)
      console.error(
        `\n✘ ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}`,
      );
    else console.error(`\n✘ ${String(error)}`);
    process.exit(1);
  }
}
