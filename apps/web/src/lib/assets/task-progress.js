// Progressive enhancement of the task page (/tasks/[id]): while the task runs, asks for its progress
// every 2 seconds and moves the bar; when the task changes state (started, done, failed) reloads the page,
// which then shows the result. Without this script the page has a "check progress" link.
(function () {
  var box = document.querySelector('[data-task-status-url]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-task-status-url');
  var state = box.getAttribute('data-task-state');
  function tick() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && s.status !== state) { location.reload(); return; }
        if (s) {
          var bar = document.getElementById('task-progress');
          if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
          var text = document.querySelector('[data-task-text]');
          if (text && s.text) text.textContent = s.text;
        }
        setTimeout(tick, 2000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
