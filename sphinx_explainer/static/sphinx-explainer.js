/* sphinx-explainer: footnote previews; FAQ answers opened for search words.
 * data-explainer-previews="false" on the tag keeps the popover off. A theme
 * shows a note its own way by cancelling the reference's "explainer:preview"
 * event; "explainer:previewend" follows when the preview closes. */
(() => {
  "use strict";

  const NOTE = ".footnote, .citation";
  const REFERENCE = "a[href*='#']";
  const GAP = 8;

  /** The words of the search that led here (Sphinx's ?highlight= or stored terms). */
  function searchWords() {
    let words = new URLSearchParams(location.search).get("highlight") || "";
    try {
      words += " " + (localStorage.getItem("sphinx_highlight_terms") || "");
    } catch (error) {
      // Storage blocked.
    }
    return words.toLowerCase().split(/\s+/).filter(Boolean);
  }

  /** Open the closed FAQ answers holding one of them, matched as Sphinx does. */
  function openSearchHits() {
    const words = searchWords();
    if (!words.length) return;
    for (const item of document.querySelectorAll("details.explainer-faq-item:not([open])")) {
      const text = item.textContent.toLowerCase();
      if (words.some((word) => text.includes(word))) item.open = true;
    }
  }

  /** The footnote or citation a link leads to, if it is on this page. */
  function noteOf(link) {
    if (!link.hash || link.pathname !== location.pathname) return null;
    let id = link.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (error) {
      // Not percent-encoding: used as written.
    }
    const note = document.getElementById(id);
    return note && note.matches(NOTE) ? note : null;
  }

  /** Below the reference (above if roomier), inside the viewport. */
  function place(popover, reference) {
    const box = reference.getBoundingClientRect();
    const below = innerHeight - box.bottom - 2 * GAP;
    const above = box.top - 2 * GAP;
    popover.style.maxHeight = "";
    const up = popover.offsetHeight > below && above > below;
    popover.style.maxHeight = Math.max(up ? above : below, 5 * GAP) + "px";
    const width = popover.offsetWidth;
    const left = Math.min(box.left + box.width / 2 - width / 2, document.documentElement.clientWidth - width - GAP);
    popover.style.left = Math.max(GAP, left) + "px";
    popover.style.top = (up ? box.top - GAP - popover.offsetHeight : box.bottom + GAP) + "px";
  }

  /** Hover, focus or tap on a link to a note of this page shows a copy of the
   * note, without label, back links or ids, in a non-modal dialog put after
   * the link, so that Tab moves into it and Shift+Tab back. */
  function setUpPreviews() {
    const popover = document.createElement("div");
    popover.className = "explainer-popover";
    popover.id = "explainer-popover";
    popover.setAttribute("role", "dialog");
    popover.tabIndex = -1;
    popover.hidden = true;
    let current = null;
    let timer = 0;
    let pointer = "";
    let wasOpen = false;
    let returning = false;

    const referenceAt = (target) => {
      const link = target instanceof Element ? target.closest(REFERENCE) : null;
      return link && !popover.contains(link) && noteOf(link) ? link : null;
    };
    const within = (node) => !!node && (popover.contains(node) || (current && current.contains(node)));

    function hide() {
      clearTimeout(timer);
      if (!current) return;
      const reference = current;
      current = null;
      reference.removeAttribute("aria-describedby");
      popover.hidden = true;
      reference.dispatchEvent(new CustomEvent("explainer:previewend", { bubbles: true }));
    }

    function show(reference) {
      clearTimeout(timer);
      if (current === reference) return;
      hide();
      current = reference;
      if (!reference.dispatchEvent(new CustomEvent("explainer:preview", { bubbles: true, cancelable: true }))) return;
      popover.replaceChildren(...Array.from(noteOf(reference).childNodes, (child) => child.cloneNode(true)));
      for (const extra of popover.querySelectorAll(".label, .backrefs, .explainer-backlinks, [role=doc-backlink]")) extra.remove();
      for (const element of popover.querySelectorAll("[id]")) element.removeAttribute("id");
      popover.setAttribute("aria-label", reference.getAttribute("aria-label") || reference.textContent.replace(/[[\]]/g, ""));
      reference.after(popover);
      reference.setAttribute("aria-describedby", popover.id);
      popover.hidden = false;
      place(popover, reference);
    }

    const enter = (event) => {
      const reference = referenceAt(event.target);
      if (reference) returning || show(reference);
      else if (within(event.target)) clearTimeout(timer);
    };
    const leave = (event) => {
      if (current && !within(event.relatedTarget)) timer = setTimeout(hide, 300);
    };
    document.addEventListener("pointerover", (event) => event.pointerType === "mouse" && enter(event));
    document.addEventListener("pointerout", (event) => event.pointerType === "mouse" && within(event.target) && leave(event));
    document.addEventListener("focusin", enter);
    document.addEventListener("focusout", (event) => pointer !== "mouse" && leave(event));
    document.addEventListener("pointerdown", (event) => {
      pointer = event.pointerType;
      const reference = referenceAt(event.target);
      wasOpen = !!reference && reference === current;
      if (current && !reference && !within(event.target)) hide();
    });
    // A tap previews instead of jumping; a second tap closes.
    document.addEventListener("click", (event) => {
      const reference = (pointer === "touch" || pointer === "pen") && referenceAt(event.target);
      if (!reference) return;
      event.preventDefault();
      if (wasOpen) hide();
      else show(reference);
    });
    document.addEventListener("keydown", (event) => {
      pointer = "";
      if (event.key !== "Escape" || !current) return;
      const reference = current;
      const inside = popover.contains(document.activeElement);
      hide();
      // Focus goes back to the reference without opening the note again.
      returning = inside;
      if (inside) reference.focus();
      returning = false;
    });
    let frame = 0;
    const follow = () => {
      frame = frame || requestAnimationFrame(() => {
        frame = 0;
        if (current && !popover.hidden) place(popover, current);
      });
    };
    addEventListener("scroll", follow, { passive: true, capture: true });
    addEventListener("resize", follow);
  }

  const script = document.currentScript;
  openSearchHits();
  if (!script || script.getAttribute("data-explainer-previews") !== "false") setUpPreviews();
})();
