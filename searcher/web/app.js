// SPDX-License-Identifier: Apache-2.0
// Podium web UI enhancements. The pages work without this file (server-rendered HTML, plain GET
// forms); it adds the shortlist (kept in localStorage, no login), instant facet toggling and
// the shortlist page's CSV export and lineup summary. Data is written with textContent only.
(function () {
  'use strict';

  var STORAGE_KEY = 'podium.shortlist.v1';
  var FOCUS_KEY = 'podium.facet-focus';
  var FIELDS = ['id', 'name', 'pronouns', 'headline', 'location', 'languages', 'topics', 'url'];

  document.documentElement.classList.add('js');

  function text(value) {
    return typeof value === 'string' ? value : '';
  }

  // Only same-site profile paths become links, whatever is in storage.
  function profilePath(entry) {
    var url = text(entry.url);
    return url.indexOf('/speakers/') === 0 ? url : '/speakers/' + encodeURIComponent(entry.id);
  }

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return [];
    }
    if (!raw) return [];
    try {
      var parsed = JSON.parse(raw);
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(function (entry) {
        return entry && typeof entry === 'object' && typeof entry.id === 'string' && entry.id;
      });
    } catch (e) {
      return [];
    }
  }

  function save(list) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    } catch (e) {
      // Storage full or disabled: the shortlist just does not persist.
    }
  }

  function indexOf(list, id) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === id) return i;
    }
    return -1;
  }

  function entryFromButton(button) {
    var entry = {};
    FIELDS.forEach(function (field) {
      entry[field] = button.getAttribute('data-' + field) || '';
    });
    entry.added = new Date().toISOString();
    return entry;
  }

  function updateCount() {
    var count = load().length;
    document.querySelectorAll('[data-shortlist-count]').forEach(function (node) {
      node.textContent = count > 0 ? '(' + count + ')' : '';
      node.hidden = count === 0;
    });
  }

  function updateButton(button, list) {
    var on = indexOf(list, button.getAttribute('data-id')) >= 0;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    button.textContent = on ? 'On shortlist ✓ (remove)' : 'Add to shortlist';
    button.classList.toggle('is-on', on);
  }

  function updateButtons() {
    var list = load();
    document.querySelectorAll('.shortlist-toggle').forEach(function (button) {
      updateButton(button, list);
    });
  }

  function setupButtons() {
    document.querySelectorAll('.shortlist-toggle').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var list = load();
        var id = button.getAttribute('data-id');
        var at = indexOf(list, id);
        if (at >= 0) {
          list.splice(at, 1);
        } else {
          list.push(entryFromButton(button));
        }
        save(list);
        updateButtons();
        updateCount();
        renderShortlistPage();
      });
    });
    updateButtons();
  }

  // Ticking a facet box runs the search at once; focus returns to the same box after the reload
  // so keyboard users keep their place.
  function setupFacets() {
    var form = document.querySelector('.facet-form');
    if (!form) return;
    form.addEventListener('change', function (event) {
      var box = event.target;
      if (!box || box.type !== 'checkbox') return;
      try {
        window.sessionStorage.setItem(FOCUS_KEY, JSON.stringify([box.name, box.value]));
      } catch (e) {
        // No session storage: focus simply starts at the top.
      }
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(FOCUS_KEY) || 'null');
      window.sessionStorage.removeItem(FOCUS_KEY);
    } catch (e) {
      saved = null;
    }
    if (!Array.isArray(saved)) return;
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].name === saved[0] && boxes[i].value === saved[1]) {
        var details = boxes[i].closest('details');
        if (details) details.open = true;
        boxes[i].focus();
        break;
      }
    }
  }

  // CSV (RFC 4180): every field quoted. A leading = + - @ would make spreadsheet programs run a
  // formula, so such cells get a leading apostrophe.
  function csvCell(value) {
    var s = text(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function absoluteUrl(entry) {
    return window.location.origin + profilePath(entry);
  }

  function shortlistCsv(list) {
    var header = ['id', 'name', 'pronouns', 'headline', 'location', 'languages', 'topics',
      'profile_url'];
    var lines = [header.map(csvCell).join(',')];
    list.forEach(function (entry) {
      lines.push([entry.id, entry.name, entry.pronouns, entry.headline, entry.location,
        entry.languages, entry.topics, absoluteUrl(entry)].map(csvCell).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function lineupSummary(list) {
    var lines = ['Speaker lineup (' + list.length + (list.length === 1 ? ' speaker)' : ' speakers)'), ''];
    list.forEach(function (entry, i) {
      var head = (i + 1) + '. ' + text(entry.name);
      if (entry.pronouns) head += ' (' + entry.pronouns + ')';
      if (entry.headline) head += ' — ' + entry.headline;
      lines.push(head);
      var details = [entry.location, entry.languages].filter(function (v) { return text(v); });
      if (details.length) lines.push('   ' + details.join(' · '));
      lines.push('   ' + absoluteUrl(entry));
    });
    return lines.join('\n') + '\n';
  }

  function download(filename, content, type) {
    var blob = new Blob(['\ufeff' + content], { type: type });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function cell(row, value, label) {
    var td = document.createElement('td');
    td.textContent = text(value);
    td.setAttribute('data-label', label);
    row.appendChild(td);
    return td;
  }

  function renderShortlistPage() {
    var root = document.querySelector('[data-shortlist-root]');
    if (!root) return;
    var list = load();
    var rows = root.querySelector('[data-shortlist-rows]');
    rows.textContent = '';
    list.forEach(function (entry) {
      var row = document.createElement('tr');
      var nameCell = document.createElement('th');
      nameCell.scope = 'row';
      var link = document.createElement('a');
      link.href = profilePath(entry);
      link.textContent = text(entry.name) || entry.id;
      nameCell.appendChild(link);
      if (entry.pronouns) {
        var pronouns = document.createElement('span');
        pronouns.className = 'pronouns';
        pronouns.textContent = ' (' + entry.pronouns + ')';
        nameCell.appendChild(pronouns);
      }
      row.appendChild(nameCell);
      cell(row, entry.headline, 'Headline');
      cell(row, entry.location, 'Location');
      cell(row, entry.languages, 'Languages');
      var actions = document.createElement('td');
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button small';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + (text(entry.name) || entry.id) + ' from the shortlist');
      remove.addEventListener('click', function () {
        var current = load();
        var at = indexOf(current, entry.id);
        if (at >= 0) current.splice(at, 1);
        save(current);
        updateCount();
        renderShortlistPage();
        var heading = document.querySelector('h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
      });
      actions.appendChild(remove);
      row.appendChild(actions);
      rows.appendChild(row);
    });
    root.querySelector('[data-shortlist-empty]').hidden = list.length > 0;
    root.querySelectorAll('[data-shortlist-filled]').forEach(function (node) {
      node.hidden = list.length === 0;
    });
    var summary = root.querySelector('#lineup-text');
    if (summary) summary.value = list.length ? lineupSummary(list) : '';
  }

  function setupShortlistPage() {
    var root = document.querySelector('[data-shortlist-root]');
    if (!root) return;
    root.querySelector('[data-export-csv]').addEventListener('click', function () {
      download('podium-shortlist.csv', shortlistCsv(load()), 'text/csv;charset=utf-8');
    });
    root.querySelector('[data-clear-shortlist]').addEventListener('click', function () {
      save([]);
      updateCount();
      renderShortlistPage();
    });
    var status = root.querySelector('[data-copy-status]');
    root.querySelector('[data-copy-summary]').addEventListener('click', function () {
      var area = root.querySelector('#lineup-text');
      var done = function () { status.textContent = 'Copied to the clipboard.'; };
      var fallback = function () {
        area.focus();
        area.select();
        try {
          document.execCommand('copy');
          done();
        } catch (e) {
          status.textContent = 'Select the text and copy it with Ctrl+C.';
        }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, fallback);
      } else {
        fallback();
      }
    });
    renderShortlistPage();
  }

  function start() {
    setupButtons();
    setupFacets();
    setupShortlistPage();
    updateCount();
    // Another tab changed the shortlist.
    window.addEventListener('storage', function (event) {
      if (event.key !== STORAGE_KEY) return;
      updateButtons();
      updateCount();
      renderShortlistPage();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
