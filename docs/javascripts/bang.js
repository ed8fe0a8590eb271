/* Sorting and filtering for the status tables (tables with data-sangtao="… sangtao-sortable").
   Sorting: the vendored tablesort library. Filtering: a text box above the table that
   ignores Vietnamese diacritics, so "loc thang" finds "Lộc Thắng". No network, works from
   file://. */
(function () {
  "use strict";

  // Without diacritics, case, apostrophes and hyphens ("B'Lá" → "bla"), as words between
  // single spaces. What the clerk types is matched as a phrase from the start of a word:
  // "loc bao" finds "Lộc Bảo" but neither "Lộc An … đồng bào" nor "Blộc bao".
  function fold(text) {
    return " " + text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’‘ʼ-]/g, "")
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .join(" ") + " ";
  }

  // On a phone each row is a card (sangtao.css): every cell shows its column's name.
  function label(table) {
    var names = Array.prototype.map.call(table.tHead ? table.tHead.rows[0].cells : [], function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i]) { cell.setAttribute("data-label", names[i]); }
        });
      });
    });
  }

  function addFilter(table) {
    if (table.dataset.sangtaoReady) {
      return;
    }
    table.dataset.sangtaoReady = "1";
    if (window.Tablesort) {
      new window.Tablesort(table);
    }
    var box = document.createElement("input");
    box.type = "search";
    box.className = "sangtao-filter";
    box.placeholder = "Lọc bảng (gõ có dấu hoặc không dấu)…";
    box.setAttribute("aria-label", "Lọc bảng");
    var count = document.createElement("span");
    count.className = "sangtao-filter-count";
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    function apply() {
      var phrase = fold(box.value).trim();
      var words = phrase ? [phrase] : [];
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = !phrase || texts[i].indexOf(" " + phrase) !== -1;
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = words.length ? shown + "/" + rows.length + " dòng" : "";
    }
    box.addEventListener("input", apply);
    var wrapper = table.closest(".md-typeset__scrollwrap") || table;
    wrapper.parentNode.insertBefore(box, wrapper);
    wrapper.parentNode.insertBefore(count, wrapper);
  }

  function init() {
    document.querySelectorAll("table[data-sangtao]").forEach(label);
    document.querySelectorAll('table[data-sangtao~="sangtao-sortable"]').forEach(addFilter);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
