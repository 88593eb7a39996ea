import { CID } from "multiformats/cid";
import { HttpError } from "./http-error.ts";

/**
 * Reads a Kubo boolean option: absent -> fallback; "", "true", "1" -> true; "false", "0" -> false.
 *
 * @example
 * const pin = readBoolean(url.searchParams, "pin", true)
 */
export function readBoolean(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (value === "" || value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new HttpError(400, `invalid value "${value}" for option "${name}": expected true or false`);
}

/** Reads a non-negative integer option, or `undefined` when absent. */
export function readInteger(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === "") return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new HttpError(
      400,
      `invalid value "${value}" for option "${name}": expected a non-negative integer`,
    );
  }
  return Number(value);
}

export type CidPath = { cid: CID; path: string | undefined };

/**
 * Parses one `arg` as `<cid>`, `/ipfs/<cid>` or `<cid>/sub/path`, as Kubo accepts.
 *
 * @example
 * const { cid } = parseCidPath("/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")
 */
export function parseCidPath(arg: string): CidPath {
  const trimmed = arg.replace(/^\/ipfs\//, "").replace(/^\/+/, "");
  const [first = "", ...rest] = trimmed.split("/");
  let cid: CID;
  try {
    cid = CID.parse(first);
  } catch (error) {
    throw new HttpError(400, `invalid path "${arg}": invalid cid: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const path = rest.filter((segment) => segment !== "").join("/");
  return { cid, path: path === "" ? undefined : path };
}

/** The first `arg`, required. Kubo names the argument in its message. */
export function requireArg(params: URLSearchParams, argumentName: string): string {
  const arg = params.get("arg");
  if (arg === null || arg === "")
    throw new HttpError(400, `argument "${argumentName}" is required`);
  return arg;
}
