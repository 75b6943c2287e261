# regulars — ข้อความภาษาไทย ข้อความที่ไม่มีในไฟล์นี้จะใช้ภาษาอังกฤษจาก en.ftl

## Errors (one line each, they end up on stderr)
err-unexpected = เกิดข้อผิดพลาด ไม่มีการเปลี่ยนแปลงใด ๆ
err-today-format = "{ $value }" ไม่ใช่วันที่ ใช้รูปแบบ YYYY-MM-DD เช่น 2026-03-14
err-database = ข้อผิดพลาดของฐานข้อมูล: { $detail }
err-file = ใช้ไฟล์ { $path } ไม่ได้: { $detail }
err-config = ไฟล์ตั้งค่า { $path }:{ $line }: { $detail }
err-config-country = "{ $value }" ไม่ใช่รหัสประเทศสองตัวอักษร (เช่น TH, HR, US)
err-config-currency = "{ $value }" ไม่ใช่รหัสสกุลเงินที่โปรแกรมนี้รู้จัก (เช่น THB, EUR, USD)
err-db-newer = ฐานข้อมูลนี้ถูกเขียนโดย regulars รุ่นที่ใหม่กว่า (schema { $found } แต่โปรแกรมนี้รู้จักถึง { $known }) โปรดอัปเดตโปรแกรม ไม่มีการเปลี่ยนแปลงใด ๆ
err-db-open = เปิดฐานข้อมูล { $path } ไม่ได้: { $detail }
err-db-not-sqlite = { $path } ไม่ใช่ฐานข้อมูลของ regulars (ไม่ใช่ไฟล์ SQLite) ไม่มีการเปลี่ยนแปลงใด ๆ
err-db-foreign = { $path } เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ของ regulars ไม่มีการเปลี่ยนแปลงใด ๆ
err-no-data-dir = หาโฟลเดอร์ข้อมูลของผู้ใช้นี้ไม่พบ โปรดระบุฐานข้อมูลด้วย --db PATH
err-member-not-found = ไม่มีสมาชิกที่ตรงกับ "{ $key }" (ใส่รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล)
err-field = { $field }: { $problem }
err-card-taken = บัตร { $card } เป็นของ { $name } อยู่แล้ว
err-born-and-age = ใส่ --born หรือ --age อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง
err-age = --age ต้องเป็นจำนวนปีเต็ม เช่น 3
err-channel = "{ $value }" ไม่ใช่ช่องทางติดต่อ ใช้ sms, email, phone หรือ post

## Field problems (shown at the field in the signup form, and by the CLI)
field-required = ต้องกรอก
field-bad-phone = ไม่ใช่เบอร์โทรศัพท์ (เช่น { $national } หรือ { $international })
field-bad-email = ไม่ใช่ที่อยู่อีเมล (เช่น ana@example.com)
field-bad-date = ไม่ใช่วันที่ (เช่น { $short } หรือ { $full })
field-future-date = วันที่นี้ยังมาไม่ถึง

## Field names
field-first-name = ชื่อ
field-family-name = นามสกุล
field-phone = โทรศัพท์
field-email = อีเมล
field-birthday = วันเกิด
field-card = บัตร
field-area = พื้นที่
field-note = หมายเหตุ
field-name = ชื่อ
field-born = เกิด
field-kind = ชนิด
field-gender = เพศ

## CLI output
cli-member-added = เพิ่มสมาชิก { $id } แล้ว: { $name }
cli-child-added = เพิ่มลูก { $name } ให้ { $member } แล้ว
cli-pet-added = เพิ่มสัตว์เลี้ยง { $name } ให้ { $member } แล้ว
cli-no-match = ไม่มีสมาชิกที่ตรงกับ "{ $query }"
cli-possible-duplicate = หมายเหตุ: อาจเป็นคนเดียวกับสมาชิก { $id } ({ $name })
field-visits = การมาร้าน
field-spend = ยอดซื้อ
field-child = ลูก
field-pet = สัตว์เลี้ยง

## Command-line help
help = คลับลูกค้าของร้านเล็ก ๆ: สมาชิก วันเกิด การซื้อจากเครื่องคิดเงิน และคะแนนสะสม
help-db = ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: regulars.db ในโฟลเดอร์ข้อมูลของคุณ)
help-today = สมมติว่าวันนี้คือวันนี้ (YYYY-MM-DD) สำหรับทดลองใช้และการทดสอบ
help-config = ไฟล์ตั้งค่า (ค่าเริ่มต้น: config.toml ในโฟลเดอร์ตั้งค่าของคุณ)
help-lang = ภาษาของหน้าจอและข้อความ: en, he, hr, zh หรือ th
help-member = สมัคร ค้นหา และแสดงสมาชิก
help-member-add = สมัครสมาชิกใหม่
help-member-add-first = ชื่อ
help-member-add-last = นามสกุล
help-member-add-phone = เบอร์โทร แบบในประเทศ (ประเทศของร้าน) หรือมี +รหัสประเทศ
help-member-add-email = ที่อยู่อีเมล
help-member-add-birthday = วันเกิด: YYYY-MM-DD หรือ MM-DD ถ้าไม่มีปี
help-member-add-card = เลขบัตรสมาชิกคลับ หรือรหัสลูกค้าในเครื่องคิดเงิน
help-member-add-consent = ช่องทางที่สมาชิกยินยอมให้ติดต่อ เช่น sms,email
help-member-add-area = พื้นที่หรือรหัสไปรษณีย์
help-member-add-note = หมายเหตุสำหรับหน้าร้าน
help-member-add-json = พิมพ์สมาชิกใหม่เป็น JSON
help-member-find = ค้นหาสมาชิกจากบางส่วนของชื่อ ตัวเลขเบอร์โทร อีเมล หรือบัตร
help-member-find-text = สิ่งที่ต้องการค้นหา
help-member-find-json = พิมพ์เป็น JSON (รายชื่อสมาชิก)
help-member-show = แสดงสมาชิกหนึ่งคน
help-member-show-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-show-json = พิมพ์เป็น JSON
help-child = ลูกของสมาชิก
help-child-add = เพิ่มลูกให้สมาชิก
help-child-add-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-child-add-name = ชื่อของลูก
help-child-add-born = วันเกิด YYYY-MM-DD
help-child-add-age = อายุเป็นปี เมื่อไม่รู้วันเกิดที่แน่นอน
help-child-add-gender = เพศ ถ้าผู้ปกครองบอกไว้
help-pet = สัตว์เลี้ยงของสมาชิก
help-pet-add = เพิ่มสัตว์เลี้ยงให้สมาชิก
help-pet-add-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-pet-add-name = ชื่อของสัตว์เลี้ยง
help-pet-add-kind = ชนิดของสัตว์: สุนัข แมว กระต่าย…
help-pet-add-born = วันเกิด YYYY-MM-DD
help-pet-add-age = อายุเป็นปี เมื่อไม่รู้วันเกิดที่แน่นอน

## Demo data and birthday days
help-demo = เติมสมาชิกสมมติลงในฐานข้อมูลเพื่อทดลองใช้โปรแกรม
help-demo-members = จำนวนสมาชิกตัวอย่างที่จะเพิ่ม
help-demo-seed = ค่าเริ่มต้นของตัวสุ่ม: ใช้เลขเดิมจะได้สมาชิกชุดเดิม
cli-demo-progress = กำลังเพิ่มสมาชิกตัวอย่าง
day-today = วันนี้
day-tomorrow = พรุ่งนี้
day-monday = วันจันทร์
day-tuesday = วันอังคาร
day-wednesday = วันพุธ
day-thursday = วันพฤหัสบดี
day-friday = วันศุกร์
day-saturday = วันเสาร์
day-sunday = วันอาทิตย์
day-in-days = { $days ->
   *[other] ในอีก { $days } วัน
}
err-demo-data = ไฟล์ข้อมูลตัวอย่าง { $file } เสียหาย: { $detail }

## ui: the terminal screens
ui-title = regulars · { $shop }
ui-too-small = หน้าต่างเล็กเกินไป ({ $width }×{ $height }) regulars ต้องการอย่างน้อย { $min_width }×{ $min_height } โปรดขยายหน้าต่างหรือลดขนาดตัวอักษร
ui-too-small-quit = Ctrl-C เพื่อออก
ui-err-terminal = ใช้เทอร์มินัลนี้ไม่ได้: { $detail }
ui-err-member-gone = สมาชิกคนนั้นไม่มีอยู่แล้ว
ui-none = —
ui-birthday-marker-plain = *วันเกิด
ui-today-short = วันนี้

# Dates: "Tue 3 Mar", "3 Mar 2025", "Mon 23 Nov 2026", "14 Mar"
ui-date-short = { $weekday } { $day } { $month }
ui-date-year = { $day } { $month } { $year }
ui-date-full = { $weekday } { $day } { $month } { $year }
ui-date-no-year = { $day } { $month }
ui-day-1 = จ.
ui-day-2 = อ.
ui-day-3 = พ.
ui-day-4 = พฤ.
ui-day-5 = ศ.
ui-day-6 = ส.
ui-day-7 = อา.
ui-month-1 = ม.ค.
ui-month-2 = ก.พ.
ui-month-3 = มี.ค.
ui-month-4 = เม.ย.
ui-month-5 = พ.ค.
ui-month-6 = มิ.ย.
ui-month-7 = ก.ค.
ui-month-8 = ส.ค.
ui-month-9 = ก.ย.
ui-month-10 = ต.ค.
ui-month-11 = พ.ย.
ui-month-12 = ธ.ค.
ui-when-weekday = { $weekday }
ui-born-with-age = { $date } ({ $age })
ui-about-years = { $years ->
   *[other] ประมาณ { $years } ปี
}

# Key names in hints and help
ui-keyname-enter = Enter
ui-keyname-esc = Esc
ui-keyname-tab = Tab
ui-keyname-backtab = Shift-Tab
ui-keyname-space = Space
ui-keyname-pageup = PgUp
ui-keyname-pagedown = PgDn
ui-keyname-ctrl = Ctrl-

# What keys do (status bar and help)
ui-key-help = วิธีใช้
ui-key-quit = ออก
ui-key-quit-always = ออก ได้จากทุกหน้าจอ
ui-key-move = เลื่อน
ui-key-page = หน้าขึ้น / ลง
ui-key-open = เปิด
ui-key-clear-search = ล้างคำค้น
ui-key-search = กลับไปค้นหา
ui-key-sign-up = สมัครสมาชิกใหม่
ui-key-sign-up-first = สมัครสมาชิกคนแรก
ui-key-load-demo = โหลดสมาชิกตัวอย่าง
ui-key-to-counter = กลับหน้าร้าน
ui-key-next-field = ช่องถัดไป
ui-key-prev-field = ช่องก่อนหน้า
ui-key-save = บันทึก
ui-key-cancel = ยกเลิก
ui-key-toggle = เลือก / ไม่เลือก
ui-key-choose = เลือกช่องทาง
ui-key-open-existing = เปิดที่มีอยู่
ui-key-save-anyway = บันทึกเลย
ui-key-back-to-form = กลับไปแบบฟอร์ม
ui-key-edit = แก้ไข
ui-key-add-child = เพิ่มลูก
ui-key-add-pet = +สัตว์เลี้ยง
ui-key-scroll = เลื่อนดู
ui-key-close-help = ปิดวิธีใช้
ui-key-yes = ใช่
ui-key-no = ไม่

# Welcome (empty database)
ui-welcome-title = ยินดีต้อนรับสู่ regulars
ui-welcome-empty = { $shop } ยังไม่มีสมาชิกคลับ
ui-welcome-demo = โหลดสมาชิกตัวอย่าง { $count } คนเพื่อทดลองใช้
ui-welcome-later = สมาชิกตัวอย่างจะถูกเพิ่มลงฐานข้อมูลนี้ ถ้าแค่อยากทดลอง ให้เริ่ม regulars ด้วย --db demo.db แทน
ui-help-more = ↓ เพิ่มเติม
ui-demo-done = { $count ->
   *[other] เพิ่มสมาชิกตัวอย่าง { $count } คนแล้ว
}
ui-demo-none = ไม่ได้เพิ่มสมาชิกตัวอย่าง

# Counter
ui-counter-search = ค้นหาสมาชิก
ui-counter-placeholder = พิมพ์ชื่อ ตัวเลขเบอร์โทร อีเมล หรือเลขบัตร
ui-counter-placeholder-list = / เพื่อค้นหา
ui-counter-found = { $count ->
   *[other] พบ { $count } คน
}
ui-counter-none-found = ไม่พบ
ui-counter-no-match = + ไม่พบ "{ $query }" — กด Enter เพื่อสมัครสมาชิกใหม่
ui-counter-signup-row = + สมัคร "{ $query }" เป็นสมาชิกใหม่
ui-counter-empty = ยังไม่มีสมาชิก พิมพ์ชื่อแล้วกด Enter เพื่อสมัครสมาชิก
ui-col-name = ชื่อ
ui-col-contact = โทร / อีเมล
ui-col-tier = ระดับ
ui-col-points = คะแนน
ui-col-last-visit = มาล่าสุด
ui-col-birthday = วันเกิด

# Signup and edit
ui-signup-title = สมาชิกใหม่
ui-signup-edit-title = แก้ไข { $name }
ui-signup-optional = ไม่บังคับ
ui-signup-footer = Enter เพื่อบันทึก เพิ่มลูกและสัตว์เลี้ยงได้ที่บัตรสมาชิก
ui-signup-fix = โปรดแก้ไขช่องที่มีเครื่องหมาย
ui-field-contact = โทรหรืออีเมล
ui-field-other-contact = โทร/อีเมลที่ 2
ui-field-consent = ยินยอมรับ
ui-field-joined = สมัครเมื่อ
ui-field-born-or-age = เกิด
ui-channel-sms = SMS
ui-channel-email = อีเมล
ui-channel-phone = โทรศัพท์
ui-channel-post = ไปรษณีย์
ui-hint-birthday = เช่น { $short } หรือ { $full }
ui-hint-card = บัตรคลับหรือรหัสเครื่องคิดเงิน
ui-hint-born = วันที่ หรืออายุเป็นปี
ui-hint-kind = สุนัข แมว กระต่าย…
ui-hint-ok = ✓ { $value }
ui-err-second-phone = ใส่เบอร์โทรไว้ด้านบนแล้ว ช่องนี้ให้ใส่อีเมล
ui-err-second-email = ใส่อีเมลไว้ด้านบนแล้ว ช่องนี้ให้ใส่เบอร์โทร
ui-err-born = ไม่ใช่วันที่หรืออายุ (เช่น { $full } หรือ 3)
ui-err-born-needs-year = ใส่ปีด้วย หรือใส่แค่อายุเป็นปี
ui-signed-up = สมัคร { $name } เป็นสมาชิกแล้ว
ui-saved = บันทึก { $name } แล้ว
ui-duplicate-title = เป็นสมาชิกอยู่แล้วหรือเปล่า?
ui-duplicate-intro = อาจเป็นคนที่อยู่ในคลับแล้ว:
ui-duplicate-since = ตั้งแต่ { $date }

# Member card
ui-card-consent = ยินยอมให้ติดต่อทาง
ui-consent-yes = ยินยอม ตั้งแต่ { $date }
ui-consent-withdrawn = ไม่ ถอนความยินยอมเมื่อ { $date }
ui-consent-no = ไม่
ui-card-club = คลับ
ui-card-details = รายละเอียด
ui-card-children = ลูก
ui-card-no-children = ยังไม่มี (กด c เพื่อเพิ่ม)
ui-card-pets = สัตว์เลี้ยง
ui-card-no-pets = ยังไม่มี (กด p เพื่อเพิ่ม)
ui-card-history = ประวัติการมาร้าน
ui-card-habits = พฤติกรรมการซื้อ
ui-card-no-purchases = ยังไม่ได้นำเข้าการซื้อ
ui-visits = { $count ->
   *[other] มา { $count } ครั้ง
}
ui-card-visits = { $visits } ล่าสุด { $last }
ui-card-spend = ซื้อรวม { $spend }
ui-soon-turns = { $name } จะอายุครบ { $age } { $when }
ui-soon-birthday = วันเกิดของ { $name } คือ { $when }
ui-family-add-child = เพิ่มลูกของ { $name }
ui-family-add-pet = เพิ่มสัตว์เลี้ยงของ { $name }
ui-family-added = เพิ่ม { $name } แล้ว

# Questions before something is lost
ui-confirm-discard-title = ทิ้งหรือไม่?
ui-confirm-discard-new = ทิ้งสมาชิกใหม่นี้หรือไม่? สิ่งที่พิมพ์ไว้จะหายไป
ui-confirm-discard-edit = ทิ้งการแก้ไขของ { $name } หรือไม่?
ui-confirm-discard-family = ทิ้งสิ่งที่พิมพ์ไว้หรือไม่?

