# Falls back to en.ftl for every message not listed here.

# sink
err-stdout = เขียนผลลัพธ์ไม่ได้ ({ $detail }) ดิสก์เต็มหรือเปล่า?
