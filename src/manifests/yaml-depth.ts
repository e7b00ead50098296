// How deeply a YAML document nests, and whether it uses aliases, read from the parser's tokens
// before anything recursive runs: the composer and toJS recurse per level and would overflow the
// stack on hostile input.
import type { CST } from 'yaml';

export interface DocumentShape {
  /** Offset of the first collection nested deeper than the limit, or null when the document fits. */
  tooDeepAt: number | null;
  /** Whether the document uses an alias (*name): its values may then be shared between objects. */
  aliases: boolean;
}

export function documentShape(doc: CST.Token, limit: number): DocumentShape {
  let aliases = false;
  const stack: [CST.Token, number][] = [[doc, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'alias':
        aliases = true;
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > limit) return { tooDeepAt: token.offset, aliases };
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
  return { tooDeepAt: null, aliases };
}
