// A TCP proxy between wavesync and kube-apiserver that injects faults. TLS passes through untouched
// (the client still verifies the apiserver's certificate, whose SANs include 127.0.0.1), so the
// proxy sees only connections and bytes: it can reset a connection mid-request, delay every chunk,
// stall a connection, or cut one that has lived long (a watch stream, the only long-lived kind).
import net from 'node:net';

export interface Faults {
  /** Per stretch of resetWithinBytes bytes from the server: chance of a TCP reset at a random byte
   * of it. Drawn again after each stretch, because one kept-alive connection may carry a whole sync. */
  reset: number;
  /** The stretch length for reset and stall points (bytes from the server). */
  resetWithinBytes: number;
  /** Per chunk: chance of added latency, and how much (uniform in [0, latencyMs]). */
  latency: number;
  latencyMs: number;
  /** Per stretch of resetWithinBytes bytes from the server: chance that forwarding stops for stallMs
   * there. Drawn again after each stretch, because one kept-alive connection may carry a whole sync. */
  stall: number;
  stallMs: number;
  /** Per connection: chance of being cut (FIN or RST) after living longer than dropAfterMs. */
  dropLongLived: number;
  dropAfterMs: number;
  /** While true, new connections are refused and open ones reset (an API server going away). */
  down: boolean;
}

export const NO_FAULTS: Faults = {
  reset: 0,
  resetWithinBytes: 64_000,
  latency: 0,
  latencyMs: 0,
  stall: 0,
  stallMs: 0,
  dropLongLived: 0,
  dropAfterMs: 1500,
  down: false,
};

export interface FaultCounts {
  connections: number;
  resets: number;
  delayedChunks: number;
  stalls: number;
  droppedLongLived: number;
  refused: number;
}

export class FaultProxy {
  faults: Faults = { ...NO_FAULTS };
  readonly counts: FaultCounts = { connections: 0, resets: 0, delayedChunks: 0, stalls: 0, droppedLongLived: 0, refused: 0 };
  /**
   * Faults owed: the next reset or stall point reached fires, and the next long-lived connection is
   * cut, whatever the draw, until one did. Set at the start of a fault kind, so that every kind
   * injects at least one fault in every run (a CI run of 5 syncs once drew no stall at all).
   */
  owed = { reset: false, stall: false, drop: false };
  private readonly server: net.Server;
  private readonly open = new Set<net.Socket>();
  private random: () => number;

  constructor(
    private readonly upstream: { host: string; port: number },
    /** A seeded generator makes a run's faults reproducible. */
    random: () => number = Math.random,
  ) {
    this.random = random;
    this.server = net.createServer((client) => this.accept(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Reset every open connection (the server went away). */
  resetAll(): number {
    const n = this.open.size;
    for (const s of this.open) s.resetAndDestroy();
    this.open.clear();
    return n;
  }

  async close(): Promise<void> {
    this.resetAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.counts.connections++;
    if (this.faults.down) {
      this.counts.refused++;
      client.resetAndDestroy();
      return;
    }
    const f = { ...this.faults };
    const upstream = net.connect(this.upstream.port, this.upstream.host);
    this.open.add(client);
    this.open.add(upstream);
    let closed = false;
    const close = (reset: boolean) => {
      if (closed) return;
      closed = true;
      clearTimeout(dropTimer);
      this.open.delete(client);
      this.open.delete(upstream);
      if (reset) {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      } else {
        client.end();
        upstream.end();
      }
    };
    client.on('error', () => close(true));
    upstream.on('error', () => close(true));
    // A side that closes ends the other once the chunks still queued for it went out.
    let sidesClosed = 0;
    const onClose = () => {
      if (++sidesClosed === 2) close(false);
    };
    client.on('close', onClose);
    upstream.on('close', onClose);

    // The next reset and stall points, and whether they fire; each redrawn once the stream passes it.
    const next = (from: number, chance: number, owed: boolean) => {
      const at = from + Math.floor(this.random() * f.resetWithinBytes);
      return { at, fires: this.random() < chance || owed };
    };
    let reset = f.reset > 0 ? next(0, f.reset, this.owed.reset) : undefined;
    let stall = f.stall > 0 ? next(0, f.stall, this.owed.stall) : undefined;
    let dropTimer: NodeJS.Timeout | undefined;
    if (f.dropLongLived > 0 && (this.random() < f.dropLongLived || this.owed.drop)) {
      dropTimer = setTimeout(() => {
        if (closed) return;
        this.owed.drop = false;
        this.counts.droppedLongLived++;
        // Half the cuts are clean (a load balancer's idle timeout), half are resets.
        close(this.random() < 0.5);
      }, f.dropAfterMs);
    }

    let down = 0;
    const pipe = (from: net.Socket, to: net.Socket, fromServer: boolean) => {
      // Chunks go out in order: each waits for the one before it.
      let chain = Promise.resolve();
      from.on('data', (chunk: Buffer) => {
        let delay = 0;
        if (f.latency > 0 && this.random() < f.latency) {
          delay = Math.floor(this.random() * f.latencyMs);
          this.counts.delayedChunks++;
        }
        if (fromServer) {
          const before = down;
          down += chunk.length;
          const passed = (point?: { at: number }) => point !== undefined && before <= point.at && down > point.at;
          if (passed(stall)) {
            if (stall!.fires) {
              this.owed.stall = false;
              this.counts.stalls++;
              delay += f.stallMs;
            }
            stall = next(down, f.stall, this.owed.stall);
          }
          if (passed(reset) && reset!.fires) {
            // Send the bytes before the cut, then reset: the client sees a truncated answer.
            const head = chunk.subarray(0, reset!.at - before);
            chain = chain.then(() => {
              if (closed) return;
              this.owed.reset = false;
              this.counts.resets++;
              to.write(head, () => close(true));
              // The write's callback does not always come (seen under resets: the connection then
              // stopped forwarding without closing, a black hole that cost the client 30 s per
              // request, or a hang before the client retired dead connections). Reset regardless.
              setTimeout(() => close(true), 50);
            });
            from.pause();
            return;
          }
          if (passed(reset)) reset = next(down, f.reset, this.owed.reset);
        }
        if (delay === 0) {
          chain = chain.then(() => {
            if (!closed) to.write(chunk);
          });
          return;
        }
        from.pause();
        chain = chain.then(
          () =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                if (!closed) {
                  to.write(chunk);
                  from.resume();
                }
                resolve();
              }, delay),
            ),
        );
      });
      from.on('end', () => {
        chain = chain.then(() => {
          if (!closed) to.end();
        });
      });
    };
    pipe(client, upstream, false);
    pipe(upstream, client, true);
  }
}

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
