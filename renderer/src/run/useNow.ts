// The wall clock for timers, ticking once a second in the UI only: deadlines are recorded by the backend.
import { useEffect, useState } from 'react';

/** `ticking` false stops the clock (a finished run's record has nothing that moves). */
export function useNow(ticking = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    // Tick just after each whole second so every timer on screen changes together.
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, [ticking]);
  return now;
}
