"""Fixed UI words our own renderers add to pages, in both languages (theme strings live in
overrides/partials/languages/lo.html)."""

T = {
    "key_points": {"lo": "ຈຸດສຳຄັນ", "en": "Key points"},
    "what_to_do": {"lo": "ສິ່ງທີ່ຄວນເຮັດ", "en": "What to do"},
    "where_help": {"lo": "ບ່ອນຂໍຄວາມຊ່ວຍເຫຼືອ", "en": "Where to get help"},
    "sources": {"lo": "ແຫຼ່ງຂໍ້ມູນ", "en": "Sources"},
    "figure": {"lo": "ຂໍ້ມູນ", "en": "Figure"},
    "value": {"lo": "ຕົວເລກ", "en": "Value"},
    "legal_source": {"lo": "ກົດໝາຍ ຫຼື ນິຕິກຳ", "en": "Legal source"},
    "public_source": {"lo": "ເຫັນຢູ່ໃສ", "en": "Where seen"},
    "checked": {"lo": "ກວດເມື່ອ", "en": "Checked"},
    "confidence": {"lo": "ຄວາມໝັ້ນໃຈ", "en": "Confidence"},
    "official": {"lo": "ແຫຼ່ງທາງການ", "en": "official source"},
    "secondary": {"lo": "ແຫຼ່ງອື່ນ", "en": "secondary source"},
    "unverified": {"lo": "ຍັງບໍ່ໄດ້ຢືນຢັນ", "en": "not confirmed"},
    "figures_checked": {"lo": "ຕົວເລກໃນໜ້ານີ້ກວດສອບເມື່ອ", "en": "Figures on this page were checked on"},
    "other_sources": {"lo": "ແຫຼ່ງອື່ນໆ", "en": "Other sources"},
    "last_reviewed": {"lo": "ທົບທວນຄັ້ງລ່າສຸດ", "en": "Last reviewed"},
    "check_first": {"lo": "ກະລຸນາກວດສອບກ່ອນ", "en": "Please check first"},
    "check_first_text": {
        "lo": "ຂໍ້ມູນບາງຢ່າງໃນໜ້ານີ້ຍັງບໍ່ທັນໄດ້ຮັບການຢືນຢັນ:",
        "en": "Some information on this page is not confirmed yet:",
    },
    "ask": {"lo": "ກ່ອນຈະນຳໃຊ້ ກະລຸນາຖາມ", "en": "Before you rely on it, ask"},
    "phone": {"lo": "ໂທ", "en": "Call"},
    "hours": {"lo": "ເວລາ", "en": "Hours"},
    "area": {"lo": "ເຂດ", "en": "Area"},
    "address": {"lo": "ທີ່ຢູ່", "en": "Address"},
    "helps_with": {"lo": "ຊ່ວຍເລື່ອງ", "en": "Helps with"},
    "no_phone": {"lo": "ບໍ່ມີເບີໂທທີ່ຢືນຢັນແລ້ວ: ໄປຫາຫ້ອງການໂດຍກົງ ຫຼື ຖາມນາຍບ້ານ",
                 "en": "No confirmed phone number: visit the office or ask your village chief"},
    "status_unverified": {"lo": "ເບີນີ້ຍັງບໍ່ໄດ້ຢືນຢັນ: ຖ້າໂທບໍ່ຕິດ ໃຫ້ຖາມສູນຂໍ້ມູນ ຫຼື ນາຍບ້ານ",
                          "en": "Not confirmed: if it does not work, ask the centre staff or your village chief"},
    "term_lo": {"lo": "ຄຳສັບລາວ", "en": "Lao term"},
    "term_en": {"lo": "ຄຳສັບອັງກິດ", "en": "English term"},
    "meaning": {"lo": "ຄວາມໝາຍ", "en": "Meaning"},
    "also_written": {"lo": "ບາງຄັ້ງຂຽນວ່າ", "en": "Also written"},
    "guess": {"lo": "ຍັງຕ້ອງກວດຄຳສັບ", "en": "spelling to be checked"},
    "year": {"lo": "ປີ", "en": "Year"},
    "print": {"lo": "ພິມ", "en": "Print"},
}

# Words on printed posters (kept short: they are read from a step away).
POSTER_WORDS = {
    "call": {"lo": "ໂທ ຫຼື ໄປຫາ", "en": "Call or visit"},
    "no_phone": {"lo": "ບໍ່ມີເບີໂທ: ໄປຫາຫ້ອງການ", "en": "No phone: visit the office"},
    "visit": {"lo": "ໄປຫາ", "en": "Visit"},
    "more": {"lo": "ອ່ານຕື່ມ", "en": "Read more"},
    "checked": {"lo": "ຕົວເລກກວດສອບເມື່ອ", "en": "Figures checked on"},
    "unverified": {"lo": "ຍັງບໍ່ໄດ້ຢືນຢັນ", "en": "not confirmed yet"},
    "check_with": {"lo": "ກະລຸນາກວດສອບກັບ", "en": "check with"},
    "brand": {"lo": "ສູນຂໍ້ມູນຂ່າວສານຜູ້ອອກແຮງງານ", "en": "Worker Information Centre"},
}

CATEGORIES = {
    "emergency": {"lo": "ສຸກເສີນ", "en": "Emergency"},
    "social-security": {"lo": "ປະກັນສັງຄົມ", "en": "Social security"},
    "health": {"lo": "ສຸຂະພາບ ແລະ ປະກັນສຸຂະພາບ", "en": "Health and health insurance"},
    "labour": {"lo": "ແຮງງານ ແລະ ກຳມະບານ", "en": "Work and trade unions"},
    "women": {"lo": "ແມ່ຍິງ ແລະ ເດັກ", "en": "Women and children"},
    "youth": {"lo": "ໄວໜຸ່ມ", "en": "Young people"},
    "uxo": {"lo": "ລະເບີດບໍ່ທັນແຕກ", "en": "Unexploded ordnance (UXO)"},
    "migration": {"lo": "ໄປເຮັດວຽກຕ່າງປະເທດ", "en": "Working abroad"},
    "community": {"lo": "ອົງການຈັດຕັ້ງ ແລະ ກຸ່ມ", "en": "Organisations and groups"},
}


def t(key: str, lang: str) -> str:
    return T[key][lang]

# Words of the search panel (handed to the browser inside each language's search index).
SEARCH_WORDS = {
    "one": {"lo": "ພົບ 1 ໜ້າ", "en": "1 page found"},
    "other": {"lo": "ພົບ # ໜ້າ", "en": "# pages found"},
    "none": {"lo": "ບໍ່ພົບໜ້າທີ່ກົງກັບຄຳທີ່ທ່ານພິມ.", "en": "No page matches the words you typed."},
    "topics": {"lo": "ຫຼື ລອງເບິ່ງຫົວຂໍ້ເຫຼົ່ານີ້", "en": "Or try these topics"},
    "ask": {"lo": "ຖາມຜູ້ທີ່ຊ່ວຍທ່ານໄດ້", "en": "Ask someone who can help"},
    "call": {"lo": "ໂທ", "en": "Call"},
}
