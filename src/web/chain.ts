import { docUrl, fill, h } from './dom.js';
import { count, RELATION_COLOURS, relationName, RELATION_ORDER, vnDate } from './format.js';
import { gql } from './gql.js';
import { load } from './load.js';

// The chain as a picture (cytoscape, loaded from this server only when the chain is opened) and as a table.

type Node_ = { id: string; key: string; label: string; symbol: string | null; issuedOn: string | null };
type Edge = { from: string; to: string; relation: string; quote: string | null };
type Chain = { citationChain: { nodes: Node_[]; edges: Edge[] } };

const CHAIN = `query Chain($ref: String!, $direction: Direction!, $depth: Int!) {
  citationChain(ref: $ref, direction: $direction, maxDepth: $depth, maxNodes: 200) {
    nodes { id key label symbol issuedOn }
    edges { from to relation quote }
  }
}`;

/** The little of cytoscape's API the page uses (its own types name a module the page cannot import). */
type Cy = {
  on(event: string, selector: string, f: (e: { target: { data(k: string): string } }) => void): void;
  destroy(): void;
};
type CyFactory = (opts: Record<string, unknown>) => Cy;
const CYTOSCAPE_URL = '/tep/cytoscape.js';
let cytoscape: Promise<CyFactory> | null = null;
const loadCytoscape = () =>
  (cytoscape ??= (import(CYTOSCAPE_URL) as Promise<{ default: CyFactory }>).then((m) => m.default));

const short = (n: Node_) =>
  n.symbol
    ? `${n.symbol}${n.issuedOn ? `\n${vnDate(n.issuedOn)}` : ''}`
    : n.label.length > 90
      ? `${n.label.slice(0, 88)}…`
      : n.label;

function draw(box: HTMLElement, root: string, chain: Chain['citationChain'], factory: CyFactory): Cy {
  const elements = [
    ...chain.nodes.map((n) => ({
      data: { id: n.id, key: n.key, name: short(n), root: n.key === root ? 'yes' : 'no' },
    })),
    ...chain.edges.map((e, i) => ({
      data: { id: `e${i}`, source: e.from, target: e.to, colour: RELATION_COLOURS[e.relation] ?? '#777' },
    })),
  ];
  const rootId = chain.nodes.find((n) => n.key === root)?.id;
  return factory({
    container: box,
    elements,
    // The directive at the top, the documents that carry it out below, layer by layer. The layout walks
    // the links either way from the root, so that an IN chain (arrows pointing up to it) is layered too.
    layout: {
      name: 'breadthfirst',
      directed: false,
      roots: rootId ? [rootId] : undefined,
      spacingFactor: 1.1,
      padding: 20,
    },
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(name)',
          'text-wrap': 'wrap',
          'text-max-width': '180px',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'background-color': '#4a6785',
          width: 18,
          height: 18,
        },
      },
      {
        selector: 'node[root = "yes"]',
        style: { 'background-color': '#c62828', width: 26, height: 26, 'font-weight': 'bold' },
      },
      {
        selector: 'edge',
        style: {
          width: 2,
          'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
        },
      },
    ],
    wheelSensitivity: 0.3,
  });
}

function legend(relations: string[]): HTMLElement {
  const items = RELATION_ORDER.filter((r) => relations.includes(r)).map((r) => {
    const swatch = h('span', { class: 'mau', 'aria-hidden': 'true' });
    // Set through the DOM, which the page's CSP allows (a style attribute it would not).
    swatch.style.backgroundColor = RELATION_COLOURS[r] ?? '#777';
    return h('li', {}, swatch, relationName(r));
  });
  return h('ul', { class: 'chu-giai', 'aria-label': 'Chú giải màu' }, ...items);
}

function chainTable(chain: Chain['citationChain']): HTMLElement {
  const byId = new Map(chain.nodes.map((n) => [n.id, n]));
  const link = (id: string) => {
    const n = byId.get(id);
    return n ? h('a', { href: docUrl(n.key) }, n.label) : id;
  };
  const rows = chain.edges.map((e) =>
    h(
      'tr',
      {},
      h('td', {}, link(e.from)),
      h('td', {}, relationName(e.relation)),
      h('td', {}, link(e.to)),
      h('td', {}, e.quote ? h('q', {}, e.quote) : ''),
    ),
  );
  const head = ['Văn bản', 'Quan hệ', 'Tới văn bản', 'Câu trích'].map((c) => h('th', { scope: 'col' }, c));
  return h(
    'div',
    { class: 'cuon' },
    h(
      'table',
      { class: 'bang-chuoi' },
      h('caption', {}, 'Chuỗi trích dẫn dạng bảng'),
      h('thead', {}, h('tr', {}, ...head)),
      h('tbody', {}, ...rows),
    ),
  );
}

function controls(onChange: (direction: string, depth: number) => void): HTMLElement {
  const dir = h(
    'select',
    { id: 'chieu' },
    h('option', { value: 'IN' }, 'Văn bản dẫn tới văn bản này'),
    h('option', { value: 'OUT' }, 'Văn bản này dẫn tới'),
  );
  const depth = h(
    'select',
    { id: 'so-tang' },
    ...[1, 2, 3, 4, 5].map((n) => h('option', { value: n, selected: n === 3 }, String(n))),
  );
  const change = () => onChange(dir.value, Number(depth.value));
  dir.addEventListener('change', change);
  depth.addEventListener('change', change);
  return h(
    'div',
    { class: 'dieu-khien' },
    h('label', { for: 'chieu' }, 'Chiều '),
    dir,
    h('label', { for: 'so-tang' }, ' Số tầng '),
    depth,
  );
}

/** Fills `box` with the controls, the picture, its legend and the table of the chain of `key`. */
export function renderChain(box: HTMLElement, key: string): void {
  const out = h('div', { class: 'chuoi-ket-qua' });
  let cy: Cy | null = null;
  const show = (direction: string, depth: number) => {
    cy?.destroy();
    cy = null;
    void load(
      out,
      'chuỗi trích dẫn',
      async () => ({
        chain: await gql<Chain>(CHAIN, { ref: key, direction, depth }),
        factory: await loadCytoscape(),
      }),
      ({ chain, factory }) => {
        const c = chain.citationChain;
        const canvas = h('div', {
          class: 'so-do',
          role: 'img',
          'aria-label': `Sơ đồ ${count(c.nodes.length)} văn bản; xem bảng bên dưới`,
        });
        fill(
          out,
          h(
            'p',
            { role: 'status' },
            `${count(c.nodes.length)} văn bản, ${count(c.edges.length)} liên kết. Bấm vào một văn bản để mở trang của nó.`,
          ),
          legend([...new Set(c.edges.map((e) => e.relation))]),
          canvas,
          chainTable(c),
        );
        cy = draw(canvas, key, c, factory);
        // The instance on its element: for a person in the browser's console, and for the tests to find
        // where a node was drawn.
        Object.defineProperty(canvas, 'cy', { value: cy });
        cy.on('tap', 'node', (e) => location.assign(docUrl(e.target.data('key'))));
        return undefined;
      },
    );
  };
  fill(box, controls(show), out);
  show('IN', 3);
}
