// The generated tours' words in Simplified Chinese, as a hotel's or an airline's booking page would
// write them: a dictionary from the English the generator writes, and patterns for the words it
// makes per row and seat. `withChinese` adds them to a manifest as its `translations['zh-CN']`.
import type { TourManifest, TourTranslation } from '../../../protocol/tour.ts';

const WORDS: Record<string, string> = {
  // Tours
  'Standard room, king bed': '标准大床房',
  'A 27 m² room on an upper floor: a king-size bed, a work desk, a reading corner by a 2.8 m window over the city, and a bathroom with a walk-in rain shower.':
    '位于高楼层的 27 m² 客房：一张特大床、一张办公桌、2.8 m 宽的城景落地窗边设有阅读角，浴室配有步入式雨淋花洒。',
  'Junior suite, sea view': '海景小套房',
  'A 56 m² suite: a living room with a sofa and a table for four, a bedroom with a king-size bed, both behind 2.6 m windows over the sea, and a bathroom with a bathtub, a walk-in shower and two basins.':
    '56 m² 套房：客厅配有沙发和四人餐桌，卧室配有特大床，两间均有 2.6 m 宽的海景落地窗；浴室配有浴缸、步入式淋浴和双洗手盆。',
  'Airbus A321neo cabin': '空客 A321neo 客舱',
  'A single-aisle cabin of 178 seats: four rows of business class in 2-2, economy in 3-3 with extra legroom at the overwing exits and behind the bulkhead, galleys fore and aft, three lavatories. Windows follow the fuselage frames, not the rows: some window seats have a whole window, some part of one, one row only wall.':
    '单通道客舱，共 178 个座位：商务舱 4 排，2-2 布局；经济舱 3-3 布局，翼上应急出口排和隔板后一排腿部空间更大；前后各有厨房，共 3 个洗手间。舷窗按机身框架而非座位排布：部分靠窗座位有完整舷窗，部分只有半扇，有一排只有壁板。',
  // Viewpoints
  'At the desk': '办公桌前',
  Bathroom: '浴室',
  Bedroom: '卧室',
  'By the window': '窗边',
  Entrance: '入口',
  'From the bed': '床上视角',
  'At the table': '餐桌旁',
  'By the living room window': '客厅窗边',
  'Living room': '客厅',
  'Boarding door': '登机门',
  'Rear door': '后舱门',
  'Rear of the cabin': '客舱后部',
  // Hotspots
  'King-size bed': '特大床',
  '1.93 × 2.03 m, a 25 cm pocket-sprung mattress, a duck-down duvet and a pillow menu.': '1.93 × 2.03 m，25 cm 独立袋装弹簧床垫，鸭绒被，并提供枕头菜单。',
  'Work desk': '办公桌',
  'A 2.2 m desk by the window with sockets and USB-C at the top, an upholstered chair and Wi-Fi at 500 Mbit/s.': '窗边 2.2 m 长办公桌，桌面设有插座和 USB-C 接口，配软垫椅，Wi-Fi 速率 500 Mbit/s。',
  '55-inch smart TV': '55 英寸智能电视',
  'Cast from your phone, international channels, and the hotel’s guide to the city.': '支持手机投屏，提供国际频道和酒店的城市指南。',
  'Coffee and tea': '咖啡和茶',
  'An espresso machine, a kettle and local teas. Breakfast is a buffet from 6:30 to 10:30 on the ground floor.': '配有意式咖啡机、电热水壶和本地茶叶。早餐为自助餐，6:30 至 10:30 在一楼供应。',
  Minibar: '迷你吧',
  'Soft drinks, local beer and snacks, restocked daily, in the cabinet below.': '下方柜中备有软饮、本地啤酒和零食，每日补充。',
  'Reading corner': '阅读角',
  'A velvet armchair by the window, a side table and a floor lamp.': '窗边的丝绒扶手椅，配边桌和落地灯。',
  Wardrobe: '衣柜',
  'A safe that takes a 15-inch laptop, an iron and board, bathrobes and slippers.': '可放入 15 英寸笔记本电脑的保险箱，配熨斗和熨衣板、浴袍和拖鞋。',
  'Marble vanity': '大理石洗手台',
  'A lit mirror, a hair-dryer and toiletries from a local perfumer.': '带灯化妆镜、吹风机，以及本地调香师出品的洗浴用品。',
  'Walk-in rain shower': '步入式雨淋花洒',
  'A 30 cm rain head and a hand shower behind a glass screen, with a niche for your things.': '玻璃隔断内设 30 cm 顶喷和手持花洒，并有置物壁龛。',
  'City view': '城市景观',
  'Upper floors look over the old town’s roofs to the television tower. Blackout curtains and sheers.': '高楼层可越过老城屋顶远眺电视塔。配遮光窗帘和纱帘。',
  'A three-seat sofa that makes up as a bed for a child, a coffee table and a 55-inch TV.': '三人沙发可展开为儿童床，配茶几和 55 英寸电视。',
  'An espresso machine, a kettle and local teas; the minibar is in the sideboard below.': '配有意式咖啡机、电热水壶和本地茶叶；迷你吧在下方餐边柜内。',
  'Soft drinks, local wine and snacks, restocked daily.': '备有软饮、本地葡萄酒和零食，每日补充。',
  'Table for four': '四人餐桌',
  'Breakfast can be served here in the suite at no extra charge.': '早餐可免费送至套房内在此享用。',
  '1.93 × 2.03 m with a pillow menu, blackout curtains and a view of the sea when you wake.': '1.93 × 2.03 m，提供枕头菜单，配遮光窗帘，醒来即可看海。',
  Bathtub: '浴缸',
  'A 1.75 m bathtub with bath salts and a rubber duck.': '1.75 m 浴缸，备有浴盐和小黄鸭。',
  'A 30 cm rain head and a hand shower behind a glass screen.': '玻璃隔断内设 30 cm 顶喷和手持花洒。',
  'Two basins': '双洗手盆',
  'A marble vanity with two basins, a lit mirror, a hair-dryer and a magnifying mirror.': '大理石洗手台配双洗手盆、带灯化妆镜、吹风机和放大镜。',
  'A safe for a 15-inch laptop, bathrobes and slippers, an iron and board.': '可放入 15 英寸笔记本电脑的保险箱，配浴袍和拖鞋、熨斗和熨衣板。',
  'Sea view': '海景',
  'Both rooms look over the bay to the headland; the sun sets on the right in summer.': '两个房间均可眺望海湾和岬角；夏季可在右侧看到日落。',
  'Business class': '商务舱',
  'Four rows in 2-2: every seat is by a window or the aisle, with 99 cm of pitch.': '共 4 排，2-2 布局：每个座位都靠窗或靠过道，座椅间距 99 cm。',
  'Exit row': '应急出口排',
  'Rows 11 and 12 sit beside the overwing exits with 20 cm more legroom.': '第 11、12 排位于翼上应急出口旁，腿部空间多 20 cm。',
  Galley: '厨房',
  'Hot meals and drinks are prepared here and brought round after take-off.': '热餐和饮品在此准备，起飞后送到座位。',
  Lavatories: '洗手间',
  'One at the front, two at the back, one of them with a baby-changing table.': '前部 1 个，后部 2 个，其中 1 个配有婴儿护理台。',
  'Overhead bins': '行李架',
  'Room for a cabin bag of 55 × 40 × 23 cm on its side above every row.': '每排上方均可侧放一件 55 × 40 × 23 cm 的登机箱。',
  'Wi-Fi on board': '机上 Wi-Fi',
  'Streaming-speed Wi-Fi from gate to gate.': '从登机到下机全程提供可流畅播放视频的 Wi-Fi。',
  // Bookables
  'Room only': '仅客房',
  'Free cancellation until 48 hours before arrival.': '入住前 48 小时可免费取消。',
  'Room with breakfast': '含早餐',
  'Buffet breakfast for two, free cancellation until 48 hours before arrival.': '含双人自助早餐，入住前 48 小时可免费取消。',
  'Room only, non-refundable': '仅客房，不可退款',
  'Paid at booking; no changes.': '预订时付款，不可更改。',
  'Suite only': '仅套房',
  'Free cancellation until 72 hours before arrival.': '入住前 72 小时可免费取消。',
  'Suite with breakfast': '套房含早餐',
  'Breakfast for two in the suite or at the buffet.': '含双人早餐，可在套房内或自助餐厅享用。',
  'Suite with half board': '套房含半膳',
  'Breakfast and a three-course dinner for two.': '含双人早餐和三道菜晚餐。',
  'Business class seat': '商务舱座位',
  'A recliner with a legrest, two armrests of its own and a meal served at your seat.': '可躺式座椅，带腿托和两侧独立扶手，餐食送至座位。',
  'Extra legroom seat': '加长腿部空间座位',
  'The first economy row behind the divider: about 20 cm more room in front.': '隔板后经济舱第一排：前方空间多约 20 cm。',
  'Exit row seat': '应急出口座位',
  'More legroom beside the overwing exit. For adults able and willing to help in an emergency.': '翼上应急出口旁，腿部空间更大。仅限愿意并能够在紧急情况下协助的成年旅客。',
  'Seat reservation': '选座',
  'Choose your economy seat in advance.': '提前选择您的经济舱座位。',
  // Plan labels
  Armchair: '扶手椅',
  'Bathroom door': '浴室门',
  Bench: '长凳',
  Desk: '书桌',
  'King bed': '特大床',
  Plant: '绿植',
  Shower: '淋浴',
  Vanity: '洗手台',
  WC: '马桶',
  Window: '窗',
  'Bedroom door': '卧室门',
  'Coffee table': '茶几',
  Sideboard: '餐边柜',
  Sofa: '沙发',
  Table: '餐桌',
  'Aft galley': '后厨房',
  'Business | economy': '商务舱 | 经济舱',
  'Forward galley': '前厨房',
  Lavatory: '洗手间',
  'Overwing exit': '翼上应急出口',
  // What prices are for
  night: '晚',
  item: '件',
  meal: '份',
  flight: '航段',
  seat: '座',
};

