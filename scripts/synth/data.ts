// Vocabulary for synthetic identities: countries (printed names, given/family names, birthplaces,
// passport number generators), Indonesian immigration offices, residential addresses, statuses,
// occupations and guarantors. All identities are generated; none belongs to a real person.
import type { Rng } from './rng';

export interface Country {
  key: string;
  /** Nationality as printed: English and Indonesian variants. */
  printed: readonly string[];
  /** ISO 3166 alpha-3, for passport MRZs. */
  iso3: string;
  given: { M: readonly string[]; F: readonly string[] };
  family: readonly string[];
  /** Family name printed first (CHINA, KOREA, VIETNAM...). */
  familyFirst?: boolean;
  cities: readonly string[];
  passport: (r: Rng) => string;
  weight: number;
}

const GERMAN_ALNUM = 'CFGHJKLMNPRTVWXYZ0123456789';
const NO_O = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';

export const COUNTRIES: readonly Country[] = [
  {
    key: 'CN',
    printed: ['CHINA', 'TIONGKOK', "PEOPLE'S REPUBLIC OF CHINA", 'REPUBLIK RAKYAT TIONGKOK'],
    iso3: 'CHN',
    given: {
      M: [
        'WEI',
        'JIANGUO',
        'HAORAN',
        'ZHIQIANG',
        'JUNJIE',
        'YONGMING',
        'XIAODONG',
        'LIANG',
        'TAO',
        'PENGFEI',
      ],
      F: ['XIAOLING', 'MEIHUA', 'YUQING', 'LI NA', 'JING', 'XINYI', 'HUIFANG', 'YAN', 'SHUFEN', 'LINGYUN'],
    },
    family: [
      'WANG',
      'LI',
      'ZHANG',
      'LIU',
      'YANG',
      'HUANG',
      'ZHAO',
      'ZHOU',
      'WU',
      'XU',
      'SUN',
      'MA',
      'ZHU',
      'HU',
      'GUO',
    ],
    familyFirst: true,
    cities: [
      'SHANGHAI',
      'BEIJING',
      'GUANGDONG',
      'ZHEJIANG',
      'JIANGSU',
      'SICHUAN',
      'HUNAN',
      'SHANDONG',
      'HENAN',
      'HUBEI',
    ],
    passport: (r) =>
      r.bool(0.8)
        ? r.pick(['E', 'G']) + r.digits(8)
        : 'E' + r.letters(1, 'ABCDEFGHJKLMNPRSTUVWXY') + r.digits(7),
    weight: 10,
  },
  {
    key: 'JP',
    printed: ['JAPAN', 'JEPANG'],
    iso3: 'JPN',
    given: {
      M: ['HIROSHI', 'TAKESHI', 'KENJI', 'YUSUKE', 'DAISUKE', 'SHOTA', 'KAZUHIRO', 'TAKUYA', 'RYOTA'],
      F: ['YUKI', 'AYAKO', 'MISAKI', 'HARUKA', 'NAOMI', 'KEIKO', 'SAKURA', 'EMIKO', 'MAI'],
    },
    family: [
      'SATO',
      'SUZUKI',
      'TAKAHASHI',
      'TANAKA',
      'WATANABE',
      'ITO',
      'YAMAMOTO',
      'NAKAMURA',
      'KOBAYASHI',
      'KATO',
    ],
    cities: ['TOKYO', 'OSAKA', 'AICHI', 'KANAGAWA', 'FUKUOKA', 'HOKKAIDO', 'HYOGO', 'SAITAMA'],
    passport: (r) => r.pick(['TK', 'TR', 'TZ', 'MU', 'TH', 'TS']) + r.digits(7),
    weight: 6,
  },
  {
    key: 'KR',
    printed: ['KOREA SELATAN', 'SOUTH KOREA', 'REPUBLIC OF KOREA'],
    iso3: 'KOR',
    given: {
      M: ['MINJUN', 'JIHOON', 'SEUNGWOO', 'DONGHYUN', 'JAEWON', 'SUNGMIN', 'HYUNWOO'],
      F: ['JIYEON', 'SEOYEON', 'MINJI', 'HYEJIN', 'SOYOUNG', 'EUNJI', 'YUNA'],
    },
    family: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM'],
    familyFirst: true,
    cities: ['SEOUL', 'BUSAN', 'INCHEON', 'DAEGU', 'GYEONGGI', 'DAEJEON', 'ULSAN'],
    passport: (r) => 'M' + r.digits(8),
    weight: 6,
  },
  {
    key: 'US',
    printed: ['UNITED STATES', 'AMERIKA SERIKAT', 'UNITED STATES OF AMERICA'],
    iso3: 'USA',
    given: {
      M: ['MICHAEL', 'JAMES', 'ROBERT', 'CHRISTOPHER', 'MATTHEW', 'JOSHUA', 'DANIEL', 'ANDREW', 'BENJAMIN'],
      F: ['JENNIFER', 'ELIZABETH', 'SARAH', 'JESSICA', 'AMANDA', 'MELISSA', 'REBECCA', 'KATHERINE'],
    },
    family: [
      'JOHNSON',
      'WILLIAMS',
      'BROWN',
      'JONES',
      'MILLER',
      'DAVIS',
      'RODRIGUEZ',
      'ANDERSON',
      'THOMPSON',
      'WHITFIELD',
    ],
    cities: ['CALIFORNIA', 'NEW YORK', 'TEXAS', 'FLORIDA', 'OHIO', 'WASHINGTON', 'ILLINOIS', 'OREGON'],
    passport: (r) => (r.bool(0.7) ? r.pick(['5', '4', '6']) + r.digits(8) : r.pick(['A', 'B']) + r.digits(8)),
    weight: 4,
  },
  {
    key: 'GB',
    printed: ['UNITED KINGDOM', 'INGGRIS', 'BRITISH'],
    iso3: 'GBR',
    given: {
      M: ['OLIVER', 'HARRY', 'GEORGE', 'WILLIAM', 'THOMAS', 'EDWARD', 'ALEXANDER', 'JAMES'],
      F: ['CHARLOTTE', 'EMILY', 'SOPHIE', 'OLIVIA', 'ELEANOR', 'HANNAH', 'VICTORIA', 'LUCY'],
    },
    family: [
      'SMITH',
      'TAYLOR',
      'WILSON',
      'EVANS',
      'THOMAS',
      'ROBERTS',
      'WRIGHT',
      'HUGHES',
      'PEMBERTON',
      'FAIRCLOUGH',
    ],
    cities: ['LONDON', 'MANCHESTER', 'BIRMINGHAM', 'LEEDS', 'BRISTOL', 'LIVERPOOL', 'EDINBURGH', 'CARDIFF'],
    passport: (r) => r.pick(['1', '5', '7']) + r.digits(8),
    weight: 3,
  },
  {
    key: 'AU',
    printed: ['AUSTRALIA'],
    iso3: 'AUS',
    given: {
      M: ['JACK', 'LACHLAN', 'MITCHELL', 'NATHAN', 'SCOTT', 'LIAM', 'RYAN'],
      F: ['CHLOE', 'JESSICA', 'MEGAN', 'BRIDGET', 'ISABELLA', 'KYLIE', 'ZOE'],
    },
    family: ['MITCHELL', 'KELLY', 'CAMPBELL', 'STEWART', 'MURPHY', "O'CONNOR", 'MACDONALD', 'HENDERSON'],
    cities: ['SYDNEY', 'MELBOURNE', 'BRISBANE', 'PERTH', 'ADELAIDE', 'DARWIN', 'HOBART'],
    passport: (r) => r.letters(r.int(1, 2)) + r.digits(7),
    weight: 4,
  },
  {
    key: 'IN',
    printed: ['INDIA'],
    iso3: 'IND',
    given: {
      M: ['RAJESH', 'VENKATESH', 'SURESH', 'ARJUN', 'PRAKASH', 'SRINIVASAN', 'RAMACHANDRAN', 'VIJAY'],
      F: ['PRIYA', 'LAKSHMI', 'ANANYA', 'DEEPIKA', 'KAVITHA', 'SUNITA', 'MEENAKSHI'],
    },
    family: [
      'SHARMA',
      'PATEL',
      'KRISHNAMURTHY',
      'SUBRAMANIAN',
      'VENKATARAMAN',
      'GUPTA',
      'NAIR',
      'REDDY',
      'IYER',
      'CHANDRASEKARAN',
    ],
    cities: ['MUMBAI', 'CHENNAI', 'NEW DELHI', 'BANGALORE', 'HYDERABAD', 'KOLKATA', 'PUNE', 'KERALA'],
    passport: (r) => r.letters(1, 'JKLMNPRSTUVWZ') + r.digits(7),
    weight: 4,
  },
  {
    key: 'DE',
    printed: ['GERMANY', 'JERMAN'],
    iso3: 'D<<',
    given: {
      M: ['LUKAS', 'MAXIMILIAN', 'FRIEDRICH', 'STEFAN', 'JOHANNES', 'MATTHIAS', 'WOLFGANG', 'TOBIAS'],
      F: ['ANNA', 'KATHARINA', 'LENA', 'JULIA', 'SABINE', 'FRANZISKA', 'CHRISTINE'],
    },
    family: [
      'MUELLER',
      'SCHMIDT',
      'SCHNEIDER',
      'FISCHER',
      'WEBER',
      'BECKER',
      'HOFFMANN',
      'SCHWARZENBERGER',
      'KLEINSCHMIDT',
    ],
    cities: ['BERLIN', 'HAMBURG', 'MUENCHEN', 'KOELN', 'FRANKFURT AM MAIN', 'STUTTGART', 'DRESDEN'],
    passport: (r) => 'C' + r.letters(8, GERMAN_ALNUM),
    weight: 3,
  },
  {
    key: 'NL',
    printed: ['NETHERLANDS', 'BELANDA'],
    iso3: 'NLD',
    given: {
      M: ['JOHANNES', 'PIETER', 'WILLEM', 'DAAN', 'SANDER', 'MAARTEN', 'HENDRIK', 'JEROEN'],
      F: ['SANNE', 'FLEUR', 'ANOUK', 'MARIEKE', 'LOTTE', 'ESTHER', 'INGRID'],
    },
    family: [
      'DE JONG',
      'JANSEN',
      'DE VRIES',
      'VAN DEN BERG',
      'VAN DIJK',
      'BAKKER',
      'VAN DER MEULEN',
      'VAN BOMMEL',
    ],
    cities: ['AMSTERDAM', 'ROTTERDAM', "'S-GRAVENHAGE", 'UTRECHT', 'EINDHOVEN', 'GRONINGEN'],
    passport: (r) => r.letters(2, NO_O) + r.letters(6, NO_O + '0123456789') + r.digits(1),
    weight: 2,
  },
  {
    key: 'FR',
    printed: ['FRANCE', 'PERANCIS'],
    iso3: 'FRA',
    given: {
      M: ['JEAN-PIERRE', 'FRANCOIS', 'NICOLAS', 'JULIEN', 'SEBASTIEN', 'GUILLAUME', 'ANTOINE'],
      F: ['MARIE', 'CAMILLE', 'AMELIE', 'ISABELLE', 'CELINE', 'AURELIE', 'MATHILDE'],
    },
    family: [
      'MARTIN',
      'BERNARD',
      'DUBOIS',
      'LEFEBVRE',
      'MOREAU',
      'LAURENT',
      'FONTAINE',
      'DE LA ROCHEFOUCAULD',
    ],
    cities: ['PARIS', 'LYON', 'MARSEILLE', 'TOULOUSE', 'BORDEAUX', 'NANTES', 'STRASBOURG'],
    passport: (r) => r.digits(2) + r.letters(2) + r.digits(5),
    weight: 2,
  },
  {
    key: 'MY',
    printed: ['MALAYSIA'],
    iso3: 'MYS',
    given: {
      M: ['MUHAMMAD HAFIZ', 'AHMAD FAIZAL', 'MOHD AZLAN', 'WEI JIE', 'KUMARAN', 'SYAFIQ'],
      F: ['NUR AISYAH', 'SITI NURHALIZA', 'MEI LING', 'NURUL IZZAH', 'KAVITA', 'FARAH'],
    },
    family: [
      'BIN ABDULLAH',
      'BIN ISMAIL',
      'BINTI HASSAN',
      'TAN',
      'LIM',
      'WONG',
      'A/L SUBRAMANIAM',
      'BIN OTHMAN',
    ],
    cities: ['KUALA LUMPUR', 'SELANGOR', 'JOHOR', 'PENANG', 'SABAH', 'SARAWAK', 'MELAKA'],
    passport: (r) => r.pick(['A', 'H', 'K']) + r.digits(8),
    weight: 4,
  },
  {
    key: 'SG',
    printed: ['SINGAPORE', 'SINGAPURA'],
    iso3: 'SGP',
    given: {
      M: ['JUN HAO', 'WEI MING', 'ZHENG YANG', 'RAHMAN', 'RAJAN', 'KAI WEN'],
      F: ['HUI MIN', 'XIN YI', 'SHU TING', 'NURUL', 'PRIYANKA', 'JIA HUI'],
    },
    family: ['TAN', 'LIM', 'LEE', 'NG', 'ONG', 'WONG', 'GOH', 'CHUA'],
    familyFirst: true,
    cities: ['SINGAPORE'],
    passport: (r) => r.pick(['E', 'K']) + r.digits(7) + r.letters(1),
    weight: 2,
  },
  {
    key: 'PH',
    printed: ['PHILIPPINES', 'FILIPINA'],
    iso3: 'PHL',
    given: {
      M: ['JOSE MARIA', 'RAMON', 'EDUARDO', 'MARK ANTHONY', 'JOHN PAUL', 'ROLANDO'],
      F: ['MARIA CRISTINA', 'JOCELYN', 'ROSALIE', 'MARICEL', 'ANGELICA', 'LOURDES'],
    },
    family: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'DELA CRUZ', 'GONZALES', 'MACARAEG', 'VILLANUEVA'],
    cities: ['MANILA', 'CEBU', 'DAVAO', 'QUEZON CITY', 'ILOILO', 'PAMPANGA'],
    passport: (r) => (r.bool(0.7) ? 'P' + r.digits(7) + r.letters(1) : r.letters(2) + r.digits(7)),
    weight: 3,
  },
  {
    key: 'TH',
    printed: ['THAILAND'],
    iso3: 'THA',
    given: {
      M: ['SOMCHAI', 'THANAWAT', 'PRASERT', 'KITTIPONG', 'WICHAI', 'NATTAPONG'],
      F: ['SUPAPORN', 'NARUMOL', 'KANYARAT', 'PIMCHANOK', 'WANIDA', 'SIRIPORN'],
    },
    family: ['SRISUK', 'CHAIYAPORN', 'WONGSAWAT', 'THONGCHAI', 'SUKSAWAT', 'PHONGPHANIT', 'RATTANAKOSIN'],
    cities: ['BANGKOK', 'CHIANG MAI', 'PHUKET', 'KHON KAEN', 'NAKHON RATCHASIMA'],
    passport: (r) => r.letters(r.int(1, 2)) + r.digits(7),
    weight: 2,
  },
  {
    key: 'VN',
    printed: ['VIETNAM', 'VIET NAM'],
    iso3: 'VNM',
    given: {
      M: ['VAN HUNG', 'DUC ANH', 'MINH TUAN', 'QUANG HUY', 'THANH LONG'],
      F: ['THI HOA', 'THU TRANG', 'NGOC ANH', 'THI LAN', 'MINH CHAU'],
    },
    family: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VU', 'DANG', 'BUI'],
    familyFirst: true,
    cities: ['HA NOI', 'HO CHI MINH', 'DA NANG', 'HAI PHONG', 'CAN THO'],
    passport: (r) => r.pick(['B', 'C', 'N']) + r.digits(r.pick([7, 8])),
    weight: 2,
  },
  {
    key: 'RU',
    printed: ['RUSSIA', 'RUSIA', 'RUSSIAN FEDERATION'],
    iso3: 'RUS',
    given: {
      M: ['ALEKSANDR', 'DMITRIY', 'SERGEY', 'VLADIMIR', 'KONSTANTIN', 'MIKHAIL', 'NIKOLAY'],
      F: ['EKATERINA', 'ANASTASIYA', 'OLGA', 'TATYANA', 'SVETLANA', 'YULIYA', 'NATALYA'],
    },
    family: ['IVANOV', 'SMIRNOV', 'KUZNETSOV', 'POPOV', 'VASILYEV', 'SOKOLOV', 'MIKHAYLOV', 'VOSKRESENSKIY'],
    cities: ['MOSCOW', 'SAINT PETERSBURG', 'NOVOSIBIRSK', 'KAZAN', 'YEKATERINBURG', 'VLADIVOSTOK'],
    passport: (r) => r.pick(['75', '76', '77', '53']) + r.digits(7),
    weight: 3,
  },
  {
    key: 'CA',
    printed: ['CANADA', 'KANADA'],
    iso3: 'CAN',
    given: {
      M: ['ETHAN', 'NOAH', 'LOGAN', 'OWEN', 'CONNOR', 'GABRIEL'],
      F: ['EMMA', 'ABIGAIL', 'BROOKE', 'CLAIRE', 'MADISON', 'SAMANTHA'],
    },
    family: [
      'TREMBLAY',
      'GAGNON',
      'ROY',
      'CÔTÉ'.normalize('NFD').replace(/\p{M}/gu, ''),
      'MACLEOD',
      'FRASER',
      'BOUCHARD',
    ],
    cities: ['TORONTO', 'VANCOUVER', 'MONTREAL', 'CALGARY', 'OTTAWA', 'WINNIPEG'],
    passport: (r) => r.letters(2) + r.digits(6),
    weight: 2,
  },
  {
    key: 'IT',
    printed: ['ITALY', 'ITALIA'],
    iso3: 'ITA',
    given: {
      M: ['GIUSEPPE', 'ALESSANDRO', 'LORENZO', 'FRANCESCO', 'MASSIMILIANO', 'MATTEO'],
      F: ['GIULIA', 'FRANCESCA', 'CHIARA', 'ALESSANDRA', 'VALENTINA', 'FEDERICA'],
    },
    family: ['ROSSI', 'RUSSO', 'FERRARI', 'ESPOSITO', 'BIANCHI', 'ROMANO', 'DI BENEDETTO', 'COLOMBO'],
    cities: ['ROMA', 'MILANO', 'NAPOLI', 'TORINO', 'FIRENZE', 'BOLOGNA', 'VENEZIA'],
    passport: (r) => r.letters(2) + r.digits(7),
    weight: 2,
  },
  {
    key: 'ES',
    printed: ['SPAIN', 'SPANYOL'],
    iso3: 'ESP',
    given: {
      M: ['JAVIER', 'ALEJANDRO', 'SANTIAGO', 'FRANCISCO JAVIER', 'MIGUEL ANGEL', 'PABLO'],
      F: ['LUCIA', 'MARIA DEL CARMEN', 'PILAR', 'ISABEL', 'ANA BELEN', 'CRISTINA'],
    },
    family: [
      'GARCIA LOPEZ',
      'FERNANDEZ MARTINEZ',
      'RODRIGUEZ SANCHEZ',
      'GONZALEZ PEREZ',
      'HERNANDEZ GOMEZ',
      'RUIZ DIAZ',
    ],
    cities: ['MADRID', 'BARCELONA', 'VALENCIA', 'SEVILLA', 'ZARAGOZA', 'BILBAO'],
    passport: (r) => r.letters(3) + r.digits(6),
    weight: 2,
  },
  {
    key: 'TW',
    printed: ['TAIWAN'],
    iso3: 'TWN',
    given: {
      M: ['CHIH-WEI', 'CHUN-HUNG', 'YU-CHENG', 'CHIA-HAO', 'TSUNG-HAN'],
      F: ['SHU-FEN', 'YA-TING', 'HSIN-YI', 'MEI-LING', 'PEI-SHAN'],
    },
    family: ['CHEN', 'LIN', 'HUANG', 'CHANG', 'LIU', 'TSAI', 'YANG', 'HSU'],
    familyFirst: true,
    cities: ['TAIPEI', 'KAOHSIUNG', 'TAICHUNG', 'TAINAN', 'HSINCHU'],
    passport: (r) => '3' + r.digits(8),
    weight: 3,
  },
  {
    key: 'ZA',
    printed: ['SOUTH AFRICA', 'AFRIKA SELATAN'],
    iso3: 'ZAF',
    given: {
      M: ['THABO', 'SIPHO', 'PIETER', 'JOHAN', 'LUNGILE', 'DYLAN'],
      F: ['NOMVULA', 'THANDEKA', 'ANNELIE', 'PRECIOUS', 'ZANELE', 'CHANTEL'],
    },
    family: ['NKOSI', 'DLAMINI', 'VAN DER MERWE', 'BOTHA', 'MOKOENA', 'NAIDOO', 'KHUMALO'],
    cities: ['JOHANNESBURG', 'CAPE TOWN', 'DURBAN', 'PRETORIA', 'PORT ELIZABETH'],
    passport: (r) => r.pick(['A', 'M']) + r.digits(8),
    weight: 1,
  },
  {
    key: 'PK',
    printed: ['PAKISTAN'],
    iso3: 'PAK',
    given: {
      M: ['MUHAMMAD ASIF', 'IMRAN', 'ABDUL REHMAN', 'USMAN', 'FAISAL'],
      F: ['AYESHA', 'FATIMA', 'SANA', 'ZAINAB', 'MEHWISH'],
    },
    family: ['KHAN', 'AHMED', 'QURESHI', 'CHAUDHRY', 'SIDDIQUI', 'MALIK', 'BUTT'],
    cities: ['KARACHI', 'LAHORE', 'ISLAMABAD', 'RAWALPINDI', 'FAISALABAD'],
    passport: (r) => r.letters(2) + r.digits(7),
    weight: 1,
  },
  {
    key: 'TR',
    printed: ['TURKEY', 'TURKI'],
    iso3: 'TUR',
    given: {
      M: ['MEHMET', 'MUSTAFA', 'AHMET', 'EMRE', 'BURAK', 'OGUZHAN'],
      F: ['AYSE', 'FATMA', 'ZEYNEP', 'ELIF', 'MERVE', 'BUSRA'],
    },
    family: ['YILMAZ', 'KAYA', 'DEMIR', 'SAHIN', 'CELIK', 'YILDIZ', 'OZTURK', 'KARAHANOGLU'],
    cities: ['ISTANBUL', 'ANKARA', 'IZMIR', 'BURSA', 'ANTALYA'],
    passport: (r) => 'U' + r.digits(8),
    weight: 1,
  },
  {
    key: 'NZ',
    printed: ['NEW ZEALAND', 'SELANDIA BARU'],
    iso3: 'NZL',
    given: {
      M: ['HAMISH', 'CAMERON', 'TANE', 'CALLUM', 'BLAKE'],
      F: ['AROHA', 'GEORGIA', 'HOLLY', 'KATE', 'RUBY'],
    },
    family: ['WILLIAMS', 'NGATA', 'MCKENZIE', 'PARATA', 'ROBERTSON', 'SINCLAIR'],
    cities: ['AUCKLAND', 'WELLINGTON', 'CHRISTCHURCH', 'DUNEDIN', 'HAMILTON'],
    passport: (r) => r.pick(['LA', 'LH', 'LJ', 'RA']) + r.digits(6),
    weight: 1,
  },
  {
    key: 'CH',
    printed: ['SWITZERLAND', 'SWISS'],
    iso3: 'CHE',
    given: {
      M: ['LUCA', 'URS', 'RETO', 'BEAT', 'MARCO'],
      F: ['REGULA', 'BARBARA', 'CORINNE', 'NADINE', 'SILVIA'],
    },
    family: ['MEIER', 'BRUNNER', 'KELLER', 'GERBER', 'BAUMGARTNER', 'STEINER'],
    cities: ['ZURICH', 'GENEVE', 'BASEL', 'BERN', 'LAUSANNE', 'LUZERN'],
    passport: (r) => r.pick(['X', 'S', 'F']) + r.digits(7),
    weight: 1,
  },
];

