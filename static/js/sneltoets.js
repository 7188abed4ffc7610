// Keyboard shortcut to send a form: Ctrl+Enter (Cmd+Enter on a Mac) from any field of a form
// whose submit button announces it with aria-keyshortcuts="Control+Enter" (and a visible hint
// next to it, such as meldingen/melding_form.html). The button is used as the submitter, so
// the browser runs the same checks and sends the same data as a click on it.
// A static file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.isComposing) return;
    var form = e.target && e.target.form ? e.target.form : e.target.closest && e.target.closest("form");
    if (!form) return;
    var knop = form.querySelector('button[type="submit"][aria-keyshortcuts~="Control+Enter"]');
    if (!knop || knop.disabled) return;
    e.preventDefault();
    if (form.requestSubmit) { form.requestSubmit(knop); } else { knop.click(); }
  });
})();
