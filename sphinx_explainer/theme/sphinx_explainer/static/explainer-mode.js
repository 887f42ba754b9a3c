/* sphinx_explainer: the colour mode, the one place that knows it.
 *
 * Loaded synchronously in <head>, so the mode is set before the first paint:
 * <html data-theme="light|dark">, from the reader's remembered choice or else
 * the system's. When the page is parsed, the header's toggle is wired up; the
 * page follows the system's changes and the choices made in other tabs.
 */
(() => {
  "use strict";
  const KEY = "explainer-mode";
  const root = document.documentElement;
  const system = matchMedia("(prefers-color-scheme: dark)");
  let choice = null;

  /** The remembered choice, "light" or "dark", or null to follow the system. */
  function remembered() {
    try {
      return localStorage.getItem(KEY);
    } catch (error) {
      return null; // Storage blocked: the choice lasts for this page.
    }
  }

  function remember(value) {
    try {
      if (value) localStorage.setItem(KEY, value);
      else localStorage.removeItem(KEY);
    } catch (error) {
      // Storage blocked.
    }
  }

  /** Paint the page in the chosen mode: data-theme, the dark code colours, the toggle's state. */
  function apply() {
    const pinned = choice === "dark" || choice === "light";
    const dark = pinned ? choice === "dark" : system.matches;
    root.setAttribute("data-theme", dark ? "dark" : "light");
    const code = document.getElementById("pygments_dark_css");
    if (code) code.media = pinned ? (dark ? "all" : "not all") : "(prefers-color-scheme: dark)";
    const toggle = document.querySelector(".explainer-mode-toggle");
    if (toggle) toggle.setAttribute("aria-pressed", String(dark));
  }

  /** The toggle: choosing the system's own mode forgets the choice, and the page follows the system again. */
  function setUpToggle() {
    const toggle = document.querySelector(".explainer-mode-toggle");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      choice = next === (system.matches ? "dark" : "light") ? null : next;
      remember(choice);
      apply();
    });
    apply();
  }

  choice = remembered();
  apply();
  system.addEventListener("change", apply);
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      choice = event.newValue;
      apply();
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpToggle);
  else setUpToggle();
})();
