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
# parse
err-config-max-receipt = max_receipt = { $value }：请填写 1 到 { $highest } 之间的整数（以货币为单位）
import-row-over-limit = “{ $column }”：{ $value } 超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）
import-row-sum-over-limit = 此行金额合计 { $total }，超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）
import-row-receipt-over-limit = 收据 { $id }（自第 { $first } 行起）合计 { $total }，超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）；已略过该收据
import-row-qty-over-limit = “{ $column }”：{ $value } 超过了每行 { $max } 件的上限
import-row-date-out-of-range = “{ $column }”：“{ $value }”不是 { $first } 年到 { $last } 年之间的日期
import-row-cut = 文件在这一行中间结束（是否被截断？）；该行所属的收据已略过，以免在缺少部分商品的情况下保存
import-row-bad-bytes = 文件第 { $offset } 字节不是该文件编码下的文本（字节损坏？）；已跳过此行，以免保存乱码的名称
import-row-nul = 此行含有 NUL 字节（文件是否损坏，或以其他编码保存？）
import-row-huge-cell = “{ $column }”有 { $size } 字节，远超收银机在一个单元格中写入的长度（文件是否损坏？）
import-note-no-money-column = 文件中没有“{ $column }”列；每张收据按 0 计算。
import-err-empty = { $path } 是空文件；未保存任何内容。
import-err-sheet-unpacks = { $path } 解压后为 { $size }，超过了电子表格允许的 { $cap }（收银机导出的文件要小得多）；未读取，也未保存任何内容。
import-err-sheet-cells = { $path }：第一个工作表跨 { $rows } 行 × { $columns } 列，超过了收银机导出文件可能有的 { $cap } 个单元格；未读取，也未保存任何内容。
import-err-record-too-long = 第 { $line } 行开始的记录超过 { $cap } 或多于 { $cells } 个单元格（引号未闭合？）；未读取该文件

# h1
err-db-unknown-code = 数据库的 { $column } 中有“{ $code }”，此版本的 regulars 无法识别；未作任何更改。该文件是否被更新的版本使用过？

# stack
ui-key-back-to-welcome = 返回欢迎页
ui-key-back-to-signup = 返回表单
ui-key-back-to-member = 返回会员卡
ui-key-back-to-import = 返回导入
ui-key-back-to-unmatched = 返回收银顾客
ui-key-back-to-review = 返回每周回顾
ui-key-back-to-tiers = 返回等级
