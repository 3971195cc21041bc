export * from "./core";
export * from "./logs";
export * from "./survey";
export * from "./exchanges";
export * from "./exports";
export * from "./reports";
export * from "./imports";
export * from "./coding";
