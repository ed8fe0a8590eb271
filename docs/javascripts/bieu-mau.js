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
      slot.textContent = message;
      slot.hidden = false;
      wrap.classList.add("bm-co-loi");
      if (control) control.setAttribute("aria-invalid", "true");
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

  function textField(schema, path, required, options) {
    var id = nextId();
    var example = schema.examples && schema.examples.length ? "Ví dụ: " + schema.examples[0] : undefined;
    var control;
    if (schema.format === "date") {
      control = h("input", { type: "date", id: id, name: path });
    } else if ((schema.maxLength || 0) > 300) {
      control = h("textarea", { id: id, name: path, rows: schema.maxLength > 2000 ? 5 : 3, placeholder: example });
    } else {
      control = h("input", { type: "text", id: id, name: path, placeholder: example, autocomplete: "off" });
    }
    var field = scalarField(schema, path, required, control, options);
    field.read = function (check) {
      if (control.validity && control.validity.badInput) {
        field.fail(check, "Ngày chưa đúng: gõ đủ ngày, tháng, năm hoặc chọn trong lịch.");
        return undefined;
      }
      var value = clean(control.value);
      if (!value) return undefined;
      var n = length(value);
      if (schema.minLength && n < schema.minLength) {
        field.fail(check, "Quá ngắn: cần ít nhất " + schema.minLength + " ký tự, mới có " + n + ".");
      } else if (schema.maxLength && n > schema.maxLength) {
        field.fail(check, "Quá dài: tối đa " + schema.maxLength + " ký tự, đang có " + n + ". Rút gọn nội dung.");
      } else if (schema.format === "date" && !isDate(value)) {
        field.fail(check, "Không phải ngày có thật.");
      } else if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
        field.fail(check, patternMessage(schema));
      }
      return value;
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

  // ---- the form ------------------------------------------------------------------------

  var PERSON_HELP = "Đánh dấu nếu đây là mô hình riêng của một cá nhân (đảng viên, cán bộ), không phải của tập thể.";

  function buildForm(root, data) {
    var schema = data.schema;
    var kind = data.loai;
    var ctx = { fields: {}, special: {} };
    var units = data.don_vi || [];

    ctx.special.don_vi = function (s, path, required) {
      return choiceField(s, path, required, units.map(function (u) {
        return { value: u.ma, text: u.ten + " (" + u.ma + ")" };
      }), { label: "Đơn vị", help: "Chọn tổ chức cơ sở đảng của mình; mã đơn vị được ghi tự động." });
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

    var top = makeField(schema, "", true, ctx);
    top.node.classList.add("bm-goc");
    var fields = ctx.fields;

    // Prefilled dates: a progress update is dated today; a document is usually signed today.
    ["ngay", "ngay_van_ban"].forEach(function (key) {
      if (fields[key]) fields[key].control.value = today();
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
    if (kind !== "dang-ky" && fields.don_vi) {
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

    // A unit's page links here with ?don_vi=<code> when a document is missing: choose it.
    var asked = new URLSearchParams(window.location.search).get("don_vi");
    if (asked && fields.don_vi && units.some(function (u) { return u.ma === asked; })) {
      fields.don_vi.control.value = asked;
      fields.don_vi.control.dispatchEvent(new Event("change"));
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
      if (kind === "tien-do" && value.ngay && isDate(value.ngay)) {
        var model = registered();
        if (model && model.tu_ngay && (value.ngay < model.tu_ngay || value.ngay > model.den_ngay)) {
          fields.ngay.fail(check, "Ngày báo cáo phải trong thời gian thực hiện đã đăng ký (" +
            vnDate(model.tu_ngay) + " – " + vnDate(model.den_ngay) + ").");
        }
      }
    }

    function pathOf(value, personCode) {
      var folder = "submissions/" + value.nam + "/" + value.don_vi + "/" + (personCode ? "ca-nhan/" + personCode + "/" : "");
      if (kind === "tien-do") return folder + "tien-do/" + value.ngay + ".yaml";
      return folder + kind + ".yaml";
    }

    // The page: the fields, the button, the summary of problems, then the result.
    var summary = h("div", { class: "bm-tong-loi", role: "alert", hidden: true });
    var submit = h("button", { type: "submit", class: "md-button md-button--primary", text: "Kiểm tra và tạo tệp" });
    var form = h("form", { class: "bm-form", novalidate: true, "aria-label": schema.title }, [top.node, h("p", { class: "bm-nut" }, [submit]), summary]);
    var result = buildResult(data);
    root.textContent = "";
    root.append(form, result.node);

    form.addEventListener("input", function () { result.node.hidden = true; });
    form.addEventListener("change", function () { result.node.hidden = true; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearProblems(form);
      var check = [];
      var value = top.read(check);
      var personCode = person ? person.read(check) : value.ca_nhan && value.ca_nhan.ma;
      if (!check.length) crossCheck(value, check);
      if (check.length) {
        result.node.hidden = true;
        summary.textContent = "Còn " + check.length + " chỗ cần sửa (tô đỏ ở trên). Sửa xong, bấm «Kiểm tra và tạo tệp» lại.";
        summary.hidden = false;
        var firstBad = form.querySelector(".bm-co-loi");
        var target = firstBad && firstBad.querySelector("[aria-invalid], input, select, textarea, button");
        if (target) target.focus();
        return;
      }
      summary.hidden = true;
      var path = pathOf(value, personCode);
      var yaml = toYaml(value, schema.title + " (tạo bằng biểu mẫu trên trang web)");
      result.show(path, yaml);
    });
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

    var node = h("section", { class: "bm-ket-qua", hidden: true, "aria-live": "polite" }, [
      heading,
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
      show: function (path, yaml) {
        current = { path: path, yaml: yaml };
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
