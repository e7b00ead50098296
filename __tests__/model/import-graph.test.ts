// The arrows run one way (DESIGN.md): entry points → pipeline → engine and reporters → cluster
// port, plan, health, manifests → model. This test reads every import of src/ and fails on one
// that points back.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Top-level area of a file under src/: "model", "cli", "main.ts"... */
const area = (file: string) => path.relative(SRC, file).split(path.sep)[0];

const edges = files(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) => ({
    from: path.relative(SRC, file),
    fromArea: area(file),
    toArea: area(path.resolve(path.dirname(file), m[1])),
  })),
);

/** Areas each area must never import. */
const FORBIDDEN: Record<string, string[]> = {
  model: ['*'],
  manifests: ['plan', 'sync', 'report', 'pipeline', 'source', 'cli', 'action', 'cluster', 'health'],
  plan: ['sync', 'report', 'pipeline', 'source', 'cli', 'action', 'cluster', 'health'],
  health: ['plan', 'sync', 'report', 'pipeline', 'source', 'cli', 'action', 'cluster'],
  cluster: ['plan', 'sync', 'report', 'pipeline', 'source', 'cli', 'action', 'health'],
  source: ['sync', 'report', 'pipeline', 'cli', 'action'],
  sync: ['report', 'pipeline', 'source', 'cli', 'action'],
  report: ['pipeline', 'source', 'cli', 'action', 'cluster'],
  pipeline: ['cli', 'action', 'main.ts', 'cli.ts', 'inputs.ts'],
  cli: ['action', 'main.ts', 'inputs.ts'],
  action: ['cli', 'cli.ts'],
  'main.ts': ['cli', 'cli.ts'],
};

describe('the import graph runs one way', () => {
  test('src/ has imports to check', () => expect(edges.length).toBeGreaterThan(100));

  test.each(Object.entries(FORBIDDEN))('%s imports none of its forbidden areas', (from, forbidden) => {
    const bad = edges
      .filter((e) => e.fromArea === from && e.toArea !== from && (forbidden.includes('*') || forbidden.includes(e.toArea)))
      .map((e) => `${e.from} → ${e.toArea}`);
    expect(bad).toEqual([]);
  });
});
