/**
 * A synthetic corpus of Vietnamese reports, reproducible from a seed: units of all levels (tỉnh, huyện,
 * xã; Party and state) issue directives and plans under the numbering rules of DESIGN §1, and reports
 * respond to requests, review directives, implement plans and cite a pool of legal documents.
 */
export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PROVINCES = [
  'Quảng Ngãi',
  'Bình Định',
  'Phú Yên',
  'Quảng Nam',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Khánh Hòa',
];
const SYLLABLES = [
  'Sơn',
  'Trà',
  'Bình',
  'Tây',
  'Hà',
  'Phong',
  'Thanh',
  'Tân',
  'Hòa',
  'An',
  'Long',
  'Mỹ',
  'Đức',
  'Phước',
  'Hưng',
  'Lộc',
];
const TOPICS = [
  'công tác dân vận chính quyền',
  'thực hiện Quy chế dân chủ ở cơ sở',
  'phong trào thi đua “Dân vận khéo”',
  'cải cách hành chính',
  'phòng, chống tham nhũng, tiêu cực',
  'xây dựng nông thôn mới',
  'giảm nghèo bền vững',
  'chuyển đổi số',
];
const FILLER = [
  'Công tác tuyên truyền, vận động được triển khai thường xuyên, đa dạng về hình thức, phù hợp với điều kiện của địa phương.',
  'Đội ngũ cán bộ, công chức nâng cao tinh thần trách nhiệm, gần dân, trọng dân, hiểu dân và có trách nhiệm với dân.',
  'Tuy nhiên, một số nơi việc triển khai còn chậm, chưa đồng bộ; công tác phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ.',
  'Diện tích rừng chiếm đa số: 3.647,59 ha; toàn xã có 729 hộ/2.971 khẩu, tỷ lệ hộ nghèo giảm 3,5% so với năm trước.',
  'Dịch bệnh Covid-19 kéo dài đã ảnh hưởng đến tiến độ triển khai các nhiệm vụ trong giai đoạn 2021-2025.',
  'Các mô hình “Dân vận khéo” tiếp tục được nhân rộng, tạo sự lan tỏa trong cán bộ, đảng viên và Nhân dân.',
  'Việc tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện đúng quy định, không để phát sinh điểm nóng.',
];

export type PoolDoc = { word: string; symbol: string; date: Date; issuer: string };

