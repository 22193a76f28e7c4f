"""Build ``lang/vi/countries.toml`` and ``lang/en/countries.toml``.

Run ``python scripts/build_countries.py`` (needs the ``data`` extra: pycountry,
babel, countryinfo) and commit the two generated files; bilat itself reads only
the TOML at run time, so it needs no network and none of these packages.

Sources, in order of trust:

- CLDR territory names (babel): the names a modern Vietnamese or English text
  uses ("Peru", "Hoa Kỳ", "Nhật Bản"); pycountry's Vietnamese names are old
  transliterations ("Pê-ru", "Bra-xin") that the press has mostly dropped.
- ISO 3166-1 (pycountry, with the iso-codes Vietnamese translations):
  short, common and official names, kept because some papers still write them.
- countryinfo: capitals and English demonyms.
- Hand-added forms (the ``HAND_*`` tables below), each with why it is there.
"""

from __future__ import annotations

import gettext
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import countryinfo
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src" / "bilat" / "lang"

# --- hand-added forms ---------------------------------------------------------

# Vietnamese press forms that neither CLDR nor iso-codes give: short names
# ("Mỹ", "Anh", "Úc"), abbreviations ("CHDCND Lào") and the Nhân Dân / VOV style
# transliterations ("Ô-xtrây-li-a", "Ác-hen-ti-na") still common in official
# outlets. English ISO names are added separately: the press uses them too.
HAND_VI: dict[str, str] = {
    "Mỹ": "US", "Hợp chủng quốc Hoa Kỳ": "US", "Hợp Chủng Quốc Hoa Kỳ": "US",
    "Anh": "GB", "Vương quốc Liên hiệp Anh và Bắc Ireland": "GB", "Liên hiệp Vương quốc Anh và Bắc Ireland": "GB",
    "Vương quốc Liên hiệp Anh": "GB", "Liên hiệp Vương quốc Anh và Bắc Ai-len": "GB",
    "Vương quốc Liên hiệp Anh và Bắc Ai-len": "GB", "Vương quốc Anh và Bắc Ai-len": "GB", "Vương quốc Anh và Bắc Ireland": "GB",
    "Bắc Ai-len": "GB", "Bắc Ireland": "GB",
    "Bru-nây Đa-rút-xa-lam": "BN", "Brunei Darussalam": "BN",
    "Úc": "AU", "Ô-xtrây-li-a": "AU", "Ốt-xtrây-li-a": "AU",
    "Nhật": "JP", "Đại Hàn Dân Quốc": "KR", "Nam Hàn": "KR", "Bắc Hàn": "KP",
    "CHDCND Triều Tiên": "KP", "Cộng hòa Dân chủ Nhân dân Triều Tiên": "KP",
    "Ý": "IT", "Italia": "IT", "I-ta-li-a": "IT",
    "Áo": "AT", "Ai-len": "IE", "Ai Len": "IE",
    "Liên bang Nga": "RU", "LB Nga": "RU",
    "Thụy Sỹ": "CH", "Cộng hòa Séc": "CZ", "Xlô-va-ki-a": "SK", "Hung-ga-ri": "HU", "Ru-ma-ni": "RO",
    "Bun-ga-ri": "BG", "Xéc-bi-a": "RS", "Crô-a-ti-a": "HR", "Bê-la-rút": "BY", "U-crai-na": "UA",
    "Ukraine": "UA", "Lít-va": "LT", "E-xtô-ni-a": "EE", "Lúc-xăm-bua": "LU", "Ai-xơ-len": "IS",
    "Ả-rập Xê-út": "SA", "Ả Rập Xê Út": "SA", "Saudi Arabia": "SA",
    "UAE": "AE", "Các Tiểu vương quốc Ả-rập Thống nhất": "AE", "Các Tiểu vương quốc Ả Rập Thống nhất": "AE",
    "Ca-ta": "QA", "Cô-oét": "KW", "Ba-ranh": "BH", "Gioóc-đa-ni": "JO", "Xy-ri": "SY",
    "I-ran": "IR", "I-rắc": "IQ", "I-xra-en": "IL", "Pa-le-xtin": "PS", "Palestine": "PS",
    "Ai Cập": "EG", "Kê-ni-a": "KE", "Ni-giê-ri-a": "NG", "Maroc": "MA", "Morocco": "MA", "An-giê-ri": "DZ",
    "Mô-dăm-bích": "MZ", "Tan-da-ni-a": "TZ", "Xu-đăng": "SD", "Ăng-gô-la": "AO",
    "Ác-hen-ti-na": "AR", "Chi-lê": "CL", "Mê-hi-cô": "MX", "Cô-lôm-bi-a": "CO", "Vê-nê-xu-ê-la": "VE",
    "U-ru-goay": "UY", "Pa-ra-goay": "PY", "Bô-li-vi-a": "BO", "Ê-cu-a-đo": "EC", "Ni-ca-ra-goa": "NI",
    "Cốt-xta Ri-ca": "CR", "Goa-tê-ma-la": "GT", "Hon-đu-rát": "HN", "Gia-mai-ca": "JM", "Cu Ba": "CU",
    "Ca-na-đa": "CA",
    "Cam-pu-chia": "KH", "CHDCND Lào": "LA", "Ma-lai-xi-a": "MY", "In-đô-nê-xi-a": "ID",
    "Phi-líp-pin": "PH", "Phi-li-pin": "PH", "Mi-an-ma": "MM", "Bru-nây": "BN", "Đông Timor": "TL",
    "Đông Ti-mo": "TL", "Ti-mo Lét-xtê": "TL", "Niu Di-lân": "NZ", "Ca-dắc-xtan": "KZ",
    "U-dơ-bê-ki-xtan": "UZ", "Pa-ki-xtan": "PK", "Băng-la-đét": "BD", "Xri Lan-ca": "LK",
    "Hồng Kông": "HK", "Ma Cao": "MO",
    "CHXHCN Việt Nam": "VN", "Cộng hòa Xã hội chủ nghĩa Việt Nam": "VN",
    "Trung Hoa": "CN", "Cộng hòa Nhân dân Trung Hoa": "CN", "CHND Trung Hoa": "CN", "Trung Hoa Dân Quốc": "TW",
}

