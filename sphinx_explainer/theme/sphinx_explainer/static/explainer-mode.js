/* sphinx_explainer: the colour mode, its one home. Synchronous in <head>, so
 * <html data-theme> is set before the first paint; wires the toggle once parsed. */
(() => {
  "use strict";
  const KEY = "explainer-mode";
  const root = document.documentElement;
  const system = matchMedia("(prefers-color-scheme: dark)");
  const toggle = () => document.querySelector(".explainer-mode-toggle");
  let choice = null;
  try {
    choice = localStorage.getItem(KEY);
  } catch (error) {
    // Storage blocked: the choice lasts for this page.
  }

  /** Paint the chosen mode, else the system's: data-theme, dark code colours, the toggle. */
  function apply() {
    const pinned = choice === "dark" || choice === "light";
    const dark = pinned ? choice === "dark" : system.matches;
    root.setAttribute("data-theme", dark ? "dark" : "light");
    const code = document.getElementById("pygments_dark_css");
    if (code) code.media = pinned ? (dark ? "all" : "not all") : "(prefers-color-scheme: dark)";
    toggle()?.setAttribute("aria-pressed", String(dark));
  }

  /** Choosing the system's own mode forgets the choice: the page follows the system again. */
  function choose() {
    const next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    choice = next === (system.matches ? "dark" : "light") ? null : next;
    try {
      if (choice) localStorage.setItem(KEY, choice);
      else localStorage.removeItem(KEY);
    } catch (error) {
      // Storage blocked.
    }
    apply();
  }

  apply();
  system.addEventListener("change", apply);
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      choice = event.newValue;
      apply();
    }
  });
  document.addEventListener("DOMContentLoaded", () => {
    const button = toggle();
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", choose);
    apply();
  });
})();
