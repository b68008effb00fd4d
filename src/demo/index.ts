export type { DemoCase, DemoReport } from "./replay.ts";
export { DEMO_NOW, runDemo } from "./replay.ts";
export type { Profile, Segment, SegmentParameters } from "./segment.ts";
export { DEFAULT_SEGMENT, generateSegment } from "./segment.ts";
export { DEMO_PERIOD, PHYSICIAN, VALENCIENNES } from "./story.ts";
