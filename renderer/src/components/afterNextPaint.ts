// Work that must not hold up the frame the user is waiting for (a round trip on a screen change): run once the next
// frame has been painted. Returns a cancel for effects that unmount first.
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
