// Progressive enhancement of the idea form: while a title is typed, ideas that look alike are listed
// under the field (the server compares titles). Without JavaScript the "Check for similar ideas" button
// does the same with a form post. About 1 kB; no framework.
(function () {
  var input = document.querySelector('[data-similar-url]');
  if (!input || !window.fetch) return;
  var out = document.getElementById(input.getAttribute('data-similar-target'));
  if (!out) return;
  var url = input.getAttribute('data-similar-url');
  var heading = input.getAttribute('data-similar-heading');
  var newTab = input.getAttribute('data-similar-newtab');
  var base = input.getAttribute('data-similar-base');
  var timer = 0;
  var last = '';
  var controller = null;

  function render(items) {
    out.textContent = '';
    if (!items.length) return;
    var h = document.createElement('h2');
    h.textContent = heading;
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = base + '/' + item.number;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = item.title + ' (' + newTab + ')';
      li.appendChild(a);
      list.appendChild(li);
    });
    out.appendChild(h);
    out.appendChild(list);
  }

  function run() {
    var text = input.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 4) return render([]);
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + '?text=' + encodeURIComponent(text), { headers: { accept: 'application/json' }, signal: controller ? controller.signal : undefined })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(render)
      .catch(function () {});
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 350);
  });
})();
