/**
 * Demo catalog content: trilingual (en / zh-CN / ru) vocabulary tables and the pure, seeded functions that
 * compose them into attributes, families, categories and products. No I/O, no libraries.
 *
 * Names are composed as [slot A modifier] [type] with an optional [slot B modifier]:
 *   en: "Scandinavian oak dining chair"  zh: "北欧风橡木餐椅"  ru: "Скандинавский дубовый обеденный стул".
 * Russian adjectives agree with the stored gender of the type's noun; modifiers Russian can't put before
 * the noun (e.g. "в стиле лофт", "с шумоподавлением") are stored as invariable post-positive phrases.
 */
import type {
	DemoAttribute,
	DemoCatalogContent,
	DemoCategory,
	DemoFamily,
	DemoLocale,
	DemoProduct,
	DemoVariant,
	Localized,
	Values
} from './types.ts';

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Table helpers
// ═══════════════════════════════════════════════════════════════════════════════════════════════

/** Russian grammatical gender / number of a noun phrase: masculine, feminine, neuter or plural. */
export type RuGender = 'm' | 'f' | 'n' | 'pl';

type FamilyCode = 'furniture' | 'apparel' | 'electronics' | 'lighting';
type Shape =
	| 'chair' | 'table' | 'sofa' | 'bed' | 'shelf' | 'cabinet' | 'lamp' | 'rug' | 'shirt' | 'trousers' | 'dress'
	| 'jacket' | 'shoe' | 'hat' | 'bag' | 'headphones' | 'speaker' | 'phone' | 'laptop' | 'tv' | 'watch' | 'camera'
	| 'cushion' | 'box';
type Care = 'wash' | 'linen' | 'wool' | 'delicate' | 'leather' | 'upholstery' | 'wood' | 'wipe';
type Range = readonly [number, number];

const LOCALES: readonly DemoLocale[] = ['en', 'zh-CN', 'ru'];

