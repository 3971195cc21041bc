// Hours and half/full day follow from the times; the override wins; the report's wording.
import { describe, expect, it } from "vitest";
import { dayKindFor, formatExchangeDate, hoursBetween, hoursLabel, timingOf } from "../../app/exchanges/timing";
import { translator } from "../../app/i18n/catalog";

const nb = translator("nb");
const en = translator("en");

describe("timing", () => {
  it("computes hours from start and end, to the quarter hour", () => {
    expect(hoursBetween("12:00", "15:30")).toBe(3.5);
    expect(hoursBetween("09:00", "15:30")).toBe(6.5);
    expect(hoursBetween("09:00", "09:00")).toBeNull();
    expect(hoursBetween("10:00", "09:00")).toBeNull();
    expect(hoursBetween(null, "09:00")).toBeNull();
    expect(hoursBetween("25:00", "26:00")).toBeNull();
  });
  it("calls 3.5 h a half day, 6.5 h a full day, and 1 or 2.5 h neither", () => {
    expect(dayKindFor(3.5)).toBe("half");
    expect(dayKindFor(6.5)).toBe("full");
    expect(dayKindFor(1)).toBe("none");
    expect(dayKindFor(2.5)).toBe("none");
    expect(dayKindFor(null)).toBeNull();
  });
  it("lets an override win where the report disagrees with itself (nr. 11)", () => {
    const t = timingOf({ startTime: "09:00", endTime: "15:30", hoursOverride: null, dayKindOverride: "half" });
    expect(t).toMatchObject({ hours: 6.5, dayKind: "half", computedDayKind: "full", overridden: true });
    expect(hoursLabel(t, "nb", nb)).toBe("6,5 t, halvdagssamling");
    const h = timingOf({ startTime: null, endTime: null, hoursOverride: 2.5, dayKindOverride: null });
    expect(hoursLabel(h, "nb", nb)).toBe("2,5 t");
  });
  it("writes the report's labels in both languages", () => {
    const half = timingOf({ startTime: "12:00", endTime: "15:30", hoursOverride: null, dayKindOverride: null });
    expect(hoursLabel(half, "nb", nb)).toBe("3,5 t, halvdagssamling");
    expect(hoursLabel(half, "en", en)).toBe("3.5 h, half day");
    expect(hoursLabel(timingOf({ startTime: "14:00", endTime: "15:00", hoursOverride: null, dayKindOverride: null }), "nb", nb)).toBe("1 t");
    expect(hoursLabel(timingOf({ startTime: null, endTime: null, hoursOverride: null, dayKindOverride: null }), "nb", nb)).toBe("–");
  });
  it("writes dates by the one date rule, an approximate date as its month", () => {
    expect(formatExchangeDate("2017-06-30", false, "nb", "table")).toBe("30.06.2017");
    expect(formatExchangeDate("2017-06-30", false, "nb")).toBe("30. juni 2017");
    expect(formatExchangeDate("2019-05-01", true, "nb")).toBe("mai 2019");
    expect(formatExchangeDate("2017-06-30", false, "en")).toBe("30 June 2017");
  });
});
