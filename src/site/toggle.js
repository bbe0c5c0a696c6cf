// The bilingual toggle, as a progressive enhancement: each original already opens on its own
// (<details>, no script needed); this adds one button that opens or closes them all and remembers
// the choice. Loaded as a module from 'self' (the CSP allows nothing inline).

const KEY = 'ribao:originals';
const controls = document.querySelector('[data-bilingual]');
const originals = [...document.querySelectorAll('details.original')];

function remembered() {
  try {
    return localStorage.getItem(KEY) === 'open';
  } catch {
    return false;
  }
}

function remember(open) {
  try {
    localStorage.setItem(KEY, open ? 'open' : 'closed');
  } catch {
    // Storage may be off (private mode); the toggle still works for this page.
  }
}

if (controls && originals.length > 0) {
  const button = document.createElement('button');
  button.type = 'button';
  const show = (open) => {
    for (const details of originals) details.open = open;
    button.setAttribute('aria-pressed', String(open));
    button.textContent = open ? '收起全部原文' : '展开全部原文（中英对照）';
  };
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-pressed') !== 'true';
    show(open);
    remember(open);
  });
  show(remembered());
  controls.append(button);
  controls.hidden = false;
}
