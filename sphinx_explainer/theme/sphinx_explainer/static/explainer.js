/* sphinx_explainer: search shortcuts, the outline, scrollable boxes and sidenotes.
 *
 * The page is complete without it; it writes no HTML strings or inline CSS
 * but the sidenotes' places. The colour mode is explainer-mode.js's; the
 * footnote previews are the extension's sphinx-explainer.js, on which the
 * sidenotes build: a reference whose sidenote is shown highlights it instead
 * of opening a popover.
 */
(() => {
  "use strict";
  const body = document.body;
  const article = document.querySelector(".explainer-article");
  const script = document.currentScript;

  /** Sphinx's search-word highlighting, loaded only when a search result asks for it. */
  function loadHighlighterOnDemand() {
    const later = script && script.getAttribute("data-explainer-on-demand");
    let terms = null;
    try {
      terms = localStorage.getItem("sphinx_highlight_terms");
    } catch (error) {
      // Storage blocked: the address alone tells.
    }
    if (!later || !(terms || /[?&]highlight=/.test(location.search))) return;
    for (const src of later.split(" ")) {
      const tag = document.createElement("script");
      tag.src = src;
      tag.async = false;
      document.head.appendChild(tag);
    }
  }

  /** "/" focuses the search field (Sphinx's shortcut, which doctools.js would add). */
  function slashFocusesSearch() {
    const field = document.getElementById("explainer-q");
    if (!field) return;
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) || target.isContentEditable) return;
      if (typeof DOCUMENTATION_OPTIONS !== "undefined" && DOCUMENTATION_OPTIONS.ENABLE_SEARCH_SHORTCUTS === false) return;
      event.preventDefault();
      field.focus();
    });
  }

  /** "On this page": mark the section being read. */
  function followReading() {
    const links = Array.from(document.querySelectorAll(".explainer-outline a"));
    if (!links.length || !("IntersectionObserver" in window)) return;
    const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
    const spy = () => {
      const line = innerHeight * 0.25;
      let current = -1;
      targets.forEach((target, i) => {
        if (target && target.getBoundingClientRect().top <= line) current = i;
      });
      links.forEach((link, i) => {
        if (i === current) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      });
    };
    // The observer calls spy() once at the start, after the first layout.
    const observer = new IntersectionObserver(spy, { rootMargin: "0px 0px -75% 0px" });
    for (const target of targets) if (target) observer.observe(target);
  }

  /** Sphinx writes toctree captions as role="heading" without a level (axe
   * aria-required-attr); give them the level ARIA implies anyway. */
  function levelCaptions() {
    for (const caption of document.querySelectorAll("[role=heading]:not([aria-level])")) {
      caption.setAttribute("aria-level", "2");
    }
  }

  /** Code and tables that scroll sideways can be scrolled from the keyboard. */
  function scrollableBoxes() {
    const update = () => {
      const boxes = Array.from(article.querySelectorAll("pre, table"));
      const scrolls = boxes.map((box) => box.scrollWidth > box.clientWidth);
      boxes.forEach((box, i) => {
        if (scrolls[i]) box.tabIndex = 0;
        else box.removeAttribute("tabindex");
      });
    };
    // After load: reading sizes earlier would force the page's first layout.
    if (document.readyState === "complete") update();
    else addEventListener("load", update);
    addEventListener("resize", update);
  }

  /* -- Sidenotes. */

  const NOTE = ".footnote, .citation";
  const REFERENCE = "a.footnote-reference, a.citation-reference, a.explainer-noteref";

  /** The note a reference leads to, if it is on this page (a citation may be on another). */
  function noteOf(reference) {
    const id = decodeURIComponent(reference.hash.slice(1));
    if (!id || reference.pathname !== location.pathname) return null;
    const note = document.getElementById(id);
    return note && note.matches(NOTE) ? note : null;
  }

  /** Whether the reader can see the reference: not inside a closed <details> (a FAQ answer). */
  function isRendered(reference) {
    if (reference.closest("details:not([open])")) return false;
    return reference.checkVisibility ? reference.checkVisibility() : reference.getClientRects().length > 0;
  }

  /** A sidenote for a note: its content, labelled, without back links, ids or tab stops. */
  function makeSidenote(note, reference) {
    const side = document.createElement("aside");
    side.className = "explainer-sidenote";
    side.setAttribute("aria-hidden", "true");
    for (const child of note.childNodes) side.append(child.cloneNode(true));
    for (const extra of side.querySelectorAll(".label, .backrefs, .explainer-backlinks, [role=doc-backlink]")) extra.remove();
    for (const element of side.querySelectorAll("[id]")) element.removeAttribute("id");
    for (const element of side.querySelectorAll("a, button, input, select, textarea, [tabindex]")) element.tabIndex = -1;
    const label = document.createElement("span");
    label.className = "explainer-sidenote-label";
    label.textContent = reference.textContent.replace(/[[\]]/g, "");
    const first = side.firstElementChild;
    if (first && first.tagName === "P") first.prepend(label);
    else side.prepend(label);
    return side;
  }

  /** Sidenotes in the margin of wide screens, each beside the first reference the reader can see. */
  function sidenotes() {
    const wide = matchMedia("(min-width: 78rem)");
    const references = Array.from(article.querySelectorAll(REFERENCE));
    const notes = []; // {references, side}, one per note, in the order of first citation
    let built = false;

    // Made the first time the screen is wide enough: phones never pay for them.
    function build() {
      if (built || !wide.matches) return;
      built = true;
      const byNote = new Map();
      for (const reference of references) {
        const note = noteOf(reference);
        if (!note || reference.closest(NOTE)) continue;
        if (!byNote.has(note)) {
          const entry = { references: [], side: makeSidenote(note, reference) };
          byNote.set(note, entry);
          notes.push(entry);
          article.appendChild(entry.side);
        }
        byNote.get(note).references.push(reference);
      }
    }

    // Each sidenote at its first rendered reference, pushed below the one
    // before; a note with none rendered (cited in a closed answer) is hidden
    // until the answer opens. All reads, then all writes: two layouts.
    function place() {
      if (!wide.matches || !notes.length) return;
      const top0 = article.getBoundingClientRect().top;
      const anchors = notes.map((entry) => entry.references.find(isRendered) || null);
      const tops = anchors.map((reference) => (reference ? reference.getBoundingClientRect().top - top0 : 0));
      notes.forEach((entry, i) => {
        if (entry.side.hidden !== !anchors[i]) entry.side.hidden = !anchors[i];
      });
      const heights = notes.map((entry) => entry.side.offsetHeight);
      const order = notes.map((entry, i) => i).filter((i) => anchors[i]).sort((a, b) => tops[a] - tops[b]);
      let bottom = -Infinity;
      for (const i of order) {
        const top = Math.max(tops[i] - 4, bottom);
        notes[i].side.style.top = top + "px";
        bottom = top + heights[i] + 16;
      }
    }

    let queued = false;
    const queue = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        place();
      });
    };
    if ("ResizeObserver" in window) new ResizeObserver(queue).observe(article);
    wide.addEventListener("change", () => {
      build();
      queue();
    });
    addEventListener("load", queue);
    addEventListener("toggle", queue, true);
    if (document.fonts) document.fonts.ready.then(queue);
    build();
    queue();

    // A reference whose sidenote is shown highlights it instead of opening a popover.
    const shownSidenote = (reference) => {
      const note = reference instanceof Element && reference.matches(REFERENCE) ? noteOf(reference) : null;
      const entry = note && notes.find((item) => item.references.includes(reference));
      return wide.matches && entry && !entry.side.hidden ? entry.side : null;
    };
    document.addEventListener("explainer:preview", (event) => {
      const side = shownSidenote(event.target);
      if (!side) return;
      event.preventDefault();
      side.classList.add("is-active");
    });
    document.addEventListener("explainer:previewend", () => {
      for (const entry of notes) entry.side.classList.remove("is-active");
    });
  }

  loadHighlighterOnDemand();
  slashFocusesSearch();
  followReading();
  levelCaptions();
  if (!article) return;
  scrollableBoxes();
  if (body.getAttribute("data-explainer-sidenotes") === "true") sidenotes();
})();