/** Real Indonesian immigration offices with their regional office and a street address. */
export interface Office {
  region: string;
  long: string;
  /** Short form as printed on e-ITAS pages ("KANIM KELAS I TPI ..."). */
  short: string;
  address: string;
  /** Issuing city as printed next to the date (title case). */
  city: string;
  /** Residential areas for holders: [kelurahan, kecamatan, kota/kabupaten]. */
  areas: readonly (readonly [string, string, string])[];
}

function office(
  region: string,
  cls: string,
  name: string,
  address: string,
  city: string,
  areas: (readonly [string, string, string])[],
): Office {
  return {
    region: `KANTOR WILAYAH ${region}`,
    long: `KANTOR IMIGRASI ${cls} ${name}`,
    short: `KANIM ${cls} ${name}`,
    address,
    city,
    areas,
  };
}

export const OFFICES: readonly Office[] = [
  office(
    'DKI JAKARTA',
    'KELAS I KHUSUS TPI',
    'JAKARTA SELATAN',
    'JL. WARUNG BUNCIT RAYA NO. 207',
    'Jakarta Selatan',
    [
      ['KUNINGAN TIMUR', 'SETIABUDI', 'KOTA JAKARTA SELATAN'],
      ['PONDOK PINANG', 'KEBAYORAN LAMA', 'KOTA JAKARTA SELATAN'],
      ['CIPETE SELATAN', 'CILANDAK', 'KOTA JAKARTA SELATAN'],
    ],
  ),
  office(
    'DKI JAKARTA',
    'KELAS I KHUSUS TPI',
    'JAKARTA BARAT',
    'JL. POS KOTA NO. 4 KOTA TUA',
    'Jakarta Barat',
    [
      ['KEDOYA UTARA', 'KEBON JERUK', 'KOTA JAKARTA BARAT'],
      ['TANJUNG DUREN SELATAN', 'GROGOL PETAMBURAN', 'KOTA JAKARTA BARAT'],
    ],
  ),
  office(
    'DKI JAKARTA',
    'KELAS I KHUSUS TPI',
    'JAKARTA UTARA',
    'JL. BANDENGAN UTARA NO. 33',
    'Jakarta Utara',
    [
      ['KELAPA GADING BARAT', 'KELAPA GADING', 'KOTA JAKARTA UTARA'],
      ['PLUIT', 'PENJARINGAN', 'KOTA JAKARTA UTARA'],
    ],
  ),
  office('BALI', 'KELAS I KHUSUS TPI', 'NGURAH RAI', 'JL. RAYA TAMAN JIMBARAN NO. 1 JIMBARAN', 'Badung', [
    ['KEROBOKAN KELOD', 'KUTA UTARA', 'KAB. BADUNG'],
    ['JIMBARAN', 'KUTA SELATAN', 'KAB. BADUNG'],
    ['TIBUBENENG', 'KUTA UTARA', 'KAB. BADUNG'],
  ]),
  office('BALI', 'KELAS I TPI', 'DENPASAR', 'JL. D.I. PANJAITAN NO. 3 RENON', 'Denpasar', [
    ['SANUR KAJA', 'DENPASAR SELATAN', 'KOTA DENPASAR'],
    ['PEMECUTAN KELOD', 'DENPASAR BARAT', 'KOTA DENPASAR'],
    ['UBUD', 'UBUD', 'KAB. GIANYAR'],
  ]),
  office('JAWA TIMUR', 'KELAS I KHUSUS TPI', 'SURABAYA', 'JL. RAYA JUANDA NO. 1 SEDATI', 'Surabaya', [
    ['DUKUH PAKIS', 'DUKUH PAKIS', 'KOTA SURABAYA'],
    ['LONTAR', 'SAMBIKEREP', 'KOTA SURABAYA'],
  ]),
  office('SUMATERA UTARA', 'KELAS I KHUSUS TPI', 'MEDAN', 'JL. GATOT SUBROTO KM. 6,2 NO. 268 A', 'Medan', [
    ['SEI SIKAMBING B', 'MEDAN SUNGGAL', 'KOTA MEDAN'],
    ['PETISAH TENGAH', 'MEDAN PETISAH', 'KOTA MEDAN'],
  ]),
  office('KEPULAUAN RIAU', 'KELAS I KHUSUS TPI', 'BATAM', 'JL. ENGKU PUTRI NO. 3 BATAM CENTRE', 'Batam', [
    ['TELUK TERING', 'BATAM KOTA', 'KOTA BATAM'],
    ['SUNGAI PANAS', 'BATAM KOTA', 'KOTA BATAM'],
    ['TANJUNG UNCANG', 'BATU AJI', 'KOTA BATAM'],
  ]),
  office('JAWA BARAT', 'KELAS I TPI', 'BANDUNG', 'JL. SURAPATI NO. 82', 'Bandung', [
    ['DAGO', 'COBLONG', 'KOTA BANDUNG'],
    ['CIUMBULEUIT', 'CIDADAP', 'KOTA BANDUNG'],
  ]),
  office('JAWA BARAT', 'KELAS II NON TPI', 'BEKASI', 'JL. GURAME NO. 1 KAYURINGIN JAYA', 'Bekasi', [
    ['PASIRSARI', 'CIKARANG SELATAN', 'KAB. BEKASI'],
    ['JABABEKA', 'CIKARANG UTARA', 'KAB. BEKASI'],
  ]),
  office('JAWA TENGAH', 'KELAS I TPI', 'SEMARANG', 'JL. SILIWANGI NO. 514 KRAPYAK', 'Semarang', [
    ['TEMBALANG', 'TEMBALANG', 'KOTA SEMARANG'],
    ['PEDURUNGAN KIDUL', 'PEDURUNGAN', 'KOTA SEMARANG'],
  ]),
  office('SULAWESI SELATAN', 'KELAS I TPI', 'MAKASSAR', 'JL. PERINTIS KEMERDEKAAN KM. 13', 'Makassar', [
    ['TAMALANREA', 'TAMALANREA', 'KOTA MAKASSAR'],
    ['PANAKKUKANG', 'PANAKKUKANG', 'KOTA MAKASSAR'],
  ]),
  office('SULAWESI TENGAH', 'KELAS II NON TPI', 'MOROWALI', 'JL. TRANS SULAWESI BAHODOPI', 'Morowali', [
    ['FATUFIA', 'BAHODOPI', 'KAB. MOROWALI'],
    ['LABOTA', 'BAHODOPI', 'KAB. MOROWALI'],
  ]),
  office('BANTEN', 'KELAS I NON TPI', 'TANGERANG', 'JL. TMP TARUNA NO. 10 SUKARASA', 'Tangerang', [
    ['LENGKONG GUDANG', 'SERPONG', 'KOTA TANGERANG SELATAN'],
    ['PAKUALAM', 'SERPONG UTARA', 'KOTA TANGERANG SELATAN'],
    ['KELAPA DUA', 'KELAPA DUA', 'KAB. TANGERANG'],
  ]),
  office('DI YOGYAKARTA', 'KELAS I TPI', 'YOGYAKARTA', 'JL. LAKSDA ADISUCIPTO KM. 10', 'Yogyakarta', [
    ['CATURTUNGGAL', 'DEPOK', 'KAB. SLEMAN'],
    ['KOTABARU', 'GONDOKUSUMAN', 'KOTA YOGYAKARTA'],
  ]),
  office('KALIMANTAN TIMUR', 'KELAS I TPI', 'BALIKPAPAN', 'JL. JEND. SUDIRMAN NO. 23', 'Balikpapan', [
    ['DAMAI', 'BALIKPAPAN KOTA', 'KOTA BALIKPAPAN'],
    ['SEPINGGAN', 'BALIKPAPAN SELATAN', 'KOTA BALIKPAPAN'],
  ]),
  office('NUSA TENGGARA BARAT', 'KELAS I TPI', 'MATARAM', 'JL. UDAYANA NO. 2', 'Mataram', [
    ['SENGGIGI', 'BATU LAYAR', 'KAB. LOMBOK BARAT'],
    ['CAKRANEGARA BARAT', 'CAKRANEGARA', 'KOTA MATARAM'],
  ]),
];

