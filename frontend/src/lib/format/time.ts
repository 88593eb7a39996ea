/**
 * Formats the time left until `expiresAt` (unix seconds) as people read countdowns:
 * "2 d 4 h", "3 h 12 min", "4 min 05 s", "expired".
 *
 * @example
 * formatCountdown(1_700_000_100n, 1_700_000_000_000) // "1 min 40 s"
 */
export function formatCountdown(expiresAt: bigint | number, nowMs: number): string {
  const seconds = Math.floor(Number(expiresAt) - nowMs / 1000);
  if (seconds <= 0) return "expired";
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const secs = seconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${String(secs).padStart(2, "0")} s`;
  return `${secs} s`;
}

/** A unix timestamp (seconds) as a local date and time. */
export function formatTimestamp(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** An ISO date (yyyy-mm-dd) as a local date. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** Bytes for people: "1.0 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
