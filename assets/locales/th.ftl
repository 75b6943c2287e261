# Falls back to en.ftl for every message not listed here.

# sink
err-stdout = เขียนผลลัพธ์ไม่ได้ ({ $detail }) ดิสก์เต็มหรือเปล่า?
import-row-too-big = ใบเสร็จ { $id }: ยอดรวม { $amount } มากกว่าที่ใบเสร็จใดๆ จะเป็นได้ ({ $max }) มีคอลัมน์ที่อ่านผิดหรือไม่?
import-note-completed = ใบเสร็จ { $count } ใบที่เคยบันทึกไว้โดยมีรายการไม่ครบ (ไฟล์ถูกตัด) ได้รับการเติมให้ครบจากไฟล์นี้แล้ว
import-refused-all = ไม่ได้บันทึกอะไรจาก { $file } เลย: อ่านใบเสร็จไม่ได้สักใบจาก { $rows } แถว (ถูกปฏิเสธ { $rejected } แถว) จึงไม่ได้ทำเครื่องหมายว่านำเข้าแล้ว ลองใหม่ด้วย --encoding (เช่น utf-16le, windows-874), --format หรือ --country
import-refused-most = ไม่ได้บันทึกอะไรจาก { $file } เลย: อ่านไม่ได้ { $rejected } จาก { $rows } แถว จึงไม่ได้ทำเครื่องหมายว่านำเข้าแล้ว ลองใหม่ด้วย --encoding (เช่น utf-16le, windows-874), --format หรือ --country หรือเพิ่ม --accept-rejects เพื่อบันทึกแถวที่อ่านได้
help-import-accept-rejects = บันทึกไฟล์แม้ว่ามากกว่าครึ่งของแถวจะถูกปฏิเสธ (บันทึกแถวที่อ่านได้)
ui-import-errors-refused = แถวที่ถูกปฏิเสธ (ไม่ได้บันทึกอะไรจากไฟล์นี้)
