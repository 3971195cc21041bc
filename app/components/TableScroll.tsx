// The box a wide table scrolls in on a narrow screen, so the page itself never scrolls sideways
// (WCAG 1.4.10). It is a named region in the tab order, so a keyboard user can scroll it with
// the arrow keys and a screen reader says what it holds (WCAG 2.1.1).
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
