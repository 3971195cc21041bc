// A button that copies text shown on the page (a link, a list of links, an e-mail text).
// Progressive enhancement: without JavaScript there is no button, and the text itself stays
// there to select and copy; the button appears only once the page runs scripts. Where the
// Clipboard API is missing (plain http off localhost) the text is selected and copied the
// old way; if that fails too it stays selected, and the status line says to press Ctrl+C.
import { useEffect, useState } from "react";
import { useT } from "~/utils/i18n";

export function CopyButton({ target, label }: { target: string; label: string }) {
  const t = useT();
  const [scripted, setScripted] = useState(false);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setScripted(true), []);
  if (!scripted) return null;

  async function copy() {
    const element = document.getElementById(target);
    if (!element) return;
    const text = element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? "").trim();
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState(selectAndCopy(element) ? "copied" : "failed");
    }
  }

  return (
    <p className="copy-action">
      <button type="button" className="button--secondary" onClick={copy}>
        {label}
      </button>{" "}
      <span role="status">{state === "copied" ? t("copy.done") : state === "failed" ? t("copy.failed") : ""}</span>
    </p>
  );
}

function selectAndCopy(element: HTMLElement): boolean {
  if (element instanceof HTMLTextAreaElement) element.select();
  else window.getSelection()?.selectAllChildren(element);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
