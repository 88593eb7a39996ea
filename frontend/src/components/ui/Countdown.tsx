import { formatCountdown } from "../../lib/format/time.ts";
import { useClockTick } from "../../hooks/useClockTick.ts";

/** Time left until `expiresAt` (unix seconds), ticking every second; "expired" afterwards. */
export function Countdown({ expiresAt }: { expiresAt: bigint }) {
  const now = useClockTick(1000);
  const text = formatCountdown(expiresAt, now);
  return (
    <time
      dateTime={new Date(Number(expiresAt) * 1000).toISOString()}
      className={text === "expired" ? "countdown expired" : "countdown"}
    >
      {text}
    </time>
  );
}