# The Vietnamese "our country": Vietnamese articles say "nước ta" for VN.
HAND_VI_HOME: dict[str, str] = {"nước ta": "VN", "đất nước ta": "VN"}

# English names the press uses that CLDR and ISO do not list under that spelling.
HAND_EN: dict[str, str] = {
    "Vietnam": "VN", "Viet Nam": "VN", "Việt Nam": "VN",
    "US": "US", "U.S.": "US", "USA": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "Northern Ireland": "GB", "Brunei Darussalam": "BN",
    "Korea": "KR", "Republic of Korea": "KR", "ROK": "KR", "DPRK": "KP",
    "Russia": "RU", "Iran": "IR", "Laos": "LA", "Syria": "SY", "Turkey": "TR", "Türkiye": "TR",
    "Czech Republic": "CZ", "Holland": "NL", "the Netherlands": "NL", "Ivory Coast": "CI",
    "East Timor": "TL", "Burma": "MM", "Brunei": "BN", "Vatican": "VA", "Palestine": "PS",
    "UAE": "AE", "Cabo Verde": "CV", "Taiwan": "TW", "Macau": "MO",
}

# Demonyms countryinfo lacks or spells differently from the press.
HAND_DEMONYMS: dict[str, str] = {
    "Argentine": "AR", "Argentinian": "AR", "Philippine": "PH", "Korean": "KR", "Lao": "LA",
    "Saudi": "SA", "Ecuadorian": "EC", "Kazakh": "KZ", "Uzbek": "UZ", "Kyrgyz": "KG", "Tajik": "TJ",
    "Nepali": "NP", "Luxembourgish": "LU", "Slovenian": "SI", "Czech": "CZ",
    "Djiboutian": "DJ", "Macanese": "MO", "Gibraltarian": "GI",
}

# Demonyms that are also language names or that countryinfo gives wrongly.
DROP_DEMONYMS = {"English", "Channel Islander", "Gibraltar", "Djibouti", "Christmas Island"}

# iso-codes Vietnamese forms that are wrong or misleading in today's text:
# "Ao" is "pond" (the press writes "Áo"), "Do Thái" means Jewish rather than
# Israel, and "Miền Nam Pháp" reads as "southern France".
DROP_VI = {"Ao", "Do Thái", "Miền Nam Pháp"}

