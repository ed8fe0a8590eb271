/*
 * Biểu mẫu nộp hồ sơ: the form pages bieu-mau/*.html.
 *
 * The page embeds its JSON Schema and the cycle's data (#bieu-mau-du-lieu). This script builds
 * the fields from the schema, checks them the way `sangtao check` does, and writes the YAML
 * text and its file name. Nothing is sent anywhere: the clerk copies it, downloads it, or opens
 * the forge's new-file page with it filled in. Plain ES2017, no build step, no dependencies.
 *
 * The YAML it writes: keys in schema order, two-space indentation, numbers and true/false bare,
 * every string double-quoted JSON-style (valid YAML, and safe from `no`, `010`, `1:20`, `- x`,
 * `#`, `"`), or a literal block `|-` for multi-line text whose lines are plain printable text.
 *
 * Sections: text · YAML · forge links · DOM helpers · fields · the form · start.
 */
(function () {
  "use strict";

  var MAX_URL = 8000; // GitHub answers 414 past 8 KB of URL; longer files are pasted instead
  var CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
  var REQUIRED = "Mục này bắt buộc, chưa điền.";

  // ---- text ----------------------------------------------------------------------------

  /** What the clerk typed, as the loader will read it: LF, NFC, no outer spaces, and none of
      the invisible characters the loader refuses (controls, bidi overrides, non-characters). */
  function clean(value) {
    return String(value)
      .replace(/\r\n?/g, "\n")
      // What the loader refuses: controls, format characters (zero-width, bidi, BOM, tags),
      // private use, unassigned, and the default-ignorable code points.
      .replace(/(?![\t\n])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/gu, "")
      .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, function (pair) {
        return pair.length === 2 ? pair : "\uFFFD"; // a lone surrogate cannot be written
      })
      .normalize("NFC")
      .trim();
  }

  /** Length in code points, as JSON Schema counts it. */
  function length(text) {
    return Array.from(text).length;
  }

  /** «Nguyễn Thị Lan» → «nguyen-thi-lan»: the folder name of a person. */
  function slug(name) {
    return clean(name)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "");
  }

  function isDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return day.getUTCFullYear() === +m[1] && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3];
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function vnDate(iso) {
    var p = iso.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }

  /** Descriptions are written for people editing YAML; two phrases read better in a form. */
  function helpText(schema) {
    return (schema.description || "")
      .replace(/ bắt đầu bằng `- `/g, "")
      .replace(/^true nếu (.*?), false nếu không\.?$/, "Đánh dấu nếu $1.");
  }

  // ---- YAML ----------------------------------------------------------------------------

  // Characters YAML will not take raw (or reads as line breaks): written as \u escapes.
  var UNSAFE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;
  // A line a literal block can hold as it is: printable, no tab, no space at either end.
  var PLAIN_LINE = /^(?:[^\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF](?:[^\t\n\r\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]*[^\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF])?)?$/;

  function quoted(text) {
    return JSON.stringify(text).replace(UNSAFE, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  /** Multi-line text whose lines all survive a `|-` block unchanged. */
  function literalOk(text) {
    var lines = text.split("\n");
    return lines.length > 1 && lines[0] !== "" && lines[lines.length - 1] !== "" &&
      lines.every(function (line) { return PLAIN_LINE.test(line); });
  }

  function scalar(head, value, pad, out) {
    if (typeof value === "string" && literalOk(value)) {
      out.push(head + " |-");
      value.split("\n").forEach(function (line) { out.push(line ? pad + line : ""); });
    } else if (typeof value === "string") {
      out.push(head + " " + quoted(value));
    } else {
      out.push(head + " " + String(value)); // numbers and booleans, already checked
    }
  }

  function mapping(object, pad, out) {
    Object.keys(object).forEach(function (key) {
      var value = object[key];
      if (Array.isArray(value)) {
        if (!value.length) out.push(pad + key + ": []");
        else { out.push(pad + key + ":"); sequence(value, pad + "  ", out); }
      } else if (value !== null && typeof value === "object") {
        if (!Object.keys(value).length) out.push(pad + key + ": {}");
        else { out.push(pad + key + ":"); mapping(value, pad + "  ", out); }
      } else {
        scalar(pad + key + ":", value, pad + "  ", out);
      }
    });
  }

  function sequence(items, pad, out) {
    items.forEach(function (item) {
      if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length) {
        var lines = [];
        mapping(item, pad + "  ", lines); // keys two columns in, the first behind "- "
        lines[0] = pad + "- " + lines[0].slice(pad.length + 2);
        out.push.apply(out, lines);
      } else if (Array.isArray(item) && item.length) {
        out.push(pad + "-");
        sequence(item, pad + "  ", out);
      } else if (item !== null && typeof item === "object") {
        out.push(pad + "- " + (Array.isArray(item) ? "[]" : "{}"));
      } else {
        scalar(pad + "-", item, pad + "  ", out);
      }
    });
  }

  /** A document as YAML text; ``comment`` (one line) goes on top. */
  function toYaml(document, comment) {
    var out = comment ? ["# " + comment.replace(/[\r\n]+/g, " ")] : [];
    mapping(document, "", out);
    return out.join("\n") + "\n";
  }

  // ---- forge links ---------------------------------------------------------------------

  /**
   * The forge's new-file page for ``path`` with ``text`` filled in. GitHub and Gitea/Forgejo
   * (since Gitea 1.15) both read ?filename=&value=. Past MAX_URL the page opens with only the
   * file name and the clerk pastes the text (it is copied when the link is clicked).
   */
  function forgeLink(repo, branch, path, text) {
    if (!repo || !/^https:\/\//.test(repo)) return null;
    repo = repo.replace(/\/+$/, "");
    var github = /^https:\/\/(www\.)?github\.com\//i.test(repo);
    var base = github ? repo + "/new/" + branch : repo + "/_new/" + branch + "/";
    var named = base + "?filename=" + encodeURIComponent(path);
    var full = named + "&value=" + encodeURIComponent(text);
    var fits = full.length <= MAX_URL;
    return { forge: github ? "GitHub" : "Gitea/Forgejo", url: fits ? full : named, prefilled: fits };
  }

  // ---- DOM helpers ---------------------------------------------------------------------

  var serial = 0;
  var cycleYear = new Date().getFullYear(); // the cycle's year once a form is built: examples use it
  function nextId() {
    serial += 1;
    return "bm-" + serial;
  }

  /** document.createElement with attributes, events ("on…") and children; never innerHTML. */
  function h(tag, props, children) {
    var node = document.createElement(tag);
    Object.entries(props || {}).forEach(function (entry) {
      var key = entry[0];
      var value = entry[1];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    [].concat(children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    });
    return node;
  }

  function star(required) {
    return required ? h("span", { class: "bm-sao", "aria-hidden": "true", text: " *" }) : null;
  }

  // ---- fields --------------------------------------------------------------------------
  //
  // A field is { node, read(check), fail(check, message), focus() }. read() returns the value,
  // or undefined when left empty, and reports its own problems; the object holding it reports
  // a missing required value. `check` is the list of fields that failed in this run.

  function problemSlot(id) {
    return h("p", { class: "bm-loi", id: id + "-loi", hidden: true });
  }

  function failer(wrap, slot, control) {
    return function (check, message) {
      if (check.indexOf(this) >= 0) return; // one message per field is enough
      check.push(this);
      this.message = message;
      this.wrap = wrap;
      slot.textContent = message;
      slot.hidden = false;
      wrap.classList.add("bm-co-loi");
      if (control) control.setAttribute("aria-invalid", "true");
      this.reset = function () {
        slot.hidden = true;
        slot.textContent = "";
        wrap.classList.remove("bm-co-loi");
        (control ? [control] : Array.from(wrap.querySelectorAll(":scope > .bm-ba-o [aria-invalid]"))).forEach(function (c) {
          c.removeAttribute("aria-invalid");
        });
      };
    };
  }

  function clearProblems(root) {
    root.querySelectorAll(".bm-loi").forEach(function (slot) { slot.hidden = true; slot.textContent = ""; });
    root.querySelectorAll(".bm-co-loi").forEach(function (node) { node.classList.remove("bm-co-loi"); });
    root.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }

  /** Label, help, control and problem slot around one control. */
  function scalarField(schema, path, required, control, options) {
    options = options || {};
    var id = control.id;
    var help = options.help !== undefined ? options.help : helpText(schema);
    var helpNode = help ? h("p", { class: "bm-goi-y", id: id + "-goi-y", text: help }) : null;
    var slot = problemSlot(id);
    control.setAttribute("aria-describedby", (helpNode ? id + "-goi-y " : "") + id + "-loi");
    if (required) control.setAttribute("aria-required", "true");
    var name = h("span", { class: "bm-ten", text: options.label || schema.title || path });
    var wrap = options.inline // a checkbox: the box first, then its name, all one label
      ? h("div", { class: "bm-truong bm-hop", "data-path": path }, [
        h("label", { for: id, class: "bm-nhan" }, [control, " ", name]), helpNode, slot])
      : h("div", { class: "bm-truong", "data-path": path }, [
        h("label", { for: id, class: "bm-nhan" }, [name, star(required)]), helpNode, control, slot]);
    control.addEventListener("input", function () {
      slot.hidden = true;
      wrap.classList.remove("bm-co-loi");
      control.removeAttribute("aria-invalid");
    });
    return {
      node: wrap,
      control: control,
      label: name,
      fail: failer(wrap, slot, control),
      focus: function () { control.focus(); },
    };
  }

  function patternMessage(schema) {
    var example = schema.examples && schema.examples.length ? String(schema.examples[0]) : "";
    if (schema.pattern === CODE) {
      return "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (-)" + (example ? ", ví dụ " + example : "") + ".";
    }
    return "Viết chưa đúng dạng." + (schema.description ? " " + schema.description : "") + (example ? " Ví dụ: " + example : "");
  }

  // Names and titles: a warning (never a problem) when typed without any Vietnamese diacritic.
  var NAMED = /(^|\.)(ten_mo_hinh|ho_ten|chuc_vu)$/;
  var NO_DIACRITICS = "Chữ này không có dấu tiếng Việt nào: có vẻ gõ thiếu dấu. Nên gõ lại có dấu " +
    "(ví dụ «Chi bộ thôn 1», không phải «Chi bo thon 1»); tên vốn không có dấu thì giữ nguyên, tệp vẫn được tạo.";

  /** True when the text has letters, and none of them is outside plain a–z. */
  function withoutDiacritics(text) {
    var letters = text.match(/\p{L}/gu) || [];
    return letters.length >= 2 && letters.every(function (c) { return /[A-Za-z]/.test(c); });
  }

  function textField(schema, path, required, options) {
    if (schema.format === "date") return dateField(schema, path, required, options);
    var id = nextId();
    var example = schema.examples && schema.examples.length ? "Ví dụ: " + schema.examples[0] : undefined;
    var control = (schema.maxLength || 0) > 300
      ? h("textarea", { id: id, name: path, rows: schema.maxLength > 2000 ? 5 : 3, placeholder: example })
      : h("input", { type: "text", id: id, name: path, placeholder: example, autocomplete: "off" });
    var field = scalarField(schema, path, required, control, options);
    if (NAMED.test(path)) {
      var warning = h("p", { class: "bm-canh-bao", id: id + "-canh-bao", hidden: true, text: NO_DIACRITICS });
      field.node.append(warning);
      control.setAttribute("aria-describedby", control.getAttribute("aria-describedby") + " " + warning.id);
      field.warn = function () {
        warning.hidden = !withoutDiacritics(clean(control.value));
        return !warning.hidden;
      };
      control.addEventListener("change", field.warn);
      control.addEventListener("input", function () { if (!warning.hidden) field.warn(); });
    }
    field.read = function (check) {
      if (field.warn) field.warn();
      var value = clean(control.value);
      if (!value) return undefined;
      var n = length(value);
      if (schema.minLength && n < schema.minLength) {
        field.fail(check, "Quá ngắn: cần ít nhất " + schema.minLength + " ký tự, mới có " + n + ".");
      } else if (schema.maxLength && n > schema.maxLength) {
        field.fail(check, "Quá dài: tối đa " + schema.maxLength + " ký tự, đang có " + n + ". Rút gọn nội dung.");
      } else if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
        field.fail(check, patternMessage(schema));
      }
      return value;
    };
    return field;
  }

  var MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  /**
   * A date as GOV.UK's date input, in Vietnamese order: three boxes «Ngày», «Tháng», «Năm».
   * The file stores ISO (2027-02-28). A whole date typed or pasted into «Ngày» (28/2/2027,
   * 28.2.2027, 28-2-2027) is spread over the three boxes.
   */
  function dateField(schema, path, required, options) {
    options = options || {};
    var id = nextId();
    var year = cycleYear;
    function box(part, label, size) {
      var input = h("input", {
        type: "text", inputmode: "numeric", autocomplete: "off", id: id + "-" + part,
        name: path + "-" + part, class: "bm-o-ngay bm-o-" + size, maxlength: part === "nam" ? 4 : 2,
      });
      return { input: input, node: h("div", { class: "bm-phan-ngay" }, [h("label", { for: input.id, text: label }), input]) };
    }
    var day = box("ngay", "Ngày", 2);
    var month = box("thang", "Tháng", 2);
    var yearBox = box("nam", "Năm", 4);
    var boxes = [day.input, month.input, yearBox.input];
    day.input.maxLength = 10; // room for a pasted 28/02/2027
    var help = options.help !== undefined ? options.help
      : [helpText(schema).replace(/\s*Dạng NĂM-THÁNG-NGÀY\.?/g, ""), "Ví dụ: 28 2 " + year + "."].join(" ").trim();
    var slot = problemSlot(id);
    var helpNode = h("p", { class: "bm-goi-y", id: id + "-goi-y", text: help });
    boxes.forEach(function (input) {
      input.setAttribute("aria-describedby", id + "-goi-y " + id + "-loi");
      if (required) input.setAttribute("aria-required", "true");
    });
    var name = h("span", { class: "bm-ten", text: options.label || schema.title || path });
    var wrap = h("fieldset", { class: "bm-truong bm-ngay", "data-path": path, id: id, role: "group" }, [
      h("legend", { class: "bm-nhan" }, [name, star(required)]), helpNode, slot,
      h("div", { class: "bm-ba-o" }, [day.node, month.node, yearBox.node]),
    ]);
    day.input.addEventListener("input", function () {
      var whole = /^\s*(\d{1,2})\s*[\/.\-\s]\s*(\d{1,2})\s*[\/.\-\s]\s*(\d{4})\s*$/.exec(day.input.value);
      if (whole) {
        day.input.value = whole[1];
        month.input.value = whole[2];
        yearBox.input.value = whole[3];
      }
    });
    var field = {
      node: wrap,
      control: day.input,
      label: name,
      focus: function () {
        var empty = boxes.filter(function (b) { return !b.value.trim(); })[0];
        (wrap.classList.contains("bm-co-loi") ? boxes.filter(function (b) { return b.getAttribute("aria-invalid"); })[0] || day.input : empty || day.input).focus();
      },
      set: function (iso) {
        var p = iso.split("-");
        day.input.value = String(+p[2]);
        month.input.value = String(+p[1]);
        yearBox.input.value = p[0];
      },
    };
    var fail = failer(wrap, slot, null);
    field.fail = function (check, message, which) {
      var before = check.length;
      fail.call(field, check, message);
      if (check.length > before) {
        (which || boxes).forEach(function (b) { b.setAttribute("aria-invalid", "true"); });
      }
    };
    wrap.addEventListener("input", function () {
      slot.hidden = true;
      wrap.classList.remove("bm-co-loi");
      boxes.forEach(function (b) { b.removeAttribute("aria-invalid"); });
    });
    field.read = function (check) {
      var parts = boxes.map(function (b) { return b.value.trim(); });
      if (!parts.join("")) return undefined;
      var missing = boxes.filter(function (b, i) { return !parts[i]; });
      if (missing.length) {
        var words = [];
        if (!parts[0]) words.push("ngày");
        if (!parts[1]) words.push("tháng");
        if (!parts[2]) words.push("năm");
        field.fail(check, "Còn thiếu " + words.join(", ") + ". Ghi đủ ngày, tháng, năm, ví dụ 28 2 " + year + ".", missing);
        return undefined;
      }
      var wrong = boxes.filter(function (b, i) { return !/^\d+$/.test(parts[i]); });
      if (wrong.length) {
        field.fail(check, "Ngày, tháng, năm chỉ ghi bằng chữ số, ví dụ 28 2 " + year + ".", wrong);
        return undefined;
      }
      var d = +parts[0];
      var m = +parts[1];
      var y = +parts[2];
      if (parts[2].length !== 4) {
        field.fail(check, "Năm ghi đủ bốn chữ số, ví dụ " + year + ".", [yearBox.input]);
        return undefined;
      }
      if (m < 1 || m > 12) {
        field.fail(check, "Tháng phải từ 1 đến 12.", [month.input]);
        return undefined;
      }
      var iso = y + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
      if (d < 1 || d > MONTH_DAYS[m - 1] || !isDate(iso)) {
        var last = m === 2 && !isDate(y + "-02-29") ? 28 : MONTH_DAYS[m - 1];
        field.fail(check, "Không có ngày " + d + "/" + m + "/" + y + ": tháng " + m + (m === 2 ? " năm " + y : "") +
          " chỉ có " + last + " ngày.", [day.input]);
        return undefined;
      }
      return iso;
    };
    return field;
  }

  function numberField(schema, path, required, options) {
    var id = nextId();
    var integer = schema.type === "integer";
    var example = schema.examples && schema.examples.length ? "Ví dụ: " + String(schema.examples[0]).replace(".", ",") : undefined;
    var control = integer
      ? h("input", { type: "number", id: id, name: path, step: 1, min: schema.minimum, max: schema.maximum, placeholder: example })
      : h("input", { type: "text", inputmode: "decimal", id: id, name: path, placeholder: example, autocomplete: "off" });
    options = Object.assign({}, options);
    if (!integer) options.help = [helpText(schema), "Số thập phân viết bằng dấu phẩy, ví dụ 7,5."].join(" ").trim();
    var field = scalarField(schema, path, required, control, options);
    field.read = function (check) {
      if (control.validity && control.validity.badInput) {
        field.fail(check, "Chỉ ghi chữ số.");
        return undefined;
      }
      var raw = control.value.trim();
      if (!raw) return undefined;
      var value;
      if (integer) {
        if (!/^-?\d+$/.test(raw)) return field.fail(check, "Ghi số nguyên, không có phần thập phân, ví dụ 40.");
        value = Number(raw);
      } else {
        if (/^-?[1-9]\d{0,2}([.,]\d{3})+$/.test(raw)) {
          return field.fail(check, "Không rõ đây là số thập phân hay số hàng nghìn. Số thập phân viết bằng dấu phẩy, ví dụ 7,5; số hàng nghìn viết liền, ví dụ 2500.");
        }
        if (!/^-?\d+([.,]\d+)?$/.test(raw)) return field.fail(check, "Ghi một con số, ví dụ 7,5 hoặc 120.");
        value = Number(raw.replace(",", "."));
      }
      if (!/^-?\d+(\.\d+)?$/.test(String(value))) return field.fail(check, "Con số quá lớn hoặc quá nhỏ.");
      var low = schema.minimum;
      var high = schema.maximum;
      if ((low !== undefined && value < low) || (high !== undefined && value > high)) {
        field.fail(check, low !== undefined && high !== undefined ? "Phải từ " + low + " đến " + high + "."
          : low !== undefined ? "Phải từ " + low + " trở lên." : "Không được quá " + high + ".");
      }
      return value;
    };
    return field;
  }

  function choiceField(schema, path, required, choices, options) {
    var id = nextId();
    var control = h("select", { id: id, name: path }, [h("option", { value: "", text: "— Chọn —" })].concat(
      choices.map(function (c) { return h("option", { value: c.value, text: c.text }); })));
    control.addEventListener("change", function () { control.dispatchEvent(new Event("input")); });
    var field = scalarField(schema, path, required, control, options);
    field.read = function () { return control.value || undefined; };
    return field;
  }

  function checkboxField(schema, path) {
    var control = h("input", { type: "checkbox", id: nextId(), name: path });
    var field = scalarField(schema, path, false, control, { inline: true });
    field.read = function () { return control.checked; };
    return field;
  }

  /** `oneOf: [{required: [a]}, {required: [b]}]` → [a, b]. */
  function alternativesOf(schema) {
    var branches = schema.oneOf;
    if (!branches || !branches.every(function (b) { return Object.keys(b).join() === "required"; })) return null;
    return branches.map(function (b) { return b.required[0]; });
  }

  function objectField(schema, path, required, ctx, options) {
    options = options || {};
    var id = nextId();
    var slot = problemSlot(id);
    var help = helpText(schema);
    if (!required && !options.label && (schema.required || []).length) {
      help += (help ? " " : "") + "Không bắt buộc; nếu ghi thì ghi đủ các mục có dấu *.";
    }
    var legend = h("legend", { class: "bm-nhan" }, [h("span", { class: "bm-ten", text: options.label || schema.title || "" }), star(required)]);
    var box = h("fieldset", { class: "bm-nhom", "data-path": path, id: id }, [legend, help ? h("p", { class: "bm-goi-y", text: help }) : null, slot]);
    var needed = schema.required || [];
    var children = Object.keys(schema.properties || {}).map(function (key) {
      var childPath = path ? path + "." + key : key;
      var child = makeField(schema.properties[key], childPath, needed.indexOf(key) >= 0, ctx);
      box.append(child.node);
      return { key: key, field: child, required: needed.indexOf(key) >= 0 };
    });
    var field = {
      node: box,
      legend: legend.firstChild,
      fail: failer(box, slot, null),
      focus: function () { var first = box.querySelector("input, select, textarea"); if (first) first.focus(); },
    };
    field.read = function (check) {
      var value = {};
      var before = check.length;
      children.forEach(function (c) {
        var v = c.field.read(check);
        if (v !== undefined) value[c.key] = v;
      });
      var filled = Object.keys(value).some(function (k) { return typeof value[k] !== "boolean"; });
      if (!required && !filled && check.length === before) return undefined; // left out altogether
      children.forEach(function (c) {
        if (c.required && value[c.key] === undefined) c.field.fail(check, REQUIRED);
      });
      if (schema.minProperties && Object.keys(value).length < schema.minProperties) {
        field.fail(check, "Ghi ít nhất một mục trong nhóm này.");
      }
      var alternatives = alternativesOf(schema);
      if (alternatives) {
        var names = alternatives.map(function (k) { return "«" + schema.properties[k].title + "»"; });
        var given = alternatives.filter(function (k) { return value[k] !== undefined; });
        if (given.length === 0) field.fail(check, "Ghi " + names.join(" hoặc ") + " (một trong hai).");
        if (given.length > 1) field.fail(check, "Chỉ ghi một trong hai: " + names.join(" hoặc ") + ", không ghi cả hai.");
      }
      return value;
    };
    return field;
  }

  /** An array: repeatable rows (strings) or groups (objects), with "Thêm"/"Xóa" buttons. */
  function listField(schema, path, required, ctx) {
    var id = nextId();
    var items = schema.items || {};
    var groups = items.type === "object";
    var least = schema.minItems || 0;
    var most = schema.maxItems || Infinity;
    var slot = problemSlot(id);
    var help = helpText(schema);
    var rowsNode = h("div", { class: "bm-dong" });
    var add = h("button", { type: "button", class: "md-button bm-them", text: groups ? "Thêm mục" : "Thêm dòng" });
    var box = h("fieldset", { class: "bm-nhom bm-danh-sach", "data-path": path, id: id }, [
      h("legend", { class: "bm-nhan" }, [h("span", { class: "bm-ten", text: schema.title || path }), star(required)]),
      help ? h("p", { class: "bm-goi-y", text: help }) : null,
      slot,
      rowsNode,
      add,
    ]);
    var rows = [];

    function caption(i) { return (groups ? "Mục " : "Dòng ") + (i + 1); }

    function renumber() {
      rows.forEach(function (row, i) {
        var from = path + "." + row.index;
        var to = path + "." + i;
        [row.node].concat(Array.from(row.node.querySelectorAll("[name], [data-path]"))).forEach(function (c) {
          ["name", "data-path"].forEach(function (key) {
            var old = c.getAttribute(key);
            if (old && (old === from || old.indexOf(from + ".") === 0)) c.setAttribute(key, to + old.slice(from.length));
          });
        });
        row.index = i;
        (row.field.legend || row.field.label).textContent = caption(i);
      });
      add.disabled = rows.length >= most;
      rows.forEach(function (row) { row.remove.disabled = rows.length <= least; });
    }

    function addRow() {
      var i = rows.length;
      var rowPath = path + "." + i;
      var field = groups
        ? objectField(items, rowPath, false, ctx, { label: caption(i) })
        : textField(items, rowPath, false, { label: caption(i), help: "" });
      var row = { index: i, field: field };
      row.remove = h("button", {
        type: "button",
        class: "md-button bm-xoa",
        text: groups ? "Xóa mục này" : "Xóa",
        onclick: function () {
          rows.splice(rows.indexOf(row), 1);
          row.node.remove();
          renumber();
          box.dispatchEvent(new Event("input", { bubbles: true }));
        },
      });
      row.node = h("div", { class: "bm-mot-dong" }, [field.node, row.remove]);
      rows.push(row);
      rowsNode.append(row.node);
      renumber();
      return row;
    }

    add.addEventListener("click", function () {
      var row = addRow();
      var first = row.node.querySelector("input, textarea, select");
      if (first) first.focus();
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    for (var n = 0; n < Math.max(1, least); n += 1) addRow();

    var field = {
      node: box,
      fail: failer(box, slot, null),
      focus: function () { var first = box.querySelector("input, textarea, select, button"); if (first) first.focus(); },
    };
    field.read = function (check) {
      var values = [];
      rows.forEach(function (row) {
        var v = row.field.read(check);
        if (v !== undefined) values.push(v);
      });
      if (values.length < least) field.fail(check, least === 1 ? "Cần ít nhất một dòng." : "Cần ít nhất " + least + " dòng.");
      if (values.length > most) field.fail(check, "Nhiều nhất " + most + " dòng.");
      return values.length ? values : undefined;
    };
    return field;
  }

  /** The field for one schema node; `ctx.fields` remembers each by its path. */
  function makeField(schema, path, required, ctx) {
    var special = ctx.special[path];
    var field;
    var types = [].concat(schema.type || []);
    if (special) {
      field = special(schema, path, required);
    } else if (schema.oneOf && schema.oneOf.every(function (b) { return "const" in b; })) {
      field = choiceField(schema, path, required, schema.oneOf.map(function (b) {
        return { value: b.const, text: b.title || b.const };
      }));
    } else if (types[0] === "object") {
      field = objectField(schema, path, required, ctx);
    } else if (types[0] === "array") {
      field = listField(schema, path, required, ctx);
    } else if (types[0] === "boolean") {
      field = checkboxField(schema, path);
    } else if (types.indexOf("string") < 0 && (types[0] === "integer" || types[0] === "number")) {
      field = numberField(schema, path, required);
    } else {
      field = textField(schema, path, required);
    }
    ctx.fields[path] = field;
    return field;
  }

  /** A group the clerk switches on with a checkbox: left out of the file while it is off. */
  function optionalGroup(label, help, inner) {
    var box = h("input", { type: "checkbox", id: nextId(), name: "ca-nhan-bat" });
    var toggle = h("div", { class: "bm-truong bm-hop" }, [
      h("label", { for: box.id, class: "bm-nhan" }, [box, " ", h("span", { class: "bm-ten", text: label })]),
      h("p", { class: "bm-goi-y", text: help }),
    ]);
    inner.node.hidden = true;
    box.addEventListener("change", function () {
      inner.node.hidden = !box.checked;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    return {
      node: h("div", {}, [toggle, inner.node]),
      box: box,
      fail: inner.fail,
      focus: inner.focus,
      read: function (check) { return box.checked ? inner.read(check) : undefined; },
    };
  }

  // ---- the score sheet -----------------------------------------------------------------

  /** «7,5» for 7.5: numbers as people read them. */
  function vnNumber(n) {
    return String(Math.round(n * 100) / 100).replace(".", ",");
  }

  /**
   * The appraiser's fields, from the cycle's rubric (page data `tham_dinh`): who scores, which
   * model, one group per criterion (points up to its maximum, by halves, and the reason), the
   * proposed level from the cycle's levels, the pledge of no conflict of interest.
   */
  function scoreSpecials(ctx, data, units) {
    var rubric = data.tham_dinh;
    var team = rubric.to;
    function unitOf(code) { return units.filter(function (u) { return u.ma === code; })[0]; }

    ctx.special.nguoi_cham = function (s, path, required) {
      return choiceField(s, path, required, team.map(function (m) {
        return { value: m.tai_khoan, text: m.ho_ten + ", " + m.chuc_vu + " (" + m.tai_khoan + ")" };
      }), { label: "Người chấm", help: "Chọn tên mình trong Tổ thẩm định; tên tệp là tài khoản của mình." });
    };
    var personField = null;
    ctx.special.ca_nhan = function (s, path, required) {
      personField = choiceField(s, path, required, [], {
        label: "Mô hình được chấm",
        help: "Để trống nếu chấm mô hình của tập thể; chọn tên nếu chấm mô hình của một cá nhân trong đơn vị.",
      });
      personField.control.options[0].textContent = "Mô hình của tập thể";
      return personField;
    };
    ctx.special.diem = function (s, path, required) {
      var id = nextId();
      var slot = problemSlot(id);
      var total = h("p", { class: "bm-tong-diem", role: "status" });
      var box = h("fieldset", { class: "bm-nhom", "data-path": path, id: id }, [
        h("legend", { class: "bm-nhan" }, [h("span", { class: "bm-ten", text: s.title }), star(required)]),
        h("p", { class: "bm-goi-y", text: "Mỗi tiêu chí của đợt: điểm (từ 0 đến điểm tối đa, chấm lẻ 0,5) và lý do cho điểm. Tổng tối đa " + rubric.tong + " điểm." }),
        slot,
      ]);
      var items = s.items.properties;
      var rows = rubric.tieu_chi.map(function (c, i) {
        var rowPath = path + "." + i;
        var points = numberField(Object.assign({}, items.diem, {
          maximum: c.diem_toi_da, description: "Từ 0 đến " + c.diem_toi_da + " điểm; chấm lẻ 0,5.",
        }), rowPath + ".diem", true, { label: "Điểm (tối đa " + c.diem_toi_da + ")" });
        var reason = textField(Object.assign({}, items.nhan_xet), rowPath + ".nhan_xet", true, { label: "Nhận xét, lý do cho điểm" });
        var group = h("fieldset", { class: "bm-nhom bm-tieu-chi", "data-path": rowPath, "data-tieu-chi": c.ma }, [
          h("legend", { class: "bm-nhan" }, [h("span", { class: "bm-ten", text: (i + 1) + ". " + c.ten })]),
          c.huong_dan ? h("p", { class: "bm-goi-y", text: c.huong_dan }) : null,
          points.node, reason.node,
        ]);
        box.append(group);
        ctx.fields[rowPath + ".diem"] = points;
        ctx.fields[rowPath + ".nhan_xet"] = reason;
        return { criterion: c, points: points, reason: reason };
      });
      box.append(total);
      function sum() {
        var points = rows.map(function (r) { return Number(r.points.control.value.trim().replace(",", ".")); });
        var known = points.every(function (n, i) { return rows[i].points.control.value.trim() !== "" && isFinite(n); });
        var value = points.reduce(function (a, b) { return a + (isFinite(b) ? b : 0); }, 0);
        var level = rubric.xep_loai.filter(function (lv) { return value >= lv.tu_diem; })[0];
        total.textContent = "Tổng điểm: " + vnNumber(value) + "/" + rubric.tong + (known && level ? " — mức «" + level.ten + "»." : ".");
      }
      box.addEventListener("input", sum);
      sum();
      var field = { node: box, fail: failer(box, slot, null), focus: function () { rows[0].points.focus(); } };
      field.read = function (check) {
        return rows.map(function (r) {
          var points = r.points.read(check);
          var reason = r.reason.read(check);
          if (points === undefined) r.points.fail(check, REQUIRED); // one message per field: a first one stays
          if (reason === undefined) r.reason.fail(check, REQUIRED);
          if (points !== undefined && Math.round(points * 2) !== points * 2) {
            r.points.fail(check, "Điểm chấm lẻ đến 0,5: ví dụ 7 hoặc 7,5.");
          }
          return { tieu_chi: r.criterion.ma, diem: points, nhan_xet: reason };
        });
      };
      return field;
    };
    ctx.special.de_xuat_xep_loai = function (s, path, required) {
      return choiceField(s, path, required, rubric.xep_loai.map(function (lv) {
        return { value: lv.ma, text: lv.ten + " (từ " + vnNumber(lv.tu_diem) + " điểm)" };
      }), { label: "Đề xuất xếp loại", help: "Mức xếp loại của đợt mà đồng chí đề xuất cho mô hình." });
    };
    ctx.special.khong_xung_dot = function (s, path) {
      var control = h("input", { type: "checkbox", id: nextId(), name: path });
      var field = scalarField(s, path, true, control, {
        inline: true, label: "Tôi cam kết không có xung đột lợi ích với đơn vị, cá nhân này",
        help: "Bắt buộc. Có xung đột lợi ích thì không chấm phiếu này.",
      });
      field.read = function (check) {
        if (!control.checked) field.fail(check, "Cần đánh dấu cam kết; có xung đột lợi ích thì không được chấm mô hình này.");
        return control.checked ? true : undefined;
      };
      return field;
    };

    return {
      /** After the fields exist: the model list follows the unit chosen. */
      wire: function (fields) {
        fields.don_vi.control.addEventListener("change", function () {
          var unit = unitOf(fields.don_vi.control.value);
          var select = personField.control;
          while (select.options.length > 1) select.remove(1);
          var collective = unit && unit.mo_hinh.filter(function (m) { return !m.ca_nhan; })[0];
          select.options[0].textContent = "Mô hình của tập thể" + (collective ? ": «" + collective.ten_mo_hinh + "»" : "");
          (unit ? unit.mo_hinh : []).forEach(function (m) {
            if (m.ca_nhan) select.append(h("option", { value: m.ca_nhan, text: (m.ho_ten || m.ca_nhan) + ": «" + m.ten_mo_hinh + "»" }));
          });
        });
      },
      crossCheck: function (value, check) {
        var member = team.filter(function (m) { return m.tai_khoan === value.nguoi_cham; })[0];
        if (member && value.don_vi && member.xung_dot.indexOf(value.don_vi) >= 0) {
          ctx.fields.nguoi_cham.fail(check, "Đồng chí " + member.ho_ten + " không được chấm đơn vị này (đơn vị mình sinh hoạt, " +
            "đã khai xung đột lợi ích, hoặc mình là người nộp hồ sơ). Để thành viên khác của Tổ chấm.");
        }
        var unit = unitOf(value.don_vi);
        var model = unit && unit.mo_hinh.filter(function (m) { return (m.ca_nhan || undefined) === value.ca_nhan; })[0];
        if (unit && !model) {
          ctx.fields.ca_nhan.fail(check, "Đơn vị này chưa có bản đăng ký của mô hình tập thể: chọn mô hình của một cá nhân.");
        }
      },
    };
  }

  // ---- the unit, by committee ----------------------------------------------------------

  function unitChoice(u) {
    return { value: u.ma, text: u.ten + " (" + u.ma + ")" };
  }

  /**
   * A long list (decision 77): the page names the committees (a flat roster's blocks); the clerk
   * chooses his, its units load from its data file (a <script>, which works from file:// where fetch does
   * not; the file sets window.SangtaoDonVi[<committee>]), then he chooses his unit. Loaded
   * units join `units`, which the rest of the form reads.
   */
  function unitPicker(s, path, required, data, units, scored) {
    var field = choiceField(s, path, required, units.map(unitChoice), {
      label: "Đơn vị", help: "Chọn tổ chức cơ sở đảng của mình trong danh sách của cấp ủy đã chọn; mã đơn vị được ghi tự động.",
    });
    var control = field.control;
    var byBlock = data.theo_khoi;
    var own = units.slice(); // in the page itself: the committees' own models (registration)
    var id = nextId();
    var groups = data.cap_uy.slice();
    if (own.length) groups.unshift({ ma: "#cap-uy", ten: "Mô hình của chính cấp ủy (đăng ký với cấp trên)", don_vi: own });
    var select = h("select", { id: id, name: "cap_uy", "aria-describedby": id + "-goi-y " + id + "-tt" },
      [h("option", { value: "", text: "— Chọn —" })].concat(groups.map(function (g) {
        return h("option", { value: g.ma, text: g.ten });
      })));
    var state = h("p", { class: "bm-thong-tin", id: id + "-tt", role: "status" });
    var wrap = h("div", { class: "bm-truong", "data-path": "cap_uy" }, [
      h("label", { for: id, class: "bm-nhan" }, [h("span", { class: "bm-ten", text: byBlock ? "Khối" : "Cấp ủy cấp trên trực tiếp" }), star(required)]),
      h("p", { class: "bm-goi-y", id: id + "-goi-y", text: byBlock
        ? "Chọn trước khối của tổ chức cơ sở đảng của mình (xã, thị trấn; trường học …); danh sách đơn vị của khối đó hiện ra ở mục dưới."
        : "Chọn trước cấp ủy mà tổ chức cơ sở đảng của mình trực thuộc; danh sách đơn vị của cấp ủy đó hiện ra ở mục dưới." }),
      select, state]);

    function show(list) {
      while (control.options.length > 1) control.remove(1);
      list.forEach(function (u) {
        if (scored && !u.mo_hinh.length) return; // only a registered model is scored
        if (!units.some(function (v) { return v.ma === u.ma; })) units.push(u);
        var c = unitChoice(u);
        control.append(h("option", { value: c.value, text: c.text }));
      });
    }

    function load(group, done) {
      var store = window.SangtaoDonVi || {};
      if (group.don_vi || store[group.ma]) return done(group.don_vi || store[group.ma]);
      state.textContent = "Đang tải danh sách đơn vị…";
      var script = h("script", { src: group.tep });
      script.addEventListener("load", function () {
        var found = (window.SangtaoDonVi || {})[group.ma];
        state.textContent = found ? "" : "Không tải được danh sách đơn vị. Tải lại trang rồi chọn lại.";
        if (found) done(found);
      });
      script.addEventListener("error", function () {
        state.textContent = "Không tải được danh sách đơn vị (thiếu tệp " + group.tep + "). Tải lại trang rồi chọn lại.";
      });
      document.head.append(script);
    }

    function pick(code, then) {
      var group = groups.filter(function (g) { return g.ma === code; })[0];
      select.value = group ? code : "";
      control.value = "";
      show([]);
      control.dispatchEvent(new Event("change"));
      if (!group) return;
      load(group, function (list) {
        if (select.value !== code) return; // the clerk chose another committee meanwhile
        show(list);
        state.textContent = (byBlock ? "Khối" : "Cấp ủy") + " này có " + (control.options.length - 1) + " đơn vị trong danh sách.";
        if (then) then();
      });
    }
    select.addEventListener("change", function () { pick(select.value); });

    var node = h("div", { class: "bm-chon-don-vi" }, [wrap, field.node]);
    function hint(code) {
      state.textContent = "Trang được mở cho đơn vị có mã «" + code + "»: chọn " +
        (byBlock ? "khối" : "cấp ủy") + " của đơn vị ở đây, rồi chọn đơn vị ở mục dưới.";
    }
    return Object.assign(field, { node: node, pick: pick, hint: hint });
  }

  // ---- the form ------------------------------------------------------------------------

  var PERSON_HELP = "Đánh dấu nếu đây là mô hình riêng của một cá nhân (đảng viên, cán bộ), không phải của tập thể.";

  function buildForm(root, data) {
    cycleYear = data.nam;
    var schema = data.schema;
    var kind = data.loai;
    var ctx = { fields: {}, special: {} };
    var units = data.don_vi || [];

    ctx.special.don_vi = function (s, path, required) {
      if (data.cap_uy) return unitPicker(s, path, required, data, units, kind === "phieu-cham");
      return choiceField(s, path, required, units.map(unitChoice),
        { label: "Đơn vị", help: "Chọn tổ chức cơ sở đảng của mình; mã đơn vị được ghi tự động." });
    };
    ctx.special.nam = function (s, path, required) {
      var field = numberField(s, path, required, { help: "Năm của đợt, điền sẵn." });
      field.control.value = data.nam;
      field.control.readOnly = true;
      return field;
    };
    ctx.special.ca_nhan = function (s, path) {
      return optionalGroup("Mô hình của cá nhân", PERSON_HELP, objectField(s, path, true, ctx));
    };

    var rubric = kind === "phieu-cham" ? scoreSpecials(ctx, data, units) : null;

    var top = makeField(schema, "", true, ctx);
    top.node.classList.add("bm-goc");
    var fields = ctx.fields;
    // Steps first: what is added next to a field below lands in that field's step.
    var steps = buildSteps(top, fields, schema, data.buoc || []);

    if (rubric) rubric.wire(fields);

    // Prefilled dates: a progress update is dated today; a document is usually signed today.
    ["ngay", "ngay_van_ban"].forEach(function (key) {
      if (fields[key]) fields[key].set(today());
    });

    // Registration: suggest the person's folder name from their name, until the clerk edits it.
    var personName = fields["ca_nhan.ho_ten"];
    var personCode = fields["ca_nhan.ma"];
    if (personName && personCode) {
      var suggested = "";
      personName.control.addEventListener("input", function () {
        if (personCode.control.value === suggested) {
          suggested = slug(personName.control.value);
          personCode.control.value = suggested;
        }
      });
    }

    // Progress and report: which model (the unit's, or a person's registered one).
    var person = null;
    var notice = h("p", { class: "bm-thong-tin", role: "status" });
    if ((kind === "tien-do" || kind === "bao-cao") && fields.don_vi) {
      var codeSchema = { title: "Mã cá nhân", description: "Mã cá nhân như trong bản đăng ký của cá nhân (tên thư mục ca-nhan/<mã>/).", type: "string", pattern: CODE, maxLength: 60, examples: ["nguyen-thi-lan"] };
      var listId = nextId();
      var code = textField(codeSchema, "ca_nhan_ma", true);
      code.control.setAttribute("list", listId);
      code.node.append(h("datalist", { id: listId }));
      person = optionalGroup("Mô hình của cá nhân", PERSON_HELP, {
        node: h("div", { class: "bm-nhom-con" }, [code.node]),
        fail: code.fail,
        focus: code.focus,
        read: function (check) {
          var value = code.read(check);
          if (value === undefined) code.fail(check, REQUIRED);
          return value;
        },
      });
      person.code = code;
      fields.don_vi.node.after(person.node, notice);
    }

    function unitOf(codeValue) {
      return units.filter(function (u) { return u.ma === codeValue; })[0];
    }

    function registered() {
      var unit = unitOf(fields.don_vi.control.value);
      if (!unit) return undefined;
      var who = person && person.box.checked ? clean(person.code.control.value) || null : null;
      return unit.mo_hinh.filter(function (m) { return (m.ca_nhan || null) === who; })[0] || null;
    }

    var autoTitle = "";
    function showModel() {
      if (!person) return;
      var unit = unitOf(fields.don_vi.control.value);
      var list = person.code.node.querySelector("datalist");
      list.textContent = "";
      (unit ? unit.mo_hinh : []).forEach(function (m) {
        if (m.ca_nhan) list.append(h("option", { value: m.ca_nhan, label: m.ho_ten || m.ca_nhan }));
      });
      var model = registered();
      if (model === undefined) {
        notice.textContent = "";
      } else if (model) {
        notice.textContent = "Mô hình đã đăng ký: «" + model.ten_mo_hinh + "»" +
          (model.tu_ngay ? ", thực hiện từ " + vnDate(model.tu_ngay) + " đến " + vnDate(model.den_ngay) : "") + ".";
      } else {
        notice.textContent = "Trang chưa thấy bản đăng ký năm " + data.nam + " của mô hình này. " +
          "Báo cáo chỉ được nhận khi mô hình đã có bản đăng ký (có thể bản đăng ký đang chờ hợp nhất).";
      }
      var title = fields.ten_mo_hinh;
      if (title && model && (title.control.value === "" || title.control.value === autoTitle)) {
        autoTitle = model.ten_mo_hinh;
        title.control.value = autoTitle;
      }
    }
    if (person) {
      fields.don_vi.control.addEventListener("change", showModel);
      person.box.addEventListener("change", showModel);
      person.code.control.addEventListener("input", showModel);
    }

    // A unit's page links here with ?don_vi=<code> (and its committee, &cap_uy=<code>, when
    // units load by committee) when a document is missing: choose it.
    var query = new URLSearchParams(window.location.search);
    var asked = query.get("don_vi");
    function chooseAsked() {
      if (asked && units.some(function (u) { return u.ma === asked; })) {
        fields.don_vi.control.value = asked;
        fields.don_vi.control.dispatchEvent(new Event("change"));
      }
    }
    if (asked && fields.don_vi && fields.don_vi.pick) {
      if (query.get("cap_uy")) fields.don_vi.pick(query.get("cap_uy"), chooseAsked);
      else fields.don_vi.hint(asked); // a link without the committee: the clerk chooses it
    } else if (asked && fields.don_vi) {
      chooseAsked();
    }

    /** Rules that need two fields, as `sangtao check` has them (rules.py). */
    function crossCheck(value, check) {
      var first = data.khung[0];
      var last = data.khung[1];
      if (kind === "dang-ky") {
        var period = value.thoi_gian_thuc_hien || {};
        var from = period.tu_ngay;
        var to = period.den_ngay;
        var window = "Thời gian thực hiện phải nằm trong khung của đợt, từ " + vnDate(first) + " đến " + vnDate(last) + ".";
        if (from && isDate(from) && from < first) fields["thoi_gian_thuc_hien.tu_ngay"].fail(check, window);
        if (to && isDate(to) && to > last) fields["thoi_gian_thuc_hien.den_ngay"].fail(check, window);
        if (from && to && isDate(from) && isDate(to) && from > to) {
          fields["thoi_gian_thuc_hien.den_ngay"].fail(check, "Ngày kết thúc phải sau ngày bắt đầu.");
        }
        var signed = value.ngay_van_ban;
        if (signed && isDate(signed) && (signed < data.nam - 1 + "-01-01" || signed > data.nam + "-12-31")) {
          fields.ngay_van_ban.fail(check, "Ngày ký bản đăng ký phải trong năm " + (data.nam - 1) + " hoặc " + data.nam + ".");
        }
      }
      if (rubric) rubric.crossCheck(value, check);
      if (kind === "tien-do" && value.ngay && isDate(value.ngay)) {
        var model = registered();
        if (model && model.tu_ngay && (value.ngay < model.tu_ngay || value.ngay > model.den_ngay)) {
          fields.ngay.fail(check, "Ngày báo cáo phải trong thời gian thực hiện đã đăng ký (" +
            vnDate(model.tu_ngay) + " – " + vnDate(model.den_ngay) + ").");
        }
      }
    }

    function pathOf(value, personCode) {
      if (rubric) {
        return ["submissions", value.nam, "tham-dinh", value.don_vi].concat(value.ca_nhan ? [value.ca_nhan] : [])
          .concat([value.nguoi_cham + ".yaml"]).join("/");
      }
      var folder = "submissions/" + value.nam + "/" + value.don_vi + "/" + (personCode ? "ca-nhan/" + personCode + "/" : "");
      if (kind === "tien-do") return folder + "tien-do/" + value.ngay + ".yaml";
      return folder + kind + ".yaml";
    }

    // The page: the summary of problems on top (GOV.UK's error summary), the steps, the
    // buttons, then the result.
    var summaryList = h("ul", { class: "bm-ds-loi" });
    var summaryText = h("p", {});
    var summary = h("div", { class: "bm-tong-loi", role: "alert", tabindex: "-1", hidden: true, "aria-labelledby": "bm-tong-loi-tieu-de" }, [
      h("h2", { id: "bm-tong-loi-tieu-de", text: "Có lỗi cần sửa" }), summaryText, summaryList]);
    var submit = h("button", { type: "submit", class: "md-button md-button--primary", text: "Kiểm tra và tạo tệp" });
    var back = h("button", { type: "button", class: "md-button bm-lui", text: "Quay lại" });
    var forward = h("button", { type: "button", class: "md-button md-button--primary bm-tiep", text: "Tiếp tục" });
    var form = h("form", { class: "bm-form", novalidate: true, "aria-label": schema.title }, [
      summary, steps ? steps.progress : null, top.node, h("p", { class: "bm-nut" }, [back, " ", forward, " ", submit])]);
    var result = buildResult(data);
    root.textContent = "";
    root.append(form, result.node);

    /** Every problem of the form now (or of one step): the fields that failed, in page order. */
    function validate(section) {
      clearProblems(form);
      var check = [];
      var value = top.read(check);
      var personCode = person ? person.read(check) : value.ca_nhan && value.ca_nhan.ma;
      crossCheck(value, check);
      if (section) {
        check.filter(function (f) { return !section.contains(f.wrap); }).forEach(function (f) { f.reset(); });
        check = check.filter(function (f) { return section.contains(f.wrap); });
      }
      check.sort(function (a, b) {
        return a.wrap.compareDocumentPosition(b.wrap) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      return { check: check, value: value, personCode: personCode };
    }

    /** «Thời gian thực hiện › Từ ngày»: a field's name with the groups around it. */
    function nameOf(f) {
      var names = [];
      for (var node = f.wrap; node && node !== top.node; node = node.parentElement) {
        var own = node.matches("fieldset, .bm-truong") ? node.querySelector(".bm-ten") : null;
        if (own && node.contains(own) && names[0] !== own.textContent) names.unshift(own.textContent);
      }
      return names.join(" › ");
    }

    function showSummary(check) {
      summaryText.textContent = "Còn " + check.length + " chỗ cần sửa. Bấm vào từng dòng dưới đây để tới chỗ đó; mỗi chỗ cũng ghi lời nhắc ngay dưới mục.";
      summaryList.textContent = "";
      check.forEach(function (f) {
        var target = f.wrap.querySelector("[aria-invalid]") || f.wrap.querySelector("input:not([type=hidden]), select, textarea") || f.wrap;
        summaryList.append(h("li", {}, [h("a", {
          href: "#" + target.id,
          text: nameOf(f) + ": " + f.message,
          onclick: function (event) {
            event.preventDefault();
            if (steps && steps.of(f.wrap) !== steps.current) showStep(steps.of(f.wrap), true);
            f.focus();
            (document.activeElement || target).scrollIntoView({ block: "center" });
          },
        })]));
      });
      summary.hidden = false;
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    }

    function showStep(i, keepSummary) {
      steps.show(i);
      if (!keepSummary) summary.hidden = true;
      back.hidden = i === 0;
      forward.hidden = i === steps.count - 1;
      submit.hidden = !forward.hidden;
    }
    if (steps) {
      showStep(0);
      back.addEventListener("click", function () { clearProblems(form); showStep(steps.current - 1); steps.focus(); });
      forward.addEventListener("click", function () {
        var found = validate(steps.section());
        if (found.check.length) return showSummary(found.check);
        showStep(steps.current + 1);
        steps.focus();
      });
      steps.onJump = function (i) { clearProblems(form); showStep(i); steps.focus(); };
    } else {
      back.hidden = true;
      forward.hidden = true;
    }

    form.addEventListener("input", function () { result.node.hidden = true; });
    form.addEventListener("change", function () { result.node.hidden = true; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (steps && steps.current < steps.count - 1) return forward.click(); // Enter in a field: next step
      var found = validate(null);
      if (found.check.length) {
        result.node.hidden = true;
        return showSummary(found.check);
      }
      summary.hidden = true;
      var value = found.value;
      var path = pathOf(value, found.personCode);
      var yaml = toYaml(value, schema.title + " (tạo bằng biểu mẫu trên trang web)");
      var warned = Array.from(form.querySelectorAll(".bm-canh-bao:not([hidden])")).length;
      result.show(path, yaml, warned ? "Lưu ý: " + warned + " mục có vẻ gõ thiếu dấu tiếng Việt (ghi ngay dưới mục). Tệp vẫn dùng được; nên sửa trước khi nộp." : "");
    });
  }

  /**
   * Long forms in steps (the page data's `buoc`: name and top-level keys of each step). All steps
   * stay in one form: the file is made from all of them, print shows them all.
   */
  function buildSteps(top, fields, schema, plan) {
    if (plan.length < 2) return null;
    var count = plan.length;
    var sections = plan.map(function (step, i) {
      // The step's own heading shows on paper, where every step is printed; on screen the
      // progress line above says where the clerk is.
      return h("section", { class: "bm-buoc", "data-buoc": i + 1, "aria-label": step.ten }, [
        h("h2", { class: "bm-buoc-in", text: "Bước " + (i + 1) + "/" + count + ": " + step.ten })]);
    });
    Object.keys(schema.properties || {}).forEach(function (key) {
      var at = plan.findIndex(function (step) { return step.muc.indexOf(key) >= 0; });
      if (fields[key]) sections[at < 0 ? count - 1 : at].append(fields[key].node); // nothing left out
    });
    top.node.append.apply(top.node, sections);
    var line = h("h2", { class: "bm-tien-trinh", tabindex: "-1" });
    var list = h("ol", { class: "bm-cac-buoc" });
    var api = {
      count: count,
      current: 0,
      progress: h("nav", { class: "bm-buoc-nav", "aria-label": "Các bước của biểu mẫu" }, [line, list]),
      section: function () { return sections[api.current]; },
      of: function (node) { return sections.findIndex(function (s) { return s.contains(node); }); },
      focus: function () {
        line.focus();
        api.progress.scrollIntoView({ block: "start" });
      },
      onJump: null,
      show: function (i) {
        if (i < 0) return;
        api.current = i;
        sections.forEach(function (s, n) { s.hidden = n !== i; });
        line.textContent = "Bước " + (i + 1) + "/" + count + ": " + plan[i].ten;
        list.textContent = "";
        plan.forEach(function (step, n) {
          var text = step.ten;
          var item = n < i // steps already passed can be opened again; later ones only by «Tiếp tục»
            ? h("button", { type: "button", class: "bm-ve-buoc", text: text, onclick: function () { api.onJump(n); } })
            : h("span", { text: text });
          list.append(h("li", { class: n === i ? "bm-buoc-nay" : n < i ? "bm-buoc-xong" : "", "aria-current": n === i ? "step" : null }, [item]));
        });
      },
    };
    return api;
  }

  /** The result: file name, text, copy, download, and the forge's new-file page. */
  function buildResult(data) {
    var pathNode = h("code", { class: "bm-duong-dan" });
    var text = h("textarea", { class: "bm-yaml", readonly: true, rows: 14, spellcheck: "false", "aria-label": "Nội dung tệp" });
    var status = h("span", { class: "bm-da-chep", role: "status" });
    var heading = h("h2", { tabindex: "-1", text: "Tệp đã sẵn sàng" });
    var forgeBox = h("div", { class: "bm-kho" });
    var current = { path: "", yaml: "" };

    function copy() {
      var done = function () { status.textContent = "Đã sao chép nội dung tệp."; };
      var fallback = function () {
        text.focus();
        text.select();
        try {
          document.execCommand("copy");
          done();
        } catch (e) {
          status.textContent = "Không sao chép được: bấm vào ô nội dung, Ctrl+A rồi Ctrl+C.";
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(current.yaml).then(done, fallback);
      } else {
        fallback();
      }
    }

    function download() {
      var blob = new Blob([current.yaml], { type: "text/yaml;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var a = h("a", { href: url, download: current.path.split("/").pop(), hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    var noteNode = h("p", { class: "bm-canh-bao", hidden: true });
    var node = h("section", { class: "bm-ket-qua", hidden: true, "aria-live": "polite" }, [
      heading,
      noteNode,
      h("p", {}, ["Tên tệp (đường dẫn trong kho): ", pathNode]),
      text,
      h("p", { class: "bm-nut" }, [
        h("button", { type: "button", class: "md-button md-button--primary bm-sao-chep", text: "Sao chép", onclick: copy }),
        " ",
        h("button", { type: "button", class: "md-button bm-tai-ve", text: "Tải tệp về", onclick: download }),
        " ",
        status,
      ]),
      forgeBox,
    ]);

    function forgeSteps(link, path) {
      forgeBox.textContent = "";
      if (!link) {
        forgeBox.append(h("p", { text: "Trang chưa biết địa chỉ kho trên máy chủ Git (mục kho_ma_nguon trong danh sách đơn vị). " +
          "Sao chép hoặc tải tệp về, rồi nộp theo trang Cách nộp hồ sơ, với đúng tên tệp ở trên." }));
        return;
      }
      var anchor = h("a", {
        href: link.url,
        class: "md-button md-button--primary bm-mo-kho",
        target: "_blank",
        rel: "noopener noreferrer",
        text: "Mở trang tạo tệp trên " + link.forge,
        onclick: copy,
      });
      var steps = link.forge === "GitHub" ? [
        "Bấm nút trên (đăng nhập bằng tài khoản của đơn vị nếu được hỏi). Nội dung tệp cũng được sao chép sẵn.",
        "Kiểm tra ô tên tệp đúng là " + path + (link.prefilled ? "." : ". Nội dung dài nên không gửi kèm được trong liên kết: bấm vào ô soạn thảo rồi dán (Ctrl+V)."),
        "Bấm «Commit changes…», ghi một dòng mô tả, chọn tạo nhánh mới và yêu cầu gộp (pull request) nếu được hỏi, bấm «Propose changes» rồi «Create pull request». Tài khoản không có quyền ghi thì GitHub tự tạo bản sao (fork): đó là bình thường.",
        "Xem kết quả của máy kiểm tra trên trang yêu cầu gộp; nếu báo lỗi, sửa theo hướng dẫn trong thông báo.",
      ] : [
        "Bấm nút trên (đăng nhập nếu được hỏi). Nội dung tệp cũng được sao chép sẵn.",
        "Kiểm tra ô tên tệp đúng là " + path + ". Nếu ô nội dung còn trống (máy chủ cũ, hoặc nội dung quá dài để gửi kèm liên kết), bấm vào ô rồi dán (Ctrl+V).",
        "Chọn «Tạo nhánh mới cho commit này và bắt đầu yêu cầu kéo» (Create a new branch … and start a pull request), bấm «Commit Changes», rồi tạo yêu cầu kéo (pull request). Tài khoản không có quyền ghi vào kho thì trước hết tạo bản sao (Fork) của kho, rồi tạo tệp trong bản sao đó.",
        "Xem kết quả của máy kiểm tra trên trang yêu cầu kéo; nếu báo lỗi, sửa theo hướng dẫn trong thông báo.",
      ];
      forgeBox.append(
        h("p", {}, [anchor]),
        h("ol", {}, steps.map(function (s) { return h("li", { text: s }); })),
        h("p", { class: "bm-goi-y", text: "Nút «Tải tệp về» lưu tệp " + path.split("/").pop() +
          " vào máy để giữ lại; cách nộp tệp đã có sẵn xem ở trang Cách nộp hồ sơ." })
      );
    }

    return {
      node: node,
      show: function (path, yaml, note) {
        current = { path: path, yaml: yaml };
        noteNode.textContent = note || "";
        noteNode.hidden = !note;
        pathNode.textContent = path;
        text.value = yaml;
        status.textContent = "";
        forgeSteps(forgeLink(data.kho, data.nhanh || "main", path, yaml), path);
        node.hidden = false;
        heading.focus();
      },
    };
  }

  // ---- start ---------------------------------------------------------------------------

  window.BieuMau = { clean: clean, slug: slug, toYaml: toYaml, forgeLink: forgeLink, isDate: isDate };

  function start() {
    var root = document.getElementById("bieu-mau");
    var source = document.getElementById("bieu-mau-du-lieu");
    if (!root || !source) return;
    buildForm(root, JSON.parse(source.textContent));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