/** Words the generator makes per row or seat. */
const PATTERNS: [RegExp, (...parts: string[]) => string][] = [
  [/^View from seat (\d+[A-L])$/, (seat) => `座位 ${seat} 视角`],
  [/^Aisle by row (\d+)$/, (row) => `第 ${row} 排过道`],
];

/** The Chinese for an English text the generator writes, or undefined where there is none. */
export function chineseFor(english: string): string | undefined {
  const word = WORDS[english];
  if (word) return word;
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(english);
    if (match) return make(...match.slice(1));
  }
  return undefined;
}

/** Every word of the manifest that has a Chinese one, as its `zh-CN` translation. */
export function chineseTranslation(tour: TourManifest): TourTranslation {
  const entries = <T>(items: readonly T[], make: (item: T) => [string, object] | null) => Object.fromEntries(items.flatMap((i) => [make(i)].filter((e): e is [string, object] => e !== null)));
  const some = <T extends object>(value: T) => (Object.keys(value).length > 0 ? value : null);
  const fields = (words: Record<string, string | undefined>) => some(Object.fromEntries(Object.entries(words).filter(([, v]) => v !== undefined)));
  const labels = new Set((tour.plan?.shapes ?? []).flatMap((s) => (s.label ? [s.label] : [])));
  const pers = new Set([...tour.hotspots.flatMap((h) => (h.price?.per ? [h.price.per] : [])), ...tour.bookables.flatMap((b) => (b.price.per ? [b.price.per] : []))]);
  const title = chineseFor(tour.title);
  const description = tour.description ? chineseFor(tour.description) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    viewpoints: entries(tour.viewpoints, (v) => {
      const t = chineseFor(v.title);
      return t ? [v.id, { title: t }] : null;
    }) as TourTranslation['viewpoints'],
    hotspots: entries(tour.hotspots, (h) => {
      const words = fields({ title: chineseFor(h.title), text: h.text ? chineseFor(h.text) : undefined });
      return words ? [h.id, words] : null;
    }) as TourTranslation['hotspots'],
    bookables: entries(tour.bookables, (b) => {
      const words = fields({ title: chineseFor(b.title), text: b.text ? chineseFor(b.text) : undefined });
      return words ? [b.id, words] : null;
    }) as TourTranslation['bookables'],
    planLabels: Object.fromEntries([...labels].flatMap((l) => (chineseFor(l) ? [[l, chineseFor(l)!]] : []))),
    per: Object.fromEntries([...pers].flatMap((p) => (chineseFor(p) ? [[p, chineseFor(p)!]] : []))),
  };
}

/** The manifest with its Chinese words added. */
export function withChinese(tour: TourManifest): TourManifest {
  return { ...tour, translations: { ...tour.translations, 'zh-CN': chineseTranslation(tour) } };
}