# Phrases containing a country name that are not that country: regions,
# languages, and common words spelled like a short name at a sentence start
# ("Pháp luật" law, "Ý kiến" opinion, "Đức Giáo hoàng" the Pope, "Chủ Nhật" Sunday).
NOT_COUNTRIES_VI = [
    "Mỹ Latinh", "Mỹ La tinh", "Mỹ La-tinh", "Mỹ Latin", "châu Mỹ", "Bắc Mỹ", "Nam Mỹ", "Trung Mỹ",
    "Đông Nam Á", "Đông Bắc Á", "Đông Á", "Nam Á", "châu Á", "châu Âu", "châu Phi",
    "Ấn Độ Dương", "Ấn Độ - Thái Bình Dương", "Ấn Độ Dương - Thái Bình Dương", "bán đảo Triều Tiên",
    "tiếng Anh", "tiếng Pháp", "tiếng Nga", "tiếng Đức", "tiếng Nhật", "tiếng Ý", "tiếng Tây Ban Nha",
    "tiếng Bồ Đào Nha", "Anh ngữ", "Pháp ngữ",
    "Pháp luật", "Pháp lý", "Pháp lệnh", "Pháp nhân", "Pháp quyền", "Pháp chế",
    "Anh ấy", "Anh em", "Anh hùng", "Anh dũng", "Anh chị",
    "Đức tin", "Đức Phật", "Đức Mẹ", "Đức Cha", "Đức Giáo hoàng", "Đức Thánh Cha", "Đức Hồng y",
    "Đức Tổng Giám mục", "Đức Đạt Lai Lạt Ma",
    "Ý kiến", "Ý nghĩa", "Ý tưởng", "Ý thức", "Ý chí", "Ý định",
    "Nhật ký", "Chủ Nhật", "Chủ nhật", "Áo dài", "Mỹ thuật", "Mỹ phẩm", "Mỹ nghệ", "Mỹ học", "Mỹ Tho", "Mỹ Lai", "Lào Cai",
]
NOT_COUNTRIES_EN = [
    "Latin America", "Latin American", "South America", "South American", "North America",
    "North American", "Central America", "Central American", "Southeast Asia", "Southeast Asian",
    "East Asia", "East Asian", "Indian Ocean", "South China Sea", "East China Sea", "Korean Peninsula",
    "New Mexico", "New Jersey", "New England", "New Guinea",
    "US$",  # the dollar sign ("US$30 billion"), not the country
]

# Short names that are also common words or given names ("Nguyễn Thị Nga",
# "ông Đức"): the countries component checks their context (see countries.py).
# "Pháp" and "Lào" are not listed: they are rarely given names, and the
# transliterated leaders' names that follow them ("Lào Xổn-xay") would trip the check.
AMBIGUOUS_VI = ["Anh", "Nga", "Mỹ", "Đức", "Ý", "Nhật", "Áo",
                "Chad", "Jordan", "Georgia", "Jersey", "Guinea", "Niger"]
AMBIGUOUS_EN = ["Chad", "Jordan", "Georgia", "Jersey", "Guinea", "Niger", "America", "Guernsey"]

# Kinship words and honorifics the Vietnamese put before a given name.
NAME_PREFIXES_VI = ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "đồng chí"]
NAME_PREFIXES_EN = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr."]

