// Kreds: the colour and font a partner's <iframe> address asks for, applied to the embeddable
// list. Only values from an allow-list are used, and only as a CSS value or a class name: nothing
// from the address is ever written into the page. Without this script the list shows in its
// own style.
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  var colour = query.get("farve") || query.get("colour") || query.get("color");
  if (colour !== null && /^(?:[0-9a-fA-F]{3}){1,2}$/.test(colour)) {
    root.style.setProperty("--embed-accent", "#" + colour);
  }
  var font = query.get("skrift") || query.get("font");
  if (font === "system" || font === "sans" || font === "serif") {
    root.classList.add("font-" + font);
  }
})();
