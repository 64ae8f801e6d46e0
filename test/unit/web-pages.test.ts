import { describe, expect, it } from 'vitest';
import { WEB_ROUTES, webAsset, webPage } from '../../src/api/web.js';
import { relationName, vnDate } from '../../src/web/format.js';

describe('the staff pages: dates and words as documents write them', () => {
  it('writes dates the way Nghị định 30/2020 does: a day below 10 and months 1 and 2 with a zero', () => {
    expect(vnDate('2017-04-03')).toBe('03/4/2017');
    expect(vnDate('2020-02-05')).toBe('05/02/2020');
    expect(vnDate('2022-12-20')).toBe('20/12/2022');
    expect(vnDate('2021-01-15')).toBe('15/01/2021');
    expect(vnDate(null)).toBe('');
  });

  it('names a relation from either end', () => {
    expect(relationName('IMPLEMENTS')).toBe('Triển khai thực hiện');
    expect(relationName('IMPLEMENTS', 'IN')).toBe('Được triển khai bởi');
  });
});

describe('the pages’ shell and files', () => {
  it('passes its settings as data that cannot close the script block', () => {
    const html = webPage(WEB_ROUTES['/van-ban'] ?? { page: 'document', title: '' }, {
      ref: '</script><script>alert(1)</script>',
    });
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('<script type="module" src="/tep/app.js"></script>');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).toContain('<title>Văn bản — Lược đồ</title>');
  });

  it('serves only its own files, never a path that climbs', () => {
    expect(webAsset('../package.json')).toBeNull();
    expect(webAsset('pages/../../package.json')).toBeNull();
    expect(webAsset('style.css')?.type).toContain('text/css');
    expect(webAsset('cytoscape.js')?.body.length).toBeGreaterThan(100_000);
  });
});