export const STREETS = [
  'JL. MELATI',
  'JL. KENANGA',
  'JL. SUDIRMAN',
  'JL. GATOT SUBROTO',
  'JL. DIPONEGORO',
  'JL. CEMPAKA PUTIH',
  'JL. RAYA KEROBOKAN',
  'JL. PANTAI BERAWA',
  'JL. KEMANG RAYA',
  'JL. BANGKA RAYA',
  'JL. PERMATA HIJAU',
  'JL. TERUSAN BUAH BATU',
  'JL. IMAM BONJOL',
  'JL. HAYAM WURUK',
  'JL. PAHLAWAN',
  'JL. MERDEKA BARAT',
  'JL. BUKIT GOLF',
  'JL. ANGGREK NELLY MURNI',
  'JL. TELUK BETUNG',
  'JL. PULAU BIAK',
];

export const HOUSING = [
  'PERUM. TAMAN ANGGREK',
  'APARTEMEN PURI MANSION',
  'CLUSTER BOUGENVILLE',
  'KOMP. BUMI ASRI',
  'RUKO MEGA LEGENDA',
];

export const INDONESIAN_NAMES = {
  given: [
    'BUDI',
    'AGUS',
    'SRI',
    'DEWI',
    'HENDRA',
    'RINA',
    'YUDI',
    'PUTU',
    'KADEK',
    'WAYAN',
    'SITI',
    'ANDI',
    'RATNA',
    'DIAN',
  ],
  family: [
    'SANTOSO',
    'WIJAYA',
    'HARTONO',
    'KUSUMA',
    'SETIAWAN',
    'PRATAMA',
    'LESTARI',
    'NUGROHO',
    'SUDARSONO',
    'HALIM',
  ],
};

