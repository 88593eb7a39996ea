import { createInterface } from "node:readline";

/**
 * Asks for a secret on the terminal without echoing it (a private key is never an argument or
 * an environment variable written down somewhere).
 *
 * @example
 * const key = await promptHidden("Private key (0x…): ")
 */
export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error("a hidden prompt needs a terminal (stdin is not a TTY)");
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let asked = false;
  output._writeToOutput = (text: string) => {
    // Echo the question once, then nothing of what is typed.
    if (!asked) {
      asked = true;
      process.stderr.write(text);
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}
