import * as v from "valibot";
import { type RecordIssue, RecordValidationError } from "./errors.ts";
import { type OralWellnessRecord, RecordSchema } from "./schema.ts";

/**
 * Validates a record (an object, or its JSON text) and returns it with defaults applied.
 *
 * @throws {RecordValidationError} naming each field at fault, e.g. `teeth[2].tooth: 19 is not an FDI tooth number`.
 * @example
 * const record = parseRecord(await file.text())
 */
export function parseRecord(input: unknown): OralWellnessRecord {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      throw new RecordValidationError([
        { path: "", message: `not JSON (${(cause as Error).message})` },
      ]);
    }
  }
  const result = v.safeParse(RecordSchema, value);
  if (result.success) return result.output;
  throw new RecordValidationError(result.issues.map(toRecordIssue));
}

function toRecordIssue(issue: v.BaseIssue<unknown>): RecordIssue {
  let path = "";
  for (const item of issue.path ?? []) {
    if (item.type === "array") path += `[${String(item.key)}]`;
    else path += path ? `.${String(item.key)}` : String(item.key);
  }
  const message =
    issue.kind === "schema" && issue.input === undefined && issue.expected !== "undefined"
      ? "is required"
      : issue.message;
  return { path, message };
}