# Vietnamese renderings of capitals and cities the press names as venues,
# which countryinfo (English capitals only) cannot give.
HAND_CAPITALS_VI: dict[str, str] = {
    "Hà Nội": "VN", "Thành phố Hồ Chí Minh": "VN", "TP Hồ Chí Minh": "VN", "TP. Hồ Chí Minh": "VN",
    "TP.HCM": "VN", "TP HCM": "VN", "TPHCM": "VN", "TP. HCM": "VN", "Đà Nẵng": "VN", "Hải Phòng": "VN", "Cần Thơ": "VN", "Huế": "VN",
    "Bắc Kinh": "CN", "Thượng Hải": "CN", "Thiên Tân": "CN", "Quảng Châu": "CN", "Thâm Quyến": "CN",
    "Nam Ninh": "CN", "Côn Minh": "CN", "Hàng Châu": "CN", "Trùng Khánh": "CN",
    "Mát-xcơ-va": "RU", "Moskva": "RU", "Xanh Pê-téc-bua": "RU", "Vla-đi-vô-xtốc": "RU",
    "Xơ-un": "KR", "Bình Nhưỡng": "KP", "Tô-ky-ô": "JP", "Viêng Chăn": "LA", "Phnôm Pênh": "KH",
    "Băng Cốc": "TH", "Gia-các-ta": "ID", "Cu-a-la Lăm-pơ": "MY", "Ma-ni-la": "PH", "Niu Đê-li": "IN",
    "Lân Đôn": "GB", "Luân Đôn": "GB", "Pa-ri": "FR", "Béc-lin": "DE", "Oa-sinh-tơn": "US",
    "Niu Oóc": "US", "La Ha-ba-na": "CU", "La Habana": "CU", "Ô-ta-oa": "CA", "Can-bê-ra": "AU",
    "Xít-ni": "AU", "Rô-ma": "IT", "Roma": "IT", "Brúc-xen": "BE", "Bruxelles": "BE",
    "Giơ-ne-vơ": "CH", "Genève": "CH", "Viên": "AT", "Vác-sa-va": "PL", "Pra-ha": "CZ", "Praha": "CZ",
    "Ki-ép": "UA", "Cai-rô": "EG", "Tê-hê-ran": "IR", "Thành phố Mexico": "MX",
    "Hạ Long": "VN", "Quảng Ninh": "VN", "Hạ Môn": "CN", "Thành Đô": "CN", "Thanh Đảo": "CN",
    "Xô-chi": "RU", "Ca-dan": "RU", "Mum-bai": "IN", "Ca-ra-chi": "PK",
}
# English (and Latin-script, so also read in Vietnamese text) cities that are
# not capitals but are venues of summits and visits.
HAND_CAPITALS_EN: dict[str, str] = {
    "Hanoi": "VN", "Ha Noi": "VN", "Hà Nội": "VN", "Ho Chi Minh City": "VN", "Da Nang": "VN", "Đà Nẵng": "VN",
    "Washington": "US", "Washington DC": "US", "Washington, D.C.": "US", "New York": "US",
    "San Francisco": "US", "Los Angeles": "US", "Honolulu": "US",
    "Santiago de Chile": "CL", "Brasilia": "BR", "São Paulo": "BR", "Sao Paulo": "BR",
    "Rio de Janeiro": "BR", "Cusco": "PE", "Arequipa": "PE", "Bogota": "CO", "Asuncion": "PY",
    "Shanghai": "CN", "Tianjin": "CN", "Guangzhou": "CN", "Shenzhen": "CN", "Hong Kong": "HK",
    "Osaka": "JP", "Kyoto": "JP", "Hiroshima": "JP", "Busan": "KR", "Gyeongju": "KR", "Incheon": "KR",
    "Sydney": "AU", "Melbourne": "AU", "Auckland": "NZ", "Johannesburg": "ZA", "Cape Town": "ZA",
    "Dubai": "AE", "Istanbul": "TR", "Kiev": "UA", "Geneva": "CH", "The Hague": "NL",
    "St Petersburg": "RU", "Saint Petersburg": "RU", "Vladivostok": "RU", "Yangon": "MM",
    "Nay Pyi Taw": "MM", "Ulan Bator": "MN", "Astana": "KZ", "Rome": "IT", "Lisboa": "PT",
    # seats of government that are not the capital countryinfo gives
    "Putrajaya": "MY", "Sejong": "KR",
    # cities where heads of state and ministers host their counterparts
    "Nanning": "CN", "Kunming": "CN", "Xiamen": "CN", "Hangzhou": "CN", "Chengdu": "CN", "Qingdao": "CN",
    "Sochi": "RU", "Kazan": "RU", "Mumbai": "IN", "Kolkata": "IN", "Chennai": "IN", "Bengaluru": "IN",
    "Jeddah": "SA", "Almaty": "KZ", "Samarkand": "UZ", "Bali": "ID", "Karachi": "PK", "Lahore": "PK",
    "Mombasa": "KE", "Dar es Salaam": "TZ", "Lagos": "NG", "Casablanca": "MA", "Sharm El-Sheikh": "EG",
    "Frankfurt": "DE", "Munich": "DE", "Hamburg": "DE", "Milan": "IT", "Barcelona": "ES",
    "Toronto": "CA", "Montreal": "CA", "Vancouver": "CA", "Chicago": "US", "Houston": "US",
    "Nagoya": "JP", "Yokohama": "JP", "Fukuoka": "JP", "Siem Reap": "KH", "Luang Prabang": "LA",
    "Cebu": "PH", "Chiang Mai": "TH", "Phuket": "TH", "Penang": "MY", "Surabaya": "ID",
    "Hai Phong": "VN", "Can Tho": "VN", "Ha Long": "VN", "Quang Ninh": "VN",
}