# Help (? or F1)
ui-help-title-welcome = วิธีใช้: หน้าต้อนรับ
ui-help-title-counter = วิธีใช้: หน้าร้าน
ui-help-title-signup = วิธีใช้: การสมัครสมาชิก
ui-help-title-member = วิธีใช้: บัตรสมาชิก
ui-help-intro-welcome = คลับยังว่างอยู่ โหลดสมาชิกตัวอย่างเพื่อทดลองใช้โปรแกรม หรือสมัครสมาชิกจริงคนแรก
ui-help-intro-counter = พิมพ์เพื่อค้นหาสมาชิกจากส่วนใดก็ได้ของชื่อหรือนามสกุล ตัวเลขเบอร์โทร อีเมล หรือเลขบัตร รายการจะแคบลงขณะพิมพ์และเลือกรายการที่ตรงที่สุดไว้ ทุกปุ่มยกเว้น ? จะถูกพิมพ์ลงช่องค้นหา ชื่อที่มี q, j หรือ k จึงใช้ได้ ไม่พบใครเลย? กด Enter เพื่อสมัครลูกค้าด้วยสิ่งที่พิมพ์ไว้
ui-help-intro-signup = ช่องแรก ๆ คือสิ่งที่ลูกค้ามักให้ที่หน้าร้าน กด Tab เพื่อไปยังช่องที่ไม่บังคับ เบอร์โทรที่ไม่มี +รหัสประเทศ จะถือเป็นเบอร์ของประเทศของร้าน ในช่องข้อความ ? จะถูกพิมพ์เป็นข้อความ กด F1 เพื่อดูวิธีใช้นี้
ui-help-intro-member = ทุกอย่างที่คลับรู้เกี่ยวกับสมาชิกคนนี้ กด Esc เพื่อกลับหน้าร้าน
ui-help-welcome = ในหน้าจอนี้
ui-help-counter-search = ขณะพิมพ์ค้นหา
ui-help-counter-list = ในรายการ (Esc เมื่อช่องค้นหาว่าง)
ui-help-signup-fields = ในช่องข้อความ
ui-help-signup-consent = ในแถวความยินยอม
ui-help-duplicate = เมื่อแสดงรายการที่อาจซ้ำ
ui-help-member = ในบัตรสมาชิก
ui-help-family-form = การเพิ่มลูกหรือสัตว์เลี้ยง
ui-help-everywhere = ทุกหน้าจอ
## Import of till exports
help-import = นำเข้าไฟล์ส่งออกจากเครื่องคิดเงิน: Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle หรือ CSV ธรรมดา
help-import-files = ไฟล์ส่งออก (CSV หรือ xlsx) ไฟล์เดียวกันสองครั้งจะถูกบันทึกครั้งเดียว ถ้าไม่ระบุไฟล์: ใช้ไฟล์ใหม่ในโฟลเดอร์รับไฟล์
help-import-format = อ่านเป็นรูปแบบนี้: square-items, square-transactions, loyverse-receipts, loyverse-items, shopify-orders, odoo-pos, sumup, mobilepay, zettle หรือ generic
help-import-country = ประเทศสองตัวอักษร สำหรับเบอร์โทรในประเทศและลำดับวันที่ (ค่าเริ่มต้น: ของร้าน)
help-import-encoding = การเข้ารหัสข้อความของ CSV เมื่อเดาผิด เช่น windows-1252, windows-1255, gbk
help-import-dry-run = อ่านไฟล์และรายงานสิ่งที่จะถูกบันทึก โดยไม่บันทึกอะไร
help-import-json = พิมพ์ JSON หนึ่งอ็อบเจกต์ต่อไฟล์
import-done = { $file } ({ $format }): อ่าน { $rows } แถว ใบเสร็จใหม่ { $new } (คืนเงิน { $refunds }) มีอยู่แล้ว { $duplicates } แถวที่ถูกปฏิเสธ { $rejected }
import-rejected-line = บรรทัด { $line }: { $reason }
import-more-rejected = … และแถวที่ถูกปฏิเสธอีก { $count } แถว
import-dry-run = ทดลองอ่าน: ไม่ได้บันทึกอะไร
import-note-already = ไฟล์นี้เคยนำเข้าแล้ว ({ $file }, { $at }) ไม่มีอะไรใหม่ถูกบันทึก
import-note-day-first = วันที่อย่าง 03/04 อาจเป็นวันหรือเดือนก่อนก็ได้ และไม่มีวันที่ในไฟล์ที่บอกได้ จึงอ่านเป็นวัน/เดือน ตามที่ใช้กันใน { $country }
import-note-month-first = วันที่อย่าง 03/04 อาจเป็นวันหรือเดือนก่อนก็ได้ และไม่มีวันที่ในไฟล์ที่บอกได้ จึงอ่านเป็นเดือน/วัน ตามที่ใช้กันใน { $country }
import-err-unknown-format = { $path } ไม่ใช่ไฟล์ส่งออกจากเครื่องคิดเงินที่โปรแกรมนี้รู้จัก (ไม่มีแถวหัวตารางของ Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle หรือ CSV ธรรมดาในแถวแรก ๆ) ไม่ได้บันทึกอะไร
import-hint-map-cli = หากต้องการนำเข้าตามที่เป็นอยู่ ให้ระบุว่าคอลัมน์ไหนคืออะไร: regulars import { $path } --map receipt=COLUMN,time=COLUMN,total=COLUMN (รวมถึง item, qty, amount, kind, phone, email, card)
import-err-not-format = { $path } ไม่มีแถวหัวตารางของรูปแบบ { $format } ในแถวแรก ๆ ไม่ได้บันทึกอะไร
import-err-format-name = "{ $value }" ไม่ใช่รูปแบบ ใช้อย่างใดอย่างหนึ่งใน { $names }
import-err-country = "{ $value }" ไม่ใช่รหัสประเทศสองตัวอักษร (เช่น TH, HR, US)
import-err-encoding = "{ $value }" ไม่ใช่การเข้ารหัสข้อความที่โปรแกรมนี้รู้จัก (เช่น utf-8, windows-874, windows-1252, gbk)
import-err-cancelled = ยกเลิกการนำเข้าแล้ว ไม่ได้บันทึกอะไร
import-err-some-failed = บางไฟล์ไม่ได้นำเข้า: { $files }
import-row-no-id = ไม่มีเลขใบเสร็จใน "{ $column }"
import-row-no-money = "{ $column }" ว่างเปล่า
import-row-bad-money = "{ $column }": "{ $value }" ไม่ใช่จำนวนเงิน
import-row-bad-qty = "{ $column }": "{ $value }" ไม่ใช่จำนวน
import-row-bad-date = "{ $column }": "{ $value }" ไม่ใช่วันที่หรือเวลา
import-row-no-such-date = "{ $column }": "{ $value }" เป็นวันที่ไม่มีอยู่จริง
import-row-short = มีเพียง { $found } จาก { $expected } ช่อง (ไฟล์ถูกตัดหรือไม่?)
import-row-orphan = แถวต่อมาของ { $id } ที่แถวแรกไม่อยู่ในไฟล์

## Member card: visits and habits page
ui-key-purchases = การมาร้านและพฤติกรรม
ui-key-details = รายละเอียด
ui-key-scroll-history = เลื่อนประวัติ
ui-help-member-purchases = ในหน้าการมาร้านและพฤติกรรม
ui-card-title-purchases = { $name } · การมาร้านและพฤติกรรม
ui-card-more-purchases = Tab: ประวัติการมาร้านและพฤติกรรม
ui-habit-summary = มักมา{ $weekday }
ui-habit-summary-gap = มักมา{ $weekday } ทุก { $gap }
ui-days = { $days ->
   *[other] { $days } วัน
}
ui-days-ago = { $days ->
    [0] วันนี้
    [1] เมื่อวาน
   *[other] { $days } วันที่แล้ว
}
ui-habit-visits = การมาร้าน
ui-habit-visits-12m = { $count } ครั้งใน 12 เดือน
ui-habit-spent = ยอดซื้อ
ui-habit-spent-12m = { $amount } ใน 12 เดือน
ui-habit-basket = ต่อบิล
ui-habit-basket-average = เฉลี่ย { $amount }
ui-habit-last-visit = มาล่าสุด
ui-habit-last = { $date }, { $ago }
ui-habit-gap = ระยะห่างปกติ
ui-habit-usually = มักมา
ui-habit-usually-hour = { $weekday }, { $from }–{ $to }
ui-habit-favourites = สินค้าโปรด
ui-habit-categories = หมวดหมู่
ui-habit-per-month = การมาร้านต่อเดือน
ui-habit-per-month-note = 12 เดือนล่าสุด
ui-history-count = { $count ->
   *[other] ใบเสร็จ { $count } ใบ
}
ui-history-refund = คืนเงิน: { $items }
ui-history-none = ยังไม่ได้นำเข้าการซื้อ นำเข้าไฟล์ส่งออกจากเครื่องคิดเงินด้วยปุ่ม i ที่หน้าร้าน
ui-history-this-shop = ร้านนี้

## Import screen and till customers without a member
ui-key-import = นำเข้า
ui-key-unmatched = ลูกค้าที่ไม่ใช่สมาชิก
ui-key-import-file = นำเข้า
ui-key-type-path = พิมพ์เส้นทาง
ui-key-rescan = ดูอีกครั้ง
ui-key-import-path = นำเข้าไฟล์ที่พิมพ์
ui-key-back-to-files = กลับไปที่ไฟล์
ui-key-cancel-import = ยกเลิกการนำเข้า
ui-key-link = ผูกกับสมาชิก
ui-key-link-to-this = ผูกกับสมาชิกนี้
ui-key-sign-up-customer = สมัครเป็นสมาชิกใหม่
ui-help-title-import = วิธีใช้: นำเข้าจากเครื่องคิดเงิน
ui-help-intro-import = ส่งออกยอดขายจากเครื่องคิดเงิน (CSV หรือ xlsx) แล้ววางไฟล์ในโฟลเดอร์รับไฟล์ ที่แสดงด้านบน หรือพิมพ์เส้นทางของไฟล์ โปรแกรมจำ Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle และ CSV ธรรมดาได้จากคอลัมน์ ใบเสร็จที่นำเข้าสองครั้งจะถูกบันทึกครั้งเดียว และไฟล์ที่เคยนำเข้าแล้วจะถูกจำได้จากเนื้อหา การนำเข้าที่ถูกยกเลิกจะไม่บันทึกอะไร ไฟล์ที่แอปไม่รู้จักจะเปิดขั้นตอนให้ระบุครั้งเดียวว่าคอลัมน์ใดคืออะไร ไฟล์ถัดไปที่มีคอลัมน์เดียวกันจะนำเข้าได้เลย
ui-help-import-files = การเลือกไฟล์
ui-help-import-path = การพิมพ์เส้นทาง
ui-help-import-running = ระหว่างนำเข้า
ui-help-import-result = หลังนำเข้า
ui-help-title-unmatched = วิธีใช้: ลูกค้าจากเครื่องคิดเงินที่ไม่ใช่สมาชิก
ui-help-intro-unmatched = คนที่มีบัตร เบอร์โทร อีเมล หรือรหัสลูกค้าในเครื่องคิดเงิน (Customer ID ของ Square) อยู่ในใบเสร็จที่นำเข้า แต่ไม่ใช่ของสมาชิกคนใด เรียงจากยอดซื้อมากที่สุด ผูกกับสมาชิกเพื่อให้ใบเสร็จเหล่านี้เป็นของสมาชิกนั้น (การนำเข้าครั้งต่อไปก็จะจับคู่ให้ด้วย) หรือสมัครเป็นสมาชิกโดยกรอกข้อมูลที่เครื่องคิดเงินรู้ไว้ให้ ชื่อในใบเสร็จใช้เพื่อจำคนเท่านั้น ใบเสร็จจะไม่ถูกจับคู่ด้วยชื่อ
ui-help-unmatched = ในรายการ
ui-help-unmatched-link = การเลือกสมาชิกที่จะผูก
ui-import-title = นำเข้าจากเครื่องคิดเงิน
ui-import-inbox = โฟลเดอร์รับไฟล์: { $path }
ui-import-no-inbox = ไม่มีโฟลเดอร์รับไฟล์ (ระบบนี้ไม่มีโฟลเดอร์ข้อมูล) พิมพ์เส้นทางของไฟล์ด้านล่าง
ui-import-col-file = ไฟล์
ui-import-col-size = ขนาด
ui-import-col-status = นำเข้าแล้ว
ui-import-status-new = ใหม่
ui-import-status-done = เมื่อ { $date }
ui-import-empty = ยังไม่มีไฟล์ในโฟลเดอร์รับไฟล์ ส่งออกยอดขายจากเครื่องคิดเงินแล้ววางไฟล์ในโฟลเดอร์นี้ จากนั้นกด r หรือพิมพ์เส้นทางของไฟล์ด้านล่าง
ui-import-path = ไฟล์อื่น:
ui-import-path-hint = กด Tab แล้วพิมพ์เส้นทาง
ui-import-note = ไฟล์จะถูกบันทึกในครั้งเดียว: ทั้งหมด หรือไม่บันทึกเลย
ui-import-type-a-path = พิมพ์เส้นทางของไฟล์ส่งออกก่อน
ui-size-b = { $n } B
ui-size-kb = { $n } KB
ui-size-mb = { $n } MB
ui-import-running = กำลังนำเข้า { $file }
ui-import-reading = กำลังอ่านไฟล์…
ui-import-rows = { $done } จาก { $total } แถว
ui-import-rate = { $rows } · { $rate } แถว/วินาที
ui-import-finishing = อ่านครบทุกแถวแล้ว · กำลังจัดเรียงใบเสร็จ…
ui-import-cancel-note = Esc หรือ Ctrl-C เพื่อยกเลิก การนำเข้าที่ถูกยกเลิกจะไม่บันทึกอะไร
ui-import-cancelling = กำลังยกเลิก… จะไม่บันทึกอะไรจากไฟล์นี้
ui-import-result-file = { $file } ({ $format })
ui-import-result-rows = แถวที่อ่าน
ui-import-result-new = ใบเสร็จใหม่
ui-import-result-new-refunds = { $new } (ในนั้น { $refunds })
ui-import-refunds = { $count ->
   *[other] คืนเงิน { $count } ใบ
}
ui-import-result-duplicate = มีอยู่แล้ว
ui-import-result-rejected = แถวที่ถูกปฏิเสธ
ui-import-result-unmatched = ทั้งคลับ
ui-import-result-unmatched-value = { $count ->
   *[other] ลูกค้าจากเครื่องคิดเงิน { $count } คน (กด u เพื่อดู)
}
ui-import-result-unmatched-many = ลูกค้าจากเครื่องคิดเงินมากกว่า { $count } คน (กด u เพื่อดู)
ui-import-errors = แถวที่ถูกปฏิเสธ (ข้ามไป ส่วนที่เหลือนำเข้าแล้ว)
ui-import-errors-first = แถวที่ถูกปฏิเสธ { $count } แถวแรก (ข้ามไป ส่วนที่เหลือนำเข้าแล้ว)
ui-unmatched-title = ลูกค้าจากเครื่องคิดเงินที่ไม่ใช่สมาชิก
ui-unmatched-intro = บัตร เบอร์โทร อีเมล หรือรหัสลูกค้าในเครื่องคิดเงินของพวกเขาอยู่ในใบเสร็จ แต่ไม่ใช่ของสมาชิกคนใด Enter เพื่อผูกกับสมาชิก n เพื่อสมัครเป็นสมาชิก
ui-unmatched-col-name = ชื่อในใบเสร็จ
ui-unmatched-col-who = โทร / อีเมล / บัตร
ui-unmatched-col-receipts = ใบเสร็จ
ui-unmatched-col-spend = ยอดซื้อ
ui-unmatched-card = บัตร { $card }
ui-unmatched-none = ลูกค้าทุกคนในใบเสร็จที่นำเข้าเป็นสมาชิกแล้ว (หรือยังไม่ได้นำเข้าอะไร)
ui-unmatched-link-title = ผูก { $who } กับ
ui-unmatched-linked = ผูก { $who } กับ { $name } แล้ว: { $receipts } เป็นของสมาชิกนี้แล้ว
ui-claimed = { $count ->
   *[other] ใบเสร็จก่อนหน้า { $count } ใบเป็นของสมาชิกนี้แล้ว
}

## Import from the command line: inbox and Ctrl-C
import-stopping = กำลังหยุด… ไฟล์ที่กำลังอ่านจะถูกย้อนกลับ (กด Ctrl-C อีกครั้งเพื่อออกทันที)
import-cancelled-file = ยกเลิกการนำเข้า { $file } แล้ว ไม่ได้บันทึกอะไรจากไฟล์นี้
import-inbox-nothing = ไม่มีไฟล์ใหม่ในโฟลเดอร์รับไฟล์ ({ $dir })

