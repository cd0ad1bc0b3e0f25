/*
  Kreds: moves a built page forward to the reader's clock (SITE.md, "Pages
  that age in the browser"). Only forward: a clock before the build changes
  nothing.
*/
(function () {
  "use strict";
  var zone = at(document.documentElement, "data-time-zone") || undefined;

  // Today's date in the site's time zone, as YYYY-MM-DD.
  function today() {
    try {
      var p = {};
      new Intl.DateTimeFormat("en-CA", {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"})
        .formatToParts(now).forEach(function (x) { p[x.type] = x.value; });
      return p.year + "-" + p.month + "-" + p.day;
    } catch (e) {
      return null;
    }
  }

  var wholeDay = /^\d{4}-\d{2}-\d{2}$/;

  // Has the instant, or the date in the site's zone, come?
  function reached(value) {
    if (!value) return false;
    if (wholeDay.test(value)) return day !== null && day >= value;
    var t = Date.parse(value);
    return !isNaN(t) && now.getTime() >= t;
  }

  function at(el, name) {
    return el.getAttribute(name);
  }

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  var now, day;

  function update() {
    now = new Date();
    day = today();

    // Upcoming lists: hide ended meetings; say so when none are left.
    each("[data-upcoming]", function (list) {
      var visible = 0, items = list.children;
      for (var i = 0; i < items.length; i++) {
        var card = items[i].querySelector("[data-occurrence-end]");
        if (card && reached(at(card, "data-occurrence-end"))) items[i].hidden = true;
        if (!items[i].hidden) visible++;
      }
      var note = list.parentNode && list.parentNode.querySelector("[data-upcoming-empty]");
      if (note && visible === 0) {
        list.hidden = true;
        note.hidden = false;
      }
    });

    // A card's "happening now" between its start and end.
    each("[data-occurrence-start]", function (el) {
      var badge = el.querySelector("[data-happening]");
      if (!badge) return;
      if (reached(at(el, "data-occurrence-end"))) badge.hidden = true;
      else if (reached(at(el, "data-occurrence-start"))) badge.hidden = false;
    });

    // An event page's notice: "happening now", then "has ended".
    each("[data-event-state]", function (box) {
      var run = box.querySelector("[data-event-running]"), over = box.querySelector("[data-event-ended]");
      if (!run || !over) return;
      if (reached(at(box, "data-event-ends"))) {
        run.hidden = true;
        over.hidden = false;
      } else if (reached(at(run, "data-running-end"))) run.hidden = true;
      else if (reached(at(run, "data-running-start"))) run.hidden = false;
      box.hidden = run.hidden && over.hidden;
    });

    // An event's list of dates: mark the ones that have ended.
    each("li[data-occurrence-end]", function (li) {
      if (reached(at(li, "data-occurrence-end"))) li.classList.add("is-past");
    });

    // Registration closes at its deadline (or when the meeting begins).
    each("[data-registration-closes]", function (box) {
      if (!reached(at(box, "data-registration-closes"))) return;
      var open = box.querySelector("[data-registration-open]"), closed = box.querySelector("[data-registration-closed]");
      if (open) open.hidden = true;
      if (closed) closed.hidden = false;
    });

    // The month calendar: move "today" forward, never onto a day built as past.
    if (day === null) return;
    each("table[data-today-marker]", function (table) {
      var marked = table.querySelector(".month__day--today");
      var markedDay = marked && marked.querySelector("time[datetime]");
      if (markedDay && at(markedDay, "datetime") >= day) return;
      var marker = marked && marked.querySelector(".month__today");
      var cells = table.querySelectorAll("td time.month__date[datetime]");
      var found = null;
      for (var i = 0; i < cells.length; i++) {
        var cell = cells[i].parentNode, date = at(cells[i], "datetime");
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
        marker.textContent = at(table, "data-today-marker");
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
