// Kiosk, flaky wifi: a response whose final send fails is kept on this tablet and sent again later with
// the same idempotency key, so the server counts it once. Without this script the kiosk still works with
// plain form posts; the script only makes a failed send survive. Once a response is delivered, nothing
// of it stays in storage.
(() => {
  const KEY = 'passerelle-kiosk-outbox';
  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '[]');
    } catch {
      return [];
    }
  };
  const write = (queue) => (queue.length ? localStorage.setItem(KEY, JSON.stringify(queue)) : localStorage.removeItem(KEY));
  const post = (entry) => fetch(entry.action, { method: 'POST', body: new URLSearchParams(entry.fields), headers: { 'x-sveltekit-action': 'true' }, credentials: 'same-origin' });

  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const entry of read()) {
        const res = await post(entry);
        // Delivered (or refused for good, e.g. a revoked kiosk): it leaves the tablet either way.
        if (res.status < 500) write(read().filter((e) => e.key !== entry.key));
      }
    } catch {
      /* still offline: try again later */
    } finally {
      flushing = false;
    }
  }

  const form = document.querySelector('form[data-kiosk-final]');
  if (form) {
    form.addEventListener('submit', async (event) => {
      if (form.dataset.native) return;
      event.preventDefault();
      const fields = [...new FormData(form)].map(([k, v]) => [k, String(v)]);
      const entry = { key: form.elements.responseKey.value, action: form.action, fields };
      try {
        const res = await post(entry);
        const result = await res.json();
        if (result.type === 'redirect') {
          location.replace(result.location);
          return;
        }
      } catch {
        // The network failed: keep the response here, thank the visitor, and clear the screen. The page
        // goes back to the start as soon as the network allows it.
        write([...read().filter((e) => e.key !== entry.key), entry]);
        const main = document.querySelector('main') || document.body;
        main.replaceChildren();
        const h1 = document.createElement('h1');
        h1.textContent = form.dataset.thanksTitle;
        const p = document.createElement('p');
        p.textContent = form.dataset.thanksText;
        main.append(h1, p);
        h1.tabIndex = -1;
        h1.focus();
        const home = form.dataset.home;
        setInterval(() => navigator.onLine && flush().then(() => location.replace(home)), 10000);
        return;
      }
      // Errors to show, or one more step: the server renders the page as without this script.
      form.dataset.native = '1';
      form.requestSubmit();
    });
  }
  flush();
  addEventListener('online', flush);
  setInterval(flush, 20000);

  // Inactivity: a visitor who walks away must not leave answers on screen for the next one. After a
  // while without a touch or a key, a warning offers more time (WCAG 2.2.1: at least 20 seconds to say
  // "I'm still here"); without an answer the page goes back to an empty start.
  const timed = document.querySelector('[data-kiosk-idle]');
  if (timed) {
    const idle = Number(timed.dataset.kioskIdle) * 1000;
    const grace = 30000;
    const warning = document.createElement('div');
    warning.setAttribute('role', 'alert');
    warning.className = 'epn-idle-warning';
    warning.hidden = true;
    const text = document.createElement('p');
    text.textContent = timed.dataset.idleText;
    const stay = document.createElement('button');
    stay.type = 'button';
    stay.textContent = timed.dataset.idleStay;
    warning.append(text, stay);
    document.body.append(warning);
    let warnTimer = 0;
    let resetTimer = 0;
    const arm = () => {
      clearTimeout(warnTimer);
      clearTimeout(resetTimer);
      warning.hidden = true;
      warnTimer = setTimeout(() => {
        warning.hidden = false;
        stay.focus();
        resetTimer = setTimeout(() => location.replace(timed.dataset.home), grace);
      }, idle - grace);
    };
    stay.addEventListener('click', arm);
    for (const type of ['input', 'keydown', 'pointerdown', 'touchstart']) addEventListener(type, (e) => e.target !== stay && arm(), { passive: true });
    arm();
  }
})();
