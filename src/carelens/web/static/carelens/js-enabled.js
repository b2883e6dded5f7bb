// Runs before the page paints, as GOV.UK Frontend's inline snippet would, but
// as a file so the Content-Security-Policy can forbid inline script.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