function L(en: string, zh: string, ru: string): Localized {
	return { en, 'zh-CN': zh, ru };
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Vocabulary: colours and sizes
// ═══════════════════════════════════════════════════════════════════════════════════════════════

interface ColourDef {
	code: string;
	hex: string;
	label: Localized;
}

const COLOURS: readonly ColourDef[] = [
	{ code: 'black', hex: '#1f1f1f', label: L('Black', '黑色', 'Чёрный') },
	{ code: 'white', hex: '#f4f4f1', label: L('White', '白色', 'Белый') },
	{ code: 'grey', hex: '#8d9096', label: L('Grey', '灰色', 'Серый') },
	{ code: 'silver', hex: '#c3c6ca', label: L('Silver', '银色', 'Серебристый') },
	{ code: 'gold', hex: '#c9a44c', label: L('Gold', '金色', 'Золотистый') },
	{ code: 'beige', hex: '#d8c6a5', label: L('Beige', '米色', 'Бежевый') },
	{ code: 'brown', hex: '#7a5230', label: L('Brown', '棕色', 'Коричневый') },
	{ code: 'natural', hex: '#c8a27a', label: L('Natural', '自然色', 'Натуральный') },
	{ code: 'navy', hex: '#1f2d4d', label: L('Navy', '藏青色', 'Тёмно-синий') },
	{ code: 'blue', hex: '#2f6db5', label: L('Blue', '蓝色', 'Синий') },
	{ code: 'green', hex: '#3f7d4e', label: L('Green', '绿色', 'Зелёный') },
	{ code: 'olive', hex: '#6b6b3a', label: L('Olive', '橄榄绿', 'Оливковый') },
	{ code: 'red', hex: '#b8352b', label: L('Red', '红色', 'Красный') },
	{ code: 'pink', hex: '#e8a5b8', label: L('Pink', '粉色', 'Розовый') },
	{ code: 'yellow', hex: '#e3b22b', label: L('Yellow', '黄色', 'Жёлтый') }
];

interface SizeDef {
	code: string;
	sku: string;
	label: Localized;
}

const CLOTHING_SIZES: readonly SizeDef[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((s) => ({
	code: s.toLowerCase(),
	sku: s,
	label: L(s, s, s)
}));
const SHOE_SIZES: readonly SizeDef[] = [36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46].map((n) => ({
	code: `eu${n}`,
	sku: String(n),
	label: L(`EU ${n}`, `${n}码`, `${n} (EU)`)
}));
const ONE_SIZE: SizeDef = { code: 'one_size', sku: 'OS', label: L('One size', '均码', 'Единый размер') };
const ALL_SIZES: readonly SizeDef[] = [...CLOTHING_SIZES, ...SHOE_SIZES, ONE_SIZE];

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Vocabulary: multiselect features
// ═══════════════════════════════════════════════════════════════════════════════════════════════

const FEATURES: Readonly<Record<string, Localized>> = {
	wireless: L('Wireless', '无线连接', 'Беспроводное подключение'),
	noise_cancelling: L('Noise cancelling', '主动降噪', 'Шумоподавление'),
	waterproof: L('Waterproof', '防水', 'Водонепроницаемость'),
	water_repellent: L('Water-repellent', '防泼水', 'Водоотталкивающая пропитка'),
	foldable: L('Foldable', '可折叠', 'Складная конструкция'),
	five_g: L('5G', '5G', '5G'),
	dual_sim: L('Dual SIM', '双卡双待', 'Две SIM-карты'),
	gps: L('GPS', 'GPS', 'GPS'),
	wifi: L('Wi-Fi', 'Wi-Fi', 'Wi-Fi'),
	usb_c: L('USB-C', 'USB-C', 'USB-C'),
	fast_charging: L('Fast charging', '快速充电', 'Быстрая зарядка'),
	wireless_charging: L('Wireless charging', '无线充电', 'Беспроводная зарядка'),
	hi_res_audio: L('Hi-Res Audio', 'Hi-Res高解析音频', 'Звук Hi-Res'),
	dolby_atmos: L('Dolby Atmos', '杜比全景声', 'Dolby Atmos'),
	uhd_4k: L('4K resolution', '4K分辨率', 'Разрешение 4K'),
	image_stabilisation: L('Image stabilisation', '防抖', 'Стабилизация изображения'),
	weather_sealed: L('Weather sealing', '防尘防滴', 'Защита от непогоды'),
	voice_assistant: L('Voice assistant', '语音助手', 'Голосовой помощник'),
	smart_home: L('Smart home', '智能家居', 'Умный дом'),
	dimmable: L('Dimmable', '可调光', 'Регулировка яркости'),
	stackable: L('Stackable', '可叠放', 'Штабелируемость'),
	extendable: L('Extendable', '可伸缩', 'Раздвижной механизм'),
	storage: L('Built-in storage', '内置收纳', 'Место для хранения'),
	swivel: L('Swivel', '可旋转', 'Поворотный механизм'),
	height_adjustable: L('Adjustable height', '高度可调', 'Регулировка высоты'),
	removable_cover: L('Removable cover', '可拆洗外套', 'Съёмный чехол'),
	machine_washable: L('Machine washable', '可机洗', 'Машинная стирка'),
	blackout: L('Blackout', '遮光', 'Блэкаут'),
	breathable: L('Breathable', '透气', 'Дышащий материал'),
	stretch: L('Stretch', '弹力', 'Эластичность'),
	recycled: L('Recycled materials', '再生材料', 'Переработанные материалы'),
	organic: L('Organic materials', '有机材料', 'Органические материалы')
};

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Vocabulary: name modifiers (styles, materials, product lines, features that appear in names)
// ═══════════════════════════════════════════════════════════════════════════════════════════════

interface Modifier {
	/** style → 'style' attribute; material → 'material' attribute; feature/line → name only (+ optional feature). */
	kind: 'style' | 'material' | 'feature' | 'line';
	/** English as written mid-sentence ("oak", "Scandinavian"). */
	en: string;
	zh: string;
	/** Russian masculine adjective; agreed with the noun's gender. */
	ru?: string;
	/** Russian invariable phrase placed after the noun instead ("в стиле лофт"). */
	ruPost?: string;
	/** Select option label (styles / materials); defaults to the capitalised name words. */
	label?: Localized;
	/** One sentence for the description. */
	sentence?: Localized;
	/** Materials: what it is made from, as used in "Made from …" / "采用…制成" / "Изготовлен из …". */
	made?: Localized;
	colours?: readonly string[];
	care?: Care;
	/** Materials: an upholstery fabric ("Upholstered in …" on sofas, chairs, beds). */
	upholstery?: boolean;
	/** A multiselect feature implied by the modifier. */
	feature?: string;
	priceMul?: number;
	/** Screen size in inches implied by the modifier. */
	screen?: number;
}

const MODS: Readonly<Record<string, Modifier>> = {
	// ── Interior styles ────────────────────────────────────────────────────────────────────────
	scandinavian: {
		kind: 'style', en: 'Scandinavian', zh: '北欧风', ru: 'скандинавский',
		sentence: L(
			'Clean Scandinavian lines make it easy to pair with any interior.',
			'简洁的北欧线条，轻松融入各种家居风格。',
			'Лаконичные скандинавские линии легко впишутся в любой интерьер.'
		)
	},
	industrial: {
		kind: 'style', en: 'industrial', zh: '工业风', ruPost: 'в стиле лофт', label: L('Industrial', '工业风', 'Лофт'),
		sentence: L(
			'Raw industrial character suits lofts and open-plan spaces.',
			'粗犷的工业风格，适合开阔的开放式空间。',
			'Брутальный индустриальный характер подойдёт для лофтов и открытых пространств.'
		)
	},
	modern: {
		kind: 'style', en: 'modern', zh: '现代', ru: 'современный',
		sentence: L(
			'Its modern silhouette comes with a clean, understated finish.',
			'现代廓形，搭配简洁低调的细节处理。',
			'Современный силуэт дополнен сдержанной отделкой.'
		)
	},
	classic: {
		kind: 'style', en: 'classic', zh: '经典', ru: 'классический',
		sentence: L(
			'The timeless design never goes out of style.',
			'经典设计，历久弥新。',
			'Классический дизайн никогда не выйдет из моды.'
		)
	},
	minimalist: {
		kind: 'style', en: 'minimalist', zh: '极简', ru: 'минималистичный',
		sentence: L(
			'Minimalist details keep the look calm and uncluttered.',
			'极简细节，整体造型清爽利落。',
			'Минималистичные детали создают спокойный и аккуратный образ.'
		)
	},
	vintage: {
		kind: 'style', en: 'vintage', zh: '复古', ru: 'винтажный',
		sentence: L(
			'Vintage details add warmth and character.',
			'复古细节增添温度与个性。',
			'Винтажные детали добавляют тепла и характера.'
		)
	},
	rustic: {
		kind: 'style', en: 'rustic', zh: '乡村风', ruPost: 'в стиле кантри', label: L('Rustic', '乡村风', 'Кантри'),
		sentence: L(
			'Country-style charm makes any home feel warm and welcoming.',
			'乡村风情，让家更温馨宜人。',
			'Очарование стиля кантри делает дом тёплым и уютным.'
		)
	},
	boho: {
		kind: 'style', en: 'boho', zh: '波西米亚风', ruPost: 'в стиле бохо', label: L('Boho', '波西米亚风', 'Бохо'),
		sentence: L(
			'Boho patterns bring a relaxed, well-travelled feel.',
			'波西米亚风图案，带来慵懒随性的异域气息。',
			'Узоры в стиле бохо создают расслабленную атмосферу путешествий.'
		)
	},
	japanese: {
		kind: 'style', en: 'Japanese-style', zh: '日式', ruPost: 'в японском стиле', label: L('Japanese', '日式', 'Японский'),
		sentence: L(
			'Japanese-inspired simplicity creates a calm atmosphere.',
			'日式简约，营造宁静氛围。',
			'Японская простота создаёт атмосферу спокойствия.'
		)
	},
	moroccan: {
		kind: 'style', en: 'Moroccan', zh: '摩洛哥风', ru: 'марокканский',
		sentence: L(
			'Moroccan-inspired motifs add colour and texture.',
			'摩洛哥风情图案，增添色彩与质感。',
			'Марокканские мотивы добавляют цвета и фактуры.'
		)
	},

	// ── Apparel fits and styles ────────────────────────────────────────────────────────────────
	slim: {
		kind: 'style', en: 'slim-fit', zh: '修身', ru: 'приталенный', label: L('Slim fit', '修身', 'Приталенный'),
		sentence: L(
			'A slim fit follows the body without restricting movement.',
			'修身剪裁，贴合身形又不束缚活动。',
			'Приталенный крой подчёркивает силуэт и не сковывает движений.'
		)
	},
	slim_leg: {
		kind: 'style', en: 'slim-fit', zh: '修身', ru: 'зауженный', label: L('Slim leg', '小脚', 'Зауженный'),
		sentence: L(
			'A slim leg tapers neatly to the ankle.',
			'修身裤型，向脚踝利落收窄。',
			'Зауженный крой аккуратно сужается к щиколотке.'
		)
	},
	skinny: {
		kind: 'style', en: 'skinny', zh: '紧身', ru: 'узкий',
		sentence: L(
			'The skinny cut stays close from hip to ankle.',
			'紧身剪裁，从臀部到脚踝贴合身形。',
			'Узкий крой облегает ногу от бедра до щиколотки.'
		)
	},
	straight: {
		kind: 'style', en: 'straight-leg', zh: '直筒', ru: 'прямой', label: L('Straight leg', '直筒', 'Прямой'),
		sentence: L(
			'A straight leg works for the office and the weekend alike.',
			'直筒版型，通勤与周末皆宜。',
			'Прямой крой подходит и для офиса, и для выходных.'
		)
	},
	wide_leg: {
		kind: 'style', en: 'wide-leg', zh: '阔腿', ru: 'широкий', label: L('Wide leg', '阔腿', 'Широкий'),
		sentence: L(
			'The relaxed wide leg drapes easily as you move.',
			'阔腿版型，垂坠感自然流畅。',
			'Широкий крой свободно и красиво драпируется.'
		)
	},
	oversized: {
		kind: 'style', en: 'oversized', zh: '宽松', ruPost: 'оверсайз', label: L('Oversized', '宽松', 'Оверсайз'),
		sentence: L(
			'A roomy oversized cut makes layering easy.',
			'宽松的廓形，便于随性叠穿。',
			'Свободный крой оверсайз удобен для многослойных образов.'
		)
	},
	casual: {
		kind: 'style', en: 'casual', zh: '休闲', ru: 'повседневный',
		sentence: L(
			'An easy everyday piece that goes with everything.',
			'百搭的日常单品，怎么穿都好看。',
			'Удобная повседневная вещь, которая сочетается со всем.'
		)
	},
	athletic: {
		kind: 'style', en: 'athletic', zh: '运动', ru: 'спортивный',
		sentence: L(
			'Designed to move with you during workouts.',
			'专为运动设计，随身而动。',
			'Модель создана для активных тренировок.'
		)
	},
	winter: {
		kind: 'line', en: 'winter', zh: '冬季', ru: 'зимний',
		sentence: L('Built to keep you warm on the coldest days.', '为寒冷的冬日带来温暖。', 'Согреет в самые холодные дни.')
	},
	summer: {
		kind: 'line', en: 'summer', zh: '夏季', ru: 'летний',
		sentence: L(
			'Light and airy for warm summer days.',
			'轻盈透气，适合炎炎夏日。',
			'Лёгкая и воздушная модель для жарких летних дней.'
		)
	},
	lightweight: {
		kind: 'line', en: 'lightweight', zh: '轻便', ru: 'лёгкий',
		sentence: L('Its low weight keeps you comfortable all day.', '轻盈便携，全天无负担。', 'Малый вес обеспечивает комфорт на весь день.')
	},
	cropped: {
		kind: 'line', en: 'cropped', zh: '短款', ru: 'укороченный',
		sentence: L(
			'The cropped length pairs well with high-waisted bottoms.',
			'短款设计，搭配高腰下装更显比例。',
			'Укороченная длина хорошо сочетается с высокой посадкой.'
		)
	},
	quilted: {
		kind: 'line', en: 'quilted', zh: '绗缝', ru: 'стёганый',
		sentence: L('Quilted panels hold the warmth in.', '绗缝设计，牢牢锁住温度。', 'Стёганые панели надёжно сохраняют тепло.')
	},
	double_breasted: {
		kind: 'line', en: 'double-breasted', zh: '双排扣', ru: 'двубортный',
		sentence: L(
			'A double-breasted front gives a sharp, tailored look.',
			'双排扣设计，尽显干练利落。',
			'Двубортная застёжка придаёт строгий и элегантный вид.'
		)
	},
	hooded: {
		kind: 'line', en: 'hooded', zh: '连帽', ruPost: 'с капюшоном',
		sentence: L('An attached hood keeps out wind and rain.', '连帽设计，防风挡雨。', 'Капюшон защищает от ветра и дождя.')
	},
	pleated: {
		kind: 'line', en: 'pleated', zh: '百褶', ru: 'плиссированный',
		sentence: L('Soft pleats move beautifully with every step.', '柔美褶裥，随步伐轻盈摆动。', 'Мягкие складки красиво двигаются при каждом шаге.')
	},
	ergonomic: {
		kind: 'line', en: 'ergonomic', zh: '人体工学', ru: 'эргономичный',
		sentence: L(
			'Adjustable lumbar support and armrests help you sit well all day.',
			'可调节腰托和扶手，久坐也能保持良好坐姿。',
			'Регулируемая поясничная опора и подлокотники помогают правильно сидеть весь день.'
		)
	},

	// ── Features that appear in names ──────────────────────────────────────────────────────────
	stretch: {
		kind: 'feature', en: 'stretch', zh: '弹力', ruPost: 'стрейч', feature: 'stretch',
		sentence: L('Stretch fabric keeps you comfortable all day.', '弹力面料，全天穿着舒适。', 'Эластичная ткань обеспечивает комфорт весь день.')
	},
	blackout: {
		kind: 'feature', en: 'blackout', zh: '遮光', ruPost: 'блэкаут', feature: 'blackout',
		sentence: L(
			'A blackout lining blocks the light for deeper sleep.',
			'遮光内衬阻挡光线，助你睡得更沉。',
			'Светонепроницаемая подкладка задерживает свет для крепкого сна.'
		)
	},
	waterproof: {
		kind: 'feature', en: 'waterproof', zh: '防水', ru: 'водонепроницаемый', feature: 'waterproof',
		sentence: L(
			'Waterproof construction shrugs off rain and splashes.',
			'防水设计，不惧雨水和飞溅。',
			'Водонепроницаемая конструкция не боится дождя и брызг.'
		)
	},
	wireless: {
		kind: 'feature', en: 'wireless', zh: '无线', ru: 'беспроводной', feature: 'wireless',
		sentence: L(
			'Bluetooth 5.3 keeps a stable wireless connection up to 10 metres away.',
			'蓝牙5.3，在10米范围内保持稳定的无线连接。',
			'Bluetooth 5.3 обеспечивает стабильное беспроводное соединение на расстоянии до 10 метров.'
		)
	},
	noise_cancelling: {
		kind: 'feature', en: 'noise-cancelling', zh: '降噪', ruPost: 'с шумоподавлением', feature: 'noise_cancelling',
		sentence: L('Active noise cancelling shuts out the world around you.', '主动降噪，隔绝外界喧嚣。', 'Активное шумоподавление отсекает внешние шумы.')
	},
	foldable: {
		kind: 'feature', en: 'foldable', zh: '折叠', ru: 'складной', feature: 'foldable',
		sentence: L(
			'It folds flat for easy storage and travel.',
			'可折叠设计，便于收纳和携带。',
			'Складная конструкция удобна для хранения и поездок.'
		)
	},
	hi_res: {
		kind: 'feature', en: 'Hi-Res', zh: 'Hi-Res', ruPost: 'с поддержкой Hi-Res', feature: 'hi_res_audio',
		sentence: L(
			'Hi-Res Audio support reveals every detail of your favourite recordings.',
			'支持Hi-Res高解析音频，还原录音的每一处细节。',
			'Поддержка Hi-Res Audio раскрывает все детали любимых записей.'
		)
	},
	dolby_atmos: {
		kind: 'feature', en: 'Dolby Atmos', zh: '杜比全景声', ruPost: 'с Dolby Atmos', feature: 'dolby_atmos',
		sentence: L(
			'Dolby Atmos surrounds you with sound from every direction.',
			'杜比全景声，声音从四面八方将你包围。',
			'Dolby Atmos окружает звуком со всех сторон.'
		)
	},
	gps: {
		kind: 'feature', en: 'GPS', zh: 'GPS', ruPost: 'с GPS', feature: 'gps',
		sentence: L(
			'Built-in GPS tracks runs and rides without your phone.',
			'内置GPS，无需手机即可记录跑步和骑行。',
			'Встроенный GPS записывает пробежки и велопрогулки без телефона.'
		)
	},
	five_g: {
		kind: 'feature', en: '5G', zh: '5G', ruPost: '5G', feature: 'five_g',
		sentence: L(
			'5G connectivity means fast downloads and smooth streaming.',
			'支持5G网络，下载更快，播放更流畅。',
			'Поддержка 5G обеспечивает быструю загрузку и плавный стриминг.'
		)
	},
	dual_sim: {
		kind: 'feature', en: 'dual-SIM', zh: '双卡', ruPost: 'с двумя SIM-картами', feature: 'dual_sim',
		sentence: L(
			'Two SIM slots keep work and personal numbers on one phone.',
			'双卡双待，工作与生活号码一机搞定。',
			'Две SIM-карты позволяют держать рабочий и личный номера в одном телефоне.'
		)
	},
	uhd_4k: {
		kind: 'feature', en: '4K', zh: '4K', ruPost: '4K', feature: 'uhd_4k',
		sentence: L('Crisp 4K resolution brings out every detail.', '清晰4K分辨率，细节纤毫毕现。', 'Чёткое разрешение 4K раскрывает каждую деталь.')
	},
	weather_sealed: {
		kind: 'feature', en: 'weather-sealed', zh: '防尘防滴', ruPost: 'с защитой от непогоды', feature: 'weather_sealed',
		sentence: L(
			'Weather sealing keeps out dust and light rain.',
			'防尘防滴设计，不惧灰尘与小雨。',
			'Защита от непогоды не пропускает пыль и лёгкий дождь.'
		)
	},

	// ── Electronics product lines ──────────────────────────────────────────────────────────────
	studio: {
		kind: 'line', en: 'studio', zh: '监听', ru: 'студийный',
		sentence: L('Accurate, studio-grade sound with nothing added.', '录音室级精准音质，真实还原。', 'Точный звук студийного уровня без искажений.')
	},
	gaming_audio: {
		kind: 'line', en: 'gaming', zh: '游戏', ru: 'игровой',
		sentence: L(
			'Low latency and positional sound give you an edge in every game.',
			'低延迟与精准声场定位，助你在游戏中抢占先机。',
			'Низкая задержка и точное позиционирование звука дают преимущество в играх.'
		)
	},
	gaming: {
		kind: 'line', en: 'gaming', zh: '游戏', ru: 'игровой', priceMul: 1.25,
		sentence: L(
			'A high-refresh display and strong cooling keep games smooth.',
			'高刷新率屏幕与强劲散热，畅玩各类游戏。',
			'Экран с высокой частотой обновления и мощное охлаждение обеспечивают плавный геймплей.'
		)
	},
	sport: {
		kind: 'line', en: 'sport', zh: '运动', ru: 'спортивный',
		sentence: L('Built to stay put through runs and workouts.', '专为运动设计，跑步健身都佩戴稳固。', 'Надёжно держится во время пробежек и тренировок.')
	},
	compact: {
		kind: 'line', en: 'compact', zh: '小巧', ru: 'компактный',
		sentence: L(
			'A compact body fits easily on a desk or in a bag.',
			'机身小巧，桌面或包中都能轻松容纳。',
			'Компактный корпус легко поместится на столе или в сумке.'
		)
	},
	portable: {
		kind: 'line', en: 'portable', zh: '便携式', ru: 'портативный',
		sentence: L('Easy to take with you wherever you go.', '轻松携带，随行随用。', 'Устройство легко взять с собой куда угодно.')
	},
	smart: {
		kind: 'line', en: 'smart', zh: '智能', ru: 'умный', feature: 'voice_assistant',
		sentence: L(
			'Works with popular voice assistants and smart-home apps.',
			'兼容主流语音助手和智能家居应用。',
			'Совместимость с популярными голосовыми помощниками и приложениями для умного дома.'
		)
	},
	rugged: {
		kind: 'line', en: 'rugged', zh: '三防', ru: 'защищённый', feature: 'waterproof',
		sentence: L(
			'A reinforced body survives drops, dust and water.',
			'加固机身，防摔、防尘、防水。',
			'Усиленный корпус выдерживает падения, пыль и воду.'
		)
	},
	slim_design: {
		kind: 'line', en: 'slim', zh: '纤薄', ru: 'тонкий',
		sentence: L('The slim design is barely noticeable.', '纤薄设计，几乎感觉不到它的存在。', 'Тонкий корпус почти незаметен.')
	},
	folding_screen: {
		kind: 'line', en: 'foldable', zh: '折叠屏', ru: 'складной', feature: 'foldable', priceMul: 1.6,
		sentence: L(
			'The folding screen opens into a small tablet when you need more space.',
			'折叠屏展开即是小平板，大屏体验随时可用。',
			'Складной экран раскладывается в небольшой планшет, когда нужно больше места.'
		)
	},
	full_frame: {
		kind: 'line', en: 'full-frame', zh: '全画幅', ru: 'полнокадровый', priceMul: 1.4,
		sentence: L(
			'A full-frame sensor captures rich detail even in low light.',
			'全画幅传感器，弱光下依然细节丰富。',
			'Полнокадровая матрица сохраняет детализацию даже при слабом освещении.'
		)
	},
	ultrathin: {
		kind: 'line', en: 'ultra-thin', zh: '轻薄', ru: 'ультратонкий', priceMul: 1.1,
		sentence: L(
			'An ultra-thin body slips easily into any bag.',
			'超薄机身，轻松放入各种背包。',
			'Ультратонкий корпус легко помещается в любую сумку.'
		)
	},
	business: {
		kind: 'line', en: 'business', zh: '商务', ruPost: 'для бизнеса',
		sentence: L(
			'Business-grade security comes with all-day battery life.',
			'商务级安全防护，续航持久。',
			'Защита данных бизнес-класса и автономность на весь день.'
		)
	},
	two_in_one: {
		kind: 'line', en: '2-in-1', zh: '二合一', ruPost: '2 в 1',
		sentence: L(
			'A 360° hinge turns the laptop into a tablet in seconds.',
			'360°翻转设计，笔记本与平板形态秒速切换。',
			'Шарнир на 360° за секунды превращает ноутбук в планшет.'
		)
	},
	oled: {
		kind: 'line', en: 'OLED', zh: 'OLED', ruPost: 'OLED', priceMul: 1.4,
		sentence: L(
			'Self-lit OLED pixels deliver perfect blacks and rich contrast.',
			'OLED像素自发光，呈现纯粹黑色与丰富对比度。',
			'Самосветящиеся пиксели OLED дают идеальный чёрный цвет и глубокий контраст.'
		)
	},
	qled: {
		kind: 'line', en: 'QLED', zh: 'QLED', ruPost: 'QLED', priceMul: 1.15,
		sentence: L(
			'Quantum-dot colour stays vivid even in bright rooms.',
			'量子点色彩，明亮环境下依旧鲜艳。',
			'Цвета на квантовых точках остаются яркими даже в светлой комнате.'
		)
	},
	wide: {
		kind: 'line', en: 'wide-format', zh: '宽幅', ru: 'широкоформатный', priceMul: 1.3,
		sentence: L(
			'Wide-format prints fit a whole group of friends into one shot.',
			'宽幅相纸，一张照片容纳更多朋友与风景。',
			'Широкоформатные снимки вмещают целую компанию друзей.'
		)
	},
	inch8: { kind: 'line', en: '8-inch', zh: '8英寸', ru: '8-дюймовый', screen: 8.3, priceMul: 0.7 },
	inch11: { kind: 'line', en: '11-inch', zh: '11英寸', ru: '11-дюймовый', screen: 11 },
	inch13: { kind: 'line', en: '13-inch', zh: '13英寸', ru: '13-дюймовый', screen: 13, priceMul: 1.2 },
	inch14: { kind: 'line', en: '14-inch', zh: '14英寸', ru: '14-дюймовый', screen: 14 },
	inch156: { kind: 'line', en: '15.6-inch', zh: '15.6英寸', ru: '15,6-дюймовый', screen: 15.6, priceMul: 0.9 },
	inch16: { kind: 'line', en: '16-inch', zh: '16英寸', ru: '16-дюймовый', screen: 16, priceMul: 1.2 },
	inch43: { kind: 'line', en: '43-inch', zh: '43英寸', ru: '43-дюймовый', screen: 43, priceMul: 0.5 },
	inch50: { kind: 'line', en: '50-inch', zh: '50英寸', ru: '50-дюймовый', screen: 50, priceMul: 0.65 },
	inch55: { kind: 'line', en: '55-inch', zh: '55英寸', ru: '55-дюймовый', screen: 55, priceMul: 0.8 },
	inch65: { kind: 'line', en: '65-inch', zh: '65英寸', ru: '65-дюймовый', screen: 65, priceMul: 1.05 },
	inch75: { kind: 'line', en: '75-inch', zh: '75英寸', ru: '75-дюймовый', screen: 75, priceMul: 1.3 },

	// ── Materials ──────────────────────────────────────────────────────────────────────────────
	oak: {
		kind: 'material', en: 'oak', zh: '橡木', ru: 'дубовый', label: L('Oak', '橡木', 'Дуб'),
		made: L('solid oak', '橡木实木', 'из массива дуба'), colours: ['natural', 'brown', 'black', 'white'], care: 'wood'
	},
	walnut: {
		kind: 'material', en: 'walnut', zh: '胡桃木', ru: 'ореховый', label: L('Walnut', '胡桃木', 'Орех'),
		made: L('solid walnut', '胡桃木实木', 'из массива ореха'), colours: ['brown', 'natural'], care: 'wood'
	},
	pine: {
		kind: 'material', en: 'pine', zh: '松木', ru: 'сосновый', label: L('Pine', '松木', 'Сосна'),
		made: L('solid pine', '松木实木', 'из массива сосны'), colours: ['natural', 'white', 'grey'], care: 'wood'
	},
	beech: {
		kind: 'material', en: 'beech', zh: '榉木', ru: 'буковый', label: L('Beech', '榉木', 'Бук'),
		made: L('solid beech', '榉木实木', 'из массива бука'), colours: ['natural', 'black', 'white'], care: 'wood'
	},
	ash: {
		kind: 'material', en: 'ash', zh: '白蜡木', ru: 'ясеневый', label: L('Ash', '白蜡木', 'Ясень'),
		made: L('solid ash', '白蜡木实木', 'из массива ясеня'), colours: ['natural', 'black', 'white'], care: 'wood'
	},
	teak: {
		kind: 'material', en: 'teak', zh: '柚木', ru: 'тиковый', label: L('Teak', '柚木', 'Тик'),
		made: L('solid teak', '柚木实木', 'из массива тика'), colours: ['natural', 'brown'], care: 'wood'
	},
	bamboo: {
		kind: 'material', en: 'bamboo', zh: '竹制', ru: 'бамбуковый', label: L('Bamboo', '竹', 'Бамбук'),
		made: L('sustainable bamboo', '可持续竹材', 'из экологичного бамбука'), colours: ['natural'], care: 'wood'
	},
	rattan: {
		kind: 'material', en: 'rattan', zh: '藤编', ru: 'ротанговый', label: L('Rattan', '藤', 'Ротанг'),
		made: L('natural rattan', '天然藤条', 'из натурального ротанга'), colours: ['natural', 'black'], care: 'wipe'
	},
	metal: {
		kind: 'material', en: 'metal', zh: '金属', ru: 'металлический', label: L('Metal', '金属', 'Металл'),
		made: L('powder-coated steel', '粉末喷涂钢材', 'из стали с порошковым покрытием'),
		colours: ['black', 'white', 'grey', 'green', 'yellow'], care: 'wipe'
	},
	glass: {
		kind: 'material', en: 'glass', zh: '玻璃', ru: 'стеклянный', label: L('Glass', '玻璃', 'Стекло'),
		made: L('tempered glass', '钢化玻璃', 'из закалённого стекла'), colours: ['grey', 'white', 'black', 'green'], care: 'wipe'
	},
	marble: {
		kind: 'material', en: 'marble', zh: '大理石', ru: 'мраморный', label: L('Marble', '大理石', 'Мрамор'),
		made: L('natural marble', '天然大理石', 'из натурального мрамора'), colours: ['white', 'black', 'green', 'pink'], care: 'wipe'
	},
	velvet: {
		kind: 'material', en: 'velvet', zh: '丝绒', ru: 'бархатный', label: L('Velvet', '丝绒', 'Бархат'),
		made: L('soft velvet', '柔软丝绒面料', 'из мягкого бархата'),
		colours: ['green', 'navy', 'pink', 'grey', 'yellow', 'olive', 'beige'], care: 'upholstery', upholstery: true
	},
	leather: {
		kind: 'material', en: 'leather', zh: '真皮', ru: 'кожаный', label: L('Leather', '真皮', 'Кожа'),
		made: L('genuine leather', '头层真皮', 'из натуральной кожи'), colours: ['brown', 'black', 'beige', 'grey'],
		care: 'leather', upholstery: true
	},
	linen: {
		kind: 'material', en: 'linen', zh: '亚麻', ru: 'льняной', label: L('Linen', '亚麻', 'Лён'),
		made: L('pure linen', '纯亚麻面料', 'из чистого льна'),
		colours: ['beige', 'white', 'grey', 'natural', 'green', 'blue', 'olive'], care: 'linen', upholstery: true
	},
	cotton: {
		kind: 'material', en: 'cotton', zh: '纯棉', ru: 'хлопковый', label: L('Cotton', '棉', 'Хлопок'),
		made: L('100% cotton', '100%纯棉面料', 'из 100% хлопка'),
		colours: ['white', 'black', 'grey', 'navy', 'red', 'green', 'blue', 'pink', 'yellow', 'beige', 'olive'], care: 'wash'
	},
	organic_cotton: {
		kind: 'material', en: 'organic cotton', zh: '有机棉', ruPost: 'из органического хлопка',
		label: L('Organic cotton', '有机棉', 'Органический хлопок'),
		made: L('certified organic cotton', '认证有机棉', 'из сертифицированного органического хлопка'),
		colours: ['white', 'beige', 'grey', 'green', 'navy', 'black'], care: 'wash', feature: 'organic'
	},
	wool: {
		kind: 'material', en: 'wool', zh: '羊毛', ru: 'шерстяной', label: L('Wool', '羊毛', 'Шерсть'),
		made: L('soft wool', '柔软羊毛', 'из мягкой шерсти'), colours: ['grey', 'beige', 'navy', 'brown', 'green', 'black'], care: 'wool'
	},
	cashmere: {
		kind: 'material', en: 'cashmere', zh: '羊绒', ru: 'кашемировый', label: L('Cashmere', '羊绒', 'Кашемир'),
		made: L('pure cashmere', '纯羊绒', 'из чистого кашемира'), colours: ['beige', 'grey', 'navy', 'black', 'pink'], care: 'wool'
	},
	merino: {
		kind: 'material', en: 'merino wool', zh: '美利奴羊毛', ruPost: 'из мериноса',
		label: L('Merino wool', '美利奴羊毛', 'Шерсть мериноса'),
		made: L('fine merino wool', '细支美利奴羊毛', 'из тонкой шерсти мериноса'),
		colours: ['grey', 'navy', 'black', 'green', 'beige'], care: 'wool'
	},
	alpaca: {
		kind: 'material', en: 'alpaca', zh: '羊驼毛', ruPost: 'из альпаки', label: L('Alpaca wool', '羊驼毛', 'Шерсть альпаки'),
		made: L('soft alpaca wool', '柔软羊驼毛', 'из мягкой шерсти альпаки'), colours: ['beige', 'grey', 'brown', 'white'], care: 'wool'
	},
	silk: {
		kind: 'material', en: 'silk', zh: '真丝', ru: 'шёлковый', label: L('Silk', '真丝', 'Шёлк'),
		made: L('pure mulberry silk', '100%桑蚕丝', 'из натурального шёлка'),
		colours: ['white', 'pink', 'navy', 'black', 'green', 'red'], care: 'delicate'
	},
	chiffon: {
		kind: 'material', en: 'chiffon', zh: '雪纺', ru: 'шифоновый', label: L('Chiffon', '雪纺', 'Шифон'),
		made: L('light chiffon', '轻盈雪纺面料', 'из лёгкого шифона'),
		colours: ['white', 'pink', 'blue', 'green', 'black', 'yellow'], care: 'delicate'
	},
	sateen: {
		kind: 'material', en: 'sateen', zh: '贡缎', ru: 'сатиновый', label: L('Cotton sateen', '纯棉贡缎', 'Сатин'),
		made: L('smooth cotton sateen', '顺滑纯棉贡缎', 'из гладкого сатина'), colours: ['white', 'grey', 'beige', 'navy', 'pink'],
		care: 'wash'
	},
	denim: {
		kind: 'material', en: 'denim', zh: '牛仔', ru: 'джинсовый', label: L('Denim', '牛仔布', 'Деним'),
		made: L('sturdy denim', '厚实牛仔布', 'из плотного денима'), colours: ['blue', 'navy', 'black', 'grey'], care: 'wash'
	},
	raw_denim: {
		kind: 'material', en: 'raw denim', zh: '原色', ruPost: 'из сырого денима', label: L('Raw denim', '原色牛仔布', 'Сырой деним'),
		made: L('unwashed raw denim', '未水洗原色牛仔布', 'из необработанного сырого денима'), colours: ['navy', 'black'], care: 'wash'
	},
	corduroy: {
		kind: 'material', en: 'corduroy', zh: '灯芯绒', ru: 'вельветовый', label: L('Corduroy', '灯芯绒', 'Вельвет'),
		made: L('soft corduroy', '柔软灯芯绒', 'из мягкого вельвета'), colours: ['brown', 'green', 'beige', 'navy', 'olive'],
		care: 'wash', upholstery: true
	},
	fleece: {
		kind: 'material', en: 'fleece', zh: '抓绒', ru: 'флисовый', label: L('Fleece', '抓绒', 'Флис'),
		made: L('warm fleece', '保暖抓绒面料', 'из тёплого флиса'), colours: ['grey', 'navy', 'black', 'green', 'red', 'olive'], care: 'wash'
	},
	flannel: {
		kind: 'material', en: 'flannel', zh: '法兰绒', ru: 'фланелевый', label: L('Flannel', '法兰绒', 'Фланель'),
		made: L('brushed flannel', '磨毛法兰绒', 'из мягкой фланели'), colours: ['red', 'green', 'navy', 'grey'], care: 'wash'
	},
	suede: {
		kind: 'material', en: 'suede', zh: '麂皮', ru: 'замшевый', label: L('Suede', '麂皮', 'Замша'),
		made: L('soft suede', '柔软麂皮', 'из мягкой замши'), colours: ['brown', 'beige', 'black', 'green'], care: 'leather'
	},
	nylon: {
		kind: 'material', en: 'nylon', zh: '尼龙', ru: 'нейлоновый', label: L('Nylon', '尼龙', 'Нейлон'),
		made: L('durable nylon', '耐磨尼龙', 'из прочного нейлона'), colours: ['black', 'navy', 'green', 'red', 'grey', 'olive'], care: 'wash'
	},
	canvas: {
		kind: 'material', en: 'canvas', zh: '帆布', ru: 'холщовый', label: L('Canvas', '帆布', 'Холст'),
		made: L('heavy cotton canvas', '厚实棉帆布', 'из плотного хлопкового холста'),
		colours: ['beige', 'natural', 'black', 'navy', 'olive'], care: 'wash'
	},
	gabardine: {
		kind: 'material', en: 'gabardine', zh: '华达呢', ru: 'габардиновый', label: L('Gabardine', '华达呢', 'Габардин'),
		made: L('tightly woven gabardine', '紧密华达呢面料', 'из плотного габардина'), colours: ['beige', 'navy', 'black', 'olive'],
		care: 'delicate'
	},
	knit: {
		kind: 'material', en: 'knitted', zh: '针织', ru: 'вязаный', label: L('Knit', '针织', 'Трикотаж'),
		made: L('soft knit', '柔软针织面料', 'из мягкого трикотажа'), colours: ['beige', 'grey', 'white', 'pink', 'green', 'navy'], care: 'wash'
	},
	boucle: {
		kind: 'material', en: 'bouclé', zh: '圈圈绒', ruPost: 'из букле', label: L('Bouclé', '圈圈绒', 'Букле'),
		made: L('textured bouclé', '肌理感圈圈绒面料', 'из фактурной ткани букле'), colours: ['white', 'beige', 'grey'],
		care: 'upholstery', upholstery: true
	},
	fabric: {
		kind: 'material', en: 'fabric', zh: '布艺', ru: 'тканевый', label: L('Fabric', '布艺', 'Ткань'),
		made: L('durable woven fabric', '耐用梭织面料', 'из прочной мебельной ткани'), colours: ['grey', 'beige', 'blue', 'green', 'navy'],
		care: 'upholstery', upholstery: true
	},
	mesh: {
		kind: 'material', en: 'mesh', zh: '网布', ru: 'сетчатый', label: L('Mesh', '网布', 'Сетка'),
		made: L('breathable mesh', '透气网布', 'из дышащей сетки'), colours: ['black', 'grey', 'white', 'blue'], care: 'wipe',
		upholstery: true, feature: 'breathable'
	},
	jute: {
		kind: 'material', en: 'jute', zh: '黄麻', ru: 'джутовый', label: L('Jute', '黄麻', 'Джут'),
		made: L('natural jute', '天然黄麻', 'из натурального джута'), colours: ['natural', 'beige'], care: 'upholstery'
	},
	brass: {
		kind: 'material', en: 'brass', zh: '黄铜', ru: 'латунный', label: L('Brass', '黄铜', 'Латунь'),
		made: L('solid brass', '实心黄铜', 'из цельной латуни'), colours: ['gold'], care: 'wipe'
	},
	concrete: {
		kind: 'material', en: 'concrete', zh: '水泥', ru: 'бетонный', label: L('Concrete', '水泥', 'Бетон'),
		made: L('cast concrete', '浇筑水泥', 'из литого бетона'), colours: ['grey'], care: 'wipe'
	},
	paper: {
		kind: 'material', en: 'paper', zh: '纸艺', ru: 'бумажный', label: L('Paper', '纸', 'Бумага'),
		made: L('handmade paper', '手工纸', 'из бумаги ручной работы'), colours: ['white', 'natural']
	},
	crystal: {
		kind: 'material', en: 'crystal', zh: '水晶', ru: 'хрустальный', label: L('Crystal', '水晶', 'Хрусталь'),
		made: L('cut crystal', '切面水晶', 'из гранёного хрусталя'), colours: ['gold', 'silver'], care: 'wipe'
	},
	ceramic: {
		kind: 'material', en: 'ceramic', zh: '陶瓷', ru: 'керамический', label: L('Ceramic', '陶瓷', 'Керамика'),
		made: L('glazed ceramic', '釉面陶瓷', 'из глазурованной керамики'), colours: ['white', 'green', 'blue', 'pink', 'yellow', 'black'],
		care: 'wipe'
	},
	aluminium: {
		kind: 'material', en: 'aluminium', zh: '铝合金', ru: 'алюминиевый', label: L('Aluminium', '铝合金', 'Алюминий'),
		made: L('anodised aluminium', '阳极氧化铝合金', 'из анодированного алюминия'), colours: ['silver', 'grey', 'black', 'blue']
	},
	plastic: {
		kind: 'material', en: 'plastic', zh: '塑料', ru: 'пластиковый', label: L('Plastic', '塑料', 'Пластик'),
		made: L('recycled plastic', '再生塑料', 'из переработанного пластика'),
		colours: ['black', 'white', 'blue', 'pink', 'green', 'red', 'yellow'], care: 'wipe'
	},
	titanium: {
		kind: 'material', en: 'titanium', zh: '钛金属', ru: 'титановый', label: L('Titanium', '钛金属', 'Титан'), priceMul: 1.5,
		made: L('lightweight titanium', '轻质钛金属', 'из лёгкого титана'), colours: ['silver', 'grey', 'black']
	}
};

const CARE: Readonly<Record<Care, Localized>> = {
	wash: L('Machine washable at 30 °C.', '可在30°C下机洗。', 'Допускается машинная стирка при 30 °C.'),
	linen: L(
		'Machine wash at 40 °C; linen gets softer with every wash.',
		'可在40°C下机洗，亚麻越洗越柔软。',
		'Машинная стирка при 40 °C; лён становится мягче с каждой стиркой.'
	),
	wool: L('Hand wash cold or dry clean.', '建议冷水手洗或干洗。', 'Рекомендуется ручная стирка в холодной воде или химчистка.'),
	delicate: L('Dry clean or hand wash gently.', '建议干洗或轻柔手洗。', 'Рекомендуется химчистка или деликатная ручная стирка.'),
	leather: L('Wipe clean with a soft, dry cloth.', '用柔软的干布擦拭清洁。', 'Протирайте мягкой сухой тканью.'),
	upholstery: L(
		'Vacuum gently and spot clean with a damp cloth.',
		'轻柔吸尘，局部污渍可用湿布擦拭。',
		'Аккуратно чистите пылесосом, пятна удаляйте влажной тканью.'
	),
	wood: L(
		'Wipe with a damp cloth and avoid harsh cleaners.',
		'用湿布擦拭，避免使用强力清洁剂。',
		'Протирайте влажной тканью и не используйте агрессивные средства.'
	),
	wipe: L('Wipe with a soft, damp cloth.', '用柔软的湿布擦拭。', 'Протирайте мягкой влажной тканью.')
};

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Vocabulary: product types
// ═══════════════════════════════════════════════════════════════════════════════════════════════

interface TypeDef {
	code: string;
	family: FamilyCode;
	/** Leaf category code. */
	category: string;
	shape: Shape;
	/** Three-letter product code prefix. */
	prefix: string;
	/** Noun phrases; "pre|noun" puts slot B (material) between a qualitative adjective and the noun. */
	en: string;
	zh: string;
	ru: string;
	g: RuGender;
	/** Slot A modifier codes (style / fit / line). */
	a: readonly string[];
	/** Slot B modifier codes (material / feature). */
	b: readonly string[];
	/** Materials used when slot B is empty or not a material (defaults to slot B's materials). */
	mat?: readonly string[];
	/** Colours offered (defaults to the material's palette). */
	colours?: readonly string[];
	/** Regular price range in whole US dollars. */
	price: Range;
	/** Width, height, depth ranges in cm. */
	dims?: readonly [Range, Range, Range];
	/** The phrase's qualitative "pre" part comes before slot A too ("Large vintage wool rug"). */
	preFirst?: boolean;
	/** Depth equals width (round or square items). */
	square?: boolean;
	kg?: Range;
	watt?: Range;
	/** Screen sizes in inches when no slot modifier implies one. */
	screens?: readonly number[];
	/** Optional multiselect features (each drawn with some probability). */
	feat?: readonly string[];
	/** Features every product of the type has. */
	always?: readonly string[];
	/** Furniture: assembly required (undefined = either). */
	assembly?: boolean;
	/** Upholstered item: upholstery materials read "Upholstered in …". */
	upholstered?: boolean;
	care?: Care;
	sizes?: 'clothing' | 'shoes' | 'one';
	warranty?: readonly number[];
	blurb: Localized;
}

const WOODS = ['oak', 'walnut', 'pine', 'ash'] as const;
const ROOM_STYLES = ['scandinavian', 'industrial', 'modern', 'classic', 'minimalist', 'vintage'] as const;
const SOFA_MATERIALS = ['velvet', 'leather', 'linen', 'boucle', 'fabric', 'corduroy'] as const;

const TYPES: readonly TypeDef[] = [
	// ── Furniture: living room ─────────────────────────────────────────────────────────────────
	{
		code: 'three_seater_sofa', family: 'furniture', category: 'sofas', shape: 'sofa', prefix: 'SOF',
		en: 'three-seater sofa', zh: '三人沙发', ru: 'трёхместный диван', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'classic', 'minimalist', 'vintage'], b: SOFA_MATERIALS,
		price: [399, 2499], dims: [[190, 240], [75, 90], [85, 100]], kg: [45, 90], feat: ['removable_cover'], assembly: false,
		upholstered: true,
		blurb: L(
			'A generous three-seater with deep cushions for lazy weekends.',
			'宽敞的三人座设计，厚实坐垫，适合慵懒的周末时光。',
			'Вместительный трёхместный диван с мягкими глубокими подушками для неспешных выходных.'
		)
	},
	{
		code: 'two_seater_sofa', family: 'furniture', category: 'sofas', shape: 'sofa', prefix: 'LOV',
		en: 'two-seater sofa', zh: '双人沙发', ru: 'двухместный диван', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'classic', 'minimalist', 'vintage'], b: SOFA_MATERIALS,
		price: [299, 1799], dims: [[140, 180], [75, 90], [80, 95]], kg: [30, 60], feat: ['removable_cover'], assembly: false,
		upholstered: true,
		blurb: L(
			'A compact two-seater that fits neatly into smaller living rooms.',
			'小巧的双人座设计，轻松融入小户型客厅。',
			'Компактный двухместный диван легко впишется в небольшую гостиную.'
		)
	},
	{
		code: 'corner_sofa', family: 'furniture', category: 'sofas', shape: 'sofa', prefix: 'CSF',
		en: 'corner sofa', zh: '转角沙发', ru: 'угловой диван', g: 'm',
		a: ['scandinavian', 'modern', 'classic', 'minimalist'], b: SOFA_MATERIALS,
		price: [799, 2999], dims: [[240, 300], [75, 90], [150, 200]], kg: [70, 130], feat: ['storage', 'removable_cover'],
		assembly: false, upholstered: true,
		blurb: L(
			'An L-shaped corner sofa with room for the whole family.',
			'L形转角设计，全家人都能坐得下。',
			'Угловой диван Г-образной формы, на котором поместится вся семья.'
		)
	},
	{
		code: 'armchair', family: 'furniture', category: 'armchairs', shape: 'chair', prefix: 'ARM',
		en: 'armchair', zh: '扶手椅', ru: 'кресло', g: 'n',
		a: ['scandinavian', 'modern', 'classic', 'vintage', 'minimalist'],
		b: ['velvet', 'leather', 'linen', 'boucle', 'rattan', 'fabric', 'oak'],
		price: [149, 1299], dims: [[65, 90], [75, 100], [70, 90]], kg: [12, 35], assembly: false, upholstered: true,
		blurb: L('A comfortable armchair made for reading and relaxing.', '舒适的扶手椅，适合阅读与休憩。', 'Удобное кресло для чтения и отдыха.')
	},
	{
		code: 'coffee_table', family: 'furniture', category: 'coffee_tables', shape: 'table', prefix: 'CTB',
		en: 'coffee table', zh: '茶几', ru: 'журнальный столик', g: 'm',
		a: ROOM_STYLES, b: ['oak', 'walnut', 'marble', 'glass', 'metal', 'rattan', 'pine'],
		price: [79, 899], dims: [[80, 130], [35, 48], [50, 80]], kg: [10, 45], feat: ['storage'],
		blurb: L(
			'A low coffee table with plenty of space for books, cups and plants.',
			'低矮茶几，书本、茶杯和绿植都有地方摆放。',
			'Низкий журнальный столик, на котором хватит места для книг, чашек и растений.'
		)
	},
	{
		code: 'side_table', family: 'furniture', category: 'coffee_tables', shape: 'table', prefix: 'STB',
		en: 'side table', zh: '边几', ru: 'приставной столик', g: 'm',
		a: ROOM_STYLES, b: ['oak', 'walnut', 'marble', 'metal', 'rattan', 'glass'],
		price: [39, 399], dims: [[35, 55], [45, 60], [35, 55]], square: true, kg: [3, 15],
		blurb: L(
			'A small side table that sits neatly next to a sofa or bed.',
			'小巧的边几，放在沙发旁或床边都很合适。',
			'Небольшой приставной столик удобно поставить рядом с диваном или кроватью.'
		)
	},
	{
		code: 'tv_stand', family: 'furniture', category: 'storage', shape: 'cabinet', prefix: 'TVS',
		en: 'TV stand', zh: '电视柜', ru: 'тумба под телевизор', g: 'f',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist'], b: [...WOODS, 'metal'],
		price: [99, 999], dims: [[120, 200], [40, 60], [35, 50]], kg: [20, 60], always: ['storage'], assembly: true,
		blurb: L(
			'A low TV stand with cable management and room for media devices.',
			'低矮电视柜，设有理线孔，可收纳影音设备。',
			'Низкая тумба под телевизор с кабель-каналом и местом для техники.'
		)
	},
	{
		code: 'sideboard', family: 'furniture', category: 'storage', shape: 'cabinet', prefix: 'SDB',
		en: 'sideboard', zh: '餐边柜', ru: 'буфет', g: 'm',
		a: ['scandinavian', 'modern', 'classic', 'vintage', 'minimalist'], b: [...WOODS, 'teak', 'rattan'],
		price: [249, 1499], dims: [[120, 180], [75, 90], [40, 50]], kg: [35, 80], always: ['storage'], assembly: true,
		blurb: L(
			'A spacious sideboard for tableware, linen and everyday clutter.',
			'宽敞的餐边柜，可收纳餐具、桌布和日常杂物。',
			'Вместительный буфет для посуды, скатертей и повседневных мелочей.'
		)
	},
	// ── Furniture: dining ──────────────────────────────────────────────────────────────────────
	{
		code: 'dining_table', family: 'furniture', category: 'dining_tables', shape: 'table', prefix: 'DTB',
		en: 'dining table', zh: '餐桌', ru: 'обеденный стол', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'classic', 'minimalist', 'rustic'],
		b: [...WOODS, 'teak', 'marble', 'glass'],
		price: [199, 2499], dims: [[140, 220], [74, 76], [80, 100]], kg: [30, 90], assembly: true,
		blurb: L(
			'A sturdy dining table with room for the whole family.',
			'稳固的餐桌，全家人围坐也宽敞。',
			'Прочный обеденный стол, за которым поместится вся семья.'
		)
	},
	{
		code: 'extendable_dining_table', family: 'furniture', category: 'dining_tables', shape: 'table', prefix: 'XTB',
		en: 'extendable|dining table', zh: '伸缩餐桌', ru: 'раздвижной|обеденный стол', g: 'm',
		a: ['scandinavian', 'modern', 'classic', 'minimalist'], b: [...WOODS, 'glass'],
		price: [349, 1999], dims: [[140, 200], [74, 76], [85, 100]], kg: [40, 95], always: ['extendable'], assembly: true,
		blurb: L(
			'Pull out the extension leaf to seat extra guests in seconds.',
			'拉出延伸板，几秒钟就能多坐几位客人。',
			'Раздвижная столешница за секунды освобождает место для гостей.'
		)
	},
	{
		code: 'dining_chair', family: 'furniture', category: 'dining_chairs', shape: 'chair', prefix: 'CHR',
		en: 'dining chair', zh: '餐椅', ru: 'обеденный стул', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'classic', 'minimalist', 'vintage', 'rustic'],
		b: ['oak', 'walnut', 'beech', 'ash', 'metal', 'velvet', 'rattan', 'leather', 'plastic'],
		price: [49, 499], dims: [[42, 55], [78, 90], [48, 58]], kg: [4, 9], feat: ['stackable'], upholstered: true,
		blurb: L(
			'A comfortable dining chair with a supportive backrest.',
			'舒适的餐椅，靠背贴合有支撑。',
			'Удобный обеденный стул со спинкой, которая хорошо поддерживает спину.'
		)
	},
	{
		code: 'bar_stool', family: 'furniture', category: 'dining_chairs', shape: 'chair', prefix: 'BST',
		en: 'bar stool', zh: '吧台凳', ru: 'барный стул', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'vintage'],
		b: ['oak', 'walnut', 'metal', 'velvet', 'leather', 'rattan'],
		price: [59, 349], dims: [[38, 48], [65, 105], [38, 48]], square: true, kg: [4, 9], feat: ['swivel'], upholstered: true,
		blurb: L('A counter-height bar stool with a handy footrest.', '吧台高度的高脚凳，配有实用脚踏。', 'Барный стул с удобной подставкой для ног.')
	},
	// ── Furniture: bedroom ─────────────────────────────────────────────────────────────────────
	{
		code: 'double_bed', family: 'furniture', category: 'beds', shape: 'bed', prefix: 'BED',
		en: 'double bed', zh: '双人床', ru: 'двуспальная кровать', g: 'f',
		a: ROOM_STYLES, b: ['oak', 'walnut', 'pine', 'metal', 'velvet', 'linen', 'boucle'],
		price: [299, 2499], dims: [[150, 190], [90, 120], [200, 215]], kg: [40, 110], feat: ['storage'], assembly: true,
		upholstered: true,
		blurb: L(
			'A solid double bed frame that stays quiet night after night.',
			'稳固的双人床架，夜夜安静无异响。',
			'Надёжный каркас двуспальной кровати не скрипит даже спустя годы.'
		)
	},
	{
		code: 'single_bed', family: 'furniture', category: 'beds', shape: 'bed', prefix: 'SBD',
		en: 'single bed', zh: '单人床', ru: 'односпальная кровать', g: 'f',
		a: ['scandinavian', 'modern', 'classic', 'minimalist', 'vintage'], b: ['oak', 'pine', 'beech', 'metal', 'fabric'],
		price: [149, 899], dims: [[90, 120], [80, 110], [195, 210]], kg: [20, 55], feat: ['storage'], assembly: true,
		upholstered: true,
		blurb: L(
			'A single bed that suits a kids’ room, a guest room or a studio flat.',
			'单人床，适合儿童房、客房或小户型公寓。',
			'Односпальная кровать подойдёт для детской, гостевой комнаты или студии.'
		)
	},
	{
		code: 'bedside_table', family: 'furniture', category: 'bedside_tables', shape: 'cabinet', prefix: 'NST',
		en: 'bedside table', zh: '床头柜', ru: 'прикроватная тумба', g: 'f',
		a: ['scandinavian', 'modern', 'minimalist', 'vintage', 'classic'], b: [...WOODS, 'rattan', 'metal'],
		price: [49, 449], dims: [[40, 55], [45, 60], [35, 45]], kg: [6, 18], always: ['storage'],
		blurb: L(
			'A bedside table with a drawer for your book, glasses and phone.',
			'床头柜带抽屉，可收纳书本、眼镜和手机。',
			'Прикроватная тумба с ящиком для книги, очков и телефона.'
		)
	},
	{
		code: 'wardrobe', family: 'furniture', category: 'wardrobes', shape: 'cabinet', prefix: 'WRD',
		en: 'wardrobe', zh: '衣柜', ru: 'платяной шкаф', g: 'm',
		a: ['scandinavian', 'modern', 'classic', 'minimalist'], b: WOODS,
		price: [249, 1999], dims: [[80, 200], [190, 236], [55, 62]], kg: [60, 180], always: ['storage'], assembly: true,
		blurb: L(
			'A roomy wardrobe with a hanging rail and adjustable shelves.',
			'宽敞的衣柜，配有挂衣杆和可调节层板。',
			'Вместительный платяной шкаф со штангой для одежды и регулируемыми полками.'
		)
	},
	{
		code: 'chest_of_drawers', family: 'furniture', category: 'wardrobes', shape: 'cabinet', prefix: 'CHD',
		en: 'chest of drawers', zh: '五斗柜', ru: 'комод', g: 'm',
		a: ['scandinavian', 'modern', 'classic', 'vintage', 'minimalist'], b: [...WOODS, 'rattan', 'teak'],
		price: [149, 1299], dims: [[80, 140], [75, 120], [40, 50]], kg: [30, 80], always: ['storage'], assembly: true,
		blurb: L(
			'Smooth-running drawers keep clothes and linen neatly organised.',
			'五斗柜抽屉推拉顺滑，衣物和床品收纳井井有条。',
			'Плавно выдвигающиеся ящики помогают аккуратно хранить одежду и бельё.'
		)
	},
	// ── Furniture: home office ─────────────────────────────────────────────────────────────────
	{
		code: 'writing_desk', family: 'furniture', category: 'desks', shape: 'table', prefix: 'DSK',
		en: 'writing desk', zh: '书桌', ru: 'письменный стол', g: 'm',
		a: ROOM_STYLES, b: [...WOODS, 'metal', 'bamboo'],
		price: [99, 1299], dims: [[100, 160], [74, 76], [50, 75]], kg: [15, 45], feat: ['storage'], assembly: true,
		blurb: L(
			'A writing desk with enough room for a laptop, a lamp and notebooks.',
			'书桌空间充裕，笔记本电脑、台灯和笔记本都能放下。',
			'Письменный стол, на котором поместятся ноутбук, лампа и тетради.'
		)
	},
	{
		code: 'standing_desk', family: 'furniture', category: 'desks', shape: 'table', prefix: 'SDK',
		en: 'height-adjustable desk', zh: '升降桌', ru: 'стол с регулировкой высоты', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist'], b: ['oak', 'walnut', 'ash', 'bamboo'],
		price: [249, 1299], dims: [[120, 180], [65, 125], [60, 80]], kg: [30, 55], always: ['height_adjustable'], assembly: true,
		blurb: L(
			'Switch between sitting and standing at the touch of a button.',
			'一键切换坐姿与站姿。',
			'Переключайтесь между работой сидя и стоя одним нажатием кнопки.'
		)
	},
	{
		code: 'office_chair', family: 'furniture', category: 'office_chairs', shape: 'chair', prefix: 'OCH',
		en: 'office chair', zh: '办公椅', ru: 'офисное кресло', g: 'n',
		a: ['ergonomic', 'modern', 'minimalist', 'classic'], b: ['mesh', 'leather', 'fabric', 'velvet'],
		price: [89, 899], dims: [[60, 70], [95, 130], [60, 70]], kg: [12, 22], always: ['swivel', 'height_adjustable'],
		assembly: true, upholstered: true,
		blurb: L(
			'An office chair that supports you through long working days.',
			'久坐不累的办公椅，陪你度过漫长的工作日。',
			'Офисное кресло, в котором удобно работать весь день.'
		)
	},
	{
		code: 'bookcase', family: 'furniture', category: 'shelving', shape: 'shelf', prefix: 'BKC',
		en: 'bookcase', zh: '书柜', ru: 'книжный шкаф', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'classic'], b: [...WOODS, 'metal'],
		price: [79, 999], dims: [[60, 120], [100, 220], [28, 40]], kg: [20, 70], always: ['storage'], assembly: true,
		blurb: L(
			'A tall bookcase with adjustable shelves for books and display pieces.',
			'高书柜配有可调节层板，书籍与摆件都能整齐陈列。',
			'Высокий книжный шкаф с регулируемыми полками для книг и декора.'
		)
	},
	{
		code: 'wall_shelf', family: 'furniture', category: 'shelving', shape: 'shelf', prefix: 'SHF',
		en: 'wall shelf', zh: '墙面置物架', ru: 'настенная полка', g: 'f',
		a: ['scandinavian', 'industrial', 'minimalist', 'modern'], b: ['oak', 'walnut', 'pine', 'metal', 'bamboo'],
		price: [19, 149], dims: [[40, 120], [3, 30], [15, 25]], kg: [1, 6], assembly: true,
		blurb: L(
			'A wall shelf that makes the most of empty wall space.',
			'墙面置物架，充分利用闲置墙面。',
			'Настенная полка помогает использовать свободное место на стене.'
		)
	},
	{
		code: 'shelving_unit', family: 'furniture', category: 'shelving', shape: 'shelf', prefix: 'SHU',
		en: 'shelving unit', zh: '置物架', ru: 'стеллаж', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist'], b: ['oak', 'pine', 'metal', 'bamboo', 'walnut'],
		price: [59, 599], dims: [[60, 160], [100, 200], [30, 45]], kg: [10, 50], always: ['storage'], assembly: true,
		blurb: L(
			'An open shelving unit that works as storage and as a room divider.',
			'开放式置物架，既能收纳又能分隔空间。',
			'Открытый стеллаж служит и местом для хранения, и перегородкой для зонирования.'
		)
	},
	// ── Home textiles (furniture family) ───────────────────────────────────────────────────────
	{
		code: 'round_rug', family: 'furniture', category: 'rugs', shape: 'rug', prefix: 'RRG',
		en: 'round|rug', zh: '圆形|地毯', ru: 'круглый|ковёр', g: 'm',
		a: ['boho', 'moroccan', 'modern', 'scandinavian', 'vintage', 'minimalist'], b: ['wool', 'jute', 'cotton'],
		price: [49, 599], dims: [[120, 200], [1, 2], [120, 200]], square: true, kg: [3, 15], care: 'upholstery', assembly: false,
		warranty: [1, 2],
		blurb: L(
			'A round rug that softens the floor under a dining table or reading chair.',
			'圆形地毯，铺在餐桌或阅读椅下，让地面更柔软。',
			'Круглый ковёр сделает пол мягче под обеденным столом или креслом для чтения.'
		)
	},
	{
		code: 'hallway_runner', family: 'furniture', category: 'rugs', shape: 'rug', prefix: 'RUN',
		en: 'hallway runner', zh: '走廊地毯', ru: 'ковровая дорожка', g: 'f',
		a: ['boho', 'moroccan', 'modern', 'scandinavian', 'vintage'], b: ['wool', 'jute', 'cotton'],
		price: [39, 349], dims: [[60, 90], [1, 2], [150, 300]], kg: [2, 8], care: 'upholstery', assembly: false, warranty: [1, 2],
		blurb: L(
			'A long runner that protects hallway floors and muffles footsteps.',
			'长条走廊地毯，保护地板并减轻脚步声。',
			'Длинная ковровая дорожка защищает пол в прихожей и приглушает шаги.'
		)
	},
	{
		code: 'large_rug', family: 'furniture', category: 'rugs', shape: 'rug', prefix: 'RUG',
		en: 'large|rug', zh: '大号|地毯', ru: 'большой|ковёр', g: 'm', preFirst: true,
		a: ['boho', 'moroccan', 'modern', 'scandinavian', 'vintage', 'minimalist'], b: ['wool', 'jute', 'cotton'],
		price: [99, 999], dims: [[160, 240], [1, 2], [230, 340]], kg: [6, 20], care: 'upholstery', assembly: false,
		warranty: [1, 2],
		blurb: L(
			'A large rug that brings a sofa and coffee table together in one zone.',
			'大尺寸地毯，让沙发与茶几自成一区。',
			'Большой ковёр объединяет диван и журнальный столик в одну зону.'
		)
	},
	{
		code: 'cushion', family: 'furniture', category: 'cushions_throws', shape: 'cushion', prefix: 'CSH',
		en: 'cushion', zh: '靠垫', ru: 'декоративная|подушка', g: 'f',
		a: ['boho', 'moroccan', 'scandinavian', 'modern', 'vintage', 'minimalist'],
		b: ['velvet', 'linen', 'cotton', 'wool', 'boucle', 'knit'],
		price: [15, 79], dims: [[40, 60], [12, 15], [40, 60]], square: true, kg: [0.4, 1.2],
		feat: ['removable_cover', 'machine_washable'], assembly: false, warranty: [1, 2],
		blurb: L(
			'A plump cushion that adds colour and comfort to a sofa or bed.',
			'饱满的靠垫，为沙发或床铺增添色彩与舒适。',
			'Пышная подушка добавит цвета и уюта дивану или кровати.'
		)
	},
	{
		code: 'throw_blanket', family: 'furniture', category: 'cushions_throws', shape: 'rug', prefix: 'THR',
		en: 'throw blanket', zh: '盖毯', ru: 'плед', g: 'm',
		a: ['scandinavian', 'boho', 'modern', 'minimalist', 'vintage'],
		b: ['wool', 'cotton', 'cashmere', 'fleece', 'knit', 'linen'],
		price: [29, 249], dims: [[130, 150], [1, 2], [170, 200]], kg: [0.8, 2], feat: ['machine_washable'], assembly: false,
		warranty: [1, 2],
		blurb: L('A soft throw for chilly evenings on the sofa.', '柔软盖毯，陪你度过沙发上的微凉夜晚。', 'Мягкий плед для прохладных вечеров на диване.')
	},
	{
		code: 'bedding_set', family: 'furniture', category: 'bedding', shape: 'bed', prefix: 'BDS',
		en: 'bedding set', zh: '床品四件套', ru: 'комплект постельного белья', g: 'm',
		a: ['scandinavian', 'minimalist', 'modern', 'classic'], b: ['linen', 'cotton', 'silk', 'flannel', 'sateen'],
		price: [49, 349], dims: [[30, 40], [8, 12], [25, 35]], kg: [1, 3], always: ['machine_washable'], assembly: false,
		warranty: [1, 2],
		blurb: L(
			'The set includes a duvet cover, a sheet and two pillowcases that get softer with every wash.',
			'四件套含被套、床单和两只枕套，越洗越柔软。',
			'В комплект входят пододеяльник, простыня и две наволочки, которые становятся мягче с каждой стиркой.'
		)
	},
	{
		code: 'curtains', family: 'furniture', category: 'curtains', shape: 'box', prefix: 'CUR',
		en: 'curtains', zh: '窗帘', ru: 'шторы', g: 'pl',
		a: ['scandinavian', 'classic', 'modern', 'minimalist', 'boho'], b: ['linen', 'velvet', 'cotton', 'blackout'],
		mat: ['linen', 'velvet', 'cotton'],
		price: [29, 249], dims: [[140, 300], [240, 280], [1, 1]], kg: [1, 4], feat: ['machine_washable'], assembly: false,
		warranty: [1, 2],
		blurb: L(
			'A pair of curtains that filters daylight and adds privacy.',
			'一对窗帘，柔化日光，保护隐私。',
			'Пара штор смягчает дневной свет и защищает от посторонних взглядов.'
		)
	},

	// ── Lighting ───────────────────────────────────────────────────────────────────────────────
	{
		code: 'pendant_light', family: 'lighting', category: 'ceiling_lights', shape: 'lamp', prefix: 'PND',
		en: 'pendant light', zh: '吊灯', ru: 'подвесной светильник', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'vintage', 'japanese'],
		b: ['rattan', 'glass', 'metal', 'brass', 'linen', 'concrete', 'paper'],
		price: [39, 599], dims: [[25, 60], [20, 50], [25, 60]], square: true, kg: [0.8, 5], watt: [8, 60],
		feat: ['dimmable', 'smart_home'],
		blurb: L(
			'A pendant light that casts a warm glow over a dining table or kitchen island.',
			'吊灯洒下温暖光线，适合悬挂在餐桌或厨房中岛上方。',
			'Подвесной светильник мягко освещает обеденный стол или кухонный остров.'
		)
	},
	{
		code: 'ceiling_light', family: 'lighting', category: 'ceiling_lights', shape: 'lamp', prefix: 'CLG',
		en: 'ceiling light', zh: '吸顶灯', ru: 'потолочный светильник', g: 'm',
		a: ['scandinavian', 'modern', 'minimalist', 'classic', 'japanese'], b: ['glass', 'metal', 'brass', 'linen', 'paper'],
		price: [29, 399], dims: [[30, 60], [8, 20], [30, 60]], square: true, kg: [1, 4], watt: [12, 48],
		feat: ['dimmable', 'smart_home'],
		blurb: L(
			'A flush ceiling light that spreads even light across the whole room.',
			'吸顶灯贴顶安装，光线均匀洒满整个房间。',
			'Потолочный светильник равномерно освещает всю комнату.'
		)
	},
	{
		code: 'chandelier', family: 'lighting', category: 'ceiling_lights', shape: 'lamp', prefix: 'CHN',
		en: 'chandelier', zh: '枝形吊灯', ru: 'люстра', g: 'f',
		a: ['classic', 'modern', 'vintage', 'industrial', 'minimalist'], b: ['brass', 'crystal', 'glass', 'metal'],
		price: [149, 1499], dims: [[50, 90], [40, 90], [50, 90]], square: true, kg: [4, 15], watt: [24, 120], feat: ['dimmable'],
		blurb: L(
			'A statement chandelier that becomes the centrepiece of the room.',
			'气派的枝形吊灯，成为整个房间的视觉焦点。',
			'Эффектная люстра станет главным украшением комнаты.'
		)
	},
	{
		code: 'table_lamp', family: 'lighting', category: 'table_lamps', shape: 'lamp', prefix: 'TLP',
		en: 'table lamp', zh: '台灯', ru: 'настольная лампа', g: 'f',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'vintage', 'classic', 'japanese'],
		b: ['ceramic', 'brass', 'glass', 'metal', 'linen', 'rattan', 'concrete', 'marble'],
		price: [19, 299], dims: [[15, 40], [30, 65], [15, 40]], square: true, kg: [0.8, 4], watt: [5, 40],
		feat: ['dimmable', 'smart_home'],
		blurb: L(
			'A table lamp that gives soft, glare-free light for evenings at home.',
			'台灯光线柔和不刺眼，适合居家夜晚使用。',
			'Настольная лампа даёт мягкий свет без бликов для домашних вечеров.'
		)
	},
	{
		code: 'reading_lamp', family: 'lighting', category: 'table_lamps', shape: 'lamp', prefix: 'RLP',
		en: 'reading lamp', zh: '阅读灯', ru: 'лампа для чтения', g: 'f',
		a: ['industrial', 'modern', 'minimalist', 'classic', 'scandinavian'], b: ['brass', 'metal', 'aluminium'],
		price: [29, 249], dims: [[18, 30], [40, 60], [18, 30]], kg: [1, 3], watt: [4, 12], always: ['height_adjustable'],
		feat: ['dimmable'],
		blurb: L(
			'An adjustable reading lamp that puts light exactly where you need it.',
			'可调节阅读灯，光线精准照到需要的地方。',
			'Регулируемая лампа для чтения направляет свет туда, где он нужен.'
		)
	},
	{
		code: 'floor_lamp', family: 'lighting', category: 'floor_lamps', shape: 'lamp', prefix: 'FLP',
		en: 'floor lamp', zh: '落地灯', ru: 'торшер', g: 'm',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'vintage', 'japanese'],
		b: ['brass', 'metal', 'linen', 'rattan', 'oak', 'paper'],
		price: [49, 499], dims: [[30, 50], [140, 180], [30, 50]], square: true, kg: [3, 12], watt: [8, 60],
		feat: ['dimmable', 'smart_home'],
		blurb: L(
			'A floor lamp that brightens a reading corner beside the sofa.',
			'落地灯照亮沙发旁的阅读角落。',
			'Торшер освещает уголок для чтения рядом с диваном.'
		)
	},
	{
		code: 'wall_light', family: 'lighting', category: 'wall_lights', shape: 'lamp', prefix: 'WLL',
		en: 'wall light', zh: '壁灯', ru: 'бра', g: 'n',
		a: ['scandinavian', 'industrial', 'modern', 'minimalist', 'vintage', 'classic'],
		b: ['brass', 'glass', 'metal', 'rattan', 'linen', 'ceramic'],
		price: [29, 249], dims: [[12, 30], [15, 35], [10, 25]], kg: [0.5, 2.5], watt: [4, 25], feat: ['dimmable'],
		blurb: L(
			'A wall light for soft accent lighting in hallways and bedrooms.',
			'壁灯为走廊和卧室提供柔和的氛围照明。',
			'Бра создаёт мягкую подсветку в прихожей и спальне.'
		)
	},

	// ── Apparel: tops ──────────────────────────────────────────────────────────────────────────
	{
		code: 't_shirt', family: 'apparel', category: 't_shirts', shape: 'shirt', prefix: 'TSH',
		en: 'T-shirt', zh: 'T恤', ru: 'футболка', g: 'f',
		a: ['classic', 'oversized', 'athletic', 'vintage', 'casual', 'cropped', 'summer'],
		b: ['cotton', 'linen', 'merino', 'organic_cotton'],
		price: [9, 39], sizes: 'clothing', feat: ['breathable'],
		blurb: L('A soft, breathable T-shirt for everyday wear.', '柔软透气的T恤，适合日常穿着。', 'Мягкая дышащая футболка на каждый день.')
	},
	{
		code: 'shirt', family: 'apparel', category: 'shirts', shape: 'shirt', prefix: 'SHT',
		en: 'shirt', zh: '衬衫', ru: 'рубашка', g: 'f',
		a: ['classic', 'slim', 'casual', 'vintage', 'oversized'],
		b: ['cotton', 'linen', 'denim', 'flannel', 'silk', 'corduroy'],
		price: [25, 89], sizes: 'clothing', feat: ['breathable'],
		blurb: L(
			'A versatile shirt that looks sharp at work and relaxed at the weekend.',
			'百搭衬衫，上班干练，周末休闲。',
			'Универсальная рубашка, которая уместна и в офисе, и на выходных.'
		)
	},
	{
		code: 'polo_shirt', family: 'apparel', category: 'shirts', shape: 'shirt', prefix: 'POL',
		en: 'polo shirt', zh: 'POLO衫', ru: 'рубашка-поло', g: 'f',
		a: ['classic', 'slim', 'athletic', 'casual'], b: ['cotton', 'linen', 'merino', 'organic_cotton'],
		price: [19, 69], sizes: 'clothing', feat: ['breathable'],
		blurb: L(
			'A polo shirt with a ribbed collar and a two-button placket.',
			'POLO衫采用罗纹领口，搭配两粒扣门襟。',
			'Рубашка-поло с воротником в рубчик и планкой на двух пуговицах.'
		)
	},
	{
		code: 'blouse', family: 'apparel', category: 'blouses', shape: 'shirt', prefix: 'BLS',
		en: 'blouse', zh: '女士衬衫', ru: 'блузка', g: 'f',
		a: ['classic', 'casual', 'oversized', 'vintage', 'summer'], b: ['silk', 'cotton', 'linen', 'chiffon'],
		price: [25, 129], sizes: 'clothing',
		blurb: L(
			'A light, elegant blouse that tucks neatly into skirts and trousers.',
			'轻盈优雅的女士衬衫，搭配半身裙或长裤都很利落。',
			'Лёгкая элегантная блузка, которую удобно заправлять в юбку или брюки.'
		)
	},
	{
		code: 'sweater', family: 'apparel', category: 'knitwear', shape: 'shirt', prefix: 'SWT',
		en: 'sweater', zh: '毛衣', ru: 'свитер', g: 'm',
		a: ['classic', 'oversized', 'casual', 'vintage', 'winter', 'cropped'],
		b: ['wool', 'cashmere', 'merino', 'cotton', 'alpaca'],
		price: [29, 199], sizes: 'clothing',
		blurb: L(
			'A cosy knitted sweater that keeps its shape wash after wash.',
			'舒适的针织毛衣，多次洗涤依然不变形。',
			'Уютный вязаный свитер сохраняет форму после многих стирок.'
		)
	},
	{
		code: 'cardigan', family: 'apparel', category: 'knitwear', shape: 'shirt', prefix: 'CRD',
		en: 'cardigan', zh: '开衫', ru: 'кардиган', g: 'm',
		a: ['classic', 'oversized', 'casual', 'vintage', 'cropped'], b: ['wool', 'cashmere', 'merino', 'cotton', 'alpaca'],
		price: [35, 179], sizes: 'clothing',
		blurb: L(
			'A buttoned cardigan that is easy to layer over shirts and dresses.',
			'纽扣开衫，叠穿在衬衫或连衣裙外都很方便。',
			'Кардиган на пуговицах легко надеть поверх рубашки или платья.'
		)
	},
	{
		code: 'hoodie', family: 'apparel', category: 'knitwear', shape: 'shirt', prefix: 'HOD',
		en: 'hoodie', zh: '连帽卫衣', ru: 'толстовка с капюшоном', g: 'f',
		a: ['classic', 'oversized', 'athletic', 'casual', 'vintage'], b: ['cotton', 'fleece', 'organic_cotton'],
		price: [29, 99], sizes: 'clothing', feat: ['recycled'],
		blurb: L(
			'A relaxed hoodie with a kangaroo pocket and an adjustable hood.',
			'休闲连帽卫衣，配有袋鼠口袋和可调节帽子。',
			'Свободная толстовка с карманом-кенгуру и регулируемым капюшоном.'
		)
	},
	// ── Apparel: bottoms and dresses ───────────────────────────────────────────────────────────
	{
		code: 'jeans', family: 'apparel', category: 'trousers', shape: 'trousers', prefix: 'JNS',
		en: 'jeans', zh: '牛仔裤', ru: 'джинсы', g: 'pl',
		a: ['skinny', 'straight', 'wide_leg', 'classic', 'vintage'], b: ['stretch', 'organic_cotton', 'raw_denim'],
		mat: ['denim'], price: [29, 129], sizes: 'clothing',
		blurb: L(
			'Five-pocket jeans cut from durable denim that softens with wear.',
			'经典五袋款牛仔裤，面料耐穿，越穿越柔软。',
			'Джинсы с пятью карманами из прочного денима, который со временем становится мягче.'
		)
	},
	{
		code: 'chinos', family: 'apparel', category: 'trousers', shape: 'trousers', prefix: 'CHI',
		en: 'chinos', zh: '卡其裤', ru: 'чиносы', g: 'pl',
		a: ['slim_leg', 'straight', 'classic', 'casual'], b: ['cotton', 'linen', 'organic_cotton', 'stretch'], mat: ['cotton'],
		price: [29, 99], sizes: 'clothing',
		blurb: L(
			'Smart-casual chinos that work with a shirt or a T-shirt.',
			'休闲又得体的卡其裤，搭配衬衫或T恤都合适。',
			'Чиносы в стиле смарт-кэжуал сочетаются и с рубашкой, и с футболкой.'
		)
	},
	{
		code: 'trousers', family: 'apparel', category: 'trousers', shape: 'trousers', prefix: 'TRS',
		en: 'trousers', zh: '长裤', ru: 'брюки', g: 'pl',
		a: ['slim_leg', 'straight', 'wide_leg', 'classic', 'casual'], b: ['linen', 'wool', 'cotton', 'corduroy'],
		price: [35, 149], sizes: 'clothing',
		blurb: L(
			'Tailored trousers with a comfortable waistband and side pockets.',
			'剪裁利落的长裤，腰头舒适，带侧袋。',
			'Брюки классического кроя с удобным поясом и боковыми карманами.'
		)
	},
	{
		code: 'shorts', family: 'apparel', category: 'trousers', shape: 'trousers', prefix: 'SHO',
		en: 'shorts', zh: '短裤', ru: 'шорты', g: 'pl',
		a: ['classic', 'athletic', 'casual', 'summer', 'vintage'], b: ['cotton', 'linen', 'denim', 'nylon'],
		price: [15, 59], sizes: 'clothing',
		blurb: L(
			'Comfortable shorts for hot days, holidays and weekends.',
			'舒适短裤，适合炎热天气、假期和周末。',
			'Удобные шорты для жарких дней, отпуска и выходных.'
		)
	},
	{
		code: 'midi_dress', family: 'apparel', category: 'dresses_skirts', shape: 'dress', prefix: 'DRM',
		en: 'midi dress', zh: '中长款连衣裙', ru: 'платье миди', g: 'n',
		a: ['classic', 'casual', 'summer', 'vintage', 'slim'], b: ['linen', 'cotton', 'silk', 'chiffon', 'knit'],
		price: [29, 199], sizes: 'clothing',
		blurb: L(
			'A midi dress that flatters the figure and moves easily.',
			'中长款连衣裙修饰身形，行动自如。',
			'Платье миди подчёркивает фигуру и не сковывает движений.'
		)
	},
	{
		code: 'maxi_dress', family: 'apparel', category: 'dresses_skirts', shape: 'dress', prefix: 'DRX',
		en: 'maxi dress', zh: '长款连衣裙', ru: 'платье макси', g: 'n',
		a: ['summer', 'casual', 'vintage', 'classic', 'boho'], b: ['linen', 'cotton', 'silk', 'chiffon'],
		price: [39, 199], sizes: 'clothing',
		blurb: L(
			'A floor-length maxi dress for summer evenings and holidays.',
			'及踝长款连衣裙，适合夏日傍晚与度假。',
			'Платье макси в пол для летних вечеров и отпуска.'
		)
	},
	{
		code: 'wrap_dress', family: 'apparel', category: 'dresses_skirts', shape: 'dress', prefix: 'DRW',
		en: 'wrap dress', zh: '裹身裙', ru: 'платье с запахом', g: 'n',
		a: ['classic', 'summer', 'vintage', 'casual'], b: ['silk', 'cotton', 'chiffon', 'linen', 'knit'],
		price: [39, 179], sizes: 'clothing',
		blurb: L(
			'A wrap dress with a tie waist that adjusts to your shape.',
			'裹身裙配有系带腰部，可随身形调节。',
			'Платье с запахом и поясом на завязках легко подогнать по фигуре.'
		)
	},
	{
		code: 'shirt_dress', family: 'apparel', category: 'dresses_skirts', shape: 'dress', prefix: 'DRS',
		en: 'shirt dress', zh: '衬衫裙', ru: 'платье-рубашка', g: 'n',
		a: ['classic', 'casual', 'oversized', 'summer'], b: ['cotton', 'linen', 'denim', 'silk'],
		price: [35, 149], sizes: 'clothing',
		blurb: L(
			'A buttoned shirt dress that can be worn belted or loose.',
			'纽扣衬衫裙，可系腰带也可宽松穿着。',
			'Платье-рубашка на пуговицах, которое можно носить с поясом или без него.'
		)
	},
	{
		code: 'midi_skirt', family: 'apparel', category: 'dresses_skirts', shape: 'dress', prefix: 'SKT',
		en: 'midi skirt', zh: '中长半身裙', ru: 'юбка миди', g: 'f',
		a: ['pleated', 'classic', 'casual', 'vintage', 'summer'],
		b: ['linen', 'cotton', 'silk', 'wool', 'denim', 'corduroy'],
		price: [25, 129], sizes: 'clothing',
		blurb: L(
			'A midi skirt that pairs easily with knitwear, shirts and sneakers.',
			'中长半身裙，搭配针织衫、衬衫或运动鞋都很轻松。',
			'Юбку миди легко сочетать с трикотажем, рубашками и кроссовками.'
		)
	},
	// ── Apparel: outerwear ─────────────────────────────────────────────────────────────────────
	{
		code: 'jacket', family: 'apparel', category: 'jackets', shape: 'jacket', prefix: 'JKT',
		en: 'jacket', zh: '夹克', ru: 'куртка', g: 'f',
		a: ['classic', 'vintage', 'hooded', 'quilted', 'lightweight', 'cropped'],
		b: ['denim', 'leather', 'suede', 'nylon', 'corduroy', 'waterproof'], mat: ['nylon'],
		price: [49, 299], sizes: 'clothing', feat: ['water_repellent'],
		blurb: L('A hard-wearing jacket for changeable weather.', '耐穿的夹克，从容应对多变天气。', 'Практичная куртка для переменчивой погоды.')
	},
	{
		code: 'bomber_jacket', family: 'apparel', category: 'jackets', shape: 'jacket', prefix: 'BMB',
		en: 'bomber jacket', zh: '飞行员夹克', ru: 'бомбер', g: 'm',
		a: ['classic', 'vintage', 'oversized', 'casual'], b: ['nylon', 'leather', 'suede', 'wool'],
		price: [59, 249], sizes: 'clothing',
		blurb: L(
			'A bomber jacket with ribbed cuffs and a zip front.',
			'飞行员夹克，罗纹袖口搭配拉链开襟。',
			'Бомбер с трикотажными манжетами и застёжкой на молнию.'
		)
	},
	{
		code: 'puffer_jacket', family: 'apparel', category: 'jackets', shape: 'jacket', prefix: 'PUF',
		en: 'puffer jacket', zh: '羽绒服', ru: 'пуховик', g: 'm',
		a: ['classic', 'winter', 'hooded', 'oversized', 'cropped', 'lightweight'], b: ['nylon', 'waterproof'], mat: ['nylon'],
		price: [79, 399], sizes: 'clothing', feat: ['water_repellent', 'recycled'],
		blurb: L(
			'A down-filled puffer jacket that stays warm well below freezing.',
			'羽绒填充，零下低温依然温暖。',
			'Пуховик с натуральным наполнителем согревает даже в сильный мороз.'
		)
	},
	{
		code: 'blazer', family: 'apparel', category: 'jackets', shape: 'jacket', prefix: 'BLZ',
		en: 'blazer', zh: '西装外套', ru: 'пиджак', g: 'm',
		a: ['classic', 'slim', 'double_breasted', 'oversized'], b: ['wool', 'linen', 'cotton', 'corduroy', 'velvet'],
		price: [79, 349], sizes: 'clothing',
		blurb: L(
			'A tailored blazer that dresses up jeans or completes a suit.',
			'剪裁考究的西装外套，搭配牛仔裤或西裤皆宜。',
			'Пиджак по фигуре дополнит как джинсы, так и классический костюм.'
		)
	},
	{
		code: 'parka', family: 'apparel', category: 'coats', shape: 'jacket', prefix: 'PRK',
		en: 'parka', zh: '派克大衣', ru: 'парка', g: 'f',
		a: ['classic', 'winter', 'oversized', 'casual'], b: ['nylon', 'cotton', 'waterproof'], mat: ['nylon', 'cotton'],
		price: [99, 449], sizes: 'clothing', feat: ['water_repellent'],
		blurb: L(
			'A long parka with a warm lining and a hood that blocks the wind.',
			'长款派克大衣，内衬保暖，连帽防风。',
			'Длинная парка с тёплой подкладкой и капюшоном, защищающим от ветра.'
		)
	},
	{
		code: 'overcoat', family: 'apparel', category: 'coats', shape: 'jacket', prefix: 'COT',
		en: 'overcoat', zh: '大衣', ru: 'пальто', g: 'n',
		a: ['classic', 'double_breasted', 'oversized', 'winter', 'vintage'], b: ['wool', 'cashmere', 'alpaca', 'corduroy'],
		price: [99, 499], sizes: 'clothing',
		blurb: L(
			'A timeless overcoat cut to fit over a suit or a thick sweater.',
			'经典大衣，版型可轻松容纳西装或厚毛衣。',
			'Пальто вне времени, которое можно надеть поверх костюма или толстого свитера.'
		)
	},
	{
		code: 'trench_coat', family: 'apparel', category: 'coats', shape: 'jacket', prefix: 'TRC',
		en: 'trench coat', zh: '风衣', ru: 'тренч', g: 'm',
		a: ['classic', 'double_breasted', 'oversized', 'vintage'], b: ['cotton', 'gabardine', 'nylon'],
		price: [89, 349], sizes: 'clothing', always: ['water_repellent'],
		blurb: L(
			'A water-repellent trench coat with a belt and storm flaps.',
			'防泼水风衣，配腰带和防风挡片。',
			'Водоотталкивающий тренч с поясом и ветрозащитными клапанами.'
		)
	},
	// ── Apparel: shoes ─────────────────────────────────────────────────────────────────────────
	{
		code: 'sneakers', family: 'apparel', category: 'sneakers', shape: 'shoe', prefix: 'SNK',
		en: 'sneakers', zh: '运动鞋', ru: 'кроссовки', g: 'pl',
		a: ['classic', 'minimalist', 'vintage', 'casual', 'lightweight'], b: ['leather', 'suede', 'knit', 'mesh'],
		price: [39, 179], sizes: 'shoes',
		blurb: L(
			'Everyday sneakers with a cushioned sole and a grippy outsole.',
			'日常运动鞋，鞋底缓震，大底防滑。',
			'Повседневные кроссовки с амортизирующей подошвой и нескользящим протектором.'
		)
	},
	{
		code: 'running_shoes', family: 'apparel', category: 'sneakers', shape: 'shoe', prefix: 'RNS',
		en: 'running shoes', zh: '跑鞋', ru: 'беговые кроссовки', g: 'pl',
		a: ['lightweight', 'classic'], b: ['mesh', 'knit', 'waterproof'], mat: ['mesh', 'knit'],
		price: [59, 199], sizes: 'shoes', feat: ['breathable', 'recycled'],
		blurb: L(
			'Responsive running shoes with breathable uppers for daily runs.',
			'回弹跑鞋，鞋面透气，适合日常跑步。',
			'Упругие беговые кроссовки с дышащим верхом для ежедневных пробежек.'
		)
	},
	{
		code: 'ankle_boots', family: 'apparel', category: 'boots_shoes', shape: 'shoe', prefix: 'ABT',
		en: 'ankle boots', zh: '短靴', ru: 'ботинки', g: 'pl',
		a: ['classic', 'vintage', 'minimalist', 'winter'], b: ['leather', 'suede', 'waterproof'], mat: ['leather'],
		price: [59, 249], sizes: 'shoes',
		blurb: L(
			'Ankle boots with a sturdy sole and a side zip.',
			'短靴鞋底结实，侧边拉链穿脱方便。',
			'Ботинки на прочной подошве с боковой молнией.'
		)
	},
	{
		code: 'chelsea_boots', family: 'apparel', category: 'boots_shoes', shape: 'shoe', prefix: 'CBT',
		en: 'Chelsea boots', zh: '切尔西靴', ru: 'челси', g: 'pl',
		a: ['classic', 'vintage', 'minimalist'], b: ['leather', 'suede'],
		price: [79, 249], sizes: 'shoes',
		blurb: L(
			'Chelsea boots with elastic side panels that slip on in seconds.',
			'切尔西靴配有弹力侧边，几秒即可穿好。',
			'Челси с эластичными вставками по бокам надеваются за секунды.'
		)
	},
	{
		code: 'hiking_boots', family: 'apparel', category: 'boots_shoes', shape: 'shoe', prefix: 'HBT',
		en: 'hiking boots', zh: '登山靴', ru: 'треккинговые ботинки', g: 'pl',
		a: ['classic', 'lightweight', 'winter'], b: ['leather', 'suede', 'nylon', 'waterproof'], mat: ['leather', 'nylon'],
		price: [79, 249], sizes: 'shoes',
		blurb: L(
			'Hiking boots with ankle support and a deep-lug sole for rough trails.',
			'登山靴护踝稳固，深齿大底适合崎岖山路。',
			'Треккинговые ботинки с поддержкой голеностопа и глубоким протектором для сложных троп.'
		)
	},
	{
		code: 'loafers', family: 'apparel', category: 'boots_shoes', shape: 'shoe', prefix: 'LOF',
		en: 'loafers', zh: '乐福鞋', ru: 'лоферы', g: 'pl',
		a: ['classic', 'vintage', 'minimalist'], b: ['leather', 'suede', 'velvet'],
		price: [59, 199], sizes: 'shoes',
		blurb: L(
			'Slip-on loafers that go from the office to dinner.',
			'一脚蹬乐福鞋，通勤、晚餐都合适。',
			'Лоферы без шнурков подойдут и для офиса, и для ужина в ресторане.'
		)
	},
	// ── Apparel: bags, hats and scarves ────────────────────────────────────────────────────────
	{
		code: 'shoulder_bag', family: 'apparel', category: 'bags', shape: 'bag', prefix: 'SBG',
		en: 'shoulder bag', zh: '单肩包', ru: 'сумка через плечо', g: 'f',
		a: ['classic', 'minimalist', 'vintage', 'casual'], b: ['leather', 'suede', 'canvas', 'nylon'],
		price: [29, 299], sizes: 'one',
		blurb: L(
			'A shoulder bag with an adjustable strap and an inner zip pocket.',
			'单肩包配可调节肩带和内置拉链袋。',
			'Сумка через плечо с регулируемым ремнём и внутренним карманом на молнии.'
		)
	},
	{
		code: 'backpack', family: 'apparel', category: 'bags', shape: 'bag', prefix: 'BPK',
		en: 'backpack', zh: '双肩包', ru: 'рюкзак', g: 'm',
		a: ['classic', 'minimalist', 'lightweight', 'casual'], b: ['leather', 'canvas', 'nylon', 'waterproof'],
		mat: ['nylon', 'canvas'], price: [29, 199], sizes: 'one', feat: ['water_repellent', 'recycled'],
		blurb: L(
			'A backpack with a padded laptop sleeve and plenty of pockets.',
			'双肩包内设带衬垫的电脑隔层，口袋众多。',
			'Рюкзак с мягким отделением для ноутбука и множеством карманов.'
		)
	},
	{
		code: 'crossbody_bag', family: 'apparel', category: 'bags', shape: 'bag', prefix: 'XBG',
		en: 'crossbody bag', zh: '斜挎包', ru: 'сумка кросс-боди', g: 'f',
		a: ['classic', 'minimalist', 'vintage', 'casual'], b: ['leather', 'suede', 'nylon', 'canvas'],
		price: [25, 199], sizes: 'one',
		blurb: L(
			'A compact crossbody bag that keeps your phone and keys close at hand.',
			'小巧的斜挎包，手机和钥匙随手可取。',
			'Компактная сумка кросс-боди, в которой телефон и ключи всегда под рукой.'
		)
	},
	{
		code: 'weekend_bag', family: 'apparel', category: 'bags', shape: 'bag', prefix: 'WBG',
		en: 'weekend bag', zh: '旅行袋', ru: 'дорожная сумка', g: 'f',
		a: ['classic', 'vintage', 'minimalist'], b: ['leather', 'canvas', 'nylon', 'waterproof'], mat: ['canvas', 'nylon'],
		price: [59, 299], sizes: 'one',
		blurb: L(
			'A roomy weekend bag that fits two days’ worth of clothes.',
			'宽敞的旅行袋，可装下两天的衣物。',
			'Вместительная дорожная сумка, в которую поместятся вещи на два дня.'
		)
	},
	{
		code: 'beanie', family: 'apparel', category: 'hats_scarves', shape: 'hat', prefix: 'BNE',
		en: 'beanie', zh: '针织帽', ru: 'шапка', g: 'f',
		a: ['classic', 'winter', 'casual'], b: ['wool', 'cashmere', 'merino', 'cotton', 'alpaca'],
		price: [12, 59], sizes: 'one',
		blurb: L('A warm beanie with a fold-up cuff.', '保暖针织帽，可翻边佩戴。', 'Тёплая шапка с отворотом.')
	},
	{
		code: 'bucket_hat', family: 'apparel', category: 'hats_scarves', shape: 'hat', prefix: 'BKH',
		en: 'bucket hat', zh: '渔夫帽', ru: 'панама', g: 'f',
		a: ['classic', 'summer', 'vintage', 'casual'], b: ['cotton', 'denim', 'nylon', 'linen', 'corduroy'],
		price: [15, 49], sizes: 'one',
		blurb: L('A bucket hat that shades your face on sunny days.', '渔夫帽，晴天为面部遮阳。', 'Панама защитит лицо от солнца в ясные дни.')
	},
	{
		code: 'baseball_cap', family: 'apparel', category: 'hats_scarves', shape: 'hat', prefix: 'CAP',
		en: 'baseball cap', zh: '棒球帽', ru: 'бейсболка', g: 'f',
		a: ['classic', 'athletic', 'vintage', 'summer'], b: ['cotton', 'denim', 'nylon', 'corduroy', 'wool'],
		price: [15, 45], sizes: 'one',
		blurb: L(
			'A baseball cap with a curved peak and an adjustable back strap.',
			'弯檐棒球帽，后部带可调节扣带。',
			'Бейсболка с изогнутым козырьком и регулируемым ремешком сзади.'
		)
	},
	{
		code: 'scarf', family: 'apparel', category: 'hats_scarves', shape: 'hat', prefix: 'SCF',
		en: 'scarf', zh: '围巾', ru: 'шарф', g: 'm',
		a: ['classic', 'winter', 'vintage'], b: ['wool', 'cashmere', 'merino', 'silk', 'cotton', 'alpaca', 'linen'],
		price: [15, 149], sizes: 'one',
		blurb: L('A soft scarf to wrap up in on cold, windy days.', '柔软围巾，寒风天里温暖围裹。', 'Мягкий шарф согреет в холодные ветреные дни.')
	},

	// ── Electronics ────────────────────────────────────────────────────────────────────────────
	{
		code: 'over_ear_headphones', family: 'electronics', category: 'headphones', shape: 'headphones', prefix: 'HDP',
		en: 'over-ear headphones', zh: '头戴式耳机', ru: 'полноразмерные наушники', g: 'pl',
		a: ['wireless', 'studio', 'gaming_audio'], b: ['noise_cancelling', 'foldable', 'hi_res'], mat: ['plastic', 'aluminium'],
		colours: ['black', 'white', 'silver', 'navy', 'beige', 'green', 'pink'],
		price: [29, 349], dims: [[16, 20], [18, 22], [7, 9]], kg: [0.2, 0.35], feat: ['fast_charging', 'usb_c'],
		blurb: L(
			'Over-ear headphones with soft memory-foam cushions for long listening sessions.',
			'头戴式耳机配有柔软记忆棉耳垫，长时间佩戴也舒适。',
			'Полноразмерные наушники с мягкими амбушюрами из пены с эффектом памяти для долгого прослушивания.'
		)
	},
	{
		code: 'earbuds', family: 'electronics', category: 'headphones', shape: 'headphones', prefix: 'EBD',
		en: 'earbuds', zh: '入耳式耳机', ru: 'внутриканальные наушники', g: 'pl',
		a: ['wireless', 'sport', 'compact'], b: ['noise_cancelling', 'waterproof'], mat: ['plastic'],
		colours: ['black', 'white', 'blue', 'pink', 'green'],
		price: [19, 249], dims: [[5, 7], [2.5, 4], [2, 3]], kg: [0.04, 0.07], feat: ['wireless_charging', 'fast_charging', 'usb_c'],
		blurb: L(
			'Earbuds with a pocket-sized charging case for all-day listening.',
			'入耳式耳机配小巧充电盒，全天畅听。',
			'Внутриканальные наушники с компактным зарядным кейсом для прослушивания весь день.'
		)
	},
	{
		code: 'speaker', family: 'electronics', category: 'speakers', shape: 'speaker', prefix: 'SPK',
		en: 'speaker', zh: '音箱', ru: 'колонка', g: 'f',
		a: ['portable', 'compact', 'smart'], b: ['waterproof', 'wireless'], mat: ['plastic', 'fabric', 'aluminium'],
		colours: ['black', 'grey', 'blue', 'red', 'green', 'yellow'],
		price: [25, 399], dims: [[8, 30], [8, 25], [6, 15]], kg: [0.3, 3], watt: [5, 60], feat: ['usb_c', 'wireless'],
		blurb: L(
			'A speaker with room-filling sound and deep, punchy bass.',
			'音箱声音饱满，低音浑厚有力。',
			'Колонка с объёмным звуком и глубоким мощным басом.'
		)
	},
	{
		code: 'soundbar', family: 'electronics', category: 'speakers', shape: 'speaker', prefix: 'SBR',
		en: 'soundbar', zh: '回音壁', ru: 'саундбар', g: 'm',
		a: ['compact', 'smart', 'slim_design'], b: ['dolby_atmos', 'wireless'], mat: ['plastic', 'aluminium'],
		colours: ['black', 'grey', 'white'],
		price: [99, 899], dims: [[60, 120], [5, 8], [9, 13]], kg: [2, 6], watt: [60, 400], feat: ['wifi'],
		blurb: L(
			'A soundbar that makes TV dialogue clearer and films sound like the cinema.',
			'回音壁让电视对白更清晰，观影更具影院感。',
			'Саундбар делает диалоги разборчивее, а фильмы — по-киношному объёмными.'
		)
	},
	{
		code: 'smartphone', family: 'electronics', category: 'phones_tablets', shape: 'phone', prefix: 'PHN',
		en: 'smartphone', zh: '智能手机', ru: 'смартфон', g: 'm',
		a: ['compact', 'rugged', 'folding_screen', 'gaming'], b: ['five_g', 'dual_sim'], mat: ['aluminium', 'titanium', 'plastic'],
		colours: ['black', 'white', 'blue', 'green', 'pink', 'silver', 'gold'],
		price: [149, 1299], dims: [[6.8, 7.8], [14.5, 16.5], [0.7, 0.9]], kg: [0.15, 0.25], screens: [6.1, 6.4, 6.7],
		feat: ['fast_charging', 'wireless_charging', 'waterproof', 'usb_c'],
		blurb: L(
			'A smartphone with a bright display, a versatile camera and all-day battery life.',
			'智能手机配备明亮屏幕、多功能摄像头和全天续航。',
			'Смартфон с ярким экраном, универсальной камерой и аккумулятором на весь день.'
		)
	},
	{
		code: 'tablet', family: 'electronics', category: 'phones_tablets', shape: 'phone', prefix: 'TAB',
		en: 'tablet', zh: '平板电脑', ru: 'планшет', g: 'm',
		a: ['inch8', 'inch11', 'inch13', 'rugged'], b: ['five_g'], mat: ['aluminium'],
		colours: ['grey', 'silver', 'blue', 'pink'],
		price: [199, 1199], dims: [[17, 28], [12, 21], [0.6, 0.8]], kg: [0.3, 0.7], screens: [8.3, 10.9, 11, 12.9],
		feat: ['wifi', 'usb_c', 'fast_charging'],
		blurb: L(
			'A tablet for streaming, sketching and video calls from the sofa.',
			'平板电脑，追剧、绘画、视频通话样样在行。',
			'Планшет для просмотра фильмов, рисования и видеозвонков прямо с дивана.'
		)
	},
	{
		code: 'laptop', family: 'electronics', category: 'laptops', shape: 'laptop', prefix: 'LAP',
		en: 'laptop', zh: '笔记本电脑', ru: 'ноутбук', g: 'm',
		a: ['inch13', 'inch14', 'inch156', 'inch16'], b: ['ultrathin', 'business', 'two_in_one', 'gaming'],
		mat: ['aluminium', 'plastic'], colours: ['silver', 'grey', 'black', 'blue'],
		price: [449, 2499], dims: [[30, 36], [1.5, 2.5], [21, 25]], kg: [1, 2.8], watt: [45, 240], screens: [13.3, 14, 15.6, 16],
		feat: ['wifi', 'usb_c', 'fast_charging'],
		blurb: L(
			'A laptop with a fast processor, a sharp display and a comfortable keyboard.',
			'笔记本电脑配备高速处理器、清晰屏幕和舒适键盘。',
			'Ноутбук с быстрым процессором, чётким экраном и удобной клавиатурой.'
		)
	},
	{
		code: 'smart_tv', family: 'electronics', category: 'televisions', shape: 'tv', prefix: 'TEL',
		en: 'smart TV', zh: '智能电视', ru: 'смарт-телевизор', g: 'm',
		a: ['inch43', 'inch50', 'inch55', 'inch65', 'inch75'], b: ['uhd_4k', 'oled', 'qled'], mat: ['plastic', 'aluminium'],
		colours: ['black', 'silver'],
		price: [499, 2199], kg: [8, 30], watt: [80, 250], screens: [43, 50, 55, 65],
		feat: ['wifi', 'voice_assistant', 'dolby_atmos'],
		blurb: L(
			'A smart TV with built-in streaming apps and a voice remote.',
			'智能电视内置流媒体应用，配有语音遥控器。',
			'Смарт-телевизор со встроенными стриминговыми приложениями и голосовым пультом.'
		)
	},
	{
		code: 'smartwatch', family: 'electronics', category: 'wearables', shape: 'watch', prefix: 'WCH',
		en: 'smartwatch', zh: '智能手表', ru: 'смарт-часы', g: 'pl',
		a: ['sport', 'classic', 'slim_design'], b: ['gps', 'titanium', 'waterproof'], mat: ['aluminium'],
		colours: ['black', 'silver', 'gold', 'pink', 'green'],
		price: [99, 599], dims: [[3.8, 4.6], [4.1, 5], [0.9, 1.2]], kg: [0.03, 0.07], feat: ['wireless_charging', 'gps'],
		blurb: L(
			'A smartwatch that tracks workouts, sleep and heart rate and shows your notifications.',
			'智能手表可记录运动、睡眠和心率，并显示通知提醒。',
			'Смарт-часы отслеживают тренировки, сон и пульс, а также показывают уведомления.'
		)
	},
	{
		code: 'fitness_tracker', family: 'electronics', category: 'wearables', shape: 'watch', prefix: 'FIT',
		en: 'fitness tracker', zh: '智能手环', ru: 'фитнес-браслет', g: 'm',
		a: ['slim_design', 'sport'], b: ['gps', 'waterproof'], mat: ['plastic', 'aluminium'],
		colours: ['black', 'pink', 'blue', 'green'],
		price: [29, 199], dims: [[1.8, 2.5], [4, 4.8], [1, 1.3]], kg: [0.02, 0.04], feat: ['waterproof'],
		blurb: L(
			'A lightweight fitness tracker with a battery that lasts up to two weeks.',
			'轻巧的智能手环，续航最长可达两周。',
			'Лёгкий фитнес-браслет с аккумулятором, которого хватает до двух недель.'
		)
	},
	{
		code: 'mirrorless_camera', family: 'electronics', category: 'cameras', shape: 'camera', prefix: 'CAM',
		en: 'mirrorless camera', zh: '微单相机', ru: 'беззеркальная камера', g: 'f',
		a: ['full_frame', 'compact'], b: ['uhd_4k', 'weather_sealed'], mat: ['aluminium', 'plastic'], colours: ['black', 'silver'],
		price: [499, 2199], dims: [[12, 14], [8, 10], [6, 8]], kg: [0.35, 0.9], feat: ['wifi', 'image_stabilisation', 'usb_c'],
		blurb: L(
			'A mirrorless camera with fast autofocus and interchangeable lenses.',
			'微单相机对焦迅速，支持更换镜头。',
			'Беззеркальная камера с быстрым автофокусом и сменными объективами.'
		)
	},
	{
		code: 'action_camera', family: 'electronics', category: 'cameras', shape: 'camera', prefix: 'ACT',
		en: 'action camera', zh: '运动相机', ru: 'экшн-камера', g: 'f',
		a: ['compact', 'rugged'], b: ['uhd_4k', 'waterproof'], mat: ['plastic', 'aluminium'], colours: ['black', 'grey'],
		price: [99, 499], dims: [[6, 7.2], [4.4, 5], [3, 3.6]], kg: [0.12, 0.16], always: ['image_stabilisation'], feat: ['wifi'],
		blurb: L(
			'An action camera with image stabilisation for rides, boards and dives.',
			'运动相机具备防抖功能，骑行、滑板、潜水都能拍。',
			'Экшн-камера со стабилизацией изображения для велопрогулок, катания на доске и дайвинга.'
		)
	},
	{
		code: 'instant_camera', family: 'electronics', category: 'cameras', shape: 'camera', prefix: 'INS',
		en: 'instant camera', zh: '拍立得相机', ru: 'камера моментальной печати', g: 'f',
		a: ['vintage', 'compact'], b: ['wide'], mat: ['plastic'], colours: ['white', 'pink', 'blue', 'green', 'black', 'yellow'],
		price: [59, 199], dims: [[10, 13], [11, 13], [6, 9]], kg: [0.3, 0.5],
		blurb: L(
			'An instant camera that prints a photo seconds after you press the shutter.',
			'拍立得相机，按下快门几秒即可出片。',
			'Камера моментальной печати выдаёт снимок через несколько секунд после нажатия на спуск.'
		)
	}
];

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Vocabulary: categories, families, attributes, taglines, brands
// ═══════════════════════════════════════════════════════════════════════════════════════════════

