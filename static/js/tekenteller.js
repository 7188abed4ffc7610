// Character counter for every textarea with a maximum (templates/forms/field.html).
// Without JavaScript the form says "Niet meer dan N tekens." and the browser stops at the maximum;
// with it, the same line counts down while typing. The line is a polite live region, updated
// once typing pauses, so a screen reader announces the count without interrupting every key.
(function () {
  "use strict";
  function tekst(over, max) {
    if (over < 0) return "U heeft " + -over + " " + (over === -1 ? "teken" : "tekens") + " te veel (niet meer dan " + max + ").";
    return "Nog " + over + " van " + max + " tekens over.";
  }
  function start(teller) {
    var veld = document.getElementById(teller.getAttribute("data-teller-voor"));
    var max = veld && parseInt(veld.getAttribute("maxlength"), 10);
    if (!veld || !max || teller.getAttribute("data-teller-klaar")) return;
    teller.setAttribute("data-teller-klaar", "1");
    var ids = (veld.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(teller.id) < 0) veld.setAttribute("aria-describedby", ids.concat(teller.id).join(" "));
    var wacht;
    function bij() {
      var over = max - veld.value.length;
      teller.classList.toggle("kt-teller--vol", over <= Math.max(20, max / 10));
      clearTimeout(wacht);
      wacht = setTimeout(function () { teller.textContent = tekst(over, max); }, 400);
    }
    veld.addEventListener("input", bij);
    teller.textContent = tekst(max - veld.value.length, max);
  }
  function alles(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("[data-teller-voor]").forEach(start);
  }
  document.addEventListener("DOMContentLoaded", function () { alles(document); });
  // htmx swaps in fresh form fragments; give their counters life too.
  document.addEventListener("htmx:load", function (e) { alles(e.target); });
})();
