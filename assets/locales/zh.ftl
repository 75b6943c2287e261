# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = 另一个程序正在写入会员俱乐部的数据库 { $path }；未保存任何内容。请等它完成后再试。
err-db-busy-unnamed = 另一个程序正在写入会员俱乐部的数据库；未保存任何内容。请等它完成后再试。