/** [code, parent, en, zh, ru] */
const CATEGORY_ROWS: readonly (readonly [string, string | null, string, string, string])[] = [
	['furniture', null, 'Furniture', '家具', 'Мебель'],
	['living_room', 'furniture', 'Living room', '客厅家具', 'Гостиная'],
	['sofas', 'living_room', 'Sofas', '沙发', 'Диваны'],
	['armchairs', 'living_room', 'Armchairs', '扶手椅', 'Кресла'],
	['coffee_tables', 'living_room', 'Coffee & side tables', '茶几与边几', 'Журнальные и приставные столики'],
	['storage', 'living_room', 'TV stands & sideboards', '电视柜与餐边柜', 'Тумбы под ТВ и буфеты'],
	['dining', 'furniture', 'Dining room', '餐厅家具', 'Столовая'],
	['dining_tables', 'dining', 'Dining tables', '餐桌', 'Обеденные столы'],
	['dining_chairs', 'dining', 'Dining chairs & bar stools', '餐椅与吧台凳', 'Стулья и барные стулья'],
	['bedroom', 'furniture', 'Bedroom', '卧室家具', 'Спальня'],
	['beds', 'bedroom', 'Beds', '床', 'Кровати'],
	['bedside_tables', 'bedroom', 'Bedside tables', '床头柜', 'Прикроватные тумбы'],
	['wardrobes', 'bedroom', 'Wardrobes & chests of drawers', '衣柜与斗柜', 'Шкафы и комоды'],
	['home_office', 'furniture', 'Home office', '家庭办公', 'Домашний офис'],
	['desks', 'home_office', 'Desks', '书桌', 'Письменные столы'],
	['office_chairs', 'home_office', 'Office chairs', '办公椅', 'Офисные кресла'],
	['shelving', 'home_office', 'Bookcases & shelving', '书柜与置物架', 'Стеллажи и полки'],
	['lighting', null, 'Lighting', '灯具', 'Освещение'],
	['ceiling_lights', 'lighting', 'Ceiling lights', '吊灯与吸顶灯', 'Потолочные светильники'],
	['table_lamps', 'lighting', 'Table lamps', '台灯', 'Настольные лампы'],
	['floor_lamps', 'lighting', 'Floor lamps', '落地灯', 'Торшеры'],
	['wall_lights', 'lighting', 'Wall lights', '壁灯', 'Настенные светильники'],
	['home_textiles', null, 'Home textiles', '家纺', 'Домашний текстиль'],
	['rugs', 'home_textiles', 'Rugs', '地毯', 'Ковры'],
	['cushions_throws', 'home_textiles', 'Cushions & throws', '靠垫与盖毯', 'Подушки и пледы'],
	['bedding', 'home_textiles', 'Bedding', '床品', 'Постельное бельё'],
	['curtains', 'home_textiles', 'Curtains', '窗帘', 'Шторы'],
	['apparel', null, 'Clothing', '服装', 'Одежда'],
	['womens', 'apparel', 'Women', '女装', 'Женская одежда'],
	['dresses_skirts', 'womens', 'Dresses & skirts', '连衣裙与半身裙', 'Платья и юбки'],
	['blouses', 'womens', 'Blouses', '女士衬衫', 'Блузки'],
	['mens', 'apparel', 'Men', '男装', 'Мужская одежда'],
	['shirts', 'mens', 'Shirts & polos', '衬衫与POLO衫', 'Рубашки и поло'],
	['trousers', 'mens', 'Trousers, jeans & shorts', '长裤、牛仔裤与短裤', 'Брюки, джинсы и шорты'],
	['basics', 'apparel', 'Basics', '基础款', 'Базовый гардероб'],
	['t_shirts', 'basics', 'T-shirts', 'T恤', 'Футболки'],
	['knitwear', 'basics', 'Knitwear & hoodies', '针织衫与卫衣', 'Трикотаж и толстовки'],
	['outerwear', 'apparel', 'Outerwear', '外套', 'Верхняя одежда'],
	['jackets', 'outerwear', 'Jackets & blazers', '夹克与西装外套', 'Куртки и пиджаки'],
	['coats', 'outerwear', 'Coats', '大衣与风衣', 'Пальто и плащи'],
	['shoes_accessories', null, 'Shoes & accessories', '鞋履与配饰', 'Обувь и аксессуары'],
	['footwear', 'shoes_accessories', 'Shoes', '鞋履', 'Обувь'],
	['sneakers', 'footwear', 'Sneakers & running shoes', '运动鞋与跑鞋', 'Кроссовки'],
	['boots_shoes', 'footwear', 'Boots & loafers', '靴子与乐福鞋', 'Ботинки и лоферы'],
	['accessories', 'shoes_accessories', 'Accessories', '配饰', 'Аксессуары'],
	['bags', 'accessories', 'Bags & backpacks', '包袋与双肩包', 'Сумки и рюкзаки'],
	['hats_scarves', 'accessories', 'Hats & scarves', '帽子与围巾', 'Головные уборы и шарфы'],
	['electronics', null, 'Electronics', '电子产品', 'Электроника'],
	['audio', 'electronics', 'Audio', '影音', 'Аудиотехника'],
	['headphones', 'audio', 'Headphones', '耳机', 'Наушники'],
	['speakers', 'audio', 'Speakers & soundbars', '音箱与回音壁', 'Колонки и саундбары'],
	['phones_tablets', 'electronics', 'Phones & tablets', '手机与平板', 'Смартфоны и планшеты'],
	['laptops', 'electronics', 'Laptops', '笔记本电脑', 'Ноутбуки'],
	['televisions', 'electronics', 'TVs', '电视', 'Телевизоры'],
	['wearables', 'electronics', 'Smartwatches & fitness trackers', '智能手表与手环', 'Смарт-часы и фитнес-браслеты'],
	['cameras', 'electronics', 'Cameras', '相机', 'Фотокамеры']
];

