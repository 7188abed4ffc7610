/* Onderzoek: keep the consulent's text when the connection drops, and send it when it returns.
 *
 * Each section form (data-autosave) saves itself through htmx. When a save cannot reach the
 * server (or the server fails), the form's values, with the versie they were based on, are kept
 * in localStorage and sent again on the "online" event and every 30 seconds. A save the server
 * refused as invalid (422) is kept too, so closing the laptop loses nothing; it is not retried
 * until the consulent changes the text. After a reload of the page every kept text is put back
 * into its form and sent. A stale versie still gets the server's 409 conflict with both texts:
 * nothing is overwritten silently.
 */
(function () {
  "use strict";
  var PREFIX = "keukentafel:onderzoek:";

  function sleutel(form) { return PREFIX + form.getAttribute("action"); }

  function formVan(elt) { return elt && elt.closest ? elt.closest("form[data-autosave]") : null; }

  function waarden(form) {
    var data = {};
    new FormData(form).forEach(function (v, k) {
      if (k !== "csrfmiddlewaretoken") { (data[k] = data[k] || []).push(String(v)); }
    });
    return data;
  }

  function status(form, tekst) {
    var el = document.getElementById("status-" + form.getAttribute("data-autosave"));
    if (el) { el.textContent = tekst; }
  }

  function bewaar(form, reden) {
    try {
      localStorage.setItem(sleutel(form), JSON.stringify({ reden: reden, data: waarden(form) }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function terugzetten(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") { return; }
      var lijst = data[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = lijst.indexOf(el.value) !== -1;
      } else if (el.name in data) {
        el.value = lijst[0];
      }
    });
  }

  function bewaard(form) {
    try { return JSON.parse(localStorage.getItem(sleutel(form)) || "null"); } catch (e) { return null; }
  }

  // On the live page the form already holds the newest text: only send what waits for a connection.
  function opnieuwVersturen() {
    if (!window.htmx) { return; }
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var kopie = bewaard(form);
      if (kopie && kopie.reden === "offline") {
        status(form, "Niet verstuurde tekst wordt nu verstuurd…");
        window.htmx.trigger(form, "kt-opnieuw");
      }
    });
  }

  // After a reload: put every kept text back into its form, then send it.
  function herstellen() {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var kopie = bewaard(form);
      if (!kopie || !kopie.data) { return; }
      terugzetten(form, kopie.data);
      var details = form.closest("details");
      if (details) { details.open = true; }
      status(form, "Tekst uit deze browser teruggezet; wordt verstuurd…");
      if (window.htmx && navigator.onLine) { window.htmx.trigger(form, "kt-opnieuw"); }
    });
  }

  // A 409 (conflict) or 422 (not valid) answer is a fragment to show, not an error to drop.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var s = e.detail.xhr.status;
    if (s === 409 || s === 422) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });
  document.addEventListener("htmx:sendError", function (e) {
    var form = formVan(e.detail.elt);
    if (!form) { return; }
    status(form, bewaar(form, "offline")
      ? "Geen verbinding. Uw tekst is in deze browser bewaard en wordt verstuurd zodra er weer verbinding is."
      : "Geen verbinding en niet bewaard. Kopieer uw tekst voor de zekerheid.");
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = formVan(e.detail.elt);
    var s = e.detail.xhr ? e.detail.xhr.status : 0;
    if (!form || s === 0) { return; }
    if (s >= 500) {
      bewaar(form, "offline");
      status(form, "Opslaan is mislukt. Uw tekst is in deze browser bewaard; we proberen het zo opnieuw.");
    } else if (s === 422) {
      bewaar(form, "geweigerd");
    } else {
      // Saved, or refused as a conflict with both texts shown: the browser copy is done.
      localStorage.removeItem(sleutel(form));
    }
  });
  window.addEventListener("online", function () {
    var el = document.getElementById("verbinding");
    if (el) { el.textContent = ""; }
    opnieuwVersturen();
  });
  window.addEventListener("offline", function () {
    var el = document.getElementById("verbinding");
    if (el) { el.textContent = "Geen verbinding. U kunt gewoon doortypen."; }
  });
  document.addEventListener("DOMContentLoaded", function () {
    herstellen();
    window.setInterval(function () { if (navigator.onLine) { opnieuwVersturen(); } }, 30000);
  });
})();
