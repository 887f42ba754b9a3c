/* sphinx_explainer: colour toggle, outline, footnote previews and sidenotes.
 * The page is complete without it; it writes no HTML strings or inline CSS. */
(function () {
  "use strict";
  var root = document.documentElement, body = document.body;
  var KEY = "explainer-mode";
  var system = matchMedia("(prefers-color-scheme: dark)");
  var wide = matchMedia("(min-width: 78rem)");
  var article = document.querySelector(".explainer-article");
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var script = document.currentScript;

  /* Sphinx's search-word highlighting, loaded only when a search result asks for it. */
  var later = script && script.getAttribute("data-explainer-on-demand"), terms = null;
  try { terms = localStorage.getItem("sphinx_highlight_terms"); } catch (e) { /* storage blocked */ }
  if (later && (terms || /[?&]highlight=/.test(location.search))) {
    later.split(" ").forEach(function (src) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = false;
      document.head.appendChild(tag);
    });
  }
  /* "/" focuses the search field (Sphinx's shortcut, which doctools.js would add). */
  var field = document.getElementById("explainer-q");
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || !field || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) || target.isContentEditable) return;
    if (typeof DOCUMENTATION_OPTIONS !== "undefined" && DOCUMENTATION_OPTIONS.ENABLE_SEARCH_SHORTCUTS === false) return;
    event.preventDefault();
    field.focus();
  });

  /* Colour mode. */
  var toggle = document.querySelector(".explainer-mode-toggle");
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function applyMode() {
    var choice = stored(), pinned = choice === "dark" || choice === "light";
    var dark = pinned ? choice === "dark" : system.matches;
    root.setAttribute("data-theme", dark ? "dark" : "light");
    var code = document.getElementById("pygments_dark_css");
    if (code) code.media = pinned ? (dark ? "all" : "not all") : "(prefers-color-scheme: dark)";
    if (toggle) toggle.setAttribute("aria-pressed", String(dark));
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      try { localStorage.setItem(KEY, root.getAttribute("data-theme") === "dark" ? "light" : "dark"); } catch (e) { /* session only */ }
      applyMode();
    });
  }
  system.addEventListener("change", applyMode);
  addEventListener("storage", function (event) { if (event.key === KEY) applyMode(); });
  applyMode();

  /* "On this page": mark the section being read. */
  var links = document.querySelectorAll(".explainer-outline a");
  var targets = Array.prototype.map.call(links, function (link) {
    return document.getElementById(decodeURIComponent(link.hash.slice(1)));
  });
  function spy() {
    var current = -1, line = innerHeight * 0.25;
    targets.forEach(function (target, i) {
      if (target && target.getBoundingClientRect().top <= line) current = i;
    });
    each(links, function (link, i) {
      if (i === current) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    });
  }
  if (links.length && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(spy, { rootMargin: "0px 0px -75% 0px" });
    /* The observer calls spy() once at the start, after the first layout. */
    targets.forEach(function (target) { if (target) observer.observe(target); });
  }

  /* Sphinx writes toctree captions as role="heading" without a level (axe
   * aria-required-attr); give them the level ARIA implies anyway. */
  each(document.querySelectorAll("[role=heading]:not([aria-level])"), function (el) {
    el.setAttribute("aria-level", "2");
  });
  if (!article) return;
  /* Code and tables that scroll sideways can be scrolled from the keyboard. */
  function tabStops() {
    var boxes = article.querySelectorAll("pre, table");
    var scrolls = Array.prototype.map.call(boxes, function (el) { return el.scrollWidth > el.clientWidth; });
    each(boxes, function (el, i) {
      if (scrolls[i]) el.tabIndex = 0; else el.removeAttribute("tabindex");
    });
  }
  /* After load: reading sizes earlier would force the page's first layout. */
  if (document.readyState === "complete") tabStops(); else addEventListener("load", tabStops);
  addEventListener("resize", tabStops);

  /* Footnotes: previews and sidenotes. */
  var previews = body.getAttribute("data-explainer-previews") === "true";
  var sidenotes = body.getAttribute("data-explainer-sidenotes") === "true";
  var refs = article.querySelectorAll("a.footnote-reference, a.citation-reference");
  if (!refs.length || !(previews || sidenotes)) return;
  var NOTE = ".footnote, .citation, .footnote-list, .citation-list, .explainer-sidenote";

  function noteOf(ref) {
    var id = decodeURIComponent(ref.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }
  /* The note's content, without its label, back links or ids. */
  function contentOf(note, box) {
    each(note.childNodes, function (child) { box.appendChild(child.cloneNode(true)); });
    each(box.querySelectorAll(".label, [role=doc-backlink], .backrefs, [class*=backlink]"), function (el) { el.remove(); });
    each(box.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    return box;
  }

  var byNote = {}, notes = [], built = false;
  /* Sidenotes are made the first time the screen is wide enough: phones never pay for them. */
  function buildNotes() {
    if (built || !sidenotes || !wide.matches) return;
    built = true;
    each(refs, function (ref) {
      var note = noteOf(ref);
      if (!note || byNote[note.id] || ref.closest(NOTE)) return;
      var side = document.createElement("aside");
      side.className = "explainer-sidenote";
      side.setAttribute("aria-hidden", "true");
      var label = document.createElement("span");
      label.className = "explainer-sidenote-label";
      label.textContent = ref.textContent.replace(/[\[\]]/g, "");
      contentOf(note, side);
      var first = side.firstElementChild;
      if (first && first.tagName === "P") first.prepend(label); else side.prepend(label);
      each(side.querySelectorAll("a, button, input, select, textarea, [tabindex]"), function (el) { el.tabIndex = -1; });
      article.appendChild(side);
      byNote[note.id] = side;
      notes.push({ ref: ref, side: side });
    });
  }
  /* Each sidenote at its first citation, pushed down below the one before.
   * All reads, then all writes: two layouts however many notes there are. */
  function placeNotes() {
    if (!wide.matches || !notes.length) return;
    var top0 = article.getBoundingClientRect().top, bottom = -Infinity;
    var boxes = notes.map(function (note) { return note.ref.getBoundingClientRect(); });
    notes.forEach(function (note, i) {
      if (note.side.hidden !== !boxes[i].height) note.side.hidden = !boxes[i].height;
    });
    var heights = notes.map(function (note) { return note.side.offsetHeight; });
    notes.forEach(function (note, i) {
      if (!boxes[i].height) return;
      var top = Math.max(boxes[i].top - top0 - 4, bottom);
      note.side.style.top = top + "px";
      bottom = top + heights[i] + 16;
    });
  }
  if (sidenotes) {
    var queued = false;
    var queue = function () {
      if (!queued) { queued = true; requestAnimationFrame(function () { queued = false; placeNotes(); }); }
    };
    if ("ResizeObserver" in window) new ResizeObserver(queue).observe(article);
    wide.addEventListener("change", function () { buildNotes(); queue(); });
    addEventListener("load", queue);
    addEventListener("toggle", queue, true);
    if (document.fonts) document.fonts.ready.then(queue);
    buildNotes();
    queue();
  }
  function sidenoteOf(ref) {
    var note = noteOf(ref), side = note && byNote[note.id];
    return wide.matches && side && !side.hidden ? side : null;
  }

  var popover = null, current = null, timer = 0, pointer = "", wasOpen = false;
  function hide() {
    clearTimeout(timer);
    each(article.querySelectorAll(".is-active"), function (el) { el.classList.remove("is-active"); });
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (popover) popover.hidden = true;
  }
  function hideSoon() { clearTimeout(timer); timer = setTimeout(hide, 300); }
  function show(ref) {
    clearTimeout(timer);
    if (current === ref) return;
    hide();
    var side = sidenoteOf(ref), note = noteOf(ref);
    if (side) { side.classList.add("is-active"); current = ref; return; }
    if (!previews || !note) return;
    if (!popover) {
      popover = document.createElement("div");
      popover.className = "explainer-popover";
      popover.id = "explainer-popover";
      popover.setAttribute("role", "tooltip");
      popover.addEventListener("pointerenter", function () { clearTimeout(timer); });
      popover.addEventListener("pointerleave", hideSoon);
      body.appendChild(popover);
    }
    popover.replaceChildren();
    contentOf(note, popover);
    popover.hidden = false;
    current = ref;
    ref.setAttribute("aria-describedby", popover.id);
    var box = ref.getBoundingClientRect(), width = popover.offsetWidth, height = popover.offsetHeight;
    var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, root.clientWidth - width - 8));
    var top = box.bottom + 8;
    if (top + height > innerHeight && box.top - height - 8 > 0) top = box.top - height - 8;
    popover.style.left = left + scrollX + "px";
    popover.style.top = top + scrollY + "px";
  }
  each(refs, function (ref) {
    ref.addEventListener("pointerenter", function (event) { if (event.pointerType === "mouse") show(ref); });
    ref.addEventListener("pointerleave", function (event) { if (event.pointerType === "mouse") hideSoon(); });
    ref.addEventListener("focus", function () { show(ref); });
    ref.addEventListener("blur", function () { if (pointer !== "mouse") hideSoon(); });
    ref.addEventListener("pointerdown", function (event) { pointer = event.pointerType; wasOpen = current === ref; });
    /* A tap opens the preview instead of jumping; a second tap closes it. */
    ref.addEventListener("click", function (event) {
      if (!previews || (pointer !== "touch" && pointer !== "pen")) return;
      pointer = "";
      event.preventDefault();
      if (wasOpen) hide(); else show(ref);
    });
  });
  document.addEventListener("keydown", function (event) {
    pointer = "";
    if (event.key === "Escape" && current) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (current && !current.contains(event.target) && !(popover && popover.contains(event.target))) hide();
  });
  var width = innerWidth;
  addEventListener("resize", function () {
    if (innerWidth !== width) { width = innerWidth; hide(); }
  });
})();
