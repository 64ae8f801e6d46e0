import { ApiError } from './gql.js';
import { fill, h } from './dom.js';

/** Shown only when an answer takes longer than this: a quick answer never flickers a spinner. */
const LOADING_AFTER_MS = 200;

/**
 * Fills `box` with what `render` makes of `fetch`'s answer: "Đang tải…" after 200 ms, and on failure a
 * Vietnamese message naming `what` failed with a button to try again. Returns whether it succeeded.
 */
export async function load<T>(
  box: HTMLElement,
  what: string,
  fetch: () => Promise<T>,
  render: (data: T) => Node | Node[] | undefined,
): Promise<boolean> {
  box.setAttribute('aria-busy', 'true');
  const timer = setTimeout(
    () => fill(box, h('p', { class: 'dang-tai', role: 'status' }, `Đang tải ${what}…`)),
    LOADING_AFTER_MS,
  );
  try {
    const data = await fetch();
    clearTimeout(timer);
    const out = render(data);
    if (out !== undefined) fill(box, ...(Array.isArray(out) ? out : [out]));
    return true;
  } catch (e) {
    clearTimeout(timer);
    fill(
      box,
      failure(what, e, () => void load(box, what, fetch, render)),
    );
    return false;
  } finally {
    box.removeAttribute('aria-busy');
  }
}

/** The message of a failure, in Vietnamese, with a retry button. */
export function failure(what: string, e: unknown, retry: () => void): HTMLElement {
  const reason = e instanceof ApiError ? e.message : 'lỗi không lường trước trên trang';
  if (!(e instanceof ApiError)) console.error(e);
  const button = h('button', { type: 'button', class: 'thu-lai', onclick: retry }, 'Thử lại');
  const box = h(
    'div',
    { class: 'loi', role: 'alert' },
    h('p', {}, `Không tải được ${what}: ${reason}.`),
    button,
  );
  return box;
}