const FAMILY_CODES: readonly FamilyCode[] = ['furniture', 'apparel', 'electronics', 'lighting'];
/** Family of each product slot in a block of ten: 40 % furniture, 30 % apparel, 20 % electronics, 10 % lighting. */
const FAMILY_BLOCK: readonly FamilyCode[] = [
	'furniture', 'furniture', 'furniture', 'furniture', 'apparel', 'apparel', 'apparel', 'electronics', 'electronics', 'lighting'
];
const STYLED_FAMILIES: ReadonlySet<FamilyCode> = new Set<FamilyCode>(['furniture', 'lighting', 'apparel']);

const FAMILY_LABELS: Readonly<Record<FamilyCode, Localized>> = {
	furniture: L('Furniture & home', '家具家居', 'Мебель и товары для дома'),
	apparel: L('Clothing, shoes & accessories', '服装鞋包', 'Одежда, обувь и аксессуары'),
	electronics: L('Electronics', '电子产品', 'Электроника'),
	lighting: L('Lighting', '灯具', 'Освещение')
};

const WARRANTY: Readonly<Record<FamilyCode, readonly number[]>> = {
	furniture: [2, 3, 5, 10],
	lighting: [2, 3, 5],
	electronics: [1, 2, 3],
	apparel: []
};

const TAGLINES: Readonly<Record<FamilyCode, { kiosk: readonly Localized[]; web: readonly Localized[] }>> = {
	furniture: {
		kiosk: [
			L('Try it in our showroom', '欢迎到展厅亲身体验', 'Оцените в нашем шоуруме'),
			L('Ask our staff about delivery and assembly', '配送与安装详情请咨询店员', 'О доставке и сборке спросите у консультанта'),
			L('Scan the code to see it in your room', '扫码即可在你的房间中预览', 'Отсканируйте код и примерьте к своему интерьеру'),
			L('Fabric and finish samples at the service desk', '面料和饰面样品可在服务台查看', 'Образцы тканей и отделки — на стойке консультанта'),
			L('Take it home today', '今天就能带回家', 'Заберите покупку уже сегодня')
		],
		web: [
			L('Free delivery on orders over $500', '订单满500美元免运费', 'Бесплатная доставка при заказе от 500 $'),
			L('Made to last for years', '经久耐用，陪伴多年', 'Сделано, чтобы служить годами'),
			L('Easy returns within 100 days', '100天内轻松退货', 'Простой возврат в течение 100 дней'),
			L('Designed for everyday comfort', '为日常舒适而设计', 'Создано для комфорта каждый день'),
			L('Responsibly sourced materials', '原材料来源负责任', 'Материалы из ответственных источников')
		]
	},
	lighting: {
		kiosk: [
			L('See it switched on in store', '到店查看点亮效果', 'Оцените свет вживую в магазине'),
			L('Ask our staff about bulbs and installation', '灯泡与安装问题请咨询店员', 'О лампочках и монтаже спросите у консультанта'),
			L('Scan for a room preview', '扫码预览空间效果', 'Отсканируйте код для примерки в интерьере'),
			L('Take it home today', '今天就能带回家', 'Заберите покупку уже сегодня')
		],
		web: [
			L('Warm light for every room', '为每个房间带来温暖光线', 'Тёплый свет для каждой комнаты'),
			L('Works with energy-saving LED bulbs', '兼容节能LED灯泡', 'Поддержка энергосберегающих LED-ламп'),
			L('Free delivery on orders over $100', '订单满100美元免运费', 'Бесплатная доставка при заказе от 100 $'),
			L('Easy returns within 30 days', '30天内轻松退货', 'Простой возврат в течение 30 дней')
		]
	},
	apparel: {
		kiosk: [
			L('Try it on in our fitting rooms', '欢迎到试衣间试穿', 'Примерьте в нашей примерочной'),
			L('Ask our staff for your size', '如需其他尺码请咨询店员', 'Нужный размер подскажет консультант'),
			L('Scan to check stock in every size', '扫码查看全部尺码库存', 'Отсканируйте код, чтобы проверить наличие размеров'),
			L('New in store this season', '本季新品已到店', 'Новинка сезона уже в магазине')
		],
		web: [
			L('Free returns within 30 days', '30天内免费退货', 'Бесплатный возврат в течение 30 дней'),
			L('Free delivery on orders over $50', '订单满50美元免运费', 'Бесплатная доставка при заказе от 50 $'),
			L('Find your perfect fit', '找到最合身的尺码', 'Найдите идеальную посадку'),
			L('A wardrobe essential', '衣橱必备单品', 'Основа базового гардероба')
		]
	},
	electronics: {
		kiosk: [
			L('Try the demo unit in store', '欢迎到店体验样机', 'Попробуйте демонстрационный образец в магазине'),
			L('Ask our staff about trade-in offers', '以旧换新详情请咨询店员', 'Об условиях трейд-ин спросите у консультанта'),
			L('Scan to compare models', '扫码对比不同型号', 'Отсканируйте код, чтобы сравнить модели'),
			L('In stock and ready to take home', '现货供应，即买即走', 'В наличии — можно забрать сразу')
		],
		web: [
			L('Free next-day delivery', '次日免费送达', 'Бесплатная доставка на следующий день'),
			L('Extended warranty available', '可选购延长保修', 'Доступна расширенная гарантия'),
			L('Free returns within 30 days', '30天内免费退货', 'Бесплатный возврат в течение 30 дней'),
			L('Top rated by our customers', '深受顾客好评', 'Высокие оценки покупателей')
		]
	}
};

