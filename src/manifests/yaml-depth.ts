// How deeply a YAML document nests, read from the parser's tokens before anything recursive runs:
// the composer and toJS recurse per level and would overflow the stack on hostile input.
import type { CST } from 'yaml';

/** Offset of the first collection nested deeper than `limit`, or null when the document fits. */
export function tooDeepAt(doc: CST.Token, limit: number): number | null {
  const stack: [CST.Token, number][] = [[doc, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > limit) return token.offset;
        for (const item of token.items) {
          if (item.key) stack.push([item.key, d]);
          if (item.value) stack.push([item.value, d]);
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}
