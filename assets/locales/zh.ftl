# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = 另一个程序正在写入会员俱乐部的数据库 { $path }；未保存任何内容。请等它完成后再试。
err-db-busy-unnamed = 另一个程序正在写入会员俱乐部的数据库；未保存任何内容。请等它完成后再试。
err-db-no-folder = 数据库 { $path } 所在的文件夹 { $folder } 不存在；未创建任何内容。请检查路径，或先创建该文件夹。
ui-import-waiting = 正在等待：另一个程序正在写入会员俱乐部的数据库…