/** Invented brand names; index % 4 picks the family they mainly sell (furniture, apparel, electronics, lighting). */
const BRANDS: readonly string[] = [
	'Aldervik', 'Marisol', 'Zenvolt', 'Lumenhaus',
	'Bramwell', 'Rosmund', 'Arcwave', 'Glowmere',
	'Elsmere', 'Tavira', 'Kelvora', 'Brightlane',
	'Northvale', 'Wexley', 'Quintara', 'Solberg Studio',
	'Dunholt', 'Mirelle', 'Voxly', 'Halden & Hart',
	'Fjordan', 'Pemberly', 'Isarno', 'Valtera',
	'Umberfield', 'Corvana'
];

/** Reference day for release dates (kept fixed so output does not depend on the clock). */
const REFERENCE_DAY_MS = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Composition: helpers
// ═══════════════════════════════════════════════════════════════════════════════════════════════

type Rng = () => number;

function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function intIn(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
	if (items.length === 0) throw new Error('pick from an empty list');
	return items[Math.floor(rng() * items.length)] as T;
}

function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		const tmp = items[i] as T;
		items[i] = items[j] as T;
		items[j] = tmp;
	}
	return items;
}

function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
	return shuffleInPlace(rng, [...items]).slice(0, Math.min(n, items.length));
}

