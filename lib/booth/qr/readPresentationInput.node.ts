import { existsSync } from "node:fs";
import { readQrImageFile } from "./readQrImageFile.node.ts";

/** What a command-line argument or batch line turned out to be. */
export type PresentationInput =
  { source: "text" | "image"; text: string } | { source: "image"; error: string };

const IMAGE_NAME = /\.(png|jpe?g)$/i;

/**
 * Resolves one command-line input: a path to a PNG or JPEG (by name, or any existing file) is
 * decoded as a QR image; anything else is the scanned text itself.
 *
 * @example
 * await readPresentationInput("gate.png") // { source: "image", text: "bdp1.…" }
 * await readPresentationInput("bdp1.AAAA…") // { source: "text", text: "bdp1.AAAA…" }
 */
export async function readPresentationInput(argument: string): Promise<PresentationInput> {
  const looksLikeText = argument.startsWith("bdp1.") || /^https?:\/\//i.test(argument);
  if (!looksLikeText && (IMAGE_NAME.test(argument) || existsSync(argument))) {
    try {
      return { source: "image", text: await readQrImageFile(argument) };
    } catch (error) {
      return {
        source: "image",
        error: error instanceof Error ? error.message.split("\n")[0]! : String(error),
      };
    }
  }
  return { source: "text", text: argument };
}
