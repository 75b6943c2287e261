# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = 另一个程序正在写入会员俱乐部的数据库 { $path }；未保存任何内容。请等它完成后再试。
err-db-busy-unnamed = 另一个程序正在写入会员俱乐部的数据库；未保存任何内容。请等它完成后再试。
err-db-no-folder = 数据库 { $path } 所在的文件夹 { $folder } 不存在；未创建任何内容。请检查路径，或先创建该文件夹。
ui-import-waiting = 正在等待：另一个程序正在写入会员俱乐部的数据库…
# sink
err-stdout = 无法写入输出（{ $detail }）；磁盘是否已满？
import-row-too-big = 收据 { $id }：总额 { $amount } 超过任何收据可能的金额（{ $max }）；是否有列被读错？
import-note-completed = 此前因文件被截断而少存了明细的 { $count } 张收据已根据此文件补全。
import-refused-all = { $file } 未存储任何内容：其 { $rows } 行中无法读取任何收据（{ $rejected } 行被拒绝），因此未标记为已导入。请使用 --encoding（例如 utf-16le、gbk）、--format 或 --country 重试。
import-refused-most = { $file } 未存储任何内容：其 { $rows } 行中有 { $rejected } 行无法读取，因此未标记为已导入。请使用 --encoding（例如 utf-16le、gbk）、--format 或 --country 重试，或加上 --accept-rejects 以存储可读取的行。
help-import-accept-rejects = 即使超过一半的行被拒绝也存储该文件（存储可读取的行）
ui-import-errors-refused = 被拒绝的行（文件中的内容均未存储）
