// The usage lines of the command families whose code loads heavy modules (docx, exceljs): kept apart so that
// printing the help or running a light command does not load them (the commands themselves load on use).

export const CLI_NEWSLETTER_COMMANDS = `  newsletter import 文件                  导入一期《自贸动态》（.txt/.md 用 UTF-8 编码，或 Word .docx）
  newsletter list [--query 词]            列出各期（期号、日期、栏目、篇数）
  newsletter show ID                     显示一期：栏目和文章，编号（一）…按全期顺序生成
  newsletter export ID --docx 文件 [--fonts gb|system]
                                         导出一期（Word）
`;

export const CLI_REGISTER_COMMANDS = `  experiences import 文件 [--yes]       导入经验目录（.xlsx/.csv，按表头名称识别列）；有错误行时不导入，
                                         加 --yes 只导入正确的行
  experiences list [--xlsx 文件]         列出经验目录（或导出为 Excel）
  replication set 单位ID 经验ID 状态 [--date YYYY-MM-DD] [--note 说明] [--contact 联络员] [--responsible 责任单位]
                                         登记复制推广状态：planned|in_progress|copied|not_applicable
  replication report [--unit ID] [--at YYYY-MM-DD] [--xlsx 文件]
                                         复制推广率：每单位应复制数、已复制数、复制推广率
  stats --rows 维度 --cols 维度 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--xlsx 文件]
                                         交叉统计；维度：unit|field|level|year|batch|kind
`;
