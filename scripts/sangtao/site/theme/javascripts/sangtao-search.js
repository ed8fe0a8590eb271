/* The online site's search box (decision 72): Material's look, Pagefind's index.
   Nothing of the index is fetched when a page opens: pagefind.js (and through it the index
   fragments a query needs) is imported the first time something is typed. Pagefind folds
   diacritics itself, so "loc thang" and "Lộc Thắng" find the same pages. Results are built
   with DOM nodes and text, never from HTML: a unit's words stay text. */
(function () {
  "use strict";

  var box = document.querySelector("[data-sangtao-search]");
  if (!box) return;
  var toggle = document.getElementById("__search");
  var input = box.querySelector("input.md-search__input");
  var form = box.querySelector("form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var words = config.translations || {};
  var SHOWN = 10;
  var pagefind = null;
  var asked = 0;
  var timer = null;

  function word(key, count) {
    return (words[key] || "").replace("#", count);
  }

  // A large site has several indexes (decision 78), listed next to pagefind.js: the first
  // is pagefind.js's own, the others are merged into it and searched as one.
  function load() {
    if (!pagefind) {
      var src = new URL(box.getAttribute("data-sangtao-search"), location.href);
      var site = new URL(config.base.replace(/\/?$/, "/"), location.href).pathname;
      var settings = { baseUrl: site, excerptLength: 24 };
      var others = fetch(new URL("sangtao-indexes.json", src)).then(function (response) {
        return response.ok ? response.json() : [];
      });
      pagefind = Promise.all([import(src.href), others]).then(function (loaded) {
        var module = loaded[0];
        return module
          .options(settings)
          .then(function () {
            return Promise.all(
              loaded[1].map(function (folder) {
                return module.mergeIndex(new URL(folder, src).href, settings);
              })
            );
          })
          .then(function () {
            return module;
          });
      });
    }
    return pagefind;
  }

  // An excerpt is Pagefind's text with <mark> around the words found: keep those marks and
  // the text, drop anything else.
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    var out = document.createElement("p");
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(icon);
    article.appendChild(title);
    article.appendChild(excerpt(data.excerpt || ""));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function show(query, found, items) {
    list.textContent = "";
    if (!query) meta.textContent = word("search.result.placeholder");
    else if (found === 0) meta.textContent = word("search.result.none");
    else if (found === 1) meta.textContent = word("search.result.one");
    else meta.textContent = word("search.result.other", found);
    items.forEach(function (data) {
      list.appendChild(item(data));
    });
    box.setAttribute("data-shown", query); // what the list shows now (tests wait for it)
  }

  function search() {
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) {
      show("", 0, []);
      return;
    }
    load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (result) {
        var top = result.results.slice(0, SHOWN).map(function (r) {
          return r.data();
        });
        return Promise.all(top).then(function (items) {
          if (mine === asked) show(query, result.results.length, items);
        });
      });
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    } else if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      show("", 0, []);
      input.focus();
    });
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });
  // The header's magnifier opens the box; on phones the keyboard comes up only if the input
  // is focused in the same click.
  document.querySelectorAll("header [for=__search]").forEach(function (label) {
    label.addEventListener("click", function () {
      input.focus();
    });
  });
})();
