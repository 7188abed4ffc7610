/* Onderzoek: one resultaatgebied (or the part on mantelzorg, "algemeen") in focus at a time.
 *
 * Without JavaScript every gebied is on the page and the navigation links are plain anchors.
 * With it, only the gebied in the URL fragment (#sectie-r3) is shown, opened; the others are
 * hidden. Clicking a link in the navigation (or "Volgend gebied") shows that gebied, puts its
 * fragment in the address (so reload and the back button keep it) and moves the focus to its
 * heading. A fragment that is not a gebied (#vervolgafspraken) leaves the shown gebied as it is.
 * A gebied whose text was put back from this browser (onderzoek.js) is shown first.
 */
(function () {
  "use strict";

  function gebieden() { return Array.prototype.slice.call(document.querySelectorAll("section[data-gebied]")); }

  function gebiedVoor(id) {
    var el = id ? document.getElementById(id) : null;
    return el && el.hasAttribute("data-gebied") ? el : null;
  }

  function toon(gebied, focus) {
    gebieden().forEach(function (s) { s.hidden = s !== gebied; });
    document.querySelectorAll("[data-gebied-link]").forEach(function (a) {
      if (a.getAttribute("data-gebied-link") === gebied.id) {
        a.setAttribute("aria-current", "location");
      } else {
        a.removeAttribute("aria-current");
      }
    });
    var details = gebied.querySelector("details");
    if (details) { details.open = true; }
    if (focus) {
      var kop = gebied.querySelector("summary") || gebied.querySelector("[tabindex='-1']");
      if (kop) { kop.focus(); }
      gebied.scrollIntoView({ block: "start" });
    }
  }

  function uitAdres() { return gebiedVoor(decodeURIComponent(window.location.hash.slice(1))); }

  function eerste() {
    // A gebied with an error or text put back from this browser, else the first at stake, else 1.
    var lijst = gebieden();
    return lijst.filter(function (s) { return s.querySelector("[role=alert]"); })[0] ||
      lijst.filter(function (s) { var st = s.querySelector("[role=status]"); return st && st.textContent; })[0] ||
      lijst.filter(function (s) { var d = s.querySelector("details"); return d && d.open; })[0] ||
      lijst[0];
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#sectie-']") : null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) { return; }
    var gebied = gebiedVoor(a.getAttribute("href").slice(1));
    if (!gebied) { return; }
    e.preventDefault();
    if (window.location.hash !== "#" + gebied.id) { window.history.pushState(null, "", "#" + gebied.id); }
    toon(gebied, true);
  });

  window.addEventListener("popstate", function () {
    // Back to the address without a fragment: the gebied the page starts with.
    var gebied = uitAdres() || (window.location.hash ? null : eerste());
    if (gebied) { toon(gebied, false); }
  });
  window.addEventListener("hashchange", function () {
    var gebied = uitAdres();
    if (gebied) { toon(gebied, true); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var lijst = gebieden();
    if (!lijst.length) { return; }
    document.documentElement.classList.add("kt-gebieden-js");
    var gebied = uitAdres();
    if (gebied) {
      toon(gebied, true);
    } else {
      toon(eerste(), false);
    }
  });
})();