# --- building -----------------------------------------------------------------

_ISO = {c.alpha_2 for c in pycountry.countries}
_NOT_NAME = re.compile(r", | - |\(|\)")  # "Korea, Republic of", "Congo - Kinshasa"


def tone_variants(name: str) -> set[str]:
    """``name`` with both Vietnamese tone placements: "hoà"/"hòa", "Thuỵ"/"Thụy".

    Vietnamese writes the tone of "oa", "oe", "uy" on either vowel; texts use both.
    """
    old_to_new = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            for f, s in ((first, second), (first.upper(), second)):
                old = unicodedata.normalize("NFC", f + s + mark)
                new = unicodedata.normalize("NFC", f + mark + s)
                old_to_new[old] = new
    variants = {name}
    for old, new in old_to_new.items():
        variants |= {v.replace(old, new) for v in variants} | {v.replace(new, old) for v in variants}
    return variants


def clean(name: str) -> list[str]:
    """Usable forms of a source name: "Myanmar (Miến Điện)" gives "Myanmar".

    A trailing parenthesis is a gloss or an alternative ("Quần đảo Cocos
    (Keeling)"), not a name to match on its own.
    """
    name = name.strip()
    if "(" in name and name.endswith(")"):
        return clean(name.partition("(")[0])
    if not name or _NOT_NAME.search(name):
        return []
    return [name]


def by_population(codes: Iterable[str], population: dict[str, int]) -> str:
    """Of several codes sharing a name, the most populous ("French" is FR, not RE)."""
    return max(codes, key=lambda code: population.get(code, 0))


def countryinfo_records() -> list[dict[str, Any]]:
    data = Path(countryinfo.__file__).parent / "data"
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(data.glob("*.json"))]
    return [r for r in records if isinstance(r.get("ISO"), dict) and r["ISO"].get("alpha2") in _ISO]


def resolve(pairs: Iterable[tuple[str, str]], population: dict[str, int]) -> dict[str, str]:
    """name → code, one code per name (the most populous when sources disagree)."""
    claims: dict[str, set[str]] = {}
    for name, code in pairs:
        claims.setdefault(name, set()).add(code)
    return {name: by_population(codes, population) for name, codes in sorted(claims.items())}


def english_iso_names() -> list[tuple[str, str]]:
    en = Locale("en")
    pairs = [(n, code) for code, name in en.territories.items() if code in _ISO for n in clean(name)]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            for n in clean(getattr(country, attr, "") or ""):
                pairs.append((n, country.alpha_2))
    return pairs


def vietnamese_names() -> list[tuple[str, str]]:
    vi = Locale("vi")
    pairs = [(n, code) for code, name in vi.territories.items() if code in _ISO for n in clean(name)]
    iso_vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    for country in pycountry.countries:
        for attr in ("name", "official_name"):
            english = getattr(country, attr, None)
            if english:
                pairs += [(n, country.alpha_2) for n in clean(iso_vi.gettext(english)) if n != english]
    pairs = [(n, code) for n, code in pairs if n not in DROP_VI]
    pairs += list(HAND_VI.items())
    return [(v, code) for n, code in pairs for v in tone_variants(n)]


