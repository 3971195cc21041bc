// The log panel on the home page: for a job specialist, this month's notes and a reminder when
// last month is not submitted; for case leads and researchers, the way to the compliance grid.
import type { Db } from "../../db/connection.server";
import type { SessionUser } from "~/auth/session.server";
import { getLogAuthor } from "./author.server";
import { addMonths, currentMonth } from "./months";
import { countMonthNotes, getMonthState } from "./submission.server";

export interface LogHomePanel {
  readonly currentMonth: string;
  readonly currentNotes: number;
  readonly lastMonth: string;
  readonly lastMonthNotes: number;
  /** Last month is in the logging period (or there is none) and is not submitted. */
  readonly remind: boolean;
}

export function logHomePanel(db: Db, user: SessionUser, now = new Date()): LogHomePanel | null {
  const author = getLogAuthor(db, user);
  if (!author) return null;
  const month = currentMonth(now);
  const lastMonth = addMonths(month, -1);
  const inPeriod = (!author.logStart || lastMonth >= author.logStart) && (!author.logEnd || lastMonth <= author.logEnd);
  const submitted = getMonthState(db, author.userId, lastMonth).status === "submitted";
  return {
    currentMonth: month,
    currentNotes: countMonthNotes(db, author.userId, month),
    lastMonth,
    lastMonthNotes: countMonthNotes(db, author.userId, lastMonth),
    remind: inPeriod && !submitted,
  };
}
