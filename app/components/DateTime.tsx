// A date or a stored time on a page: the words of the one date rule (app/i18n/dates.ts) for the
// reader, ISO in `dateTime` for machines.
import { formatDate, formatDateTime, isoDateTime, type DateStyle } from "~/i18n/dates";
import { useLocale } from "~/utils/i18n";

/** A calendar date, "YYYY-MM-DD". */
export function DateText({ date, style = "text" }: { date: string; style?: DateStyle }) {
  const locale = useLocale();
  return <time dateTime={date}>{formatDate(date, locale, style)}</time>;
}

/** A stored moment, unix seconds, in Norwegian time. */
export function TimeText({ at, style = "text" }: { at: number; style?: DateStyle }) {
  const locale = useLocale();
  return <time dateTime={isoDateTime(at)}>{formatDateTime(at, locale, style)}</time>;
}

/** From one calendar date to another, «10. desember 2018 – 31. januar 2019». */
export function DateRange({ from, to, style = "text" }: { from: string; to: string; style?: DateStyle }) {
  return (
    <>
      <DateText date={from} style={style} /> – <DateText date={to} style={style} />
    </>
  );
}