def capitals(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    pairs = []
    for record in records:
        capital = record.get("capital")
        if isinstance(capital, str) and capital and "/" not in capital:
            pairs.append((capital, str(record["ISO"]["alpha2"])))
    return pairs


def demonyms(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    pairs = []
    for record in records:
        for word in re.split(r"[,/]", str(record.get("demonym") or "")):
            word = word.strip()
            if word and word not in DROP_DEMONYMS and word != record.get("name"):
                pairs.append((word, str(record["ISO"]["alpha2"])))
    return pairs


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def toml_table(name: str, mapping: dict[str, str]) -> str:
    rows = "".join(f"{toml_string(k)} = {toml_string(v)}\n" for k, v in mapping.items())
    return f"[{name}]\n{rows}"


def toml_list(name: str, items: Iterable[str]) -> str:
    return f"{name} = [{', '.join(toml_string(i) for i in items)}]\n"


HEADER = """\
# Generated by scripts/build_countries.py: edit the script, not this file.
#
# Read by extract/components/countries.py:
#   [names]        name as written -> ISO 3166-1 alpha-2; the longest match wins, case-sensitive
#   [demonyms]     adjectives of nationality ("Vietnamese") -> code; read like [names]
#   [home]         "our country" phrases -> code; the first letter may be either case, as for not_countries
#   [capitals]     capitals and venue cities -> code: places, not country mentions
#   [display]      code -> the CLDR name, for showing a country (read by bilat/countries.py)
#   not_countries  phrases that contain a name but are not that country; they block it
#   ambiguous      names that are also common words or given names, checked against their neighbours
#   name_prefixes  words (honorifics) after which an ambiguous name is a person
# A dash written " - " inside a phrase also matches "-", "–" and " – ".
"""


def display_names(lang: str) -> dict[str, str]:
    """The CLDR name of each ISO country, as bilat shows it."""
    territories = Locale(lang).territories
    return {code: territories[code] for code in sorted(_ISO) if code in territories}


def render(source: str, *, names: dict[str, str], demonyms_: dict[str, str], home: dict[str, str],
           capitals_: dict[str, str], not_countries: list[str], ambiguous: list[str],
           name_prefixes: list[str], display: dict[str, str]) -> str:
    return "\n".join([
        f"source = {toml_string(source)}\n" + HEADER,
        toml_list("not_countries", not_countries) + toml_list("ambiguous", ambiguous)
        + toml_list("name_prefixes", name_prefixes),
        toml_table("names", names),
        toml_table("demonyms", demonyms_),
        toml_table("home", home),
        toml_table("capitals", capitals_),
        toml_table("display", display),
    ])


def main() -> int:
    records = countryinfo_records()
    population = {str(r["ISO"]["alpha2"]): int(r.get("population") or 0) for r in records}
    versions = (f"CLDR via babel {version('babel')}, pycountry {version('pycountry')} (ISO 3166-1, iso-codes "
                f"translations), countryinfo {version('countryinfo')} (capitals, demonyms)")
    english = resolve(english_iso_names() + list(HAND_EN.items()), population)
    vi_names = resolve(vietnamese_names(), population)
    vi_names.update({n: code for n, code in english.items() if n not in vi_names})
    city_pairs = capitals(records) + list(HAND_CAPITALS_EN.items())
    vi_text = render(
        f"Generated from {versions}; plus Vietnamese press forms hand-added by bilat authors "
        "(scripts/build_countries.py HAND_VI, HAND_CAPITALS_VI, NOT_COUNTRIES_VI)",
        names=vi_names, demonyms_={}, home=HAND_VI_HOME,
        capitals_=resolve(city_pairs + list(HAND_CAPITALS_VI.items()), population),
        not_countries=NOT_COUNTRIES_VI, ambiguous=AMBIGUOUS_VI, name_prefixes=NAME_PREFIXES_VI,
        display=display_names("vi"),
    )
    en_text = render(
        f"Generated from {versions}; plus English press forms and demonyms hand-added by bilat authors "
        "(scripts/build_countries.py HAND_EN, HAND_DEMONYMS, HAND_CAPITALS_EN, NOT_COUNTRIES_EN)",
        names=english, demonyms_=resolve(demonyms(records) + list(HAND_DEMONYMS.items()), population),
        home={}, capitals_=resolve(city_pairs, population),
        not_countries=NOT_COUNTRIES_EN, ambiguous=AMBIGUOUS_EN, name_prefixes=NAME_PREFIXES_EN,
        display=display_names("en"),
    )
    (OUT / "vi" / "countries.toml").write_text(vi_text, encoding="utf-8")
    (OUT / "en" / "countries.toml").write_text(en_text, encoding="utf-8")
    print(f"vi: {len(vi_names)} names; en: {len(english)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
