import { fill, h } from './dom.js';
import { token } from './gql.js';
import { failure } from './load.js';

// The entry of every page: the header (the pages, the token box), then the page's own module, loaded by
// name so that a page carries only its own code.

type Config = { page: string; params: Record<string, string> };
export type PageModule = { render(main: HTMLElement, params: Record<string, string>): void | Promise<void> };

const NAV: ReadonlyArray<readonly [string, string]> = [
  ['/', 'Tìm văn bản'],
  ['/ra-soat', 'Rà soát'],
  ['/kiem-tra', 'Kiểm tra dự thảo'],
  ['/nap', 'Nạp văn bản'],
];

function tokenBox(): HTMLElement {
  const input = h('input', {
    type: 'password',
    id: 'ma-truy-cap',
    autocomplete: 'off',
    placeholder: 'Mã truy cập (nếu có)',
  });
  input.value = token.get() ?? '';
  const state = h(
    'span',
    { class: 'trang-thai', 'aria-live': 'polite' },
    token.get() ? 'Đã có mã' : 'Chỉ xem',
  );
  const form = h(
    'form',
    {
      class: 'ma',
      onsubmit: (e: Event) => {
        e.preventDefault();
        token.set(input.value.trim());
        location.reload();
      },
    },
    h('label', { for: 'ma-truy-cap' }, 'Mã truy cập'),
    input,
    h('button', { type: 'submit' }, 'Lưu'),
    state,
  );
  return form;
}

function header(): HTMLElement[] {
  const links = NAV.map(([href, name]) =>
    h('li', {}, h('a', { href, 'aria-current': href === location.pathname ? 'page' : null }, name)),
  );
  return [
    h('a', { class: 'ten', href: '/' }, 'Lược đồ'),
    h('nav', { 'aria-label': 'Các trang' }, h('ul', {}, ...links)),
    tokenBox(),
  ];
}

async function start(): Promise<void> {
  const raw = document.getElementById('luocdo-config')?.textContent ?? '{}';
  const config = JSON.parse(raw) as Config;
  const top = document.getElementById('dau-trang');
  const main = document.getElementById('noi-dung');
  if (!top || !main) return;
  fill(top, ...header());
  const run = async () => {
    try {
      const mod = (await import(`./pages/${config.page}.js`)) as PageModule;
      await mod.render(main, config.params);
    } catch (e) {
      fill(
        main,
        failure('trang', e, () => void run()),
      );
    }
  };
  await run();
}

void start();
