import { useEffect, useState } from "react";

/**
 * The current time in milliseconds, re-rendered every `intervalMs`: countdowns and the
 * active/expired split of grants follow the clock without refetching anything.
 */
export function useClockTick(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