export const COMPANY_WORDS = [
  'MEGA',
  'INDO',
  'NUSANTARA',
  'SINAR',
  'CAHAYA',
  'ABADI',
  'SENTOSA',
  'BUMI',
  'JAYA',
  'MAKMUR',
  'LOGAM',
  'TEKNIK',
  'SEJAHTERA',
  'GEMILANG',
  'SAMUDRA',
  'ANGKASA',
  'ENERGI',
  'NIKEL',
  'KIMIA',
  'TEKSTIL',
  'MANDIRI',
  'PERKASA',
];

export interface StatusDef {
  status: string;
  kind: 'KITAS' | 'KITAP' | 'BOTH';
  work: boolean;
  occupations: readonly string[];
  indexes: readonly string[];
}

const WORK_JOBS = [
  'ENGINEER',
  'TECHNICAL ADVISOR',
  'DIREKTUR',
  'DIREKTUR UTAMA',
  'GENERAL MANAGER',
  'MANAGER PRODUKSI',
  'QUALITY CONTROL SUPERVISOR',
  'MECHANICAL ENGINEER',
  'ELECTRICAL TECHNICIAN',
  'FINANCE MANAGER',
  'CHEF',
  'TEACHER',
  'PROJECT MANAGER',
  'HEAD OF OPERATIONS',
  'SMELTER PROCESS SPECIALIST',
  'KONSULTAN',
];