function mod(code: string): Modifier {
	const m = MODS[code];
	if (!m) throw new Error(`Unknown modifier '${code}'`);
	return m;
}

function colourDef(code: string): ColourDef {
	const c = COLOURS.find((x) => x.code === code);
	if (!c) throw new Error(`Unknown colour '${code}'`);
	return c;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

const KEEP_CASE = new Set(['Dolby', 'Scandinavian', 'Japanese', 'Moroccan', 'Chelsea', 'Bluetooth']);

const midSentenceCache = new Map<string, string>();

/** Lower-cases a label's first letter for use mid-sentence, unless it is an acronym or a proper name. */
function midSentence(label: string): string {
	let out = midSentenceCache.get(label);
	if (out === undefined) {
		const first = label.split(' ')[0] ?? '';
		out = KEEP_CASE.has(first) || !/^\p{Lu}[\p{Ll}-]+$/u.test(first) ? label : label.charAt(0).toLowerCase() + label.slice(1);
		midSentenceCache.set(label, out);
	}
	return out;
}

function formatNumber(n: number, locale: DemoLocale): string {
	const s = String(Math.round(n * 100) / 100);
	return locale === 'ru' ? s.replace('.', ',') : s;
}

function ruPlural(n: number, one: string, few: string, many: string): string {
	const n10 = n % 10;
	const n100 = n % 100;
	if (n10 === 1 && n100 !== 11) return one;
	if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
	return many;
}

function round1(n: number): number {
	return Math.round(n * 10) / 10;
}

function measure(rng: Rng, range: Range, decimals: boolean): number {
	const v = range[0] + rng() * (range[1] - range[0]);
	if (!decimals) return Math.round(v);
	return v < 1 ? Math.round(v * 100) / 100 : round1(v);
}

/** Russian adjective in the form agreeing with a noun of the given gender (from the masculine nominative). */
export function ruAdjective(masculine: string, gender: RuGender): string {
	const stem = masculine.slice(0, -2);
	const ending = masculine.slice(-2);
	let forms: [string, string, string, string];
	if (ending === 'ый') {
		forms = [masculine, `${stem}ая`, `${stem}ое`, `${stem}ые`];
	} else if (ending === 'ой') {
		const pl = /[кгхжшчщ]$/.test(stem) ? 'ие' : 'ые';
		forms = [masculine, `${stem}ая`, `${stem}ое`, `${stem}${pl}`];
	} else if (ending === 'ий') {
		if (/н$/.test(stem)) forms = [masculine, `${stem}яя`, `${stem}ее`, `${stem}ие`];
		else if (/[жшчщ]$/.test(stem)) forms = [masculine, `${stem}ая`, `${stem}ее`, `${stem}ие`];
		else forms = [masculine, `${stem}ая`, `${stem}ое`, `${stem}ие`];
	} else {
		return masculine;
	}
	switch (gender) {
		case 'm':
			return forms[0];
		case 'f':
			return forms[1];
		case 'n':
			return forms[2];
		case 'pl':
			return forms[3];
	}
}

function splitPhrase(phrase: string): [string, string] {
	const bar = phrase.indexOf('|');
	return bar < 0 ? ['', phrase] : [phrase.slice(0, bar), phrase.slice(bar + 1)];
}

function typeByCode(code: string): TypeDef {
	const t = TYPES.find((x) => x.code === code);
	if (!t) throw new Error(`Unknown product type '${code}'`);
	return t;
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Composition: names
// ═══════════════════════════════════════════════════════════════════════════════════════════════

/** Composes a product name from a type and optional slot A (style/line) and slot B (material/feature) modifiers. */
export function composeName(typeCode: string, slotA: string | null, slotB: string | null): Localized {
	return composeNameOf(typeByCode(typeCode), slotA, slotB);
}

function composeNameOf(t: TypeDef, slotA: string | null, slotB: string | null): Localized {
	const a = slotA ? mod(slotA) : null;
	const b = slotB ? mod(slotB) : null;
	const [enPre, enNoun] = splitPhrase(t.en);
	const [zhPre, zhNoun] = splitPhrase(t.zh);
	const [ruPre, ruNoun] = splitPhrase(t.ru);

	const ruAdj = (m: Modifier | null): string | undefined => (m?.ru ? ruAdjective(m.ru, t.g) : undefined);
	const ordered = (pre: string, slotA: string | undefined, slotB: string | undefined, noun: string): string[] =>
		(t.preFirst ? [pre, slotA, slotB, noun] : [slotA, pre, slotB, noun]).filter((w): w is string => !!w);
	const en = ordered(enPre, a?.en, b?.en, enNoun).join(' ');
	const zh = ordered(zhPre, a?.zh, b?.zh, zhNoun).join('');
	const ru = [...ordered(ruPre, ruAdj(a), ruAdj(b), ruNoun), a?.ruPost, b?.ruPost].filter((w): w is string => !!w).join(' ');
	return L(capitalise(en), zh, capitalise(ru));
}

function withModelNumber(name: Localized, model: number): Localized {
	return L(`${name.en}, model ${model}`, `${name['zh-CN']} ${model}型`, `${name.ru}, модель ${model}`);
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Composition: descriptions
// ═══════════════════════════════════════════════════════════════════════════════════════════════

const MADE_RU: Readonly<Record<RuGender, string>> = { m: 'Изготовлен', f: 'Изготовлена', n: 'Изготовлено', pl: 'Изготовлены' };

function madeSentence(t: TypeDef, material: Modifier): Localized | null {
	const made = material.made;
	if (!made) return null;
	if (t.upholstered && material.upholstery) {
		return L(`Upholstered in ${made.en}.`, `采用${made['zh-CN']}软包。`, `Обивка ${made.ru}.`);
	}
	return L(`Made from ${made.en}.`, `采用${made['zh-CN']}制成。`, `${MADE_RU[t.g]} ${made.ru}.`);
}

interface Specs {
	material: string;
	colour?: string;
	dims?: [number, number, number];
	kg?: number;
	watt?: number;
	screen?: number;
	warranty?: number;
	features: string[];
}

const SPEC_LABELS = {
	material: L('Material', '材质', 'Материал'),
	colour: L('Colour', '颜色', 'Цвет'),
	dims: L('Dimensions (W × H × D)', '尺寸（宽×高×深）', 'Размеры (Ш × В × Г)'),
	weight: L('Weight', '重量', 'Вес'),
	power: L('Power', '功率', 'Мощность'),
	screen: L('Screen size', '屏幕尺寸', 'Диагональ экрана'),
	warranty: L('Warranty', '保修', 'Гарантия'),
	features: L('Features', '功能特点', 'Особенности')
} as const;

function specItem(label: Localized, value: string, locale: DemoLocale): string {
	return locale === 'zh-CN'
		? `<li><strong>${label[locale]}：</strong>${value}</li>`
		: `<li><strong>${label[locale]}:</strong> ${value}</li>`;
}

function specList(s: Specs, locale: DemoLocale): string {
	const items: string[] = [];
	const material = mod(s.material).label;
	if (material) items.push(specItem(SPEC_LABELS.material, locale === 'zh-CN' ? material[locale] : midSentence(material[locale]), locale));
	if (s.colour) {
		const c = colourDef(s.colour).label[locale];
		items.push(specItem(SPEC_LABELS.colour, locale === 'zh-CN' ? c : midSentence(c), locale));
	}
	if (s.dims) {
		const unit = { en: 'cm', 'zh-CN': '厘米', ru: 'см' }[locale];
		const d = s.dims.map((n) => formatNumber(n, locale)).join(' × ');
		items.push(specItem(SPEC_LABELS.dims, `${d} ${unit}`, locale));
	}
	if (s.kg !== undefined) {
		const unit = { en: ' kg', 'zh-CN': '千克', ru: ' кг' }[locale];
		items.push(specItem(SPEC_LABELS.weight, `${formatNumber(s.kg, locale)}${unit}`, locale));
	}
	if (s.watt !== undefined) {
		const unit = { en: ' W', 'zh-CN': '瓦', ru: ' Вт' }[locale];
		items.push(specItem(SPEC_LABELS.power, `${s.watt}${unit}`, locale));
	}
	if (s.screen !== undefined) {
		const v = locale === 'zh-CN' ? `${s.screen}英寸` : `${formatNumber(s.screen, locale)}″`;
		items.push(specItem(SPEC_LABELS.screen, v, locale));
	}
	if (s.warranty !== undefined) {
		const n = s.warranty;
		const v =
			locale === 'en' ? `${n} year${n === 1 ? '' : 's'}` : locale === 'zh-CN' ? `${n}年` : `${n} ${ruPlural(n, 'год', 'года', 'лет')}`;
		items.push(specItem(SPEC_LABELS.warranty, v, locale));
	}
	if (s.features.length > 0) {
		const labels = s.features.map((f) => {
			const l = FEATURES[f]?.[locale] ?? f;
			return locale === 'zh-CN' ? l : midSentence(l);
		});
		items.push(specItem(SPEC_LABELS.features, labels.join(locale === 'zh-CN' ? '、' : ', '), locale));
	}
	return `<ul>${items.join('')}</ul>`;
}

function composeDescription(t: TypeDef, a: Modifier | null, b: Modifier | null, style: string | null, specs: Specs): Localized {
	const material = mod(specs.material);
	const sentences: Localized[] = [t.blurb];
	const made = madeSentence(t, material);
	if (made) sentences.push(made);

	const extra: Localized[] = [];
	if (a?.sentence) extra.push(a.sentence);
	else if (style) {
		const s = mod(style).sentence;
		if (s) extra.push(s);
	}
	if (b && b.kind !== 'material' && b.sentence) extra.push(b.sentence);
	const care = t.care ?? material.care;
	if (extra.length < 2 && care && t.family !== 'electronics' && t.family !== 'lighting') extra.push(CARE[care]);
	sentences.push(...extra.slice(0, 2));

	const out: Localized = { en: '', 'zh-CN': '', ru: '' };
	for (const locale of LOCALES) {
		const text = sentences.map((s) => s[locale]).join(locale === 'zh-CN' ? '' : ' ');
		out[locale] = `<p>${text}</p>${specList(specs, locale)}`;
	}
	return out;
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Composition: attributes, families, categories
// ═══════════════════════════════════════════════════════════════════════════════════════════════

function optionLabel(m: Modifier): Localized {
	return m.label ?? L(capitalise(m.en), m.zh, capitalise(m.ru ?? m.ruPost ?? m.en));
}

function buildAttributes(): DemoAttribute[] {
	const modOptions = (kind: Modifier['kind']) =>
		Object.entries(MODS)
			.filter(([, m]) => m.kind === kind)
			.map(([code, m]) => ({ code, label: optionLabel(m) }));
	const attr = (
		code: string,
		type: DemoAttribute['type'],
		label: Localized,
		extra: Partial<DemoAttribute> = {}
	): DemoAttribute => ({ code, type, label, localizable: false, perChannel: false, ...extra });

	return [
		attr('name', 'text', L('Name', '名称', 'Название'), { localizable: true }),
		attr('description', 'richtext', L('Description', '描述', 'Описание'), { localizable: true }),
		attr('tagline', 'text', L('Tagline', '宣传语', 'Слоган'), { localizable: true, perChannel: true }),
		attr('brand', 'text', L('Brand', '品牌', 'Бренд')),
		attr('image', 'image', L('Image', '图片', 'Изображение')),
		attr('model_3d', 'model3d', L('3D model', '3D模型', '3D-модель')),
		attr('material', 'select', L('Material', '材质', 'Материал'), { options: modOptions('material') }),
		attr('colour', 'select', L('Colour', '颜色', 'Цвет'), {
			options: COLOURS.map((c) => ({ code: c.code, label: c.label, hex: c.hex }))
		}),
		attr('size', 'select', L('Size', '尺码', 'Размер'), { options: ALL_SIZES.map((s) => ({ code: s.code, label: s.label })) }),
		attr('style', 'select', L('Style', '风格', 'Стиль'), { options: modOptions('style') }),
		attr('features', 'multiselect', L('Features', '功能特点', 'Особенности'), {
			options: Object.entries(FEATURES).map(([code, label]) => ({ code, label }))
		}),
		attr('width', 'measurement', L('Width', '宽度', 'Ширина'), { unit: 'CENTIMETER' }),
		attr('height', 'measurement', L('Height', '高度', 'Высота'), { unit: 'CENTIMETER' }),
		attr('depth', 'measurement', L('Depth', '深度', 'Глубина'), { unit: 'CENTIMETER' }),
		attr('weight', 'measurement', L('Weight', '重量', 'Вес'), { unit: 'KILOGRAM' }),
		attr('power', 'measurement', L('Power', '功率', 'Мощность'), { unit: 'WATT' }),
		attr('screen_size', 'measurement', L('Screen size', '屏幕尺寸', 'Диагональ экрана'), { unit: 'INCH' }),
		attr('warranty_years', 'number', L('Warranty (years)', '保修期（年）', 'Гарантия, лет')),
		attr('assembly_required', 'boolean', L('Assembly required', '需要组装', 'Требуется сборка')),
		attr('release_date', 'date', L('Release date', '上市日期', 'Дата выхода'))
	];
}

const BASE_ATTRIBUTES = ['name', 'description', 'tagline', 'brand', 'image', 'model_3d'];

function buildFamilies(): DemoFamily[] {
	return [
		{
			code: 'furniture',
			label: FAMILY_LABELS.furniture,
			attributes: [
				...BASE_ATTRIBUTES, 'material', 'colour', 'style', 'features', 'width', 'height', 'depth', 'weight',
				'warranty_years', 'assembly_required', 'release_date'
			],
			required: {
				kiosk: ['name', 'description', 'brand', 'image', 'material', 'colour'],
				web: [
					'name', 'description', 'brand', 'image', 'material', 'colour', 'tagline', 'style', 'width', 'height', 'depth',
					'weight', 'warranty_years', 'release_date'
				]
			},
			variantLevels: []
		},
		{
			code: 'apparel',
			label: FAMILY_LABELS.apparel,
			attributes: [...BASE_ATTRIBUTES, 'material', 'colour', 'size', 'style', 'features', 'release_date'],
			required: {
				kiosk: ['name', 'description', 'brand', 'image', 'material', 'colour', 'size'],
				web: ['name', 'description', 'brand', 'image', 'material', 'colour', 'size', 'tagline', 'style', 'release_date']
			},
			variantLevels: [
				{ axes: ['colour'], attributes: ['colour'] },
				{ axes: ['size'], attributes: ['size'] }
			]
		},
		{
			code: 'electronics',
			label: FAMILY_LABELS.electronics,
			attributes: [
				...BASE_ATTRIBUTES, 'material', 'colour', 'features', 'width', 'height', 'depth', 'weight', 'power', 'screen_size',
				'warranty_years', 'release_date'
			],
			required: {
				kiosk: ['name', 'description', 'brand', 'image', 'colour'],
				web: ['name', 'description', 'brand', 'image', 'colour', 'tagline', 'material', 'weight', 'warranty_years', 'release_date']
			},
			variantLevels: [{ axes: ['colour'], attributes: ['colour'] }]
		},
		{
			code: 'lighting',
			label: FAMILY_LABELS.lighting,
			attributes: [
				...BASE_ATTRIBUTES, 'material', 'colour', 'style', 'features', 'width', 'height', 'depth', 'weight', 'power',
				'warranty_years', 'release_date'
			],
			required: {
				kiosk: ['name', 'description', 'brand', 'image', 'material', 'colour'],
				web: [
					'name', 'description', 'brand', 'image', 'material', 'colour', 'tagline', 'style', 'width', 'height', 'power',
					'warranty_years', 'release_date'
				]
			},
			variantLevels: []
		}
	];
}

function buildCategories(): DemoCategory[] {
	return CATEGORY_ROWS.map(([code, parent, en, zh, ru]) => ({ code, parent, label: L(en, zh, ru) }));
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════
// Composition: products
// ═══════════════════════════════════════════════════════════════════════════════════════════════

/** One natural name: a type with optional slot A / slot B modifier codes (null = slot left empty). */
interface PoolEntry {
	t: TypeDef;
	a: string | null;
	b: string | null;
}

function buildPools(seed: number): Record<FamilyCode, PoolEntry[]> {
	const pools: Record<FamilyCode, PoolEntry[]> = { furniture: [], apparel: [], electronics: [], lighting: [] };
	for (const t of TYPES) {
		for (const a of [null, ...t.a]) {
			for (const b of [null, ...t.b]) pools[t.family].push({ t, a, b });
		}
	}
	FAMILY_CODES.forEach((f, i) => shuffleInPlace(mulberry32(mix(seed, 0x5eed + i)), pools[f]));
	return pools;
}

/** Number of distinct natural names (type × optional slot A × optional slot B) before model numbers are appended. */
export function naturalNameCount(): number {
	return TYPES.reduce((sum, t) => sum + (t.a.length + 1) * (t.b.length + 1), 0);
}

const one = (data: unknown): Record<string, Record<string, unknown>> => ({ '*': { '*': data } });
const localized = (l: Localized): Record<string, Record<string, unknown>> => ({ '*': { en: l.en, 'zh-CN': l['zh-CN'], ru: l.ru } });
const cm = (amount: number) => one({ amount, unit: 'CENTIMETER' });

function materialsOf(t: TypeDef): readonly string[] {
	return t.mat ?? t.b.filter((c) => mod(c).kind === 'material');
}

function stylesOf(t: TypeDef): readonly string[] {
	return t.a.filter((c) => mod(c).kind === 'style');
}

function priceCents(rng: Rng, t: TypeDef, multiplier: number): number {
	const dollars = (t.price[0] + rng() * (t.price[1] - t.price[0])) * multiplier;
	const step = dollars < 100 ? 1 : dollars < 1000 ? 10 : 50;
	const whole = Math.max(5, Math.round(dollars / step) * step);
	return whole * 100 - 1;
}

interface GenContext {
	seed: number;
	brandsByFamily: Record<FamilyCode, readonly string[]>;
	pools: Record<FamilyCode, PoolEntry[]>;
	familyCounters: Record<FamilyCode, number>;
	prefixCounters: Map<string, number>;
}

function buildProduct(index: number, family: FamilyCode, ctx: GenContext): DemoProduct {
	const rng = mulberry32(mix(ctx.seed, index));
	const pool = ctx.pools[family];
	const k = ctx.familyCounters[family]++;
	const entry = pool[k % pool.length] as PoolEntry;
	const round = Math.floor(k / pool.length);
	const t = entry.t;
	const a = entry.a ? mod(entry.a) : null;
	const b = entry.b ? mod(entry.b) : null;

	// Name: natural combination; later rounds of the same pool append a model number unique per round.
	let name = composeNameOf(t, entry.a, entry.b);
	if (round > 0) name = withModelNumber(name, 1000 + (round - 1) * 100 + (mix(ctx.seed, k % pool.length) % 100));

	// Product code.
	const serial = (ctx.prefixCounters.get(t.prefix) ?? 0) + 1;
	ctx.prefixCounters.set(t.prefix, serial);
	const code = `${t.prefix}-${String(serial).padStart(4, '0')}`;

	// Material, style, features.
	const material = b?.kind === 'material' && entry.b ? entry.b : pick(rng, materialsOf(t));
	const style = STYLED_FAMILIES.has(family) ? (a?.kind === 'style' && entry.a ? entry.a : pick(rng, stylesOf(t))) : null;
	const features = new Set<string>(t.always ?? []);
	for (const m of [a, b, mod(material)]) if (m?.feature) features.add(m.feature);
	for (const f of t.feat ?? []) if (rng() < 0.35) features.add(f);
	const featureList = Object.keys(FEATURES).filter((f) => features.has(f));

	// Palette: the type's own colours; if the name states the material, prefer colours that material comes in.
	const materialColours = mod(material).colours ?? ['black'];
	const shared = b?.kind === 'material' && t.colours ? t.colours.filter((c) => materialColours.includes(c)) : [];
	const palette = shared.length > 0 ? shared : (t.colours ?? materialColours);
	const brand = pick(rng, ctx.brandsByFamily[family]);
	const createdDaysAgo = intIn(rng, 0, 720);
	const releaseDate = new Date(REFERENCE_DAY_MS - (createdDaysAgo + intIn(rng, 0, 90)) * DAY_MS).toISOString().slice(0, 10);
	const multiplier = (a?.priceMul ?? 1) * (b?.priceMul ?? 1) * (mod(material).priceMul ?? 1);
	const price = priceCents(rng, t, multiplier);

	// Measurements.
	const decimals = family === 'electronics';
	const screen = a?.screen ?? b?.screen ?? (t.screens ? pick(rng, t.screens) : undefined);
	let dims: [number, number, number] | undefined;
	let kg = t.kg ? measure(rng, t.kg, true) : undefined;
	if (t.code === 'smart_tv' && screen !== undefined) {
		dims = [round1(screen * 2.21), round1(screen * 1.37), intIn(rng, 20, 30)];
		kg = round1(screen * 0.22 + rng() * 4);
	} else if (t.dims) {
		const w = measure(rng, t.dims[0], decimals);
		dims = [w, measure(rng, t.dims[1], decimals), t.square ? w : measure(rng, t.dims[2], decimals)];
	}
	const wattStep = t.watt && t.watt[1] > 100 ? 10 : 1;
	const watt = t.watt ? Math.max(wattStep, Math.round(measure(rng, t.watt, false) / wattStep) * wattStep) : undefined;
	const warrantyChoices = t.warranty ?? WARRANTY[family];
	const warranty = warrantyChoices.length > 0 ? pick(rng, warrantyChoices) : undefined;

	// Colours and variants.
	let rootColour: string | undefined;
	let colours: string[];
	if (family === 'apparel') colours = sample(rng, palette, intIn(rng, 2, 4));
	else if (family === 'electronics') colours = sample(rng, palette, intIn(rng, 1, 3));
	else {
		rootColour = pick(rng, palette);
		colours = [rootColour];
	}
	const mainColour = colourDef(colours[0] ?? 'black');
	const picture = { shape: t.shape, hex: mainColour.hex };

	const variants: DemoVariant[] = [];
	if (family === 'apparel') {
		let sizes: readonly SizeDef[];
		if (t.sizes === 'shoes') {
			const start = intIn(rng, 0, 4);
			sizes = SHOE_SIZES.slice(start, Math.min(SHOE_SIZES.length, start + intIn(rng, 6, 8)));
		} else if (t.sizes === 'one') sizes = [ONE_SIZE];
		else sizes = CLOTHING_SIZES.slice(intIn(rng, 0, 1), intIn(rng, 5, 6));
		for (const c of colours) {
			const colourSku = `${code}-${c.toUpperCase()}`;
			variants.push({
				code: colourSku,
				axes: { colour: c },
				values: { colour: one(c) },
				picture: { shape: t.shape, hex: colourDef(c).hex },
				children: sizes.map((s) => ({
					code: `${colourSku}-${s.sku}`,
					axes: { size: s.code },
					values: { size: one(s.code) },
					priceCents: s.code === 'xxl' ? price + Math.max(100, Math.round(price / 1000) * 100) : price
				}))
			});
		}
	} else if (family === 'electronics') {
		for (const c of colours) {
			variants.push({
				code: `${code}-${c.toUpperCase()}`,
				axes: { colour: c },
				values: { colour: one(c) },
				picture: { shape: t.shape, hex: colourDef(c).hex },
				priceCents: price
			});
		}
	} else {
		variants.push({ code, axes: {}, values: {}, priceCents: price });
	}

	// Root values.
	const specs: Specs = { material, colour: rootColour, dims, kg, watt, screen, warranty, features: featureList };
	const taglines = TAGLINES[family];
	const kiosk = pick(rng, taglines.kiosk);
	const web = pick(rng, taglines.web);
	const values: Values = {
		name: localized(name),
		description: localized(composeDescription(t, a, b, style, specs)),
		tagline: {
			kiosk: { en: kiosk.en, 'zh-CN': kiosk['zh-CN'], ru: kiosk.ru },
			web: { en: web.en, 'zh-CN': web['zh-CN'], ru: web.ru }
		},
		brand: one(brand),
		material: one(material),
		release_date: one(releaseDate)
	};
	if (rootColour) values.colour = one(rootColour);
	if (style) values.style = one(style);
	if (featureList.length > 0) values.features = one(featureList);
	if (dims) {
		values.width = cm(dims[0]);
		values.height = cm(dims[1]);
		values.depth = cm(dims[2]);
	}
	if (kg !== undefined) values.weight = one({ amount: kg, unit: 'KILOGRAM' });
	if (watt !== undefined) values.power = one({ amount: watt, unit: 'WATT' });
	if (screen !== undefined && family === 'electronics') values.screen_size = one({ amount: screen, unit: 'INCH' });
	if (warranty !== undefined) values.warranty_years = one(warranty);
	if (family === 'furniture') values.assembly_required = one(t.assembly ?? rng() < 0.5);

	return { code, family, categories: [t.category], values, variants, picture, createdDaysAgo };
}

/** Builds the demo catalog's content deterministically from `seed`. Must be fast: 100,000 products in well under 10 s. */
export function generateCatalogContent(opts: { products: number; seed: number; brands?: string[] }): DemoCatalogContent {
	const count = Math.max(0, Math.floor(opts.products));
	const seed = opts.seed >>> 0;
	const brands: readonly string[] = opts.brands && opts.brands.length > 0 ? opts.brands : BRANDS;
	const brandsFor = (fi: number): readonly string[] => {
		const own = brands.filter((_, i) => i % FAMILY_CODES.length === fi);
		return own.length > 0 ? own : brands;
	};
	const ctx: GenContext = {
		seed,
		brandsByFamily: { furniture: brandsFor(0), apparel: brandsFor(1), electronics: brandsFor(2), lighting: brandsFor(3) },
		pools: buildPools(seed),
		familyCounters: { furniture: 0, apparel: 0, electronics: 0, lighting: 0 },
		prefixCounters: new Map()
	};

	const products: DemoProduct[] = [];
	let block: FamilyCode[] = [];
	for (let i = 0; i < count; i++) {
		if (i % FAMILY_BLOCK.length === 0) {
			block = shuffleInPlace(mulberry32(mix(seed ^ 0xb10c, i / FAMILY_BLOCK.length)), [...FAMILY_BLOCK]);
		}
		products.push(buildProduct(i, block[i % FAMILY_BLOCK.length] as FamilyCode, ctx));
	}

	return { attributes: buildAttributes(), families: buildFamilies(), categories: buildCategories(), products };
}
