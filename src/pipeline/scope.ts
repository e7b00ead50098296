// One run's resources, released in reverse order of acquisition on every exit path (success,
// failure, a refused input, an exception): a small disposable stack.

type Release = () => void | Promise<void>;

export class ResourceScope {
  private readonly releases: { what: string; release: Release }[] = [];
  private closed = false;

  /** Registers a release; `what` names the resource if releasing it fails. */
  defer(what: string, release: Release): void {
    if (this.closed) throw new Error(`resource scope: ${what} acquired after the scope closed`);
    this.releases.push({ what, release });
  }

  /** Releases everything, last first. A failing release does not stop the others; its error is returned. */
  async close(): Promise<string[]> {
    this.closed = true;
    const failures: string[] = [];
    while (this.releases.length > 0) {
      const { what, release } = this.releases.pop()!;
      try {
        await release();
      } catch (err) {
        failures.push(`could not release ${what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return failures;
  }

  /** Runs fn inside a new scope and closes it however fn ends. */
  static async run<T>(fn: (scope: ResourceScope) => Promise<T>, onReleaseFailure: (message: string) => void = () => {}): Promise<T> {
    const scope = new ResourceScope();
    try {
      return await fn(scope);
    } finally {
      for (const f of await scope.close()) onReleaseFailure(f);
    }
  }
}