export const STATUSES: readonly StatusDef[] = [
  {
    status: 'TKA BID. PERINDUSTRIAN',
    kind: 'KITAS',
    work: true,
    occupations: WORK_JOBS,
    indexes: ['VI B', 'C312', 'E23 A'],
  },
  {
    status: 'TKA BID. PERDAGANGAN',
    kind: 'KITAS',
    work: true,
    occupations: WORK_JOBS,
    indexes: ['VI B', 'C312', 'E23 A'],
  },
  {
    status: 'TKA BID. PERTAMBANGAN',
    kind: 'KITAS',
    work: true,
    occupations: WORK_JOBS,
    indexes: ['VI B', 'C313', 'E23 A'],
  },
  {
    status: 'TKA BID. PENDIDIKAN',
    kind: 'KITAS',
    work: true,
    occupations: ['TEACHER', 'DOSEN', 'LECTURER'],
    indexes: ['VI B', 'C312'],
  },
  {
    status: 'BEKERJA',
    kind: 'KITAS',
    work: true,
    occupations: WORK_JOBS,
    indexes: ['C312', 'C314', 'E23 A'],
  },
  {
    status: 'INVESTOR',
    kind: 'BOTH',
    work: true,
    occupations: ['DIREKTUR', 'KOMISARIS', 'PEMEGANG SAHAM'],
    indexes: ['E28 A', 'C313', 'D312'],
  },
  {
    status: 'PENYATUAN KELUARGA',
    kind: 'BOTH',
    work: false,
    occupations: ['IBU RUMAH TANGGA', 'SWASTA', '-', 'WIRASWASTA'],
    indexes: ['E31 A', 'E31 B', 'VI C'],
  },
  {
    status: 'IKUT SUAMI',
    kind: 'KITAS',
    work: false,
    occupations: ['IBU RUMAH TANGGA', '-'],
    indexes: ['E31 A', 'VI C'],
  },
  {
    status: 'IKUT ORANG TUA',
    kind: 'KITAS',
    work: false,
    occupations: ['PELAJAR', '-'],
    indexes: ['E31 B', 'VI C'],
  },
  {
    status: 'LANSIA',
    kind: 'BOTH',
    work: false,
    occupations: ['PENSIUNAN', 'RETIRED'],
    indexes: ['E33 F', 'VI D'],
  },
  {
    status: 'PELAJAR',
    kind: 'KITAS',
    work: false,
    occupations: ['MAHASISWA', 'PELAJAR', 'STUDENT'],
    indexes: ['E30 A', 'E30 B'],
  },
  {
    status: 'PENELITI',
    kind: 'KITAS',
    work: true,
    occupations: ['PENELITI', 'RESEARCHER'],
    indexes: ['E27', 'C316'],
  },
  {
    status: 'ROHANIWAN',
    kind: 'KITAS',
    work: true,
    occupations: ['ROHANIWAN', 'PASTOR', 'BIARAWATI'],
    indexes: ['E26', 'VI B'],
  },
  {
    status: 'EKS WNI',
    kind: 'KITAP',
    work: false,
    occupations: ['WIRASWASTA', 'SWASTA', '-'],
    indexes: ['E32 A', 'E32 B'],
  },
  {
    status: 'ALIH STATUS ITAS',
    kind: 'KITAP',
    work: true,
    occupations: WORK_JOBS,
    indexes: ['D312', 'E28 A'],
  },
];

export const OFFICIAL_TITLES = [
  'a.n. KEPALA KANTOR IMIGRASI',
  'KEPALA SEKSI IZIN TINGGAL',
  'Kepala Bidang Izin Tinggal dan Status Keimigrasian',
  'KEPALA KANTOR',
];

export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
export const MONTHS_EN_SHORT = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
export const MONTHS_ID_SHORT = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MEI',
  'JUN',
  'JUL',
  'AGU',
  'SEP',
  'OKT',
  'NOV',
  'DES',
];