const vnDate = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
const vnDateWords = (d: Date) => `${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
const day = (r: Rng, y: number) => new Date(Date.UTC(y, int(r, 0, 11), int(r, 1, 28)));

/** Central documents every report may cite. */
function centralPool(r: Rng): PoolDoc[] {
  const out: PoolDoc[] = [];
  for (let i = 0; i < 60; i++) {
    const y = int(r, 2005, 2023);
    const kind = int(r, 0, 4);
    if (kind === 0)
      out.push({
        word: 'Nghị định',
        symbol: `${int(r, 1, 180)}/${y}/NĐ-CP`,
        date: day(r, y),
        issuer: 'Chính phủ',
      });
    else if (kind === 1)
      out.push({
        word: 'Chỉ thị',
        symbol: `${int(r, 1, 40)}/CT-TTg`,
        date: day(r, y),
        issuer: 'Thủ tướng Chính phủ',
      });
    else if (kind === 2)
      out.push({
        word: 'Kết luận',
        symbol: `${int(r, 1, 300)}-KL/TW`,
        date: day(r, y),
        issuer: 'Ban Bí thư',
      });
    else if (kind === 3)
      out.push({
        word: 'Nghị quyết',
        symbol: `${int(r, 1, 60)}-NQ/TW`,
        date: day(r, y),
        issuer: 'Bộ Chính trị',
      });
    else
      out.push({
        word: 'Thông tư',
        symbol: `${int(r, 1, 40)}/${y}/TT-BNV`,
        date: day(r, y),
        issuer: 'Bộ Nội vụ',
      });
  }
  return out;
}

export type Report = { name: string; text: string };

/** Generates `count` reports; the same seed gives the same corpus. */
export function* reports(seed: number, count: number): Generator<Report> {
  const r = rng(seed);
  const central = centralPool(r);
  const provincial = new Map<string, PoolDoc[]>();
  for (let i = 0; i < count; i++) {
    const province = pick(r, PROVINCES);
    let pool = provincial.get(province);
    if (!pool) {
      pool = [];
      for (let k = 0; k < 30; k++) {
        const y = int(r, 2016, 2023);
        pool.push(
          r() < 0.5
            ? {
                word: 'Chỉ thị',
                symbol: `${int(r, 1, 40)}-CT/TU`,
                date: day(r, y),
                issuer: 'Ban Thường vụ Tỉnh ủy',
              }
            : { word: 'Kế hoạch', symbol: `${int(r, 1, 250)}/KH-UBND`, date: day(r, y), issuer: 'UBND tỉnh' },
        );
      }
      provincial.set(province, pool);
    }
    const level = pick(r, ['huyện', 'xã', 'xã']);
    const place = `${pick(r, SYLLABLES)} ${pick(r, SYLLABLES)}`;
    const unit = `Ủy ban nhân dân ${level} ${place}`;
    const year = int(r, 2020, 2024);
    const reportDate = day(r, year);
    const topic = pick(r, TOPICS);
    const directive = pick(r, pool);
    const lines: string[] = [];
    lines.push(`ỦY BAN NHÂN DÂN\n${level.toUpperCase()} ${place.toUpperCase()}`);
    lines.push(`Số: ${int(r, 1, 300)}/BC-UBND`);
    lines.push(`${place}, ngày ${vnDateWords(reportDate)}`);
    lines.push('BÁO CÁO');
    lines.push(
      `Sơ kết thực hiện ${directive.word} số ${directive.symbol} ngày ${vnDate(directive.date)} của ${directive.issuer} về ${topic}`,
    );
    lines.push(
      `Thực hiện Công văn số ${int(r, 100, 2500)}/SNV-XDCQ ngày ${vnDate(day(r, year))} của Sở Nội vụ V/v báo cáo ${topic}, ${unit} báo cáo kết quả như sau:`,
    );
    // Real reports name their province, which is what tells `UBND tỉnh` and `…/TU` apart across provinces.
    lines.push(
      `I. KHÁI QUÁT TÌNH HÌNH\n\n${level === 'xã' ? 'Xã' : 'Huyện'} ${place} thuộc tỉnh ${province}, ${pick(r, FILLER).toLowerCase()}`,
    );
    lines.push('II. KẾT QUẢ THỰC HIỆN');
    const paragraphs = int(r, 8, 16);
    let footnote = 0;
    const footnotes: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const parts: string[] = [];
      for (let s = 0; s < int(r, 1, 3); s++) parts.push(pick(r, FILLER));
      const roll = r();
      if (roll < 0.3) {
        const c = pick(r, central);
        parts.push(
          `Tiếp tục quán triệt triển khai thực hiện ${c.word} số ${c.symbol} ngày ${vnDate(c.date)} của ${c.issuer} về ${pick(r, TOPICS)}.`,
        );
      } else if (roll < 0.55) {
        const c = pick(r, pool);
        const own = `${int(r, 1, 200)}/KH-UBND`;
        parts.push(
          `Thực hiện ${c.word} số ${c.symbol} ngày ${vnDate(c.date)} của ${c.issuer}, UBND ${level} đã ban hành Kế hoạch số ${own} ngày ${vnDate(day(r, year))} về ${pick(r, TOPICS)}.`,
        );
      } else if (roll < 0.7) {
        footnote++;
        parts[parts.length - 1] = (parts[parts.length - 1] as string).replace(/\.$/, `${footnote}.`);
        footnotes.push(
          `${footnote} Kế hoạch số ${int(r, 1, 200)}/KH-UBND ngày ${vnDate(day(r, year))}; Quyết định số ${int(r, 1, 900)}/QĐ-UBND ngày ${vnDate(day(r, year))} của UBND ${level}.`,
        );
      } else if (roll < 0.8) {
        const a = pick(r, central);
        const b = pick(r, central);
        parts.push(
          `Căn cứ ${a.word} số ${a.symbol} và ${b.word} số ${b.symbol} ngày ${vnDate(b.date)}, đơn vị đã tổ chức thực hiện nghiêm túc.`,
        );
      }
      lines.push(parts.join(' '));
    }
    if (footnotes.length) lines.push('                                        \n' + footnotes.join('\n'));
    lines.push(
      `Trên đây là báo cáo sơ kết thực hiện ${directive.word} số ${directive.symbol} của ${unit}./.`,
    );
    lines.push('Nơi nhận:\n- Sở Nội vụ;\n- TT HĐND;\n- Lưu: VT.');
    lines.push(
      `TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n${pick(r, ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hồ'])} Văn ${pick(r, SYLLABLES)}`,
    );
    yield { name: `report-${seed}-${i}.txt`, text: lines.join('\n\n') + '\n' };
  }
}
