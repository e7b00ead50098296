// SIGINT/SIGTERM (Ctrl-C, a cancelled workflow) become one AbortSignal for the engine.

export function cancelOnSignals(onSignal?: (name: string) => void): { signal: AbortSignal; dispose: () => void } {
  const ac = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (ac.signal.aborted) return;
    onSignal?.(name);
    ac.abort(new Error(`received ${name}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: ac.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
