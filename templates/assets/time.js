/*
  Kreds: moves a built page forward to the reader's clock (SITE.md, "Pages
  that age in the browser"): ended meetings leave "upcoming" lists, a running
  one shows "happening now", registration closes, the calendar's today mark
  moves. Only forward: a clock earlier than the build changes nothing.
*/
(function () {
  "use strict";
  var root = document.documentElement;
  var zone = root.getAttribute("data-time-zone") || undefined;

  // Today's date in the site's time zone, as YYYY-MM-DD.
  function today(now) {
    try {
      var parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
      }).formatToParts(now);
      var get = function (type) {
        for (var i = 0; i < parts.length; i++) if (parts[i].type === type) return parts[i].value;
        return "";
      };
      return get("year") + "-" + get("month") + "-" + get("day");
    } catch (e) {
      return null;
    }
  }

  var wholeDay = /^\d{4}-\d{2}-\d{2}$/;

  // Has the instant or date (a whole-day value is a date in the site's zone) passed?
  function reached(value, now, day) {
    if (!value) return false;
    if (wholeDay.test(value)) return day !== null && day >= value;
    var t = Date.parse(value);
    return !isNaN(t) && now.getTime() >= t;
  }

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  function update() {
    var now = new Date();
    var day = today(now);

    // Upcoming lists: hide meetings that have ended; say so when none are left.
    each("[data-upcoming]", function (list) {
      var visible = 0;
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        var card = items[i].querySelector("[data-occurrence-end]");
        if (card && reached(card.getAttribute("data-occurrence-end"), now, day)) items[i].hidden = true;
        if (!items[i].hidden) visible++;
      }
      var note = list.parentNode && list.parentNode.querySelector("[data-upcoming-empty]");
      if (note && visible === 0) {
        list.hidden = true;
        note.hidden = false;
      }
    });

    // "Happening now" between a card's start and end; never shown again once over.
    each("[data-occurrence-start]", function (el) {
      var badge = el.querySelector("[data-happening]");
      if (!badge) return;
      var ended = reached(el.getAttribute("data-occurrence-end"), now, day);
      if (ended) badge.hidden = true;
      else if (reached(el.getAttribute("data-occurrence-start"), now, day)) badge.hidden = false;
    });

    // An event's list of dates: mark the ones that have ended.
    each("li[data-occurrence-end]", function (li) {
      if (reached(li.getAttribute("data-occurrence-end"), now, day)) li.classList.add("is-past");
    });

    // Registration closes at its deadline (or when the meeting begins).
    each("[data-registration-closes]", function (box) {
      if (!reached(box.getAttribute("data-registration-closes"), now, day)) return;
      var open = box.querySelector("[data-registration-open]");
      var closed = box.querySelector("[data-registration-closed]");
      if (open) open.hidden = true;
      if (closed) closed.hidden = false;
    });

    // The month calendar: move "today" forward. A day built as past is never
    // marked (the clock is then earlier than the build).
    if (day === null) return;
    each("table[data-today-marker]", function (table) {
      var marked = table.querySelector(".month__day--today");
      var markedDay = marked && marked.querySelector("time[datetime]");
      if (markedDay && markedDay.getAttribute("datetime") >= day) return;
      var marker = marked && marked.querySelector(".month__today");
      var cells = table.querySelectorAll("td time.month__date[datetime]");
      var found = null;
      for (var i = 0; i < cells.length; i++) {
        var cell = cells[i].parentNode, date = cells[i].getAttribute("datetime");
        if (date === day && !cell.classList.contains("month__day--past")) found = cells[i];
        else if (date < day) cell.classList.add("month__day--past");
      }
      if (marked) {
        marked.classList.remove("month__day--today");
        marked.removeAttribute("aria-current");
        if (marker && !found) marker.parentNode.removeChild(marker);
      }
      if (!found) return;
      if (!marker) {
        marker = document.createElement("span");
        marker.className = "month__today";
        marker.textContent = table.getAttribute("data-today-marker");
      }
      found.parentNode.classList.add("month__day--today");
      found.parentNode.setAttribute("aria-current", "date");
      found.insertAdjacentElement("afterend", marker);
      found.insertAdjacentText("afterend", " ");
    });
  }

  update();
  setInterval(update, 60000);
})();
