/* Sorting and filtering for the status tables (tables with class "sangtao-sortable").
   Sorting: the vendored tablesort library. Filtering: a text box above the table that
   ignores Vietnamese diacritics, so "loc thang" finds "Lộc Thắng". No network, works from
   file://. */
(function () {
  "use strict";

  function fold(text) {
    return text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
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
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
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
    document.querySelectorAll("table.sangtao-sortable").forEach(addFilter);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
