/* sphinx_explainer: search helpers, menu, outline, scrollable boxes, sidenotes. The
 * page is complete without it. The colour mode is explainer-mode.js's; the
 * popover is the extension's sphinx-explainer.js, which sidenotes build on. */
(() => {
  "use strict";
  const article = document.querySelector(".explainer-article");
  const script = document.currentScript;
  const NOTE = ".footnote, .citation";
  const REFERENCE = "a.footnote-reference, a.citation-reference, a.explainer-noteref";

  /** The menu of narrow screens, WAI-ARIA's disclosure button. The checkbox
   * that opens it without JavaScript keeps the state; Escape closes it and
   * gives focus back to the button. */
  function menu() {
    const state = document.getElementById("explainer__menu");
    const button = document.querySelector(".explainer-menu-button");
    const nav = document.getElementById("explainer__nav");
    if (!state || !button || !nav) return;
    const wide = matchMedia("(min-width: 78rem)");
    const set = (open) => {
      state.checked = open;
      button.setAttribute("aria-expanded", String(open));
    };
    button.hidden = false;
    button.addEventListener("click", () => set(!state.checked));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !state.checked || wide.matches) return;
      const inside = nav.contains(document.activeElement);
      set(false);
      if (inside) button.focus();
    });
    set(state.checked);
    // In a long sidebar, scroll the current page's link into view, after load
    // so as not to force the first layout.
    const reveal = () => {
      const current = nav.querySelector("[aria-current=page]");
      if (!current || !wide.matches || nav.scrollHeight <= nav.clientHeight) return;
      nav.scrollTop = current.offsetTop - nav.offsetTop - nav.clientHeight / 3;
    };
    if (document.readyState === "complete") reveal();
    else addEventListener("load", reveal);
  }

  /** Sphinx's search-word highlighting, loaded only when a search result asks for it. */
  function loadHighlighterOnDemand() {
    const later = script && script.getAttribute("data-explainer-on-demand");
    let terms = null;
    try {
      terms = localStorage.getItem("sphinx_highlight_terms");
    } catch (error) {
      // Storage blocked.
    }
    if (!later || !(terms || /[?&]highlight=/.test(location.search))) return;
    for (const src of later.split(" ")) {
      const tag = document.createElement("script");
      tag.src = src;
      tag.async = false;
      document.head.append(tag);
    }
  }

  /** "/" focuses the search field (Sphinx's shortcut, which doctools.js would add). */
  function slashFocusesSearch() {
    const field = document.getElementById("explainer__q");
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
      let current = -1;
      targets.forEach((target, i) => {
        if (target && target.getBoundingClientRect().top <= innerHeight / 4) current = i;
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

  /** Sphinx's toctree captions have role="heading" and no level (axe aria-required-attr). */
  function levelCaptions() {
    for (const caption of document.querySelectorAll("[role=heading]:not([aria-level])")) caption.setAttribute("aria-level", "2");
  }
  /** Sphinx writes a signature's one-parameter-a-line list as a <dl> of <dd>
   * alone (axe definition-list): it is layout, not a list. */
  function flattenSignatureLists() {
    for (const list of document.querySelectorAll("dt.sig dl")) list.setAttribute("role", "none");
  }

  /** Code, tables and equations that scroll sideways can be scrolled from the keyboard. */
  function scrollableBoxes() {
    const update = () => {
      const boxes = Array.from(article.querySelectorAll("pre, table, div.math"));
      const scrolls = boxes.map((box) => box.scrollWidth > box.clientWidth);
      boxes.forEach((box, i) => (scrolls[i] ? (box.tabIndex = 0) : box.removeAttribute("tabindex")));
    };
    // After load: reading sizes earlier would force the first layout.
    if (document.readyState === "complete") update();
    else addEventListener("load", update);
    addEventListener("resize", update);
  }

  /** The note a reference leads to, if it is on this page. */
  function noteOf(reference) {
    const note = reference.pathname === location.pathname && document.getElementById(decodeURIComponent(reference.hash.slice(1)));
    return note && note.matches(NOTE) ? note : null;
  }

  /** Whether the reader sees the reference: not in a closed <details> (a FAQ answer). */
  const isRendered = (reference) => !reference.closest("details:not([open])") && reference.getClientRects().length > 0;

  /** A copy of the note for the margin: labelled, without back links, ids or tab stops. */
  function makeSidenote(note, reference) {
    const side = document.createElement("aside");
    side.className = "explainer-sidenote";
    side.setAttribute("aria-hidden", "true");
    side.append(...Array.from(note.childNodes, (child) => child.cloneNode(true)));
    for (const extra of side.querySelectorAll(".label, .backrefs, .explainer-backlinks, [role=doc-backlink]")) extra.remove();
    for (const element of side.querySelectorAll("[id]")) element.removeAttribute("id");
    for (const element of side.querySelectorAll("a, button, input, [tabindex]")) element.tabIndex = -1;
    const label = document.createElement("span");
    label.className = "explainer-sidenote-label";
    label.textContent = reference.textContent.replace(/[[\]]/g, "");
    const first = side.firstElementChild;
    (first && first.tagName === "P" ? first : side).prepend(label);
    return side;
  }

  /** Sidenotes on wide screens, each beside the first reference the reader sees. */
  function sidenotes() {
    const wide = matchMedia("(min-width: 78rem)");
    const notes = []; // {references, side}: one per note, in the order of first citation
    let built = false;

    // Made when the screen is first wide enough: phones never pay for them.
    function build() {
      if (built || !wide.matches) return;
      built = true;
      const byNote = new Map();
      for (const reference of article.querySelectorAll(REFERENCE)) {
        const note = noteOf(reference);
        if (!note || reference.closest(NOTE)) continue;
        if (!byNote.has(note)) {
          byNote.set(note, { references: [], side: makeSidenote(note, reference) });
          notes.push(byNote.get(note));
          article.append(byNote.get(note).side);
        }
        byNote.get(note).references.push(reference);
      }
    }

    // Level with its reference, below the sidenote above; hidden while every
    // reference is in a closed answer. All reads, then all writes.
    function place() {
      if (!wide.matches) return;
      const top0 = article.getBoundingClientRect().top;
      const anchors = notes.map((entry) => entry.references.find(isRendered));
      const tops = anchors.map((reference) => reference && reference.getBoundingClientRect().top - top0);
      notes.forEach((entry, i) => (entry.side.hidden = !anchors[i]));
      const heights = notes.map((entry) => entry.side.offsetHeight);
      let bottom = -Infinity;
      for (const i of notes.map((entry, i) => i).filter((i) => anchors[i]).sort((a, b) => tops[a] - tops[b])) {
        const top = Math.max(tops[i] - 4, bottom);
        notes[i].side.style.top = top + "px";
        bottom = top + heights[i] + 16;
      }
    }

    let queued = false;
    const queue = () => {
      if (!queued) queued = requestAnimationFrame(() => (queued = false, place()));
    };
    if ("ResizeObserver" in window) new ResizeObserver(queue).observe(article);
    wide.addEventListener("change", () => (build(), queue()));
    addEventListener("load", queue);
    addEventListener("toggle", queue, true);
    document.fonts?.ready.then(queue);
    build();
    queue();

    // A reference whose sidenote is shown highlights it instead of a popover.
    document.addEventListener("explainer:preview", (event) => {
      const entry = wide.matches && notes.find((item) => item.references.includes(event.target));
      if (!entry || entry.side.hidden) return;
      event.preventDefault();
      entry.side.classList.add("is-active");
    });
    document.addEventListener("explainer:previewend", () => {
      for (const entry of notes) entry.side.classList.remove("is-active");
    });
  }

  loadHighlighterOnDemand();
  menu();
  slashFocusesSearch();
  followReading();
  levelCaptions();
  flattenSignatureLists();
  if (!article) return;
  scrollableBoxes();
  if (document.body.getAttribute("data-explainer-sidenotes") === "true") sidenotes();
})();
