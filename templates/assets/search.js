/*
  Kreds: the search page (SITE.md, "Search"). Reads the index that kreds build
  writes (SearchIndex.swift) in chunks: meta.json, the words starting like each
  query word (t/<key>.json), the documents of the hits (d/<n>.json). Words are
  folded and stemmed exactly as the index was (SearchText.swift,
  DanishStemmer.swift, EnglishStemmer.swift; the gate's search check compares
  them on every word of the index). No inline script, no innerHTML: every text
  goes in as a text node.
*/
(function () {
  "use strict";
  // ---- Words: as SearchText.swift ----
  var FOLD = { "æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "ß": "ss" };
  function fold(word) {
    var out = "";
    for (var ch of word.toLowerCase()) {
      if (FOLD[ch]) out += FOLD[ch];
      else if (ch < "\u0080") out += ch;
      else out += ch.normalize("NFD").replace(/\p{Mn}/gu, "");
    }
    return out;
  }
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
  function words(text) {
    return (text.match(WORD) || []).map(fold);
  }

  // ---- Snowball's Danish stemmer on folded words: as DanishStemmer.swift ----
  var VOWELS = "aeiouy", S_ENDING = "abcdfghjklmnoprtvyz", DOUBLED = "bdfgklmnprst";
  var MAIN = ["erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes",
    "ernes", "erens", "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres",
    "eret", "hed", "ene", "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e"];
  var PAIRS = ["gd", "dt", "gt", "kt"], OTHER = ["elig", "lig", "els", "ig"];
  function stemDanish(w) {
    if (w.length < 3 || /[^\x00-\x7f]/.test(w)) return w;
    var p1 = w.length, i = 0;
    while (i < w.length && VOWELS.indexOf(w[i]) < 0) i++;
    while (++i < w.length) if (VOWELS.indexOf(w[i]) < 0) { p1 = Math.max(i + 1, 3); break; }
    function inR1(s) { return w.length - s.length >= p1 && w.slice(-s.length) === s; }
    function pair() { if (PAIRS.some(inR1)) w = w.slice(0, -1); }
    var found = MAIN.find(inR1);
    if (found) w = w.slice(0, -found.length);
    else if (inR1("s") && S_ENDING.indexOf(w[w.length - 2]) >= 0) w = w.slice(0, -1);
    pair();
    if (w.slice(-4) === "igst") w = w.slice(0, -2);
    found = OTHER.find(inR1);
    if (found) { w = w.slice(0, -found.length); pair(); }
    var n = w.length;
    if (n >= 2 && n - 1 >= p1 && DOUBLED.indexOf(w[n - 1]) >= 0 && w[n - 1] === w[n - 2]) w = w.slice(0, -1);
    return w;
  }
  // ---- Snowball's English stemmer (Porter2) on folded words: as EnglishStemmer.swift ----
  var EXCEPTIONS = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news",
    howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
  var AFTER_1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
  var PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
  var STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"],
    ["iveness", "ive"], ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"],
    ["ation", "ate"], ["alism", "al"], ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"],
    ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["izer", "ize"],
    ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic"];
  function stemEnglish(input) {
    if (/[^\x00-\x7f]/.test(input)) return input;
    var w = input.replace(/^'/, "");
    if (w.length <= 2) return w;
    if (EXCEPTIONS[w]) return EXCEPTIONS[w];
    function vowel(c) { return "aeiouy".indexOf(c) >= 0; }
    w = w.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
    function region(start) {
      var i = start;
      while (i < w.length && !vowel(w[i])) i++;
      while (i < w.length && vowel(w[i])) i++;
      return Math.min(i + 1, w.length);
    }
    var r1 = region(0);
    PREFIXES.some(function (p) { if (w.lastIndexOf(p, 0) === 0) { r1 = p.length; return true; } return false; });
    var r2 = region(r1);
    function ends(s) { return w.length >= s.length && w.slice(-s.length) === s; }
    function cut(s, by) { w = w.slice(0, w.length - s.length) + by; }
    function inR1(s) { return w.length - s.length >= r1; }
    function inR2(s) { return w.length - s.length >= r2; }
    function shortEnd() {
      var n = w.length;
      if (n === 2) return vowel(w[0]) && !vowel(w[1]);
      return n >= 3 && !vowel(w[n - 3]) && vowel(w[n - 2]) && !vowel(w[n - 1]) && "wxY".indexOf(w[n - 1]) < 0;
    }
    function vowelBefore(n) { for (var i = 0; i < n; i++) if (vowel(w[i])) return true; return false; }
    var found;
    if ((found = ["'s'", "'s", "'"].find(ends))) cut(found, "");
    if (ends("sses")) cut("sses", "ss");
    else if (ends("ied") || ends("ies")) cut("ies", w.length > 4 ? "i" : "ie");
    else if (ends("us") || ends("ss")) { /* kept */ }
    else if (ends("s") && vowelBefore(w.length - 2)) w = w.slice(0, -1);
    if (AFTER_1A.indexOf(w) >= 0) return w;
    if ((found = ["eedly", "eed"].find(ends))) {
      if (inR1(found)) cut(found, "ee");
    } else if ((found = ["ingly", "edly", "ing", "ed"].find(ends)) && vowelBefore(w.length - found.length)) {
      cut(found, "");
      var last = w[w.length - 1];
      if (ends("at") || ends("bl") || ends("iz")) w += "e";
      else if (w.length >= 2 && last === w[w.length - 2] && "bdfgmnprt".indexOf(last) >= 0
        && !(w.length === 3 && vowel(w[0]))) w = w.slice(0, -1);
      else if (r1 >= w.length && (shortEnd() || w === "past")) w += "e";
    }
    if (w.length > 2 && (ends("y") || ends("Y")) && !vowel(w[w.length - 2])) w = w.slice(0, -1) + "i";
    if ((found = STEP2.find(function (p) { return ends(p[0]); })) && inR1(found[0])) {
      if (found[0] === "ogi") { if (w.length >= 4 && w[w.length - 4] === "l") cut(found[0], found[1]); }
      else if (found[0] === "li") { if (w.length >= 3 && "cdeghkmnrt".indexOf(w[w.length - 3]) >= 0) cut("li", ""); }
      else cut(found[0], found[1]);
    }
    if ((found = STEP3.find(function (p) { return ends(p[0]); })) && inR1(found[0])
      && (found[0] !== "ative" || inR2(found[0]))) cut(found[0], found[1]);
    if ((found = STEP4.find(ends)) && inR2(found)
      && (found !== "ion" || (w.length >= 4 && "st".indexOf(w[w.length - 4]) >= 0))) cut(found, "");
    if (ends("e")) {
      if (w === "paste") return w;
      var before = w.slice(0, -1), whole = w;
      w = before;
      var shortBefore = shortEnd();
      w = whole;
      if (inR2("e") || (inR1("e") && !shortBefore)) w = before;
    } else if (ends("l") && inR2("l") && w.length >= 2 && w[w.length - 2] === "l") w = w.slice(0, -1);
    return w.toLowerCase();
  }
  var stem = stemDanish;

  // The chunk of a word: as SearchIndex.chunkKey.
  function chunkKey(word) {
    var head = Array.from(word).slice(0, 2).join("");
    if (/^[a-z0-9]+$/.test(head)) return head;
    return "x" + Array.from(new TextEncoder().encode(head), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // One edit (insert, delete, replace or swap two neighbours) apart?
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1)
        || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The word functions, for the gate's check that they agree with the index's.
  window.kredsSearchText = { fold: fold, words: words, chunkKey: chunkKey,
    stem: { da: stemDanish, en: stemEnglish } };

  var box = document.querySelector("[data-search]");
  if (!box) return;
  function $(selector) { return box.querySelector(selector); }
  function label(name) { return box.getAttribute("data-" + name) || ""; }
  var form = $("[data-search-form]"), input = $("#search-q");
  var networkSelect = $("#search-network"), kindSelect = $("#search-kind");
  var status = $("[data-search-status]"), list = $("[data-search-results]");
  var lists = $("[data-search-lists]"), listsText = $("[data-search-lists-text]");
  var base = box.getAttribute("data-url");
  var zone = document.documentElement.getAttribute("data-time-zone") || undefined;
  var MAX_QUERY = 200, MAX_WORDS = 8, MAX_SCAN = 20000, SHOWN = 20, SNIPPET = 240;

  // ---- The index, fetched in chunks ----
  var fetched = {};
  function get(path) {
    if (!fetched[path]) {
      fetched[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
      fetched[path].catch(function () { delete fetched[path]; });
    }
    return fetched[path];
  }

  // Has an end (an instant, or a whole day's next date in the site's zone) come? As time.js.
  function today() {
    try {
      var p = {};
      new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
      return p.year + "-" + p.month + "-" + p.day;
    } catch (e) { return null; }
  }
  function ended(end) {
    if (!end) return false;
    if (/^\d{4}-\d{2}-\d{2}$/.test(end)) { var day = today(); return day !== null && day >= end; }
    var t = Date.parse(end);
    return !isNaN(t) && Date.now() >= t;
  }

  // The documents of one query word: document → score, and the keys it matched.
  function match(meta, chunk, word, prefix) {
    var keys = {}, scores = {}, scanned = 0;
    function note(key, weight) { if (!(keys[key] >= weight)) keys[key] = weight; }
    if (!chunk) return { scores: scores, keys: keys };
    var wanted = stem(word), again = stem(wanted);
    if (chunk.k[wanted]) note(wanted, 1);
    if (chunk.k[again]) note(again, 0.95);
    for (var surface in chunk.w) {
      if (++scanned > MAX_SCAN) break;
      if (surface === word) note(chunk.w[surface], 1);
      else if (prefix && surface.lastIndexOf(word, 0) === 0) note(chunk.w[surface], 0.8);
      else if (word.length >= 5 && oneEdit(surface, word)) note(chunk.w[surface], 0.6);
    }
    if (prefix) for (var key in chunk.k) if (key.lastIndexOf(word, 0) === 0) note(key, 0.7);
    // Nothing at all: a key that starts like the word's stem but for its last letter
    // ("electrified" → "electrifi" finds "electrification" → "electrif").
    if (!Object.keys(keys).length && wanted.length >= 7) {
      var shorter = wanted.slice(0, -1);
      for (var other in chunk.k) if (other.lastIndexOf(shorter, 0) === 0) note(other, 0.5);
    }
    for (var k in keys) {
      var postings = chunk.k[k];
      if (!postings) continue;
      var idf = Math.log(1 + meta.docs / (postings.length / 2));
      for (var j = 0; j < postings.length; j += 2) {
        var value = keys[k] * postings[j + 1] * idf;
        if (!(scores[postings[j]] >= value)) scores[postings[j]] = value;
      }
    }
    return { scores: scores, keys: keys };
  }

  function documents(meta, ids) {
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / meta.per)] = true; });
    return Promise.all(Object.keys(chunks).map(function (n) {
      return get("d/" + n + ".json").then(function (docs) {
        return docs.map(function (d, i) {
          return { id: n * meta.per + i, kind: d[0], title: d[1], url: d[2], date: d[3], dateText: d[4],
            networks: d[5], end: d[6], status: d[7], text: d[8] };
        });
      });
    })).then(function (parts) {
      var byId = {};
      parts.forEach(function (docs) { docs.forEach(function (d) { byId[d.id] = d; }); });
      return byId;
    });
  }

  // The hits of a query and filters ([{doc, score, ended}], best first), the words matched
  // and the index's meta.json.
  function search(query, network, kind) {
    return get("meta.json").then(function (meta) {
      if (meta.lang === "en") stem = stemEnglish;
      var typed = words(query.slice(0, MAX_QUERY)).filter(function (w) { return w.length >= 2; }).slice(0, MAX_WORDS);
      var prefix = !/\s$/.test(query);
      var networkIndex = -1;
      meta.networks.forEach(function (n, i) { if (n[0] === network) networkIndex = i; });
      var keysNeeded = {};
      typed.forEach(function (w) { var key = chunkKey(w); if (meta.keys.indexOf(key) >= 0) keysNeeded[key] = true; });
      return Promise.all(Object.keys(keysNeeded).map(function (key) {
        return get("t/" + key + ".json").then(function (chunk) { return [key, chunk]; });
      })).then(function (loaded) {
        var chunks = {};
        loaded.forEach(function (pair) { chunks[pair[0]] = pair[1]; });
        var total = null, matched = { keys: {}, words: typed, prefix: prefix && typed.length ? typed[typed.length - 1] : null };
        typed.forEach(function (w, n) {
          var result = match(meta, chunks[chunkKey(w)], w, prefix && n === typed.length - 1);
          for (var k in result.keys) matched.keys[k] = true;
          if (total === null) { total = result.scores; return; }
          var both = {};
          for (var id in total) if (result.scores[id] !== undefined) both[id] = total[id] + result.scores[id];
          total = both;
        });
        var ids;
        if (total === null) {
          if (networkIndex < 0 && !kind) return { hits: null, matched: matched, meta: meta };
          ids = [];
          for (var i = 0; i < meta.docs; i++) ids.push(i);
        } else {
          ids = Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a]; }).slice(0, 200);
        }
        return documents(meta, ids).then(function (byId) {
          var hits = ids.map(function (id) { return byId[id]; }).filter(function (d) {
            return d && (!kind || d.kind === kind) && (networkIndex < 0 || d.networks.indexOf(networkIndex) >= 0);
          }).map(function (d) {
            var over = d.kind === "event" && ended(d.end);
            var score = total === null ? 0 : total[d.id] * (d.kind === "event" ? (over ? 0.5 : 1.5) : 1);
            return { doc: d, score: score, ended: over };
          });
          hits.sort(function (a, b) {
            if (total !== null) return b.score - a.score;
            // No words: coming meetings soonest first, then the rest newest first.
            var ca = a.doc.kind === "event" && !a.ended, cb = b.doc.kind === "event" && !b.ended;
            if (ca !== cb) return ca ? -1 : 1;
            if (ca) return (a.doc.date || "") < (b.doc.date || "") ? -1 : 1;
            return (b.doc.date || "") < (a.doc.date || "") ? -1 : (b.doc.date || "") > (a.doc.date || "") ? 1 : 0;
          });
          return { hits: hits, matched: matched, meta: meta };
        });
      });
    });
  }

  // ---- Showing the hits ----
  function element(name, className, text) {
    var el = document.createElement(name);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function isMatch(word, matched) {
    if (matched.keys[stem(word)] || matched.words.indexOf(word) >= 0) return true;
    return matched.prefix !== null && matched.prefix.length >= 2 && word.lastIndexOf(matched.prefix, 0) === 0;
  }

  // The snippet, from a little before its first match, with every matching word marked.
  function snippet(text, matched) {
    var p = element("p", "search-hit__snippet"), found = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) if (isMatch(fold(m[0]), matched)) found.push([m.index, m.index + m[0].length]);
    var start = 0;
    if (found.length && found[0][0] > 160) {
      start = text.lastIndexOf(" ", found[0][0] - 60) + 1;
      p.appendChild(document.createTextNode("… "));
    }
    var at = start;
    found.forEach(function (f) {
      if (f[0] < start || f[1] - start > SNIPPET) return;
      p.appendChild(document.createTextNode(text.slice(at, f[0])));
      p.appendChild(element("mark", "", text.slice(f[0], f[1])));
      at = f[1];
    });
    var rest = text.slice(at), room = SNIPPET - (at - start);
    if (rest.length > room) rest = rest.slice(0, Math.max(0, rest.lastIndexOf(" ", room))) + " …";
    p.appendChild(document.createTextNode(rest));
    return p;
  }

  function show(result) {
    var meta = result.meta;
    list.textContent = "";
    if (result.hits === null) { status.textContent = label("prompt"); return; }
    var count = result.hits.length;
    status.textContent = count === 0 ? label("none") : count === 1 ? label("one") : label("results").replace("{count}", count);
    result.hits.slice(0, SHOWN).forEach(function (hit) {
      var d = hit.doc, li = element("li", "search-hit"), info = element("p", "search-hit__meta");
      info.appendChild(element("span", "badge badge--kind", label("kind-" + d.kind)));
      if (d.dateText) {
        var time = element("time", "", d.dateText);
        if (d.date) time.setAttribute("datetime", d.date);
        info.appendChild(document.createTextNode(" "));
        info.appendChild(time);
      }
      var names = d.networks.map(function (n) { return meta.networks[n] ? meta.networks[n][1] : ""; }).filter(Boolean);
      if (names.length && d.kind !== "network") info.appendChild(document.createTextNode(" · " + names.join(", ")));
      if (d.status) { info.appendChild(document.createTextNode(" ")); info.appendChild(element("span", "badge badge--postponed", d.status)); }
      if (hit.ended) { info.appendChild(document.createTextNode(" ")); info.appendChild(element("span", "badge badge--ended", label("ended"))); }
      var title = element("h2", "search-hit__title"), link = element("a", "", d.title);
      link.href = d.url;
      title.appendChild(link);
      li.appendChild(title);
      li.appendChild(info);
      li.appendChild(snippet(d.text, result.matched));
      list.appendChild(li);
    });
  }

  var current = 0, timer = null;
  function run() {
    var ticket = ++current, query = input.value, network = networkSelect.value, kind = kindSelect.value;
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (network) params.set("network", network);
    if (kind) params.set("kind", kind);
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    search(query, network, kind).then(function (result) {
      if (ticket !== current) return;
      show(result);
      lists.hidden = true;
      box.setAttribute("data-search-answered", ticket);
    }).catch(function () {
      if (ticket !== current) return;
      list.textContent = "";
      status.textContent = label("failed");
      listsText.textContent = label("failed");
      lists.hidden = false;
      box.setAttribute("data-search-answered", ticket);
    });
  }
  function later() { clearTimeout(timer); timer = setTimeout(run, 120); }

  // For bench/search/compare.py: the addresses of a query's hits, best first.
  window.kredsSearch = function (query) {
    return search(query, "", "").then(function (result) {
      return (result.hits || []).map(function (hit) { return hit.doc.url; });
    });
  };

  var params = new URLSearchParams(location.search);
  input.value = (params.get("q") || "").slice(0, MAX_QUERY);
  networkSelect.value = params.get("network") || "";
  kindSelect.value = params.get("kind") || "";
  form.hidden = false;
  lists.hidden = true;
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", later);
  networkSelect.addEventListener("change", run);
  kindSelect.addEventListener("change", run);
  run();
})();