## Reminders and the weekly review
err-config-lapsed = { $key } ต้องมีค่าอย่างน้อย 1 (ตอนนี้เป็น { $value })
err-config-placeholder = { $key } ใช้ {"{"}{ $name }{"}"} ซึ่งไม่ใช่ตัวแทนข้อความ ใช้ {"{"}first_name{"}"}, {"{"}child_name{"}"}, {"{"}pet_name{"}"}, {"{"}turning{"}"}, {"{"}reward{"}"} หรือ {"{"}shop{"}"}
review-member-turns = { $name } อายุครบ { $age }
review-member-birthday = วันเกิดของ { $name }
review-son-turns = ลูกชาย { $name } อายุครบ { $age }
review-daughter-turns = ลูกสาว { $name } อายุครบ { $age }
review-child-turns = { $name } อายุครบ { $age }
review-pet-turns = { $name } ({ $kind }) อายุครบ { $age }
review-gotcha = { $name } ({ $kind }) มาอยู่บ้านในวันนี้เมื่อปี { $year }
review-feb29 = (เกิด 29 ก.พ.)
review-lapsed = { $visits } ล่าสุด { $last }
review-no-birthday = ไม่มีวันเกิด
review-no-consent = ไม่มีความยินยอม
review-no-channels = —
review-in-shop = คุยกันที่ร้าน
review-reason-birthday = อวยพรวันเกิด
review-reason-child-birthday = วันเกิดลูก
review-reason-pet-birthday = วันเกิดสัตว์เลี้ยง
review-reason-gotcha-day = วันรับมาเลี้ยง
review-reason-winback = คิดถึงคุณ
cli-reminders-none = { $days ->
    [0] ไม่มีวันเกิดวันนี้
    [1] ไม่มีวันเกิดวันนี้หรือพรุ่งนี้
   *[other] ไม่มีวันเกิดใน { $days } วันข้างหน้า
}
help-reminders = วันเกิดของสมาชิก ลูก และสัตว์เลี้ยงของพวกเขา (และวันรับสัตว์เลี้ยงมาเลี้ยง) ในวันข้างหน้า
help-reminders-days = จะดูล่วงหน้ากี่วันหลังจากวันนี้ (0 = วันนี้เท่านั้น มากสุด 366)
help-reminders-shop = เฉพาะสมาชิกที่สมัครหรือเคยซื้อที่สาขานี้ของเครือ
help-reminders-json = พิมพ์ JSON: รายการของ {"{"}date, kind, member_id, name, turning, days_until{"}"}
help-pet-add-gotcha = วันที่สัตว์เลี้ยงมาอยู่บ้าน ("วันรับมาเลี้ยง") YYYY-MM-DD
field-gotcha = มาอยู่บ้าน
ui-key-review = สรุปประจำสัปดาห์
ui-key-mark-contacted = ติดต่อแล้ว
ui-key-copy-message = คัดลอก
ui-key-export = ส่งออก
ui-key-section = ส่วน
ui-key-days = 7/14/30 วัน
ui-key-open-card = เปิดบัตรสมาชิก
ui-key-mark = เลือก
ui-review-exported = บันทึก { $rows } ลงใน { $path } แล้ว
ui-review-rows = { $count ->
   *[other] { $count } แถว
}
ui-review-nothing-to-send = ไม่มีอะไรให้ส่งที่นี่: Enter เพื่อเปิดบัตรและกรอกสิ่งที่ขาด
ui-review-no-message = แถวนี้ไม่มีข้อความ
ui-review-marked = ทำเครื่องหมายว่าติดต่อ { $name } แล้ว: { $channel }, { $date }
ui-review-copied = คัดลอกข้อความสำหรับ { $name } แล้ว (ถ้าเทอร์มินัลอนุญาต)
ui-err-copy-too-long = ข้อความนี้ยาวเกินไปสำหรับคลิปบอร์ด
ui-review-title = สรุปประจำสัปดาห์
ui-review-tab-birthdays = วันเกิด
ui-review-tab-near-tier = ระดับถัดไป
ui-review-tab-lapsed = หายไป
ui-review-tab-missing = ข้อมูลขาด
ui-review-next = ถัดไป
ui-review-days = วัน
ui-review-lapsed-intro = ลูกค้าประจำที่มา { $visits }+ ครั้งใน { $months } เดือน แต่ไม่มาเลยใน { $weeks } สัปดาห์ล่าสุด
ui-review-missing-intro = ไม่มีวันเกิดหรือไม่มีความยินยอม: ถามเมื่อพวกเขามาครั้งหน้า
ui-review-col-day = วัน
ui-review-col-who = ใคร
ui-review-col-agrees = ยินยอมรับ
ui-review-no-birthdays = { $days ->
    [1] ไม่มีวันเกิดวันนี้หรือพรุ่งนี้
   *[other] ไม่มีวันเกิดใน { $days } วันข้างหน้า
}
ui-review-no-loyalty = ยังไม่ได้ตั้งค่าโปรแกรมสะสมคะแนน: สมาชิกที่ใกล้ถึงระดับถัดไปจะแสดงที่นี่เมื่อตั้งค่าระดับและคะแนนแล้ว
ui-review-no-lapsed = ไม่มีลูกค้าประจำคนไหนหายไป รายการนี้สร้างจากการซื้อที่นำเข้าจากเครื่องคิดเงิน
ui-review-no-missing = สมาชิกทุกคนมีวันเกิดและความยินยอมในระบบแล้ว
ui-review-missing-hint = Enter เพื่อเปิดบัตรและกรอกข้อมูล
ui-review-done = ✓ ติดต่อแล้ว: { $channel }, { $date }
ui-review-no-consent-detail = ไม่ยินยอมรับข้อความ: ที่ร้านเท่านั้น
ui-review-choice-title = ติดต่อ { $name } ทางไหน?
ui-review-only-in-shop = ไม่ยินยอมรับข้อความ: ที่ร้านเท่านั้น
ui-help-title-review = วิธีใช้: สรุปประจำสัปดาห์
ui-help-intro-review = วันเกิดของสมาชิก ลูก และสัตว์เลี้ยงของพวกเขาใน 7, 14 หรือ 30 วันข้างหน้า ลูกค้าประจำที่หายไป และระเบียนที่ข้อมูลขาด แต่ละแถวแสดงช่องทางที่สมาชิกยินยอม และข้อความพร้อมส่งในภาษาของพวกเขา c ทำเครื่องหมายว่าติดต่อแล้ว (แถวจะเป็นสีเทาจนถึงปีหน้า) y คัดลอกข้อความ x บันทึกรายการเป็นไฟล์ CSV ไว้ข้างฐานข้อมูล
ui-help-review = ในรายการ
ui-help-review-contact = การเลือกว่าติดต่อสมาชิกทางไหน
ui-key-section-back = ส่วนก่อนหน้า
ui-key-back = กลับ
review-in-shop-short = ร้าน
ui-soon-gotcha = วันรับมาเลี้ยงของ { $name } คือ { $when }
ui-card-gotcha = อยู่บ้านตั้งแต่ { $date }
ui-card-contacted = ติดต่อแล้ว
ui-review-nothing-to-export = รายการนี้ว่าง: ไม่มีอะไรให้ส่งออก
## Loyalty: points, tiers and rewards
err-config-points-range = { $key } = { $value }: ใช้จำนวนเต็มตั้งแต่ 0 ขึ้นไป
err-config-grace = grace_days = { $value }: ใช้จำนวนวันตั้งแต่ 0 ถึง 3650
err-config-review-every = review_every_months = { $value }: ใช้ 0 (โบนัสรีวิวครั้งเดียวต่อสมาชิก) หรือ 1, 2, 3, 4, 6 หรือ 12 เดือน
err-config-tiers-too-many = มี { $count } ระดับ มีได้มากสุด { $max } ระดับ
err-config-tier-name = ระดับต้องมีชื่อ
err-config-tier-twice = มีสองระดับที่ชื่อ "{ $name }"
err-config-tier-first = ระดับแรก ({ $name }) คือจุดเริ่มต้นของสมาชิกทุกคน: min ต้องเป็น 0
err-config-tier-range = min = { $value }: ใช้จำนวนเต็มตั้งแต่ 0 ขึ้นไป
err-config-tier-order = { $name } ต้องใช้มากกว่า { $below } (เรียงระดับจากต่ำสุดก่อน)
err-config-reward-name = รางวัลต้องมีชื่อ
err-config-reward-twice = มีสองรางวัลที่ชื่อ "{ $name }"
err-config-reward-points = รางวัล "{ $name }": points = { $value } ใช้จำนวนเต็มมากกว่า 0
loyalty-err-redeem-positive = แลกคะแนนเป็นจำนวนเต็มมากกว่า 0
loyalty-err-not-enough = คะแนนไม่พอ: คะแนนคงเหลือ { $balance } ขอแลก { $points } (ขาด { $missing })
loyalty-err-note-required = การปรับคะแนนต้องมีหมายเหตุบอกเหตุผล
loyalty-err-adjust-zero = การปรับ 0 คะแนนไม่เปลี่ยนอะไร ใส่ตัวเลข เช่น 50 หรือ -20
loyalty-err-refer-self = สมาชิกแนะนำตัวเองไม่ได้
loyalty-gap = อีก { $amount } ถึง { $tier }
loyalty-visits = { $count ->
   *[other] มา { $count } ครั้ง
}
loyalty-reason-sale = ซื้อสินค้า
loyalty-reason-refund = คืนเงิน
loyalty-reason-unlinked = ยกเลิกการเชื่อมโยงการซื้อ
loyalty-reason-redeem = แลกคะแนน
loyalty-reason-redeem-reward = แลกรางวัล: { $reward }
loyalty-reason-bonus = โบนัส
loyalty-reason-bonus-signup = โบนัสสมัครสมาชิก
loyalty-reason-bonus-referral = โบนัสแนะนำเพื่อน
loyalty-reason-bonus-review = โบนัสรีวิว
loyalty-reason-bonus-birthday = โบนัสวันเกิด
loyalty-reason-expire = หมดอายุ (ไม่ได้มาร้านนาน)
loyalty-reason-adjust = ปรับด้วยตนเอง
loyalty-no-tiers = ยังไม่ได้ตั้งค่าระดับสมาชิก เพิ่มบล็อก [[tiers]] ในไฟล์ตั้งค่าเพื่อใช้งาน
loyalty-col-tier = ระดับ
loyalty-col-from = ตั้งแต่
loyalty-col-members = สมาชิก
loyalty-col-perks = สิทธิประโยชน์
loyalty-cli-month = เดือนนี้: เลื่อนขึ้น { $up } เลื่อนลง { $down } ใกล้ระดับถัดไปไม่เกิน 10% { $close }
loyalty-cli-balance = { $name } (#{ $id }): { $balance } คะแนน
loyalty-cli-redeemed = แลก { $points }ให้ { $name } แล้ว คะแนนคงเหลือใหม่: { $balance }
loyalty-err-no-reward = ไม่มีรางวัลชื่อ "{ $name }" ในไฟล์ตั้งค่ามี: { $names }
loyalty-err-reward-points = { $name } ใช้ { $points } คะแนน ไม่ใช่ { $given }
help-tiers = สมาชิกในแต่ละระดับ ใครเลื่อนขึ้นหรือลงเดือนนี้ และใครใกล้ถึงระดับถัดไป (คำนวณระดับทุกระดับใหม่ก่อน)
help-tiers-shop = เฉพาะสมาชิกที่เคยซื้อที่สาขานี้ของเครือ (ระดับยังคิดจากทั้งคลับ)
help-tiers-json = พิมพ์ JSON: รายการระดับพร้อม name, min และ members
help-points = คะแนนคงเหลือและประวัติคะแนนของสมาชิก
help-points-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-points-json = พิมพ์ JSON: member_id, balance และแถวของบัญชีคะแนน
help-redeem = แลกคะแนนของสมาชิก จะถูกปฏิเสธเมื่อคะแนนคงเหลือไม่พอ
help-redeem-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-redeem-points = จำนวนคะแนนที่จะแลก
help-redeem-reward = รางวัลจากรายการในไฟล์ตั้งค่า เช่น "กาแฟฟรี" (คะแนนต้องตรงกัน)
help-adjust = เพิ่มหรือลดคะแนนด้วยตนเอง ต้องมีหมายเหตุบอกเหตุผล
help-adjust-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-adjust-points = คะแนนที่จะเพิ่ม เช่น 50 หรือจะลด เช่น -20
help-adjust-note = เหตุผล เช่น "คะแนนจากบัตรกระดาษใบเก่า"
ui-key-redeem = แลกคะแนน
ui-key-points = คะแนน
ui-key-tiers = ระดับ
ui-key-pick-reward = เลือกรางวัล
ui-key-redeem-go = แลก
ui-key-adjust = ปรับเอง
ui-key-referred-by = ผู้แนะนำ…
ui-key-review-bonus = โบนัสรีวิว
ui-key-close = ปิด
ui-key-next-list = รายการถัดไป
ui-key-prev-list = รายการก่อนหน้า
ui-key-open-or-edit = เปิด / แก้ไข
ui-key-edit-min = แก้ขั้นต่ำของระดับ
ui-key-save-min = บันทึกขั้นต่ำ
ui-card-tier-since = { $tier } ตั้งแต่ { $date }
ui-card-tier-until = { $tier } ถึง { $date }
ui-card-tier-keep = อีก { $amount } เพื่อคงระดับ { $tier }
ui-card-tier-top = ระดับสูงสุด
ui-card-perks = สิทธิประโยชน์
ui-points-count = { $count ->
   *[other] { $count } คะแนน
}
ui-redeem-title = แลกคะแนน: { $name }
ui-redeem-balance = คะแนนคงเหลือ
ui-redeem-points = คะแนน
ui-redeem-rewards = หรือเลือกรางวัลด้วย ↑↓:
ui-redeem-no-rewards = ไม่มีรางวัลในไฟล์ตั้งค่า พิมพ์จำนวนคะแนน
ui-redeem-after = คะแนนคงเหลือใหม่
ui-redeem-not-number = พิมพ์จำนวนคะแนนเป็นจำนวนเต็ม
ui-redeem-confirm-title = แลกคะแนนหรือไม่?
ui-redeem-confirm = แลก { $points }ให้ { $name } หรือไม่? คะแนนคงเหลือใหม่: { $balance }
ui-redeem-confirm-reward = แลก { $points } ({ $reward }) ให้ { $name } หรือไม่? คะแนนคงเหลือใหม่: { $balance }
ui-redeem-done = แลก { $points }และบันทึกแล้ว คะแนนคงเหลือใหม่: { $balance }
ui-points-title = คะแนน: { $name } · คงเหลือ { $balance }
ui-points-empty = ยังไม่มีคะแนน
ui-adjust-title = ปรับด้วยตนเอง — Enter บันทึก, Esc ยกเลิก
ui-adjust-points = คะแนน
ui-adjust-points-hint = เช่น 50 หรือ -20
ui-adjust-note = หมายเหตุ
ui-adjust-note-hint = ต้องกรอก: เหตุผล
ui-adjust-bad-points = พิมพ์จำนวนคะแนนที่ไม่ใช่ 0 เช่น 50 หรือ -20
ui-referral-form-title = ใครแนะนำสมาชิกคนนี้มาที่คลับ? — Enter, Esc ยกเลิก
ui-referral-by = แนะนำโดย
ui-referral-hint = บัตร โทร อีเมล หรือรหัส
ui-referral-not-found = ไม่มีสมาชิกที่มีบัตร เบอร์โทร อีเมล หรือรหัสนั้น
ui-referral-title = บันทึกผู้แนะนำหรือไม่?
ui-referral-question = { $referrer } แนะนำ { $name } มาที่คลับใช่ไหม? ทั้งสองคนจะได้โบนัสแนะนำเพื่อน ({ $points } คะแนน)
ui-referral-done = บันทึกผู้แนะนำสมาชิกคนนี้แล้ว ทั้งสองคนได้รับโบนัสแนะนำเพื่อน
ui-referral-already = สมาชิกคนนี้มีผู้แนะนำอยู่แล้ว ไม่มีการเปลี่ยนแปลง
ui-review-bonus-none = ยังไม่ได้ตั้งค่าโบนัสรีวิว (review_bonus ในไฟล์ตั้งค่า)
ui-review-bonus-title = โบนัสรีวิว?
ui-review-bonus-question = ให้โบนัสรีวิว { $points } คะแนนแก่ { $name } หรือไม่? ให้ได้ครั้งเดียวต่อสมาชิก
ui-review-bonus-done = ให้โบนัสรีวิวแล้ว
ui-review-bonus-already = สมาชิกคนนี้ได้โบนัสรีวิวไปแล้ว ให้ได้ครั้งเดียว
ui-tiers-title = ระดับสมาชิก · { $basis } · ผ่อนผัน { $days } วันก่อนลดระดับ
ui-tiers-on-spend = ตามยอดซื้อใน 12 เดือน
ui-tiers-on-visits = ตามการมาร้านใน 12 เดือน
ui-tiers-edit-hint = Enter ที่ระดับ: ลองขั้นต่ำอื่นและดูว่าใครจะเลื่อนก่อนบันทึก
ui-tiers-preview = ที่ขั้นต่ำนี้ { $up } คนจะเลื่อนขึ้นเป็น { $tier } ทันที และ { $down } คนจะต่ำกว่าระดับของตน (ตอนนี้ { $now }) และลดระดับหลัง { $days } วัน Enter เพื่อบันทึก
ui-tiers-not-number = พิมพ์ขั้นต่ำเป็นจำนวนเต็ม
ui-tiers-between = ขั้นต่ำต้องมากกว่า { $below } และน้อยกว่า { $above }
ui-tiers-first-fixed = ระดับแรกคือจุดเริ่มต้นของสมาชิกทุกคน ขั้นต่ำคงเป็น 0
ui-tiers-no-file = ไม่มีไฟล์ตั้งค่าให้บันทึก เปลี่ยนขั้นต่ำในไฟล์ตั้งค่า
ui-tiers-cannot-edit = เปลี่ยน { $tier } ใน { $path } ไม่ได้: ขั้นต่ำไม่ได้เขียนไว้เป็น "min = …" โปรดแก้ในไฟล์
ui-tiers-saved = บันทึกขั้นต่ำใหม่ในไฟล์ตั้งค่าแล้ว คำนวณระดับใหม่แล้ว
ui-tiers-moves = เดือนนี้: ขึ้น { $up } ลง { $down }
ui-tiers-nudges = { $count ->
   *[other] { $count } คนใกล้ระดับถัดไปไม่เกิน 10%
}
ui-tiers-none = ไม่มีใคร
ui-help-title-tiers = วิธีใช้: ระดับสมาชิก
ui-help-intro-tiers = สมาชิกในแต่ละระดับ ใครเลื่อนขึ้นหรือลงเดือนนี้ และใครใกล้ระดับถัดไปไม่เกิน 10% (ควรกระตุ้นสักหน่อย) Tab เพื่อไปรายการถัดไป Enter ที่สมาชิกเพื่อเปิดบัตร Enter ที่ระดับเพื่อลองขั้นต่ำอื่น: หน้าจอจะบอกว่าจะมีสมาชิกเลื่อนกี่คนก่อนบันทึก
ui-help-tiers = ในหน้าระดับสมาชิก
ui-help-tiers-edit = การลองขั้นต่ำอื่น
ui-help-redeem = การแลกคะแนน
ui-help-points = ในประวัติคะแนน
ui-help-points-form = การปรับคะแนนหรือบันทึกผู้แนะนำสมาชิก
## Member add from the command line: receipts bought before signing up
cli-member-claimed = { $count ->
   *[other] ใบเสร็จก่อนหน้า { $count } ใบ (บัตร เบอร์โทร หรืออีเมลเดียวกัน) เป็นของสมาชิกนี้แล้ว
}

# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = โปรแกรมอื่นกำลังเขียนลงฐานข้อมูลของคลับ { $path } อยู่ ไม่มีสิ่งใดถูกบันทึก โปรดลองอีกครั้งเมื่อโปรแกรมนั้นทำงานเสร็จ
err-db-busy-unnamed = โปรแกรมอื่นกำลังเขียนลงฐานข้อมูลของคลับอยู่ ไม่มีสิ่งใดถูกบันทึก โปรดลองอีกครั้งเมื่อโปรแกรมนั้นทำงานเสร็จ
err-db-no-folder = ไม่มีโฟลเดอร์ { $folder } สำหรับฐานข้อมูล { $path } จึงไม่ได้สร้างสิ่งใด โปรดตรวจสอบเส้นทาง หรือสร้างโฟลเดอร์ก่อน
ui-import-waiting = กำลังรอ: โปรแกรมอื่นกำลังเขียนลงฐานข้อมูลของคลับอยู่…
# sink
err-stdout = เขียนผลลัพธ์ไม่ได้ ({ $detail }) ดิสก์เต็มหรือเปล่า?
import-row-too-big = ใบเสร็จ { $id }: ยอดรวม { $amount } มากกว่าที่ใบเสร็จใดๆ จะเป็นได้ ({ $max }) มีคอลัมน์ที่อ่านผิดหรือไม่?
import-note-completed = ใบเสร็จ { $count } ใบที่เคยบันทึกไว้โดยมีรายการไม่ครบ (จากไฟล์ที่ถูกตัด หรือไฟล์ส่งออกที่ไม่มีรายการสินค้า) ได้รับการเติมให้ครบจากไฟล์นี้แล้ว
import-refused-all = ไม่ได้บันทึกอะไรจาก { $file } เลย: อ่านใบเสร็จไม่ได้สักใบจาก { $rows } แถว (ถูกปฏิเสธ { $rejected } แถว) จึงไม่ได้ทำเครื่องหมายว่านำเข้าแล้ว ลองใหม่ด้วย --encoding (เช่น utf-16le, windows-874), --format หรือ --country
import-refused-most = ไม่ได้บันทึกอะไรจาก { $file } เลย: อ่านไม่ได้ { $rejected } จาก { $rows } แถว จึงไม่ได้ทำเครื่องหมายว่านำเข้าแล้ว ลองใหม่ด้วย --encoding (เช่น utf-16le, windows-874), --format หรือ --country หรือเพิ่ม --accept-rejects เพื่อบันทึกแถวที่อ่านได้
help-import-accept-rejects = บันทึกไฟล์แม้ว่ามากกว่าครึ่งของแถวจะถูกปฏิเสธ (บันทึกแถวที่อ่านได้)
ui-import-errors-refused = แถวที่ถูกปฏิเสธ (ไม่ได้บันทึกอะไรจากไฟล์นี้)
# parse
err-config-max-receipt = max_receipt = { $value }: ใส่จำนวนเต็มของหน่วยเงินตั้งแต่ 1 ถึง { $highest }
import-row-over-limit = "{ $column }": { $value } มากกว่ายอดที่ใบเสร็จหนึ่งใบจะมีได้ ({ $max }; max_receipt ในไฟล์ตั้งค่า)
import-row-sum-over-limit = ยอดในแถวนี้รวมเป็น { $total } มากกว่ายอดที่ใบเสร็จหนึ่งใบจะมีได้ ({ $max }; max_receipt ในไฟล์ตั้งค่า)
import-row-receipt-over-limit = ใบเสร็จ { $id } (เริ่มที่บรรทัด { $first }) รวมเป็น { $total } มากกว่ายอดที่ใบเสร็จหนึ่งใบจะมีได้ ({ $max }; max_receipt ในไฟล์ตั้งค่า) จึงไม่ได้บันทึก
import-row-qty-over-limit = "{ $column }": { $value } มากกว่า { $max } ชิ้นในบรรทัดเดียว
import-row-date-out-of-range = "{ $column }": "{ $value }" ไม่ใช่วันที่ระหว่างปี ค.ศ. { $first } ถึง { $last }
import-row-cut = ไฟล์จบกลางแถวนี้ (ไฟล์ถูกตัดหรือไม่?) จึงไม่ได้บันทึกใบเสร็จของแถวนี้ เพื่อไม่ให้บันทึกโดยขาดบางรายการ
import-row-bad-bytes = ไบต์ที่ { $offset } ของไฟล์ไม่ใช่ข้อความในการเข้ารหัสของไฟล์ (ไบต์เสียหรือไม่?) จึงข้ามแถวนี้ เพื่อไม่ให้บันทึกชื่อที่ผิดเพี้ยน
import-row-nul = แถวนี้มีไบต์ NUL (ไฟล์เสียหาย หรือบันทึกด้วยการเข้ารหัสอื่นหรือไม่?)
import-row-huge-cell = "{ $column }" มี { $size } ไบต์ ซึ่งมากกว่าที่เครื่องคิดเงินเขียนในช่องเดียวมาก (ไฟล์เสียหายหรือไม่?)
import-note-no-money-column = ไฟล์ไม่มีคอลัมน์ "{ $column }" จึงอ่านเป็น 0 ในทุกใบเสร็จ
import-err-empty = { $path } เป็นไฟล์ว่าง ไม่ได้บันทึกอะไร
import-err-sheet-unpacks = { $path } คลายออกมาได้ { $size } เกินกว่า { $cap } ที่สเปรดชีตจะคลายออกมาได้ (ไฟล์ส่งออกจากเครื่องคิดเงินเล็กกว่านั้นมาก) จึงไม่ได้อ่านและไม่ได้บันทึกอะไร
import-err-sheet-cells = { $path }: ชีตแรกครอบคลุม { $rows } แถว × { $columns } คอลัมน์ เกินกว่า { $cap } ช่องที่ไฟล์ส่งออกจากเครื่องคิดเงินจะมีได้ จึงไม่ได้อ่านและไม่ได้บันทึกอะไร
import-err-record-too-long = บรรทัดที่ { $line } เริ่มระเบียนที่ยาวเกิน { $cap } หรือมีเกิน { $cells } ช่อง (มีเครื่องหมายคำพูดที่ไม่ได้ปิดหรือไม่?) จึงไม่ได้อ่านไฟล์นี้

# h1
err-db-unknown-code = ฐานข้อมูลมี "{ $code }" ใน { $column } ซึ่ง regulars รุ่นนี้ไม่รู้จัก ไม่มีการเปลี่ยนแปลงใด ๆ ไฟล์นี้เคยถูกใช้กับรุ่นที่ใหม่กว่าหรือไม่?

# stack
ui-key-back-to-welcome = กลับไปหน้าต้อนรับ
ui-key-back-to-signup = กลับไปที่แบบฟอร์ม
ui-key-back-to-member = กลับไปที่บัตรสมาชิก
ui-key-back-to-import = กลับไปที่การนำเข้า
ui-key-back-to-unmatched = กลับไปที่ลูกค้าจากเครื่องคิดเงิน
ui-key-back-to-review = กลับไปที่สรุปประจำสัปดาห์
ui-key-back-to-tiers = กลับไปที่ระดับสมาชิก
err-unknown-lang = regulars ไม่รองรับภาษา “{ $lang }” โปรดเลือกหนึ่งใน { $languages }
msg-joined = { $first } { $second }

# jobs
ui-demo-making = กำลังสร้างสมาชิกตัวอย่าง… { $done } จาก { $total }
ui-demo-cancel-note = Esc หรือ Ctrl-C เพื่อยกเลิก การเติมที่ถูกยกเลิกจะไม่เพิ่มใคร
ui-demo-cancelling = กำลังยกเลิก… จะไม่มีการเพิ่มสมาชิกตัวอย่าง
ui-demo-cancelled = ยกเลิกการเพิ่มสมาชิกตัวอย่างแล้ว ไม่ได้เพิ่มสมาชิกคนใด
ui-help-demo-running = ระหว่างสร้างสมาชิกตัวอย่าง
ui-tiers-working = กำลังคำนวณระดับของสมาชิกทุกคน…
ui-tiers-working-note = Esc เพื่อย้อนกลับ ระบบจะคำนวณระดับต่อจนเสร็จ
family-boy = เด็กชาย
family-girl = เด็กหญิง
## The config file written at first start
config-shop-name = ร้านของฉัน
config-tier-1 = บรอนซ์
config-tier-2 = ซิลเวอร์
config-tier-2-perks = ลด 5% ทุกการซื้อ
config-tier-3 = โกลด์
config-tier-3-perks = ลด 10% ทุกการซื้อ และกาแฟฟรีทุกวันศุกร์
config-reward-1 = กาแฟฟรี
config-reward-2 = ขนมอบตามชอบ
config-reward-3 = กระเป๋าผ้า
## Usage errors on the command line
err-usage-unknown-arg = { $arg } ไม่ใช่ตัวเลือกของคำสั่งนี้
err-usage-unknown-command = “{ $command }” ไม่ใช่คำสั่ง
err-usage-missing = คำสั่งนี้ต้องมี { $arg }
err-usage-bad-value = { $arg } ไม่รับค่า “{ $value }”
err-usage-bad-value-choose = { $arg } ไม่รับค่า “{ $value }” โปรดเลือกหนึ่งใน { $valid }
err-usage-invalid = { $arg } “{ $value }”: { $why }
err-usage-help = “regulars --help” แสดงรายการคำสั่ง “regulars คำสั่ง --help” แสดงตัวเลือกของคำสั่งนั้น

# calendar13
calendar-gregorian = สากล
calendar-hebrew = ฮีบรู
calendar-chinese = จีน
calendar-hebrew-m01 = ทิชรี
calendar-hebrew-m02 = เฮวาน
calendar-hebrew-m03 = กีสเลฟ
calendar-hebrew-m04 = เตเวต
calendar-hebrew-m05 = เชวัต
calendar-hebrew-m05l = อาดาร์ I
calendar-hebrew-m06 = อาดาร์
calendar-hebrew-m07 = นิสซาน
calendar-hebrew-m08 = อิยาร์
calendar-hebrew-m09 = สีวัน
calendar-hebrew-m10 = ตามูซ
calendar-hebrew-m11 = อัฟ
calendar-hebrew-m12 = เอลอุล
calendar-chinese-m01 = เดือน 1
calendar-chinese-m02 = เดือน 2
calendar-chinese-m03 = เดือน 3
calendar-chinese-m04 = เดือน 4
calendar-chinese-m05 = เดือน 5
calendar-chinese-m06 = เดือน 6
calendar-chinese-m07 = เดือน 7
calendar-chinese-m08 = เดือน 8
calendar-chinese-m09 = เดือน 9
calendar-chinese-m10 = เดือน 10
calendar-chinese-m11 = เดือน 11
calendar-chinese-m12 = เดือน 12
calendar-chinese-leap = { $month } (อธิกมาส)
calendar-hebrew-date = { $day } { $month }
calendar-chinese-date = { $day } ค่ำ { $month }
calendar-gregorian-day = { $day } { $month }
calendar-gregorian-this-year = ({ $gregorian } ปีนี้)
calendar-gregorian-next-year = ({ $gregorian } ปีหน้า)
calendar-with-gregorian = { $date } { $gregorian }
field-bad-calendar-date = ไม่ใช่วันในปฏิทินนั้น (เช่น 12 Tishrei หรือ 15.8 สำหรับปฏิทินจีน)
err-unknown-calendar = “{ $calendar }” ไม่ใช่ปฏิทินสำหรับวันเกิด เลือกหนึ่งใน { $calendars }
help-member-add-birthday-calendar = ปฏิทินของ --birthday: gregorian (สากล), hebrew (ฮีบรู เช่น 12 Tishrei, 14 Adar I) หรือ chinese (จีน วัน.เดือน เช่น 15.8 เดือนอธิกมาส 15.4L)
ui-key-birthday-calendar = ปฏิทิน
ui-help-signup-birthday = ในช่องวันเกิด
ui-hint-birthday-hebrew = ฮีบรู: เช่น 12 Tishrei
ui-hint-birthday-chinese = จีน: เช่น 15.8, 15.4L
ui-hint-calendar-ok = ✓ { $date } · { $gregorian }
ui-key-home-end = แรกสุด / ท้ายสุด
import-customers-unmatched = { $count ->
   *[other] ลูกค้าจากเครื่องคิดเงิน { $count } รายในไฟล์นี้ยังไม่ใช่สมาชิก (ดูได้ที่หน้า u)
}
ui-import-result-unmatched-file = ในไฟล์นี้
ui-import-result-unmatched-file-value = { $count ->
   *[other] ลูกค้าจากเครื่องคิดเงิน { $count } รายที่ยังไม่ใช่สมาชิก
}

# dupes14
err-phone-taken = เบอร์โทร { $phone } เป็นของสมาชิก { $id } ({ $name }) อยู่แล้ว
err-email-taken = อีเมล { $email } เป็นของสมาชิก { $id } ({ $name }) อยู่แล้ว
err-member-ambiguous = "{ $key }" ตรงกับสมาชิกหลายคน: { $ids } ใส่รหัสสมาชิกแทน
cli-duplicate-refused = ยังไม่ได้สมัคร: สมาชิก { $id } ({ $name }) มีชื่อและวันเกิดเดียวกัน เพิ่ม --yes เพื่อสมัครต่อ
cli-check-none = ไม่มีข้อมูลซ้ำ: เบอร์โทร อีเมล และบัตรแต่ละรายการเป็นของสมาชิกคนเดียว
cli-check-phone = เบอร์โทร { $value } ใช้ร่วมกันโดยสมาชิก { $members }
cli-check-email = อีเมล { $value } ใช้ร่วมกันโดยสมาชิก { $members }
cli-check-card = บัตร { $value } ใช้ร่วมกันโดยสมาชิก { $members }
cli-check-name_birthday = ชื่อและวันเกิดเดียวกัน ({ $value }): สมาชิก { $members }
ui-taken-title = อยู่ในคลับแล้ว
help-check = ตรวจไฟล์ฐานข้อมูล (ความสมบูรณ์ การเชื่อมโยงระหว่างแถว และบัญชีแต้ม) และแสดงเบอร์โทร อีเมล และบัตรที่สมาชิกหลายคนใช้ร่วมกัน และสมาชิกที่มีชื่อและวันเกิดเดียวกัน (ออกด้วยรหัส 1 เมื่อพบปัญหา)
help-member-add-yes = สมัครต่อแม้มีสมาชิกที่มีชื่อและวันเกิดเดียวกัน

# perf14
ui-review-loading = กำลังรวบรวมสรุปประจำสัปดาห์… ยังใช้ปุ่มต่าง ๆ ได้ตามปกติ

# mistakes14
err-kin-too-old = แบบนี้จะมีอายุเกิน { $limit } ปี ซึ่งน่าจะพิมพ์ผิด โปรดตรวจวันเกิดหรืออายุ
err-child-not-found = ไม่มีลูกที่มีรหัส { $id } (ดูรหัสได้จาก member show --json)
err-pet-not-found = ไม่มีสัตว์เลี้ยงที่มีรหัส { $id } (ดูรหัสได้จาก member show --json)
field-passed-away = จากไป
err-kin-same-name = สมาชิกคนนี้มี { $name } อยู่แล้ว ({ $kin }) เพิ่ม --yes หากยังต้องการบันทึก
err-needs-yes = ย้อนกลับไม่ได้ เพิ่ม --yes เพื่อดำเนินการต่อ
cli-child-edited = แก้ไขลูก { $name } ของ { $member } แล้ว
cli-pet-edited = แก้ไขสัตว์เลี้ยง { $name } ของ { $member } แล้ว
cli-child-removed = ลบลูก { $name } ออกจาก { $member } แล้ว
cli-pet-removed = ลบสัตว์เลี้ยง { $name } ออกจาก { $member } แล้ว
cli-pet-passed-away = { $pet } จากไปเมื่อ { $date }
cli-member-edited = แก้ไขสมาชิก { $id }: { $name } แล้ว
help-member-edit = แก้ไขข้อมูลสมาชิก เปลี่ยนเฉพาะตัวเลือกที่ใส่
help-member-edit-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-edit-json = พิมพ์สมาชิกที่แก้ไขแล้วเป็น JSON
help-member-delete = ลบสมาชิก: เหมือน member erase (ลบข้อมูลส่วนตัว ใบเสร็จยังอยู่โดยไม่มีชื่อ)
help-member-delete-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-delete-yes = ยืนยันการลบ (ถ้าไม่ใส่จะไม่ลบอะไร)
help-child-edit = แก้ไขข้อมูลลูก เปลี่ยนเฉพาะตัวเลือกที่ใส่
help-child-edit-id = รหัสของลูก ตามที่แสดงใน member show --json
help-child-remove = ลบลูกที่เพิ่มผิด
help-child-remove-id = รหัสของลูก ตามที่แสดงใน member show --json
help-pet-edit = แก้ไขข้อมูลสัตว์เลี้ยง หรือทำเครื่องหมายว่าจากไปแล้ว
help-pet-edit-id = รหัสของสัตว์เลี้ยง ตามที่แสดงใน member show --json
help-pet-edit-passed-away = วันที่สัตว์เลี้ยงจากไป ยังคงอยู่ในบัตร แต่ไม่มีการเตือนอีก (เว้นว่างเพื่อล้าง)
help-pet-remove = ลบสัตว์เลี้ยงที่เพิ่มผิด
help-pet-remove-id = รหัสของสัตว์เลี้ยง ตามที่แสดงใน member show --json
ui-err-too-old = อายุเกิน { $limit } ปี? โปรดตรวจวันที่หรืออายุ
ui-family-edit-child = แก้ไขลูกของ { $name }
ui-family-edit-pet = แก้ไขสัตว์เลี้ยงของ { $name }
ui-family-none-to-pick = ยังไม่มีลูกหรือสัตว์เลี้ยง กด c หรือ p เพื่อเพิ่ม
ui-family-pick-first = กด f เพื่อเลือกลูกหรือสัตว์เลี้ยงก่อน
ui-family-pick-pet = กด f เพื่อเลือกสัตว์เลี้ยงก่อน
ui-confirm-family-remove-title = ลบหรือไม่?
ui-confirm-family-remove = ลบ { $name } ออกจากบัตรหรือไม่? ย้อนกลับไม่ได้
ui-confirm-passed-away-title = จากไปแล้ว?
ui-confirm-passed-away = ทำเครื่องหมายว่า { $name } จากไปวันนี้หรือไม่? ยังคงอยู่ในบัตร แต่จะไม่มีคำอวยพรวันเกิดหรือวันมาอยู่บ้านอีก
ui-confirm-same-name-title = ซ้ำ?
ui-confirm-same-name = สมาชิกคนนี้มี { $name } อยู่แล้ว ยังต้องการบันทึกหรือไม่?
ui-family-removed = ลบ { $name } แล้ว
ui-family-passed-away = ทำเครื่องหมายว่า { $name } จากไปแล้ว
ui-card-passed-away = จากไป { $date }
ui-key-pick-family = เลือกลูก/สัตว์เลี้ยง
ui-key-edit-family = แก้ไขลูก/สัตว์เลี้ยง
ui-key-remove-family = ลบลูก/สัตว์เลี้ยง
ui-key-pet-passed-away = สัตว์เลี้ยงจากไป
help-redeem-json = พิมพ์เป็น JSON
help-adjust-json = พิมพ์เป็น JSON
help-demo-json = พิมพ์เป็น JSON
help-child-add-json = พิมพ์เป็น JSON
help-child-edit-json = พิมพ์เป็น JSON
help-child-remove-json = พิมพ์เป็น JSON
help-pet-add-json = พิมพ์เป็น JSON
help-pet-edit-json = พิมพ์เป็น JSON
help-pet-remove-json = พิมพ์เป็น JSON
help-member-delete-json = พิมพ์เป็น JSON
help-child-add-yes = บันทึกแม้สมาชิกจะมีชื่อนี้อยู่แล้ว
help-child-edit-yes = บันทึกแม้สมาชิกจะมีชื่อนี้อยู่แล้ว
help-pet-add-yes = บันทึกแม้สมาชิกจะมีชื่อนี้อยู่แล้ว
help-pet-edit-yes = บันทึกแม้สมาชิกจะมีชื่อนี้อยู่แล้ว
help-child-remove-yes = ยืนยันการลบ (ถ้าไม่ใส่จะไม่ลบอะไร)
help-pet-remove-yes = ยืนยันการลบ (ถ้าไม่ใส่จะไม่ลบอะไร)

# link14
ui-link-confirm-title = ผูกกับสมาชิกนี้หรือไม่?
ui-link-confirm-till = ลูกค้าจากเครื่องคิดเงิน
ui-link-confirm-member = สมาชิก
ui-link-confirm-same = ชื่อตรงกัน
ui-link-confirm-differ = ⚠ ชื่อไม่ตรงกัน: เป็นคนเดียวกันหรือไม่?
ui-link-confirm-no-name = เครื่องคิดเงินไม่ได้บันทึกชื่อ: ตรวจสอบบัตร เบอร์โทร หรืออีเมล
ui-help-link-confirm = ก่อนผูก
ui-card-till-customers = ลูกค้าจากเครื่องคิดเงินที่ผูกไว้
ui-card-till-hint = u ยกเลิกการผูก, l เลือกคนอื่น
ui-key-pick-till-customer = เลือกลูกค้าจากเครื่องคิดเงิน
ui-key-unlink = ยกเลิกการผูกลูกค้า
ui-till-none-linked = ไม่มีลูกค้าจากเครื่องคิดเงินที่ผูกกับสมาชิกนี้
ui-confirm-unlink-title = ยกเลิกการผูกหรือไม่?
ui-confirm-unlink = ยกเลิกการผูก { $who } ({ $till }) กับ { $name } หรือไม่? ใบเสร็จของเขาจะกลับเป็นไม่มีสมาชิก และการนำเข้าครั้งต่อไปจะไม่ผูกกับ { $name } อีก
ui-unlinked = ยกเลิกการผูก { $who } กับ { $name } แล้ว: { $receipts } กลับเป็นไม่มีสมาชิก
ui-card-more-below = ↓ เพิ่มเติม
ui-card-more-above = ↑ เพิ่มเติม

# fixes14
loyalty-err-below-zero = คะแนนคงเหลือจะเหลือ { $balance } ซึ่งต่ำกว่าศูนย์ จึงไม่ได้เปลี่ยนแปลงอะไร
cli-adjust-below-zero = คะแนนคงเหลือจะเหลือ { $balance } ซึ่งต่ำกว่าศูนย์ จึงไม่ได้เปลี่ยนแปลงอะไร เพิ่ม { $flag } หากต้องการหักคะแนนอยู่ดี
loyalty-adjusted-up = ปรับเพิ่ม { $points } แล้ว คะแนนคงเหลือใหม่: { $balance }
loyalty-adjusted-down = ปรับลด { $points } แล้ว คะแนนคงเหลือใหม่: { $balance }
ui-adjust-below-zero-title = ต่ำกว่าศูนย์?
ui-adjust-below-zero-question = หัก { $points } แล้วคะแนนคงเหลือจะเป็น { $balance } ซึ่งต่ำกว่าศูนย์ หักอยู่ดีไหม?
help-adjust-allow-negative = หักคะแนนแม้คะแนนคงเหลือจะต่ำกว่าศูนย์
demo-err-chain = ร้านนี้เป็นสาขาของเครือร้าน ([sync] ในการตั้งค่า): สมาชิกตัวอย่างจะไปถึงทุกสาขา ลองในไฟล์อื่นแทน: regulars --db demo.db
demo-err-already = { $count ->
   *[other] คลับมีสมาชิกตัวอย่าง { $count } คนอยู่แล้ว
} จึงไม่ได้เพิ่มอะไร ลบพวกเขาออกก่อนด้วย { $command }
demo-err-club-not-empty = { $count ->
   *[other] คลับมีสมาชิก { $count } คนอยู่แล้ว
} สมาชิกตัวอย่างจะปะปนกับพวกเขา เพิ่ม { $flag } หากต้องการเพิ่มอยู่ดี
demo-err-remove-ask = { $count ->
   *[other] การนี้จะลบสมาชิกตัวอย่าง { $count } คน
} พร้อมใบเสร็จและคะแนนของพวกเขา เพิ่ม { $flag } เพื่อดำเนินการ
cli-demo-removed = { $count ->
   *[other] ลบสมาชิกตัวอย่าง { $count } คนแล้ว
}
help-demo-yes = เพิ่มลงในคลับที่มีสมาชิกอยู่แล้วด้วย หรือลบออกเมื่อใช้กับ --remove
help-demo-remove = ลบสมาชิกตัวอย่างออก พร้อมใบเสร็จและคะแนนของพวกเขา

# setup14
field-shop-name = ชื่อร้าน
field-country = ประเทศ
field-currency = สกุลเงิน
field-language = ภาษา
field-feb29 = วันเกิด 29 ก.พ.
settings-feb29-feb28 = ปีอื่นฉลองวันที่ 28 ก.พ.
settings-feb29-mar1 = ปีอื่นฉลองวันที่ 1 มี.ค.
settings-language-name = ไทย
settings-choose = ←→ เลือก
settings-currency-usual = ที่ใช้กันทั่วไป: { $currency }
settings-country-examples = เช่น { $phone }, { $date }
ui-setup-title = ร้านของคุณ
ui-setup-intro = ยินดีต้อนรับ! ค่าเหล่านี้เดาจากภาษาของคอมพิวเตอร์ แก้ไขส่วนที่ไม่ถูกต้อง แล้วกด Enter เพื่อยอมรับทั้งหมด
ui-setup-later = เปลี่ยนได้ทั้งหมดภายหลังในการตั้งค่า (กด s ที่รายชื่อหน้าร้าน หรือ F4)
ui-settings-title = การตั้งค่า
ui-settings-intro = บันทึกลงไฟล์ตั้งค่า คำอธิบายและการตั้งค่าอื่นในไฟล์ยังอยู่เหมือนเดิม
ui-settings-saved = บันทึกการตั้งค่าแล้ว
ui-settings-no-file = ไม่มีไฟล์ตั้งค่าให้บันทึกการตั้งค่า
ui-settings-fix = โปรดแก้ไขการตั้งค่าที่มีเครื่องหมาย
ui-settings-sorting = กำลังเรียงรายชื่อสมาชิกตามภาษาใหม่… { $done } จาก { $total }
ui-settings-sorting-note = ปุ่มต่าง ๆ ยังใช้ได้ กด Esc เพื่อกลับระหว่างที่งานกำลังเสร็จ
ui-key-settings = ตั้งค่า
ui-key-accept = ยอมรับ
ui-help-title-setup = วิธีใช้: ร้านของคุณ
ui-help-intro-setup = การเริ่มใช้งานครั้งแรก: ชื่อร้าน ประเทศ (เบอร์โทรศัพท์ ลำดับวันที่ และสกุลเงินที่ใช้ทั่วไปเป็นไปตามประเทศ) สกุลเงิน และภาษา กด Tab เพื่อย้ายช่อง กด Enter เพื่อบันทึกลงไฟล์ตั้งค่า
ui-help-setup = ในหน้าจอนี้
ui-help-title-settings = วิธีใช้: การตั้งค่า
ui-help-intro-settings = ชื่อร้าน ประเทศ สกุลเงิน และภาษา รวมถึงวันที่ฉลองวันเกิด 29 ก.พ. ในปีอื่น กด Enter เพื่อบันทึกลงไฟล์ตั้งค่า โดยคำอธิบายในไฟล์ยังอยู่ครบ
ui-help-settings = ในหน้าจอนี้

# import14
import-row-ambiguous-money = "{ $column }": "{ $value }" อาจเป็นหลักพันหรือทศนิยมก็ได้ และไม่มีจำนวนเงินอื่นในคอลัมน์นี้ที่บอกว่าไฟล์ใช้เครื่องหมายใดเขียนทศนิยม ให้เขียนเป็น 1234.00 หรือ 1.234,00
import-row-ambiguous-money-mixed = "{ $column }": "{ $value }" อาจเป็นหลักพันหรือทศนิยมก็ได้ และคอลัมน์นี้เขียนทศนิยมทั้งด้วย "." และ "," ให้เขียนจำนวนเงินทุกช่องในคอลัมน์แบบเดียวกัน
import-err-currency = { $file } เป็นสกุลเงิน { $currency } (บรรทัด { $line }) แต่สกุลเงินของร้านคือ { $shop } ไม่ได้บันทึกอะไร เพิ่ม --currency { $currency } เพื่อบันทึกจำนวนเงินตามที่เขียนไว้
import-note-currency = ไฟล์นี้เป็นสกุลเงิน { $currency } (บรรทัด { $line }) และสกุลเงินของร้านคือ { $shop } จำนวนเงินถูกบันทึกตามที่เขียนไว้ หาก { $shop } ไม่ถูกต้อง ให้ตั้งสกุลเงินของร้านในไฟล์ตั้งค่า
import-err-currency-code = "{ $value }" ไม่ใช่รหัสสกุลเงินสามตัวอักษร (เช่น EUR, DKK, THB)
import-again-done = อ่าน { $file } ({ $format }) อีกครั้งแล้ว: ใบเสร็จที่ไม่มีสมาชิก { $matched } ใบตอนนี้มีสมาชิกแล้ว อีก { $unmatched } ใบยังไม่มี แถวที่ถูกปฏิเสธ { $rejected } ไม่มีอะไรอื่นเปลี่ยน
help-import-currency = สกุลเงินของไฟล์ (เช่น DKK) เมื่อไม่ใช่สกุลเงินของร้าน: จำนวนเงินถูกบันทึกตามที่เขียนไว้
help-import-again = อ่านไฟล์ที่เคยนำเข้าแล้วอีกครั้ง (พร้อม --country หรือ --format): ใบเสร็จในไฟล์ที่ไม่มีสมาชิกจะถูกจับคู่ ไม่มีอะไรอื่นเปลี่ยน
ui-import-country = ประเทศ:
ui-import-format = รูปแบบ: { $format }
ui-import-format-detect = ตรวจหาเอง
ui-import-currency-question = { $file } เป็นสกุลเงิน { $currency } แต่สกุลเงินของร้านคือ { $shop } นำเข้าโดยใช้จำนวนเงินตามที่เขียนไว้หรือไม่? (y / n)
ui-import-result-matched = ตอนนี้มีสมาชิกแล้ว
ui-key-import-country = ประเทศ
ui-key-import-format = รูปแบบ
ui-key-import-again = อ่านอีกครั้ง
ui-help-import-country = พิมพ์ประเทศ
ui-import-choices-hint = c ประเทศ · f รูปแบบ · a อ่านไฟล์อีกครั้ง

# review14
loyalty-cli-near = สมาชิกที่ใกล้ระดับถัดไปไม่เกิน 10% ขาดน้อยที่สุดก่อน:
loyalty-col-member = สมาชิก
loyalty-col-to-next = ถึงระดับถัดไป
ui-review-col-missing = ขาดอีก
ui-review-col-next = ระดับถัดไป
ui-review-near-intro = สมาชิกที่ใกล้ระดับถัดไปไม่เกิน 10% ขาดน้อยที่สุดก่อน
ui-review-no-near = ขณะนี้ไม่มีสมาชิกคนใดใกล้ระดับถัดไปไม่เกิน 10%

# backup15
backup-err-exists = { $path } มีอยู่แล้ว การสำรองข้อมูลจะไม่เขียนทับไฟล์เดิม โปรดระบุชื่อไฟล์ใหม่หรือโฟลเดอร์
backup-err-no-file = คลับนี้ไม่มีไฟล์ฐานข้อมูลให้สำรอง
cli-backup-done = สำรองข้อมูลไว้ที่ { $path }
help-backup = คัดลอกฐานข้อมูลเป็นไฟล์ที่มีวันที่ในโฟลเดอร์สำรองข้อมูล (หรือไปที่ PATH) ได้อย่างปลอดภัยแม้แอปหรือการนำเข้ากำลังเขียนอยู่
help-backup-path = ไฟล์ใหม่หรือโฟลเดอร์สำหรับสำเนา ถ้าไม่ระบุ จะใช้โฟลเดอร์สำรองข้อมูลข้างฐานข้อมูล
help-backup-json = พิมพ์ JSON: ที่อยู่ของสำเนา
ui-backup-failed = ไม่ได้สำรองข้อมูลประจำวัน: { $detail }
cli-check-sound = ไฟล์ฐานข้อมูลอยู่ในสภาพดี: หน้าข้อมูล การเชื่อมโยงระหว่างแถว และบัญชีแต้มถูกต้องทั้งหมด
cli-check-damaged = ไฟล์ฐานข้อมูลเสียหาย ({ $detail }) โปรดปิดแอปแล้วกู้คืนข้อมูลสำรองล่าสุด (ดู README)
cli-check-missing-row = แถว { $rowid } ของตาราง { $table } อ้างถึงแถวของตาราง { $parent } ที่ไม่มีอยู่
cli-check-bad-points = สมาชิก { $member }: แถวแต้ม { $id } ({ $reason }, { $delta } เมื่อ { $at }) ไม่อาจถูกต้อง และยอดแต้มของสมาชิกคลาดเคลื่อนไปตามนั้น

# consent15
err-consent-how = "{ $value }" ไม่ใช่วิธีให้ความยินยอม ใช้ counter, signup, import, form หรือ cli
err-consent-nothing = ระบุสิ่งที่เปลี่ยน: --grant sms,email หรือ --withdraw sms
err-consent-both = ไม่สามารถให้และถอนความยินยอมทาง { $channel } พร้อมกันได้
consent-state-yes = ยินยอม
consent-given = ให้ความยินยอม
consent-withdrawn = ถอนความยินยอม
consent-how-counter = ที่เคาน์เตอร์
consent-how-signup = ตอนสมัคร
consent-how-import = นำเข้า
consent-how-form = ทางแบบฟอร์ม
consent-how-cli = ทางบรรทัดคำสั่ง
cli-consent-saved = บันทึกความยินยอมของ { $name } ({ $id }) แล้ว:
signup-suppressed = { $name } เริ่มต้นโดยไม่มีความยินยอมทาง { $channels }: ช่องทางติดต่อนี้เคยขอไม่ให้ติดต่อ ต้องให้ความยินยอมใหม่ที่เคาน์เตอร์เท่านั้นจึงจะกลับมาได้
ui-card-consent-history = ประวัติความยินยอม
ui-key-pick-consent = เลือกช่องทาง
ui-key-change-consent = เปลี่ยนความยินยอม
ui-confirm-consent-title = เปลี่ยนความยินยอมหรือไม่?
ui-confirm-consent-grant = { $name } ยินยอมให้ติดต่อทาง { $channel } ตั้งแต่นี้ไปหรือไม่?
ui-confirm-consent-withdraw = { $name } ไม่ต้องการให้ติดต่อทาง { $channel } อีกแล้วหรือไม่? ช่องทางนี้จะเข้าสู่รายชื่อห้ามติดต่อ
ui-consent-saved = บันทึกความยินยอมของ { $name } แล้ว
help-consent = ให้หรือถอนความยินยอมให้ติดต่อของสมาชิก แยกตามช่องทาง
help-consent-key = รหัสสมาชิก หมายเลขบัตร โทรศัพท์ หรืออีเมล
help-consent-grant = ช่องทางที่สมาชิกยินยอมตั้งแต่นี้ไป เช่น sms,email
help-consent-withdraw = ช่องทางที่สมาชิกไม่ยินยอมอีกต่อไป เช่น sms
help-consent-how = ให้ความยินยอมที่ไหน: counter, signup, import, form หรือ cli
help-consent-json = พิมพ์ความยินยอมปัจจุบันเป็น JSON
err-export-channel = ส่งออกรายชื่อติดต่อได้เฉพาะ sms หรือ email ไม่ใช่ "{ $value }"
cli-export-written = เขียนรายชื่อติดต่อ { $count } รายการไปที่ { $path } แล้ว
cli-export-raw = เบอร์โทรเขียนในรูปแบบ +E.164 สำหรับเครื่องมือส่ง SMS และไม่มีการป้องกันสูตรในสเปรดชีต
help-export = รายชื่อสำหรับข้อความที่ส่งจากที่อื่น
help-export-contacts = สมาชิกที่ยินยอมรับข้อความทางช่องทางนั้น เป็น CSV หรือ vCard (ไม่อยู่ในรายชื่อห้ามติดต่อ ไม่ถูกลบ)
help-export-contacts-channel = sms หรือ email
help-export-contacts-out = ไฟล์ที่จะเขียน (ค่าเริ่มต้น: โฟลเดอร์ส่งออก)
help-export-contacts-raw = เบอร์โทรในรูปแบบ +E.164 สำหรับเครื่องมือ SMS ไม่มีการป้องกันสูตร

# segments15
segment-err-empty = กลุ่มว่างอยู่: เขียนเงื่อนไข เช่น tier=Gold
segment-err-unknown-word = ไม่รู้จักคำ “{ $found }” ที่ตัวอักษรที่ { $at } คำที่ใช้ได้: tier, pet, children, child_age, age, birthday_month, area, tag, language, visits_12m, spend_12m, last_visit, bought, category, source, usual_day, usual_hour, occupation
segment-err-bad-value = “{ $found }” ไม่ใช่ค่าของ { $word } (ตัวอักษรที่ { $at })
segment-err-bad-op = { $word } ใช้ “{ $found }” ไม่ได้ (ตัวอักษรที่ { $at })
segment-err-needs-value = { $word } ต้องมีค่า เช่น { $word }=… (ตัวอักษรที่ { $at })
segment-err-end = ขาดเงื่อนไขที่ท้าย (ตัวอักษรที่ { $at })
segment-err-unclosed = “{ $found }” ที่ตัวอักษรที่ { $at } ยังไม่ได้ปิด
segment-err-unexpected = ไม่คาดว่าจะพบ “{ $found }” ที่ตัวอักษรที่ { $at }
segment-err-unknown-tier = ไม่มีระดับ “{ $tier }” ระดับที่มี: { $tiers }
segment-err-unknown-name = ไม่มีกลุ่มที่บันทึกไว้ชื่อ “{ $name }”
segment-err-bad-name = ชื่อกลุ่มต้องไม่ว่างและต้องไม่มีเครื่องหมาย =: “{ $name }”
segment-saved = บันทึกกลุ่ม “{ $name }” แล้ว: { $expr }
segment-none-saved = ยังไม่มีกลุ่มที่บันทึกไว้
segment-members = { $count ->
   *[other] สมาชิก { $shown } คน
}
segment-no-data = ยังไม่มีการบันทึก { $word } จึงไม่ตรงกับใคร
help-segment = บันทึก แสดงรายการ และแสดงกลุ่ม: สมาชิกที่เลือกด้วยนิพจน์ เช่น pet=dog and children
help-segment-save = บันทึกนิพจน์ด้วยชื่อ
help-segment-save-name = ชื่อกลุ่ม
help-segment-save-expr = นิพจน์ เช่น tier=Gold and pet=dog
help-segment-list = กลุ่มที่บันทึกไว้และนิพจน์ของกลุ่ม
help-segment-show = นิพจน์ของกลุ่มที่บันทึกไว้และจำนวนสมาชิกในกลุ่มวันนี้
help-segment-show-name = ชื่อกลุ่ม
help-segment-show-json = พิมพ์เป็น JSON: name, expr, count และ member_ids
ui-key-segments = กลุ่ม
ui-key-save-segment = บันทึกด้วยชื่อ
ui-key-saved-segments = กลุ่มที่บันทึกไว้
ui-key-load-segment = โหลด
ui-key-segment-expression = นิพจน์
ui-segments-title = กลุ่มสมาชิก
ui-segments-expression = นิพจน์
ui-segments-example = ตัวอย่าง: pet=dog and children, tier=Gold and not area=10000, visits_12m>=5 or spend_12m>=500
ui-segments-name = บันทึกเป็น
ui-segments-saved = กลุ่มที่บันทึกไว้
ui-help-title-segments = วิธีใช้: กลุ่มสมาชิก
ui-help-intro-segments = กลุ่มเลือกสมาชิกตามสิ่งที่คลับรู้เกี่ยวกับพวกเขา เชื่อมเงื่อนไขด้วย and, or, not และวงเล็บ: tier=Gold, pet=dog, children, child_age=3..6, age=30..45, birthday_month=12, area=10000, tag=vegan, language=he, visits_12m>=5, spend_12m>=500, last_visit<2026-09-01, bought=Birthday cake, category=Cakes, source, usual_day=sat, usual_hour=7..9, occupation จำนวนสมาชิกจะนับให้ระหว่างพิมพ์ ถ้าผิดจะบอกไว้ใต้ช่อง
ui-help-segments = ขณะพิมพ์นิพจน์
ui-help-segments-list = ในรายการกลุ่มที่บันทึกไว้
ui-help-segments-name = ขณะพิมพ์ชื่อที่จะบันทึก
segment-counting = กำลังนับ…

# tuiexport15
help-export-contacts-vcard = vCard 4.0 แทน CSV หนึ่งนามบัตรต่อสมาชิกหนึ่งคน สำหรับสมุดที่อยู่
ui-key-export-segment = ส่งออก
ui-key-export-channel = SMS หรืออีเมล
ui-key-export-format = CSV หรือ vCard
ui-key-export-write = เขียนไฟล์
ui-help-contacts-export = ขณะส่งออกรายชื่อติดต่อ
ui-export-title = ส่งออกรายชื่อติดต่อ: { $name }
ui-export-channel = ช่องทาง
ui-export-format = รูปแบบ
ui-export-csv = CSV
ui-export-vcard = vCard
ui-export-members = { $count ->
   *[other] สมาชิก { $count } คน
}
ui-export-will-write = จะเขียน { $written } ไม่รวม { $left } ที่ไม่ได้ให้ความยินยอม
ui-export-written = เขียน { $written } ไปที่ { $path } แล้ว ไม่รวม { $left } ที่ไม่ได้ให้ความยินยอม
ui-segments-export-empty = พิมพ์กลุ่มสมาชิกก่อน: การส่งออกจะเขียนสมาชิกในกลุ่มนั้น

# erase15
help-member-export = ข้อมูลทั้งหมดที่เก็บไว้เกี่ยวกับสมาชิก เป็น JSON: รายละเอียด ลูก สัตว์เลี้ยง ความยินยอม ใบเสร็จ แต้ม ประวัติการติดต่อ
help-member-export-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล (สมาชิกที่ถูกลบข้อมูลแล้ว: รหัส)
help-member-export-out = เขียนลงไฟล์นี้ (อ่านได้เฉพาะคุณ) แทนการพิมพ์ออกมา
cli-member-exported = ข้อมูลทั้งหมดของสมาชิก { $id } อยู่ใน { $path }
help-member-erase = ลบข้อมูลสมาชิก: ลบชื่อ ช่องทางติดต่อ วันเกิด ครอบครัว แต้ม และบันทึก ใบเสร็จยังอยู่โดยไม่มีชื่อ ช่องทางติดต่อเข้ารายชื่อห้ามติดต่อ
help-member-erase-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-erase-yes = ยืนยันการลบ (ถ้าไม่ใส่จะไม่ลบอะไร)
help-member-erase-json = พิมพ์เป็น JSON
err-erase-needs-yes = การลบข้อมูลสมาชิก { $id } ({ $name }) จะลบชื่อ เบอร์โทร อีเมล บัตร วันเกิด พื้นที่ บันทึก บันทึกบริการ ลูก สัตว์เลี้ยง แต้ม ระดับ และประวัติการติดต่อ รวมถึงชื่อและช่องทางติดต่อบนใบเสร็จ ใบเสร็จยังอยู่โดยไม่มีชื่อ และประวัติความยินยอมกับคำตอบความคิดเห็นแบบไม่ระบุชื่อยังอยู่ ย้อนกลับไม่ได้ เพิ่ม --yes เพื่อดำเนินการต่อ
cli-member-erased = ลบข้อมูลสมาชิก { $id } ({ $name }) แล้ว ใบเสร็จยังอยู่ โดยไม่มีชื่อ

# merge15
merge-err-same = รวมสมาชิกกับตัวเองไม่ได้ (สมาชิก { $id })
merge-err-erased = สมาชิก { $id } ถูกลบข้อมูลแล้ว รวมไม่ได้
merge-field-tags = แท็ก
merge-what-receipts = ใบเสร็จ
merge-what-points = รายการแต้ม
merge-what-children = ลูก
merge-what-pets = สัตว์เลี้ยง
merge-what-consents = บันทึกความยินยอม
merge-what-contact_log = บันทึกการติดต่อ
merge-what-customer_links = ลูกค้าหน้าร้านที่ผูกไว้
merge-what-referred = สมาชิกที่เขาแนะนำมา
merge-what-feedback = คำตอบความคิดเห็น
merge-preview-title = รวมสมาชิก { $drop } ({ $drop_name }) เข้ากับสมาชิก { $keep } ({ $keep_name }):
merge-moves = ย้ายไปที่สมาชิก { $keep }:
merge-fills = เติมจากสมาชิก { $drop }:
merge-joins = รวมเข้าด้วยกัน:
merge-differs = มีทั้งคู่ ใช้ของสมาชิก { $keep }:
merge-points = แต้มของทั้งสองรวมกัน: { $points }
merge-nothing = ไม่มี
merge-needs-yes = ยังไม่ได้รวม: เพิ่ม --yes เพื่อรวมสมาชิก { $drop } เข้ากับสมาชิก { $keep }
merge-done = รวมสมาชิก { $drop } เข้ากับสมาชิก { $keep } ({ $name }) แล้ว แต้มตอนนี้: { $points }
help-member-merge = รวม DROP เข้ากับ KEEP: ใบเสร็จ แต้ม ลูก สัตว์เลี้ยง ความยินยอม และบันทึกของทั้งสองอยู่ที่ KEEP ทั้งหมด
help-member-merge-keep = สมาชิกที่เก็บไว้: รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-merge-drop = สมาชิกที่รวมเข้ากับ KEEP แล้วจะไม่เป็นสมาชิกอีก
help-member-merge-yes = ใช่ รวมเลย (ถ้าไม่ใส่ จะแสดงเพียงว่าจะเกิดอะไรขึ้น)
help-member-merge-json = พิมพ์ JSON
merge-why-phone = เบอร์โทรเดียวกัน
merge-why-email = อีเมลเดียวกัน
merge-why-card = บัตรเดียวกัน
merge-why-name_birthday = ชื่อคล้ายกัน วันเกิดเดียวกัน
merge-why-till_customer = ลูกค้าหน้าร้านคนเดียวกัน
ui-key-duplicates = ข้อมูลซ้ำ
ui-key-merge-preview = ดูผลการรวม
ui-key-swap-kept = สลับคนที่เก็บไว้
ui-key-merge = รวม
ui-duplicates-title = สมาชิกซ้ำ
ui-duplicates-finding = กำลังหาสมาชิกที่อาจเป็นคนเดียวกัน…
ui-duplicates-none = ไม่พบสมาชิกที่น่าจะซ้ำ: ไม่มีสมาชิกสองคนที่ใช้เบอร์โทร อีเมล หรือบัตรเดียวกัน ชื่อและวันเกิดเดียวกัน หรือเป็นลูกค้าหน้าร้านคนเดียวกัน
ui-help-title-duplicates = วิธีใช้: สมาชิกซ้ำ
ui-help-intro-duplicates = คู่สมาชิกที่น่าจะเป็นคนเดียวกัน: เบอร์โทร อีเมล หรือบัตรเดียวกัน ชื่อคล้ายกันและวันเกิดเดียวกัน หรือใบเสร็จของลูกค้าหน้าร้านคนเดียวกันอยู่กับทั้งสองคน การรวมจะเก็บใบเสร็จ แต้ม ลูก สัตว์เลี้ยง บันทึกความยินยอม และบันทึกทั้งหมดของทั้งสองไว้ที่สมาชิกที่เก็บไว้
ui-help-duplicates = ในรายการคู่สมาชิก
ui-help-duplicates-preview = ในหน้าดูผลการรวม

# erasetui15
ui-key-erase = ลบ
ui-key-export-member = ส่งออกข้อมูล
ui-confirm-erase-title = ลบข้อมูลสมาชิกหรือไม่?
ui-confirm-erase =
    ลบข้อมูลของ { $name } หรือไม่? ย้อนกลับไม่ได้
    ที่ถูกลบ: ชื่อ เบอร์โทร อีเมล บัตร วันเกิด ลูกและสัตว์เลี้ยง แต้มและระดับ ประวัติการติดต่อ บันทึกบริการ และการผูกกับลูกค้าจากเครื่องคิดเงิน
    ที่ยังอยู่: การซื้อของสมาชิก โดยไม่มีชื่อ ยอดรวมของร้านจึงไม่เปลี่ยน ประวัติความยินยอม และเบอร์โทรกับอีเมลในรายชื่อห้ามติดต่อ
ui-erased = ลบข้อมูลของ { $name } แล้ว การซื้อยังอยู่ โดยไม่มีชื่อ
ui-confirm-export-member-title = ส่งออกข้อมูลสมาชิกหรือไม่?
ui-confirm-export-member =
    เขียนทุกอย่างที่คลับเก็บไว้เกี่ยวกับ { $name } (รายละเอียด ลูกและสัตว์เลี้ยง ประวัติความยินยอม ใบเสร็จ แต้ม บันทึก และประวัติการติดต่อ) ลงไฟล์ JSON ที่มีแค่คุณอ่านได้หรือไม่?
    ไฟล์จะอยู่ใน { $folder } ตั้งชื่อตามหมายเลขสมาชิกและวันที่วันนี้
ui-member-exported = ข้อมูลทั้งหมดที่เก็บไว้เกี่ยวกับ { $name } อยู่ใน { $path }
ui-export-member-no-file = คลับนี้ไม่ได้เก็บไว้ในไฟล์ จึงไม่มีโฟลเดอร์ส่งออกให้เขียน

# stats16
config-source-friend = เพื่อนหรือครอบครัว
config-source-neighbour-shop = ร้านข้างเคียง
config-source-supplier = ผู้จัดส่งสินค้า
config-source-social-media = โซเชียลมีเดีย
config-source-walked-past = เดินผ่านร้าน
config-source-event = งานกิจกรรม
config-source-staff = พนักงานร้าน
config-source-business-network = หอการค้าหรือเครือข่ายธุรกิจ
err-config-stats = { $key } = { $value } อยู่นอกช่วง: lapse_days เป็นจำนวนวันเต็มตั้งแต่ 1 ขึ้นไป lifespan_years เป็นจำนวนปีที่มากกว่า 0 และไม่เกิน 100
err-feedback-range = คำตอบ { $what } { $value } อยู่นอกช่วง: ใช้จำนวนเต็มตั้งแต่ { $lowest } ถึง { $highest }
err-source-unknown = "{ $name }" ไม่ใช่หนึ่งในแหล่งที่มาในการตั้งค่า: { $sources }
cli-feedback-saved = บันทึก { $what } { $score } ของ { $name } (#{ $id }) แล้ว
cli-feedback-saved-anonymous = บันทึก { $what } { $score } แบบไม่ระบุชื่อแล้ว
help-member-add-referred-by = สมาชิกที่แนะนำมา: รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-member-add-source = รู้จักร้านได้อย่างไร หนึ่งในแหล่งที่มาในการตั้งค่า เช่น "เดินผ่านร้าน"
help-feedback = บันทึกคำตอบความคิดเห็นจากหน้าร้าน: NPS 0–10 หรือ CSAT 1–5
help-feedback-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-feedback-anonymous = คำตอบจากผู้ที่ไม่ระบุชื่อ
help-feedback-nps = มีแนวโน้มจะแนะนำร้านมากแค่ไหน 0–10
help-feedback-csat = พึงพอใจมากแค่ไหน 1–5
help-feedback-json = แสดงคำตอบที่บันทึกเป็น JSON
help-stats = สุขภาพของคลับ: อัตราการรักษาลูกค้า อัตราการเลิกมา NPS CSAT มูลค่าตลอดอายุลูกค้า และสัดส่วนยอดขายของสมาชิก
help-stats-from = วันแรกของช่วงเวลา (ค่าเริ่มต้น: 364 วันก่อนวันสุดท้าย)
help-stats-to = วันสุดท้ายของช่วงเวลา (ค่าเริ่มต้น: วันนี้)
help-stats-shop = เฉพาะสาขานี้ของเครือ: ใบเสร็จของสาขา และสมาชิกที่สมัครหรือซื้อที่สาขานั้น
help-stats-json = แสดงตัวเลขเป็น JSON
stats-title = สุขภาพของคลับ { $from } – { $to } ({ $days } วัน)
stats-members = สมาชิก
stats-new-members = สมาชิกใหม่
stats-active-start = ยังมาร้านเมื่อต้นช่วง
stats-active-end = ยังมาร้านเมื่อปลายช่วง
stats-lost = มาเมื่อต้นช่วง แต่ไม่มาเมื่อปลายช่วง
stats-retention = อัตราการรักษาลูกค้า
stats-churn = อัตราการเลิกมา
stats-nps = NPS
stats-csat = CSAT
stats-answers = { $count ->
   *[other] { $shown } คำตอบ
}
stats-cltv = มูลค่าตลอดอายุลูกค้า
stats-avg-basket = ยอดซื้อเฉลี่ยต่อใบเสร็จ
stats-visits-per-year = จำนวนครั้งที่มาต่อปี
stats-lifespan = จำนวนปีที่สมาชิกอยู่กับคลับ
stats-member-share = สัดส่วนยอดขายของสมาชิก
stats-undefined = —
stats-sources = สมาชิกใหม่รู้จักเราจากที่ไหน
stats-source-line = ใหม่ { $count } คน, { $spend } ใน 12 เดือน
stats-top-referrers = ผู้แนะนำสมาชิกใหม่มากที่สุด
err-stats-period = ช่วงเวลาจะสิ้นสุดวันที่ { $to } ก่อนวันเริ่มต้น { $from }
cli-branch = สาขา: { $name }
err-shop-unknown = ไม่มีสาขาชื่อ "{ $name }" สาขาที่รู้จัก: { $known }
err-shop-unknown-none = ไม่มีสาขาชื่อ "{ $name }": ยังไม่มีใบเสร็จหรือสมาชิกคนใดระบุชื่อสาขา และร้านนี้ยังไม่มีชื่อของตัวเอง ([sync] shop ในไฟล์ตั้งค่า)

# statsscreen16
ui-key-stats = ตัวเลขของคลับ
ui-key-stats-formula = สูตร
ui-key-stats-month = ±1 เดือน
ui-key-stats-other = ตัวเลขอื่น
ui-help-stats = ในหน้าสถิติ
ui-help-stats-formula = วิธีคำนวณตัวเลข
stats-screen-working = กำลังคำนวณตัวเลข…
stats-screen-chart-working = กำลังวาด 12 เดือนล่าสุด…
stats-screen-undefined = คำนวณไม่ได้
stats-screen-why-start = คำนวณไม่ได้: ไม่มีสมาชิกที่ยังมาร้านในวันแรกของช่วง
stats-screen-why-answers = คำนวณไม่ได้: ไม่มีคำตอบในช่วงนี้
stats-screen-why-sales = คำนวณไม่ได้: ไม่มีการซื้อในช่วงนี้
stats-screen-why-parts = คำนวณไม่ได้: หนึ่งในสามส่วนของมันคำนวณไม่ได้
stats-screen-why-visits = คำนวณไม่ได้: ไม่มีสมาชิกมาร้านในช่วงนี้
stats-screen-not-after-today = ช่วงเวลาจะสิ้นสุดหลังวันนี้ไม่ได้
stats-screen-active-rule = ยังมาร้าน: มาภายใน { $days } วันจนถึงวันนั้น
stats-screen-chart = 12 เดือนล่าสุด
stats-screen-chart-members = สมาชิก
stats-screen-chart-active = ยังมาร้าน
stats-screen-period = ช่วง: { $from } – { $to }, { $days } วัน
stats-screen-new-active = ยังมาร้านเมื่อปลายช่วงและสมัครในช่วงนี้
stats-screen-answers = คำตอบ
stats-screen-promoters = คำตอบ 9–10
stats-screen-detractors = คำตอบ 0–6
stats-screen-satisfied = คำตอบ 4 หรือ 5
stats-screen-member-net = ยอดขายให้สมาชิกหักคืนเงิน
stats-screen-member-receipts = ใบเสร็จขายของสมาชิก
stats-screen-member-visits = ครั้งที่สมาชิกมา (วันที่มีการซื้อ)
stats-screen-members-visiting = สมาชิกที่มาร้าน
stats-screen-all-net = ยอดขายทั้งหมดหักคืนเงิน
stats-screen-days = จำนวนวันในช่วง
stats-screen-lifespan-setting = จำนวนปีที่ตั้งไว้ในการตั้งค่า
stats-formula-members = สมาชิกที่สมัครภายในวันสุดท้ายของช่วง ไม่นับสมาชิกที่ถูกลบ
stats-formula-new-members = สมาชิกที่สมัครในช่วงนี้ ไม่ว่าจะยังมาร้านหรือไม่
stats-formula-active-start = S = สมาชิกที่ยังมาร้านในวันแรกของช่วง
stats-formula-active-end = E = สมาชิกที่ยังมาร้านในวันสุดท้ายของช่วง
stats-formula-lost = สมาชิกที่ยังมาร้านในวันแรก (S) แต่ไม่มาแล้วในวันสุดท้าย (E)
stats-formula-retention = การรักษาลูกค้า = (E − N) ÷ S × 100
stats-formula-churn = การเลิกมา = ที่เลิกมา ÷ S × 100
stats-formula-nps = NPS = % คำตอบ 9–10 − % คำตอบ 0–6
stats-formula-csat = CSAT = % คำตอบ 4 หรือ 5
stats-formula-cltv = มูลค่าตลอดอายุ = ยอดซื้อเฉลี่ยต่อใบเสร็จ × จำนวนครั้งที่มาต่อปี × จำนวนปีที่สมาชิกอยู่กับคลับ
stats-formula-avg-basket = ยอดซื้อเฉลี่ย = ยอดขายให้สมาชิกหักคืนเงิน ÷ ใบเสร็จขายของพวกเขา
stats-formula-visits-per-year = ครั้งที่มาต่อปี = ครั้งที่มา ÷ สมาชิกที่มาร้าน × 365 ÷ จำนวนวันในช่วง
stats-formula-lifespan = จำนวนปีที่สมาชิกอยู่ = 1 ÷ อัตราการเลิกมาต่อปี สูงสุด 10 (เว้นแต่ตั้งไว้ในการตั้งค่า)
stats-formula-member-share = สัดส่วนของสมาชิก = ยอดขายให้สมาชิก ÷ ยอดขายทั้งหมด × 100 (หักคืนเงินแล้ว)

# notes16
note-kind-note = บันทึก
note-kind-request = คำขอ
note-kind-complaint = ข้อร้องเรียน
note-open = ยังไม่แก้ไข
note-resolved-on = แก้ไขแล้วเมื่อ { $date }: { $how }
err-note-kind = "{ $kind }" ไม่ใช่ประเภทของบันทึก: ใช้อย่างใดอย่างหนึ่งจาก { $kinds }
err-note-empty = บันทึกว่างเปล่า: เขียนสิ่งที่ต้องจำ
err-note-how-empty = เขียนสิ่งที่ทำไปเพื่อแก้ไข
err-note-not-found = ไม่มีบันทึกหมายเลข { $id }
err-note-plain = บันทึกหมายเลข { $id } เป็นบันทึกธรรมดา: แก้ไขได้เฉพาะคำขอและข้อร้องเรียน
err-note-resolved = บันทึกหมายเลข { $id } แก้ไขไปแล้วเมื่อ { $at }
cli-note-added = เพิ่ม{ $kind } หมายเลข { $id } ให้ { $name } แล้ว
cli-note-none = ไม่มีบันทึก
cli-note-resolved = { $kind } หมายเลข { $id } แก้ไขแล้ว บันทึกยังอยู่ในประวัติของสมาชิก
merge-what-notes = บันทึกการบริการ
help-note = บันทึกการบริการ: บันทึก คำขอ และข้อร้องเรียน และวิธีที่แก้ไข
help-note-add = เพิ่มบันทึก คำขอ หรือข้อร้องเรียนให้สมาชิก
help-note-add-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-note-add-kind = note (บันทึก), request (คำขอ) หรือ complaint (ข้อร้องเรียน)
help-note-add-text = สิ่งที่ต้องจำ
help-note-add-json = แสดงบันทึกใหม่เป็น JSON
help-note-list = บันทึกของสมาชิกหนึ่งคนหรือของทุกคน ใหม่สุดก่อน
help-note-list-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล (ไม่ใส่: สมาชิกทุกคน)
help-note-list-open = เฉพาะคำขอและข้อร้องเรียนที่ยังไม่แก้ไข
help-note-list-json = แสดง JSON: id, member_id, kind, text, at, resolved_at, resolution
help-note-resolve = แก้ไขคำขอหรือข้อร้องเรียน พร้อมสิ่งที่ทำไป
help-note-resolve-id = หมายเลขบันทึก
help-note-resolve-how = สิ่งที่ทำไป

# feedback16
ui-key-ask-nps = ถาม: จะแนะนำเราไหม? 0–10
ui-key-ask-csat = ถาม: พอใจไหม? 1–5
ui-key-survey = แบบสอบถาม
ui-key-feedback-score = คำตอบ
ui-key-feedback-ten = 10
ui-key-feedback-pick = เลือก
ui-key-feedback-store = บันทึกคำตอบ
ui-key-survey-skip = ข้าม
ui-key-survey-stop = หยุด
ui-feedback-title = ความคิดเห็น: { $name }
ui-feedback-title-anonymous = ความคิดเห็น (ไม่ระบุชื่อ)
ui-feedback-nps-question = คุณมีแนวโน้มจะแนะนำเราให้ผู้อื่นมากแค่ไหน? 0–10
ui-feedback-nps-ends = 0 = ไม่แนะนำเลย, 10 = แนะนำแน่นอน
ui-feedback-csat-question = วันนี้คุณพอใจมากแค่ไหน? 1–5
ui-feedback-csat-ends = 1 = ไม่พอใจมาก, 5 = พอใจมาก
ui-feedback-keys = กดปุ่มเดียวเพื่อบันทึกคำตอบ: { $keys }
ui-feedback-keys-ten = กดปุ่มเดียวเพื่อบันทึกคำตอบ: { $keys }, = แทน 10
ui-feedback-esc = Esc ไม่ถาม
ui-feedback-saved-anonymous = บันทึก { $what } { $score } แบบไม่ระบุชื่อแล้ว
ui-feedback-saved-bonus = บันทึก { $what } { $score } ของ { $name } แล้ว พร้อมโบนัสรีวิว: { $points }
ui-feedback-saved-no-bonus = บันทึก { $what } { $score } ของ { $name } แล้ว ครั้งนี้ไม่มีโบนัสรีวิว (ได้รับไปแล้ว หรือไม่ได้ตั้งไว้)
ui-help-feedback = คำถามความคิดเห็น
ui-help-title-feedback = วิธีใช้: ความคิดเห็น
ui-help-intro-feedback = ถามตามข้อความที่เขียนไว้ แล้วกดปุ่มของคำตอบ: บันทึกทันทีพร้อมวันที่ของวันนี้ จากบัตรสมาชิก คำตอบเป็นของสมาชิกคนนั้น (และอาจได้โบนัสรีวิวหนึ่งครั้งต่อรอบ) จากรายการหน้าร้าน คำตอบไม่ระบุชื่อ
ui-survey-none = ยังไม่มีคำถามแบบสอบถาม: เจ้าของร้านเขียนได้สูงสุดห้าข้อในการตั้งค่า ใต้ [[survey.questions]]
ui-survey-done = บันทึกคำตอบแบบสอบถาม { $count } ข้อของ { $name } แล้ว
ui-survey-title = แบบสอบถาม: { $name } · คำถามที่ { $number } จาก { $total }
ui-survey-answer = คำตอบ
ui-survey-keys-text = พิมพ์คำตอบ กด Enter เพื่อบันทึก Tab ข้าม Esc หยุด
ui-survey-keys-skip = Tab หรือ s ข้าม Esc หยุด คำตอบที่ให้แล้วยังคงบันทึกไว้
ui-help-survey-pick = คำถามแบบมาตราส่วนหรือตัวเลือก
ui-help-survey-text = คำถามที่ตอบเป็นข้อความ
ui-help-title-survey = วิธีใช้: แบบสอบถาม
ui-help-intro-survey = คำถามของเจ้าของร้านจากการตั้งค่า ถามทีละข้อ ทุกคำตอบบันทึกทันทีที่ตอบ พร้อมวันที่ของวันนี้และข้อความของคำถาม การแก้ไขการตั้งค่าภายหลังจึงไม่เปลี่ยนป้ายของคำตอบเดิม
ui-stats-survey-none = ยังไม่มีคำถามแบบสอบถามในการตั้งค่า: เพิ่มได้สูงสุดห้าข้อใต้ [[survey.questions]]
ui-key-stats-survey = แบบสอบถาม
ui-key-stats-survey-back = กลับไปที่ตัวเลข
ui-help-stats-survey = ในหน้าแบบสอบถาม
ui-help-title-stats_survey = วิธีใช้: คำตอบแบบสอบถาม
ui-help-intro-stats_survey = คำถามแต่ละข้อพร้อมคำตอบในช่วงเวลาของหน้าตัวเลข: ค่าเฉลี่ยของมาตราส่วน จำนวนที่เลือกแต่ละตัวเลือก และคำตอบข้อความห้าข้อล่าสุด
err-survey-too-many = คำถามแบบสอบถาม { $count } ข้อ: หน้าร้านถามได้ไม่เกิน { $most } ข้อ
err-survey-no-text = คำถามแบบสอบถามข้อ { $number } ไม่มีข้อความ: เขียนคำถามตามที่จะถาม
err-survey-twice = คำถามแบบสอบถามข้อ { $number } "{ $text }" ซ้ำสองครั้ง: คำตอบนำเข้าตามข้อความของคำถาม จึงต้องไม่ซ้ำกัน
err-survey-choices = คำถามแบบสอบถามข้อ { $number } "{ $text }": คำถามแบบตัวเลือกต้องมีตัวเลือกต่างกัน 2 ถึง { $most } ตัว เช่น choices = ["นมโอ๊ต", "นมถั่วเหลือง"]
err-survey-choices-unused = คำถามแบบสอบถามข้อ { $number } "{ $text }" เป็นชนิด { $kind } ซึ่งไม่มีตัวเลือก: ลบ choices ออก หรือใช้ kind = "choice"
err-survey-none = ไม่มีคำถามแบบสอบถามในการตั้งค่า: เพิ่มได้สูงสุดห้าข้อใต้ [[survey.questions]] แต่ละข้อมี text และ kind (nps, csat, choice หรือ text)
survey-answer-nps = 0–10 (0 = ไม่แนะนำเลย, 10 = แนะนำแน่นอน)
survey-answer-csat = 1–5 (1 = ไม่พอใจมาก, 5 = พอใจมาก)
survey-answer-choice = หนึ่งใน: { $choices }
survey-answer-text = ตอบด้วยคำพูดของคุณเอง
err-survey-import-read = { $path }: อ่านเป็น CSV ไม่ได้: { $detail }
err-survey-import-column = { $path }: คอลัมน์ "{ $column }" ไม่ใช่คำถามของแบบสอบถามในการตั้งค่า (แก้ไขคำถามหลังส่งออก?) ไม่ได้นำเข้าอะไรเลย
err-survey-import-no-member = { $path }: ไม่มีคอลัมน์ "member" (รหัส เบอร์โทร อีเมล หรือบัตรของสมาชิก) ไม่ได้นำเข้าอะไรเลย
err-survey-import-no-question = { $path }: ไม่มีคอลัมน์ใดใช้ข้อความของคำถามแบบสอบถามเป็นหัวคอลัมน์ ไม่ได้นำเข้าอะไรเลย
err-survey-import-answer = "{ $value }" ไม่ใช่คำตอบของ "{ $column }": ให้ใส่ { $expected }
err-survey-import-no-key = มีคำตอบแต่ไม่มีสมาชิก: คอลัมน์สมาชิกว่าง
cli-survey-exported = เขียนรายชื่อสมาชิกที่จะถาม { $count } คนลงใน { $path } แล้ว คำถามอยู่ใน { $questions }
cli-survey-skipped = { $path }:{ $line }: ข้าม: { $problem }
cli-survey-imported = นำเข้าคำตอบของสมาชิก { $count } คนแล้ว ({ $answers } คำตอบ) ข้าม { $skipped } แถว
stats-survey = แบบสอบถาม
stats-survey-question = { $number }. { $question } ({ $answers })
stats-survey-mean = ค่าเฉลี่ย
stats-survey-latest = ล่าสุด
merge-what-survey_answers = คำตอบแบบสอบถาม
help-survey = แบบสอบถามของเจ้าของร้าน: ส่งออกคำถามและผู้ที่จะถาม นำเข้าคำตอบ
help-survey-export = เขียนคำถามและสมาชิกที่ยินยอมซึ่งจะถาม (เลือกแบบเดียวกับ export contacts)
help-survey-export-channel = sms หรือ email
help-survey-export-segment = เฉพาะสมาชิกของกลุ่มนี้: ชื่อกลุ่มที่บันทึกไว้หรือนิพจน์
help-survey-export-out = ไฟล์ที่จะเขียน (ค่าเริ่มต้น: โฟลเดอร์ส่งออก) คำถามเขียนไว้ข้างกัน
help-survey-export-json = พิมพ์ไฟล์ คำถาม และจำนวนสมาชิกเป็น JSON
help-survey-import = นำคำตอบกลับจาก CSV: คอลัมน์สมาชิกและหนึ่งคอลัมน์ต่อคำถาม
help-survey-import-file = ไฟล์ CSV เช่น รายชื่อที่ส่งออกซึ่งกรอกคำตอบแล้ว
help-survey-import-json = พิมพ์สิ่งที่นำเข้าและแถวที่ข้ามเป็น JSON
ui-stats-survey-title = คำตอบแบบสอบถาม { $from } – { $to }

# events16
event-field-date = วันที่
err-event-name = กิจกรรมต้องมีชื่อ
err-event-capacity = จำนวนที่รับได้ { $value } ไม่ใช่จำนวนคน: ใส่ 1 ขึ้นไป หรือเว้นว่างไว้
err-event-not-found = ไม่มีกิจกรรมหมายเลข { $id }
err-event-attended-twice = { $name } ถูกบันทึกว่ามาร่วม { $event } แล้ว ({ $at })
cli-event-added = เพิ่มกิจกรรมหมายเลข { $id } แล้ว: { $name } วันที่ { $date }
event-none = ยังไม่มีกิจกรรม
event-invited-came = เชิญ { $invited } มาร่วม { $came }
event-invite-written = เชิญสมาชิก { $shown } คนแล้ว เขียนรายชื่อไปที่ { $path }
event-invite-left-out = สมาชิกในกลุ่ม { $count } คนไม่อยู่ในรายชื่อ: ไม่ได้ยินยอมทางช่องทางนี้ ไม่มีข้อมูลติดต่อทางช่องทางนี้ หรืออยู่ในรายชื่อห้ามติดต่อ
event-invite-over = เชิญ { $invited } คนสำหรับ { $capacity } ที่: เกินจำนวนที่รับได้ { $over } คน
event-attended = { $name } มาร่วม { $event } แล้ว
event-attended-uninvited = { $name } มาร่วม { $event } แล้ว (ไม่ได้รับเชิญ)
event-after-title = 90 วันหลังกิจกรรม: { $from } – { $to }
event-after-incomplete = ยังไม่ครบ
event-group-came = สมาชิกที่มาร่วม
event-group-others = สมาชิกที่ยังมาร้านแต่ไม่ได้รับเชิญ
event-group-line = { $group }: สมาชิก { $members } คน เฉลี่ยคนละ { $visits } ครั้ง ใช้จ่าย { $spend }
event-group-nobody = { $group }: ไม่มีใคร
merge-what-event_invites = คำเชิญเข้าร่วมกิจกรรม
merge-what-event_attendance = กิจกรรมที่มาร่วม
help-event = กิจกรรมของคลับ: เพิ่ม แสดงรายการ เชิญกลุ่มสมาชิก บันทึกผู้มาร่วม และ 90 วันหลังกิจกรรม
help-event-add = เพิ่มกิจกรรมของคลับ
help-event-add-name = ชื่อกิจกรรม
help-event-add-date = วันจัดกิจกรรม
help-event-add-capacity = จำนวนคนที่มาร่วมได้ (ไม่ใส่: ไม่จำกัด)
help-event-add-json = แสดงกิจกรรมใหม่เป็น JSON
help-event-list = กิจกรรมทั้งหมด ล่าสุดก่อน
help-event-list-json = แสดง JSON: id, name, date, capacity, invited_count, attended_count
help-event-invite = เชิญสมาชิกในกลุ่มที่ยินยอมรับข้อความทางช่องทางนั้น และเขียนรายชื่อติดต่อ
help-event-invite-id = หมายเลขกิจกรรม
help-event-invite-segment = ชื่อกลุ่มสมาชิกที่บันทึกไว้หรือนิพจน์ เช่น "pet=dog"
help-event-invite-channel = sms หรือ email
help-event-invite-out = ไฟล์ที่จะเขียน (ค่าเริ่มต้น: โฟลเดอร์ส่งออกข้างฐานข้อมูล)
help-event-attend = บันทึกว่าสมาชิกมาร่วมกิจกรรม
help-event-attend-id = หมายเลขกิจกรรม
help-event-attend-key = รหัสสมาชิก เลขบัตร เบอร์โทร หรืออีเมล
help-event-show = ใครได้รับเชิญ ใครมาร่วม และ 90 วันหลังกิจกรรม
help-event-show-id = หมายเลขกิจกรรม
help-event-show-json = แสดง JSON: id, name, date, capacity, invited, attended, after_90d
ui-key-events = กิจกรรม
ui-key-new-event = กิจกรรมใหม่
ui-key-mark-came = มา / ไม่มา
ui-key-invite = เชิญ
ui-key-invite-channel = SMS / อีเมล
ui-key-invite-write = เชิญและเขียนรายชื่อ
ui-key-mark-picked = มาร่วมกิจกรรมนี้
ui-key-came-to-event = มาร่วมกิจกรรมวันนี้
ui-key-back-to-events = กลับไปที่กิจกรรม
ui-help-title-events = วิธีใช้: กิจกรรม
ui-help-intro-events = กิจกรรมของคลับ: เวิร์กช็อป ชิมอาหาร ชั่วโมงอ่านหนังสือ แต่ละแถวแสดงวันที่ จำนวนที่เชิญเทียบกับจำนวนที่รับได้ และจำนวนที่มาร่วม กด n เพื่อเพิ่มกิจกรรม กด Enter เพื่อเปิด
ui-help-title-event = วิธีใช้: รายละเอียดกิจกรรม
ui-help-intro-event = ใครได้รับเชิญและใครมาร่วม และ 90 วันหลังกิจกรรม: การมาร้านและยอดใช้จ่ายเฉลี่ยต่อสมาชิกของผู้ที่มาร่วม เทียบกับสมาชิกที่ยังมาร้านแต่ไม่ได้รับเชิญ กด i เพื่อเชิญสมาชิกในกลุ่มที่ยินยอมรับข้อความทางช่องทางนั้นและเขียนรายชื่อติดต่อ กด Space เพื่อบันทึกผู้มาร่วม
ui-help-title-event-pick = วิธีใช้: เลือกกิจกรรม
ui-help-intro-event-pick = เลือกกิจกรรมที่สมาชิกมาร่วม กด Enter เพื่อบันทึก
ui-help-events = ในหน้ากิจกรรม
ui-help-events-form = กิจกรรมใหม่
ui-help-event = ในกิจกรรม
ui-help-event-invite = เชิญกลุ่มสมาชิก
ui-help-event-pick = เลือกกิจกรรม
ui-events-title = กิจกรรมของคลับ
ui-events-loading = กำลังอ่านกิจกรรม…
ui-events-empty = ยังไม่มีกิจกรรม: กด n เพื่อเพิ่ม (ชื่อ วันที่ จำนวนคนที่มาร่วมได้)
ui-events-col-date = วันที่
ui-events-col-name = กิจกรรม
ui-events-col-invited = เชิญ
ui-events-col-came = มาร่วม
ui-events-form-title = กิจกรรมใหม่
event-field-capacity = จำนวนที่รับได้
ui-events-capacity-hint = ว่าง: ไม่จำกัด
ui-events-added = เพิ่ม { $name } วันที่ { $date } แล้ว
ui-event-loading = กำลังคำนวณ 90 วันหลังกิจกรรม…
ui-event-guests = ได้รับเชิญและมาร่วม
ui-event-no-guests = ยังไม่มีใครได้รับเชิญหรือมาร่วม: กด i เพื่อเชิญกลุ่มสมาชิก
ui-event-not-invited = ไม่ได้รับเชิญ
ui-event-invite-title = เชิญร่วม { $name }
ui-event-invite-segment = กลุ่มสมาชิก
ui-event-invite-channel = ช่องทาง
ui-event-invite-example = ชื่อกลุ่มสมาชิกที่บันทึกไว้หรือนิพจน์ เช่น pet=dog and children เชิญเฉพาะสมาชิกที่ยินยอมรับข้อความทางช่องทางนั้น
ui-event-invite-saved = กลุ่มสมาชิกที่บันทึกไว้: { $names } เชิญเฉพาะสมาชิกที่ยินยอมรับข้อความทางช่องทางนั้น
ui-event-pick-title = สมาชิกมาร่วมกิจกรรมไหน?
ui-event-pick-none = ยังไม่มีกิจกรรม: เพิ่มได้ที่หน้ากิจกรรม (กด e ที่รายชื่อหน้าเคาน์เตอร์)

# notestui16
ui-key-add-note = เพิ่มบันทึก
ui-key-resolve-note = แก้ไขคำขอ/ข้อร้องเรียน
ui-key-note-kind-note = บันทึก
ui-key-note-kind-request = คำขอ
ui-key-note-kind-complaint = ข้อร้องเรียน
ui-key-pick-open-note = เลือก
ui-key-resolve-save = แก้ไขแล้ว
ui-help-note-kind = บันทึกใหม่: เป็นประเภทไหน
ui-help-note-text = พิมพ์บันทึก
ui-help-note-resolve = แก้ไขคำขอหรือข้อร้องเรียน
ui-note-add-title = บันทึกของ { $name }
ui-note-kind-title = { $kind } ของ { $name }
ui-note-resolve-title = แก้ไขเรื่องของ { $name }
ui-note-what-was-done = ทำอะไรไป
ui-note-which-kind = เป็นเรื่องอะไร กดหนึ่งปุ่ม:
ui-note-kind-esc = Esc: ไม่เพิ่มบันทึก
ui-note-hint-note = สิ่งที่ควรจำเกี่ยวกับพวกเขา
ui-note-hint-request = สิ่งที่พวกเขาขอ ค้างไว้จนกว่าจะทำ
ui-note-hint-complaint = มีบางอย่างผิดพลาด ค้างไว้จนกว่าจะแก้ไข
ui-note-which-open = เรื่องไหน (↑↓):
ui-note-added = บันทึก{ $kind }ในบัตรของ { $name } แล้ว
ui-note-resolved = แก้ไข{ $kind }ของ { $name } แล้ว ยังคงอยู่ในบันทึก
ui-note-none-open = ไม่มีคำขอหรือข้อร้องเรียนที่ค้างอยู่
ui-note-open-mark = ⚑
ui-card-notes = บันทึกการบริการ
ui-card-notes-hint = n เพิ่มบันทึก, t แก้ไข
ui-card-open-complaints = { $count ->
   *[other] ⚑ ข้อร้องเรียนค้าง { $count } เรื่อง
}
ui-card-open-requests = { $count ->
   *[other] ⚑ คำขอค้าง { $count } เรื่อง
}
ui-review-tab-open-notes = ยังค้าง
ui-review-open-notes-intro = คำขอและข้อร้องเรียนที่ค้าง รอนานที่สุดก่อน
ui-review-no-open-notes = ไม่มีคำขอหรือข้อร้องเรียนค้าง แก้ไขครบแล้ว
ui-review-col-open-since = ค้างตั้งแต่
ui-review-open-notes-hint = Enter เปิดบัตร แล้วกด t เพื่อแก้ไขและบันทึกสิ่งที่ทำ

# referral16
signup-found-us = รู้จักร้านจาก
signup-found-us-title = ลูกค้ารู้จักร้านเราได้อย่างไร?
signup-found-us-placeholder = ส่วนหนึ่งของชื่อ เบอร์โทร บัตร หรืออีเมลของสมาชิก
signup-found-us-members = สมาชิกที่แนะนำมา
signup-found-us-sources = หรือรู้จักจาก
signup-found-us-hint = พิมพ์ชื่อ, เว้นวรรค: รายการ
signup-found-us-brought = ผู้แนะนำ
signup-found-us-bonus = { $referrer } แนะนำ { $name } มา ทั้งสองคนได้รับโบนัสแนะนำเพื่อน ({ $points } คะแนน)
signup-found-us-noted = บันทึกแล้วว่า { $referrer } แนะนำ { $name } มา
signup-found-us-key-list = รายการ
signup-found-us-key-pick = เลือก
signup-found-us-help = ในแถว "รู้จักร้านจาก"
signup-found-us-help-pick = ขณะเลือกว่ารู้จักร้านจากอะไร
stats-screen-chart-churn-title = อัตราการเลิกมารายเดือน
stats-screen-chart-nps-title = NPS รายเดือน
stats-screen-chart-churn = เลิกมา
stats-screen-chart-nps = NPS
stats-screen-key-period = ช่วงเวลา
stats-screen-key-sources = แหล่งที่มา
stats-screen-key-figures = ตัวเลข
stats-screen-key-show = แสดง
stats-screen-help-sources = ในหน้าแหล่งที่มา
stats-screen-help-period = ขณะพิมพ์ช่วงเวลา
stats-period-title = ช่วงเวลา
stats-period-from = ตั้งแต่
stats-period-to = ถึง
stats-period-hint = เขียนวันที่แบบ { $example } หรือ 2025-11-24
stats-period-bad-date = { $field }: "{ $value }" ไม่ใช่วันที่ ให้เขียนแบบ { $example }
stats-period-after-today = { $field }: ช่วงเวลาจะสิ้นสุดหลังวันนี้ ({ $today }) ไม่ได้
stats-period-order = { $from_field } ({ $from }) อยู่หลัง { $to_field } ({ $to })
stats-sources-none = ไม่มีสมาชิกใหม่ในช่วงนี้ที่ระบุแหล่งที่มา
stats-sources-col-source = แหล่งที่มา
stats-sources-col-new = สมาชิกใหม่
stats-sources-col-spend = ยอดซื้อ 12 เดือน
stats-referrers-col-member = สมาชิก
stats-referrers-col-brought = แนะนำมา
stats-referrers-none = ไม่มีสมาชิกใหม่ในช่วงนี้ที่สมาชิกแนะนำมา

# square17
ui-unmatched-till-customer = ลูกค้าจากเครื่องคิดเงิน { $id }
import-note-unknown-zone = บรรทัด { $line }: { $column } "{ $value }" ไม่ใช่เขตเวลาที่แอปรู้จัก ใบเสร็จในเขตนี้เก็บเวลาตามที่เขียนไว้ โดยไม่มีเวลา UTC

# stats events page
stats-screen-key-events = กิจกรรม
stats-screen-help-events = หน้ากิจกรรม
stats-events = กิจกรรมของคลับในช่วงนี้ และ 90 วันหลังแต่ละกิจกรรม
stats-events-none = ไม่มีกิจกรรมในช่วงนี้ (กด e ที่รายชื่อหน้าเคาน์เตอร์เพื่อเพิ่ม)
stats-events-line = { $date } · { $name } · { $counts }

# mapping17
import-err-near-miss = { $path } ดูเหมือนไฟล์ส่งออก { $format } แต่ขาดคอลัมน์ { $missing }: { $hint } ไม่ได้บันทึกอะไร
import-hint-square-columns = แสดงคอลัมน์ทั้งหมดในแดชบอร์ดของ Square ก่อนส่งออก
import-hint-all-columns = ส่งออกใหม่พร้อมคอลัมน์ทั้งหมด หรือระบุว่าคอลัมน์ใดคืออะไรด้วย --map receipt=COLUMN,time=COLUMN,total=COLUMN
import-export-square-items = Square Item Sales
import-export-square-transactions = Square Transactions
import-export-loyverse-receipts = Loyverse Receipts
import-export-loyverse-items = Loyverse Receipts by item
import-export-shopify-orders = Shopify Orders
import-export-odoo-pos = Odoo Point of Sale
import-export-sumup = SumUp Transactions
import-export-mobilepay = MobilePay
import-export-zettle = Zettle
import-err-map-role = "{ $value }" ใน --map ไม่ใช่ บทบาท=คอลัมน์ ที่บทบาทเป็นหนึ่งใน receipt, time, total, item, qty, amount, kind, phone, email, card (อย่างละครั้ง)
import-err-map-missing = --map ไม่ได้ระบุว่าคอลัมน์ใดคือ { $role }: ต้องมี receipt, time และ total
import-err-map-column = { $path } ไม่มีคอลัมน์ "{ $column }" (ที่ระบุให้ { $role } ใน --map) ไม่ได้บันทึกอะไร
import-err-map-twice = คอลัมน์ "{ $column }" ถูกระบุให้สองบทบาทใน --map

# the import screen's mapping step
ui-map-unknown = { $file } ไม่ใช่ไฟล์ส่งออกที่แอปรู้จัก ระบุว่าคอลัมน์ใดคืออะไร (* คือจำเป็น) แถวแรก ๆ ด้านล่างแสดงว่าไฟล์จะถูกอ่านอย่างไร
ui-map-near-miss = { $file } ดูเหมือนไฟล์ส่งออก { $format } แต่ขาด { $missing } ส่งออกใหม่พร้อมคอลัมน์ทั้งหมด หรือระบุที่นี่ว่าคอลัมน์ใดคืออะไร (* คือจำเป็น)
ui-map-near-miss-square = { $file } ดูเหมือนไฟล์ส่งออก { $format } แต่ขาด { $missing }: แสดงคอลัมน์ทั้งหมดในแดชบอร์ด Square ก่อนส่งออก หรือระบุที่นี่ว่าคอลัมน์ใดคืออะไร (* คือจำเป็น)
ui-map-role-receipt = เลขที่ใบเสร็จ
ui-map-role-time = วันที่และเวลา
ui-map-role-total = ยอดรวม
ui-map-role-item = สินค้า
ui-map-role-qty = จำนวน
ui-map-role-amount = ยอดของรายการ
ui-map-role-kind = คำว่าขายหรือคืนเงิน
ui-map-role-phone = โทรศัพท์
ui-map-role-email = อีเมล
ui-map-role-card = บัตรสมาชิก
ui-map-none = ไม่มี
ui-map-col-line = บรรทัด
ui-map-col-receipt = ใบเสร็จ
ui-map-col-date = วันที่
ui-map-col-total = ยอดรวม
ui-map-col-customer = ลูกค้า
ui-map-missing = เลือกคอลัมน์ของ { $role } ด้วย ←→: ถ้าไม่มีจะอ่านแถวไม่ได้
ui-map-rejected = { $count ->
   *[other] มี { $count } แถวในนี้ที่อ่านไม่ได้และจะถูกข้ามไป: เลือกคอลัมน์ผิดหรือเปล่า?
}
ui-map-ready = กด Enter เพื่อนำเข้า การจับคู่คอลัมน์จะถูกจำไว้ใช้กับไฟล์ที่มีคอลัมน์เดียวกัน
ui-map-needed = ต้องมี { $role }: เลือกคอลัมน์ด้วย ←→ ก่อน
ui-key-map-role = ช่องข้อมูล
ui-key-map-column = คอลัมน์
ui-key-map-none = ไม่เลือกคอลัมน์
ui-key-map-import = นำเข้า
ui-map-by-hand = ระบุว่าคอลัมน์ใดของ { $file } คืออะไร (* คือจำเป็น) แถวด้านล่างแสดงว่าจะถูกอ่านอย่างไร และ Enter จะจำการจับคู่นี้ไว้
ui-map-no-header = { $file } ไม่มีแถวหัวตารางที่ระบุชื่อสามคอลัมน์ จึงจับคู่คอลัมน์ไม่ได้
ui-key-map-columns = ระบุว่าคอลัมน์ใดคืออะไร
ui-help-import-mapping = การระบุว่าคอลัมน์ใดคืออะไร

# เครือร้าน (ซิงก์)
help-sync = ส่งการเปลี่ยนแปลงของสาขานี้ไปยังเซิร์ฟเวอร์ของเครือร้าน และรับการเปลี่ยนแปลงของสาขาอื่น (ต้องตั้ง [sync] url และ shop ในการตั้งค่า)
help-sync-init = สร้างตารางของเครือร้านบนเซิร์ฟเวอร์ หรืออัปเดตตาราง (ครั้งเดียวต่อเครือร้าน และหลังอัปเดตโปรแกรม)
help-sync-json = พิมพ์ JSON: สาขา เซิร์ฟเวอร์ (ไม่มีรหัสผ่าน) จำนวนที่ส่งและรับแยกตามประเภท
err-sync-no-url = ร้านนี้ไม่ได้อยู่ในเครือร้านใด: ตั้ง [sync] url = "postgres://user:password@host/db" ในการตั้งค่า (หรือ REGULARS_SYNC_URL)
err-sync-no-shop = สาขานี้ยังไม่มีชื่อในเครือร้าน: ตั้ง [sync] shop = "Harbour" ในการตั้งค่า (หรือ REGULARS_SHOP)
err-sync-unreachable = ติดต่อเซิร์ฟเวอร์ของเครือร้าน { $server } ไม่ได้: { $reason } ยังไม่ได้ซิงก์อะไร ร้านยังทำงานได้ตามปกติ
err-sync-server = เซิร์ฟเวอร์ของเครือร้าน { $server } ผิดพลาด: { $reason } สิ่งที่ซิงก์ไปแล้วยังอยู่ โปรดซิงก์อีกครั้งภายหลัง
err-sync-no-schema = เซิร์ฟเวอร์ของเครือร้าน { $server } ยังไม่มีตารางของ regulars (หรือเป็นรุ่นเก่า): โปรดรัน `regulars sync --init` หนึ่งครั้ง
err-sync-server-newer = เซิร์ฟเวอร์ของเครือร้านถูกตั้งค่าโดย regulars รุ่นที่ใหม่กว่า (schema ของเครือร้าน { $found } แต่โปรแกรมนี้รู้จักถึง { $known }) โปรดอัปเดตโปรแกรม ไม่มีการเปลี่ยนแปลงใด ๆ
err-sync-stopped = หยุดการซิงก์แล้ว สิ่งที่ซิงก์ไปแล้วยังอยู่ และการซิงก์ครั้งถัดไปจะทำส่วนที่เหลือ
cli-sync-init-new = ตารางของเครือร้านพร้อมแล้วบน { $server }
cli-sync-init-current = ตารางของเครือร้านบน { $server } เป็นรุ่นล่าสุดอยู่แล้ว
cli-sync-init-migrated = อัปเดตตารางของเครือร้านบน { $server } แล้ว
cli-sync-done = ซิงก์สาขา { $shop } กับ { $server } แล้ว
cli-sync-sent = ส่งแล้ว: { $what }
cli-sync-received = รับแล้ว: { $what }
cli-sync-nothing = ไม่มี
cli-sync-list-separator = {", "}
cli-sync-progress-push = กำลังส่ง
cli-sync-progress-pull = กำลังรับ
cli-sync-members = { $count ->
   *[other] สมาชิก { $count } คน
}
cli-sync-receipts = { $count ->
   *[other] ใบเสร็จ { $count } ใบ
}
cli-sync-ledger = { $count ->
   *[other] รายการแต้ม { $count } รายการ
}
cli-sync-consents = { $count ->
   *[other] บันทึกความยินยอม { $count } รายการ
}
cli-sync-family = { $count ->
   *[other] ลูกและสัตว์เลี้ยง { $count } รายการ
}
cli-sync-notes = { $count ->
   *[other] บันทึกการบริการ { $count } รายการ
}
cli-sync-contacts = { $count ->
   *[other] บันทึกการติดต่อ { $count } รายการ
}
cli-sync-feedback = { $count ->
   *[other] คำตอบความคิดเห็น { $count } รายการ
}
cli-sync-events = { $count ->
   *[other] บันทึกกิจกรรม { $count } รายการ
}
cli-sync-erasures = { $count ->
   *[other] การลบ { $count } ครั้ง
}
cli-sync-merges = { $count ->
   *[other] การรวม { $count } ครั้ง
}
cli-sync-suppression = { $count ->
   *[other] รายการห้ามติดต่อ { $count } รายการ
}

## The chain's sync in the title bar
ui-sync-starting = กำลังซิงก์…
ui-sync-just-now = ซิงก์เมื่อสักครู่
ui-sync-synced = { $minutes ->
   *[other] ซิงก์เมื่อ { $minutes } นาทีที่แล้ว
}
ui-sync-offline = ออฟไลน์ตั้งแต่ { $time }
ui-sync-failed = ซิงก์กับเครือร้านไม่ได้ ร้านยังทำงานตามปกติและจะลองใหม่: { $detail }
