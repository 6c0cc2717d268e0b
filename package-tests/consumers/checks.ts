// Type-level assertions for the consumers: each use fails to compile when its claim is false.

/** true only for `any`: nothing but `any` lets `1 & T` accept 0. */
export type IsAny<T> = 0 extends 1 & T ? true : false;

export type Not<T extends boolean> = T extends true ? false : true;

/** Compiles only for `true`, e.g. `Expect<Not<IsAny<typeof data>>>` breaks the build if data is any. */
export type Expect<T extends true> = T;
