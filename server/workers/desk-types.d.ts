// The worker compiles the desk's document services under the hub's tsconfig (include: server), so
// the ambient declarations those services rely on are pulled in here; utif.d.ts is a script, not a
// module, so only a reference can include it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../src/main/services/imaging/utif.d.ts" />
