// wavesync's name and version as other tools read them (the ApplySet tooling annotation, history).
// A unit test keeps the version equal to package.json's.
export const TOOL_NAME = 'wavesync';
export const TOOL_VERSION = '0.1.0';
export const TOOLING = `${TOOL_NAME}/${TOOL_VERSION}`;
