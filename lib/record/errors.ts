import { BaseError } from "#lib/errors/base.ts";

export type RecordIssue = {
  /** Field path like `teeth[2].tooth`; empty for the record itself. */
  path: string;
  message: string;
};

/** The record does not match the schema. `issues` names every field at fault. */
export class RecordValidationError extends BaseError {
  override name = "RecordValidationError";
  readonly issues: RecordIssue[];
  constructor(issues: RecordIssue[]) {
    const [first, ...rest] = issues.map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
    super(`Invalid record: ${first ?? "unknown problem"}`, {
      metaMessages: rest.length ? ["Also:", ...rest.map((line) => `  ${line}`)] : undefined,
    });
    this.issues = issues;
  }
}

/** The decrypted payload is not a record container (bad length prefix, attachments not where the record says). */
export class RecordPayloadError extends BaseError {
  override name = "RecordPayloadError";
  constructor(reason: string, parameters: { cause?: unknown } = {}) {
    super(`Malformed record payload: ${reason}.`, parameters);
  }
}

/** No attachment with that name or index in the record. */
export class AttachmentNotFoundError extends BaseError {
  override name = "AttachmentNotFoundError";
  constructor(selector: string | number) {
    super(
      `The record has no attachment ${typeof selector === "number" ? `#${selector}` : `named "${selector}"`}.`,
    );
  }
}

/** An attachment source delivered a different number of bytes than declared. */
export class AttachmentSizeMismatchError extends BaseError {
  override name = "AttachmentSizeMismatchError";
  constructor({ name, expected, actual }: { name: string; expected: number; actual: number }) {
    super(`Attachment "${name}" has ${actual} bytes but ${expected} were declared.`);
  }
}
