import type { CheckIn } from "./checkIn.ts";

const HEADER = ["time", "outcome", "reason", "tokenId", "holder", "title"] as const;

/**
 * RFC 4180 quoting, and a leading `'` for cells a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`): a public title is chosen by the member, so it is untrusted input.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The check-in log as CSV (ISO 8601 UTC times, CRLF line ends), for the booth's export button.
 *
 * @example
 * const blob = new Blob([checkInsToCsv(await log.list())], { type: "text/csv" })
 */
export function checkInsToCsv(checkIns: readonly CheckIn[]): string {
  const rows = checkIns.map((c) =>
    [new Date(c.at).toISOString(), c.outcome, c.reason, c.tokenId, c.holder, c.title]
      .map(cell)
      .join(","),
  );
  return `${[HEADER.join(","), ...rows].join("\r\n")}\r\n`;
}
