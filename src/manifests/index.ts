// The manifest model's public surface.
export { loadManifests, type LoadOptions } from './load.js';
export { parseManifestText } from './parse-file.js';
export { readObjectAnnotations, type ObjectAnnotations } from './object-annotations.js';
export { builtInScope } from './kinds.js';
export * from './types.js';
