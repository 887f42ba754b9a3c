/* sphinx_explainer: the colour mode, set in <head> before the first paint. */
(function () {
  var root = document.documentElement, choice = null;
  try { choice = localStorage.getItem("explainer-mode"); } catch (e) { /* storage blocked */ }
  var pinned = choice === "dark" || choice === "light";
  var dark = pinned ? choice === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  root.setAttribute("data-theme", dark ? "dark" : "light");
  var code = document.getElementById("pygments_dark_css");
  if (code && pinned) code.media = dark ? "all" : "not all";
})();
