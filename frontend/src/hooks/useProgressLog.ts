import { useCallback, useState } from "react";

/**
 * The progress events of one running flow, for `planSteps`. Byte-count events come by the
 * hundred: a new one replaces the previous one of the same stage, so the log stays short.
 */
export function useProgressLog<E extends { stage: string }>() {
  const [events, setEvents] = useState<E[]>([]);
  const push = useCallback((event: E) => {
    setEvents((list) => {
      const last = list.at(-1);
      const frequent =
        event.stage === "encrypt-upload" || event.stage === "download" || event.stage === "protect";
      return frequent && last?.stage === event.stage
        ? [...list.slice(0, -1), event]
        : [...list, event];
    });
  }, []);
  const reset = useCallback(() => setEvents([]), []);
  return { events, push, reset };
}
