// "Now" for the whole plugin: the real time. Nothing a request carries moves it (no header, no
// flag). Tests replace the source in-process (test/helpers/app.ts) to fix "now"; production code
// never calls `use`.
type Source = () => Date;

const realTime: Source = () => new Date();
let source: Source = realTime;

export const clock = {
  now(): Date {
    return source();
  },
  /** Replaces the time source (tests only); `null` restores the real time. */
  use(next: Source | null) {
    source = next ?? realTime;
  },
};
