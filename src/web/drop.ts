import { h } from './dom.js';

/** A zone files can be dropped on, with a button to choose them (the keyboard's way in). */
export function dropZone(opts: {
  id: string;
  accept: string;
  multiple: boolean;
  label: string;
  onFiles(files: File[]): void;
}): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: opts.id,
    accept: opts.accept,
    multiple: opts.multiple,
    class: 'an',
  });
  input.addEventListener('change', () => {
    opts.onFiles([...(input.files ?? [])]);
    input.value = '';
  });
  const zone = h(
    'div',
    { class: 'vung-tha' },
    h('p', {}, opts.label),
    // The input inside its label: the keyboard reaches it (Tab, then Space), the label shows the focus.
    h('label', { class: 'nut' }, 'Chọn tệp…', input),
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dang-tha');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dang-tha'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dang-tha');
    opts.onFiles([...(e.dataTransfer?.files ?? [])]);
  });
  return zone;
}
