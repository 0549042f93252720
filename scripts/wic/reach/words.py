"""UI words of the "Open on your phone" page, in both languages (the page shows both: staff may
read either, phones' owners read Lao)."""

WORDS = {
    "title": {"lo": "ເປີດໃນໂທລະສັບຂອງທ່ານ", "en": "Open on your phone"},
    "step_wifi": {"lo": "ເຊື່ອມຕໍ່ Wi-Fi ຂອງສູນຂໍ້ມູນ", "en": "Join the centre's Wi-Fi"},
    "step_scan": {"lo": "ສະແກນລະຫັດ QR ດ້ວຍກ້ອງຖ່າຍຮູບ", "en": "Scan the QR code with the camera"},
    "step_type": {"lo": "ຫຼື ພິມທີ່ຢູ່ນີ້ໃສ່ບຣາວເຊີ", "en": "or type this address into the browser"},
    "nothing_to_install": {"lo": "ບໍ່ຕ້ອງຕິດຕັ້ງຫຍັງ ແລະ ບໍ່ຕ້ອງມີອິນເຕີເນັດ",
                           "en": "Nothing to install, no internet needed"},
    "no_address": {"lo": "ຍັງບໍ່ພົບເຄືອຂ່າຍ: ໃຫ້ພະນັກງານເປີດ Wi-Fi ຂອງສູນກ່ອນ",
                   "en": "No network found yet: staff, start the centre's Wi-Fi first"},
}
