// Month arithmetic, Norwegian dates and the CSV cells of the log.
import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/catalog";
import { csvCell, csvLine } from "../../app/logs/csv.server";
import { gridPeriod } from "../../app/logs/compliance.server";
import { addMonths, currentMonth, isMonth, monthLabel, monthRange, todayInNorway } from "../../app/logs/months";

describe("months", () => {
  it("adds and ranges over months across years", () => {
    expect(addMonths("2017-09", 4)).toBe("2018-01");
    expect(addMonths("2018-01", -1)).toBe("2017-12");
    const period = monthRange("2017-09", "2018-12");
    expect(period).toHaveLength(16);
    expect(period[0]).toBe("2017-09");
    expect(period[15]).toBe("2018-12");
    expect(monthRange("2018-02", "2018-01")).toEqual([]);
  });

  it("checks the YYYY-MM form", () => {
    expect(isMonth("2018-12")).toBe(true);
    for (const bad of ["2018-13", "2018-1", "18-12", "", null, "2018-12-01"]) expect(isMonth(bad)).toBe(false);
  });

  it("takes today from Norwegian time, not the server's", () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo.
    expect(todayInNorway(new Date("2018-12-31T23:30:00Z"))).toBe("2019-01-01");
    expect(currentMonth(new Date("2018-06-30T22:30:00Z"))).toBe("2018-07");
  });

  it("names months in both languages", () => {
    expect(monthLabel(translator("nb"), "2017-09")).toBe("september 2017");
    expect(monthLabel(translator("en"), "2018-12")).toBe("December 2018");
  });
});

describe("the compliance period", () => {
  it("is the project's logging period unless another is asked for", () => {
    expect(gridPeriod({ logStart: "2017-09", logEnd: "2018-12" })).toEqual({ from: "2017-09", to: "2018-12" });
    expect(gridPeriod({ logStart: "2017-09", logEnd: "2018-12" }, { from: "2018-01", to: "2018-06" })).toEqual({ from: "2018-01", to: "2018-06" });
    expect(gridPeriod({ logStart: null, logEnd: null }, {}, new Date("2026-11-27T12:00:00Z"))).toEqual({ from: "2025-12", to: "2026-11" });
    expect(gridPeriod({ logStart: "2017-09", logEnd: "2018-12" }, { from: "nonsense" })).toEqual({ from: "2017-09", to: "2018-12" });
  });
});

describe("CSV cells", () => {
  it("quotes what needs quoting and neutralises formulas", () => {
    expect(csvLine(["enkel tekst"])).toBe("enkel tekst\r\n");
    expect(csvLine(['sa "hei", og gikk'])).toBe('"sa ""hei"", og gikk"\r\n');
    expect(csvLine(["to\nlinjer"])).toBe('"to\nlinjer"\r\n');
    expect(csvCell("=SUM(A1:A2)")).toBe("'=SUM(A1:A2)");
    expect(csvCell("+47 912 34 567")).toBe("'+47 912 34 567");
    expect(csvCell("@hei")).toBe("'@hei");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 1, "b,c"])).toBe('a,1,"b,c"\r\n');
  });
});
