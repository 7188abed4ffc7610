/* Onderzoek: keep the consulent's text when the connection drops, and send it when it returns.
 *
 * Each section form (data-autosave) saves itself through htmx. When a save cannot reach the
 * server (or the server fails), the form's values, with the versie they were based on, are kept
 * in localStorage and sent again on the "online" event and every 30 seconds. A save the server
 * refused as invalid (422) is kept too, so closing the laptop loses nothing; it is not retried
 * until the consulent changes the text. After a reload of the page every kept text is put back
 * into its form and sent. A stale versie still gets the server's 409 conflict with both texts:
 * nothing is overwritten silently.
 *
 * The keys carry the medewerker's id (data-gebruiker on <body>): a copy is only ever put back for
 * the person who typed it. Logging out, the end of the session and the login page remove every
 * copy (static/js/sessie.js): on a shared workstation it is health data.
 *
 * Just before the session ends, static/js/sessie.js sends the event "kt:sessie-einde": every
 * section whose text the server does not have yet is sent once more, and the event learns when
 * those saves are done.
 */
(function () {
  "use strict";
  var PREFIX = "keukentafel:onderzoek:" + (document.body.getAttribute("data-gebruiker") || "") + ":";
  var opgeslagen = new WeakMap();  // form → its values as the server has them (JSON)

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

  // The text of a form, without its versie (the server moves that on with every save).
  function alsTekst(form) {
    var data = waarden(form);
    Object.keys(data).forEach(function (k) { if (/(^|-)versie$/.test(k)) { delete data[k]; } });
    return JSON.stringify(data);
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
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = formVan(e.detail.elt);
    if (form) { form.ktVerstuurd = alsTekst(form); }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = formVan(e.detail.elt);
    var s = e.detail.xhr ? e.detail.xhr.status : 0;
    if (!form || s === 0) { return; }
    if (s >= 200 && s < 300) { opgeslagen.set(form, form.ktVerstuurd); }
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
  // The session is about to end: send what the server does not have, and say when it is done.
  document.addEventListener("kt:sessie-einde", function (e) {
    if (!window.htmx) { return; }
    document.querySelectorAll("form[data-autosave][hx-post]").forEach(function (form) {
      if (alsTekst(form) === opgeslagen.get(form) && !bewaard(form)) { return; }
      e.detail.wacht.push(new Promise(function (klaar) {
        function na(ev) {
          if (formVan(ev.detail.elt) !== form) { return; }
          document.removeEventListener("htmx:afterRequest", na);
          document.removeEventListener("htmx:sendError", na);
          klaar();
        }
        document.addEventListener("htmx:afterRequest", na);
        document.addEventListener("htmx:sendError", na);
        status(form, "Uw tekst wordt bewaard voordat u wordt uitgelogd…");
        window.htmx.trigger(form, "kt-opnieuw");
      }));
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) { opgeslagen.set(form, alsTekst(form)); });
    herstellen();
    window.setInterval(function () { if (navigator.onLine) { opnieuwVersturen(); } }, 30000);
  });
})();
