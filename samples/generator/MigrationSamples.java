// Writes three small exports of other trackers, as their own export commands write them, for
// the demo space of `fpimport sandbox` (docs/mapping.md, "Migrating from Jira, ZenTao, TAPD"):
//
//   samples/jira-export.csv      Jira "Export > CSV (all fields)": UTF-8 with a byte order mark,
//                                repeated Labels/Watchers/Attachment/Comment columns, Jira dates
//   samples/zentao-stories.csv   ZenTao (禅道) 需求 > 导出 > CSV, encoding GBK, Chinese headers
//   samples/tapd-stories.xlsx    TAPD 需求 > 导出 > Excel: long ids as text, people as "a;b;"
//
// Every person, product and text is made up. Not part of the build; run it from the repository root:
//
//   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
//   java -cp "$(cat target/cp.txt)" samples/generator/MigrationSamples.java samples
//
// The output is fixed (no randomness), so rerunning it gives the same files.

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public class MigrationSamples {

	static final List<String> JIRA_HEADER = List.of("Summary", "Issue key", "Issue id", "Issue Type", "Status",
			"Project key", "Project name", "Project type", "Priority", "Resolution", "Assignee", "Reporter", "Creator",
			"Created", "Updated", "Last Viewed", "Resolved", "Fix Version/s", "Component/s", "Due Date", "Votes",
			"Labels", "Labels", "Labels", "Description", "Environment", "Watchers", "Watchers", "Original Estimate",
			"Remaining Estimate", "Time Spent", "Σ Time Spent", "Attachment", "Custom field (Rank)",
			"Custom field (Story Points)", "Custom field (Start date)", "Parent id", "Status Category", "Comment",
			"Comment");

	static final String[][] JIRA_ROWS = {
			{ "Guest checkout without an account", "SHOP-101", "10101", "Story", "Done", "SHOP", "Shop Web", "software",
					"High", "Done", "Yang Liu", "Wei Zhang", "Wei Zhang", "12/Mar/24 10:20 AM", "02/Apr/24 4:45 PM",
					"03/Apr/24 9:12 AM", "02/Apr/24 4:45 PM", "2024.4", "Checkout", "29/Mar/24 12:00 AM", "0",
					"checkout", "frontend", "backend",
					"As a first-time buyer I want to pay without creating an account,\nso that I finish the order "
							+ "quickly.\n\n* e-mail is enough\n* offer \"create an account\" after payment",
					"", "Jing Chen", "Fan Yang", "28800", "0", "36000", "43200",
					"13/Mar/24 9:02 AM;557058:5b10a2844c20165700ede21f;guest-checkout.png;https://shop-demo.example.net/secure/attachment/10010/guest-checkout.png",
					"0|i0001b:", "5", "18/Mar/24", "", "Done",
					"12/Mar/24 2:11 PM;557058:5b10a2844c20165700ede21f;Agreed with legal: no account; but keep the e-mail.",
					"20/Mar/24 11:03 AM;5b10ac8d82e05b22cc7d4ef5;Ready for QA;\nsee the test plan" },
			{ "Save a card for later payments", "SHOP-102", "10102", "Story", "In Progress", "SHOP", "Shop Web",
					"software", "Medium", "", "Lei Zhao", "Fang Wang", "Fang Wang", "14/Mar/24 3:05 PM",
					"05/Apr/24 10:00 AM", "", "", "2024.5", "Checkout", "26/Apr/24 12:00 AM", "1", "backend", "", "",
					"Store the card token with the payment provider, never the number.", "", "Yang Liu", "", "57600",
					"28800", "28800", "28800", "", "0|i0001j:", "8", "08/Apr/24", "", "In Progress", "", "" },
			{ "Faster product search", "SHOP-103", "10103", "Improvement", "To Do", "SHOP", "Shop Web", "software",
					"Highest", "", "Tomas Brandt", "Na Li", "Na Li", "18/Mar/24 9:30 AM", "18/Mar/24 9:30 AM", "", "",
					"", "Search", "", "0", "backend", "data", "api",
					"Search answers in under 300 ms for 95% of queries (today: 1.2 s).", "Production", "", "", "", "",
					"", "", "", "0|i0001r:", "3", "", "", "To Do", "", "" },
			{ "Upgrade the payment SDK to v5", "SHOP-104", "10104", "Task", "Done", "SHOP", "Shop Web", "software",
					"Low", "Won't Do", "Jie Zhou", "Ingrid Holm", "Ingrid Holm", "21/Mar/24 5:39 PM",
					"25/Mar/24 8:15 AM", "", "25/Mar/24 8:15 AM", "", "Checkout", "05/Apr/24 12:00 AM", "0", "backend",
					"", "", "Superseded by the provider's hosted page; no upgrade needed.", "", "", "", "", "", "", "",
					"", "0|i0001z:", "", "", "", "Done",
					"25/Mar/24 8:14 AM;557058:5b10a2844c20165700ede21f;Closing: the hosted page makes this moot.", "" },
			{ "Address form validation", "SHOP-105", "10105", "Sub-task", "Done", "SHOP", "Shop Web", "software",
					"Medium", "Done", "Yang Liu", "Wei Zhang", "Wei Zhang", "13/Mar/24 11:00 AM", "22/Mar/24 6:20 PM",
					"", "22/Mar/24 6:20 PM", "2024.4", "Checkout", "22/Mar/24 12:00 AM", "0", "frontend", "ux", "",
					"Postcode and phone checked as the user types.", "", "", "", "14400", "0", "10800", "10800", "",
					"0|i00027:", "", "", "10101", "Done", "", "" },
			{ "Sign in with a one-time code", "SHOP-106", "10106", "Story", "To Do", "SHOP", "Shop Web", "software",
					"High", "", "Lei Zhao", "Wei Zhang", "Wei Zhang", "02/Apr/24 10:20 AM", "02/Apr/24 10:20 AM", "",
					"", "2024.5", "Accounts", "31/May/24 12:00 AM", "2", "frontend", "backend", "",
					"Codes by SMS or e-mail; 6 digits; valid 5 minutes.", "", "Jing Chen", "Na Li", "", "", "", "",
					"", "0|i0002f:", "5", "", "", "To Do", "", "" },
			{ "Export orders as CSV", "SHOP-107", "10107", "Story", "In Review", "SHOP", "Shop Web", "software",
					"Lowest", "", "Jing Chen", "Fang Wang", "Fang Wang", "03/Apr/24 1:47 PM", "09/Apr/24 2:30 PM", "",
					"", "2024.5", "", "17/May/24 12:00 AM", "0", "data", "analytics", "backend",
					"Finance downloads a month of orders; one row per order line.", "", "", "", "", "", "", "", "",
					"0|i0002n:", "2", "", "", "In Progress", "", "" },
			{ "Role-based access for shop staff", "SHOP-108", "10108", "Improvement", "To Do", "SHOP", "Shop Web",
					"software", "Medium", "", "", "Na Li", "Na Li", "08/Apr/24 7:05 AM", "08/Apr/24 7:05 AM", "", "",
					"", "Permissions", "", "0", "", "", "", "Staff see orders of their own store only.", "", "", "",
					"", "", "", "", "", "0|i0002v:", "", "", "", "To Do", "", "" } };

	static final List<String> ZENTAO_HEADER = List.of("编号", "所属产品", "所属模块", "所属计划", "来源", "来源备注", "需求名称", "描述",
			"验收标准", "关键词", "优先级", "预计工时", "当前状态", "所处阶段", "类别", "T", "B", "C", "由谁创建", "创建日期", "指派给", "指派日期",
			"抄送给", "评审者", "评审时间", "由谁关闭", "关闭日期", "关闭原因", "最后修改", "最后修改日期", "细分需求", "相关需求", "重复需求", "附件");

	static final String[][] ZENTAO_ROWS = {
			{ "101", "商城(#1)", "/账号(#3)", "2024年4月迭代(#2)", "客户", "", "手机号一键登录", "接入运营商一键登录，\n减少验证码短信费用。",
					"1. 三家运营商都能登录\n2. 失败时回退到短信验证码", "登录,短信", "1", "8", "激活", "研发中", "功能", "2", "0", "3", "张伟",
					"2024-03-12 10:20:00", "刘洋", "2024-03-13 09:00:00", "陈静,吴婷", "王芳", "2024-03-12 16:40:00", "",
					"0000-00-00 00:00:00", "", "刘洋", "2024-03-20 18:02:11", "", "102", "", "" },
			{ "102", "商城(#1)", "/账号(#3)", "2024年4月迭代(#2)", "用户", "", "账号注销", "用户可在 App 内自助注销账号，满足合规要求。",
					"注销后 15 天内可恢复", "合规", "2", "5", "激活", "未开始", "功能", "0", "0", "0", "李娜",
					"2024-03-14 11:05:00", "赵磊", "2024-03-14 11:05:00", "", "", "0000-00-00 00:00:00", "",
					"0000-00-00 00:00:00", "", "李娜", "2024-03-14 11:05:00", "", "101", "", "" },
			{ "103", "商城(#1)", "/权限(#4)", "", "运营", "客服反馈", "权限按门店隔离", "店员只能看到本门店的订单。", "跨门店访问返回 403", "权限",
					"2", "13", "激活", "研发中", "改进", "1", "1", "0", "郭涛", "2024-03-15 14:30:00", "黄敏",
					"2024-03-18 10:00:00", "孙悦", "", "0000-00-00 00:00:00", "", "0000-00-00 00:00:00", "", "黄敏",
					"2024-03-21 09:15:40", "", "", "", "" },
			{ "104", "商城(#1)", "/下单(#6)/购物车(#7)", "2024年4月迭代(#2)", "产品经理", "", "购物车跨端同步", "App 与 Web 的购物车实时同步。",
					"两端改动 2 秒内可见", "购物车", "3", "21", "激活", "已计划", "功能", "0", "0", "0", "王芳(深圳)",
					"2024-03-18 09:45:00", "周杰", "2024-03-19 10:30:00", "何雪", "", "0000-00-00 00:00:00", "",
					"0000-00-00 00:00:00", "", "周杰", "2024-03-19 10:30:00", "", "", "", "" },
			{ "105", "商城(#1)", "/下单(#6)/购物车(#7)", "", "市场", "", "购物车商品上限调整为 200 件", "单个购物车最多 200 件商品。", "第 201 件时提示",
					"购物车", "4", "2", "激活", "研发完毕", "性能", "1", "0", "1", "张伟", "2024-03-20 16:00:00", "马超",
					"2024-03-21 09:00:00", "", "", "0000-00-00 00:00:00", "", "0000-00-00 00:00:00", "", "马超",
					"2024-03-26 17:45:03", "", "", "", "" },
			{ "106", "商城(#1)", "/账号(#3)", "", "客户", "", "密码强度校验", "注册和修改密码时提示密码强度。", "弱密码不能提交", "安全", "3", "3",
					"激活", "测试中", "安全", "1", "2", "4", "钱多多", "2024-03-22 10:10:00", "徐强", "2024-03-22 10:10:00",
					"", "", "0000-00-00 00:00:00", "", "0000-00-00 00:00:00", "", "徐强", "2024-03-28 11:00:00", "", "",
					"", "" } };

	static final List<String> TAPD_HEADER = List.of("ID", "标题", "详细描述", "需求类别", "状态", "处理人", "创建人", "创建时间", "优先级", "迭代",
			"模块", "版本", "预计开始", "预计结束", "规模", "预估工时", "完成时间", "父需求", "标签", "抄送人", "开发人员", "业务价值", "最后修改时间");

	static final String[][] TAPD_ROWS = {
			{ "1120345601001000101", "消息中心改版", "消息按类型分组，支持全部已读。", "功能需求", "实现中", "杨帆;", "张伟", "2024-03-11 09:30:12", "高",
					"迭代 2024.04", "消息", "2.4", "2024-04-01", "2024-04-12", "5", "24", "", "", "前端|体验", "陈静;吴婷;",
					"刘洋;赵磊;", "80", "2024-03-29 17:20:44" },
			{ "1120345601001000102", "订单列表增加导出", "支持按筛选条件导出订单为 Excel。", "功能需求", "规划中", "王芳;", "王芳", "2024-03-12 14:02:55",
					"中", "迭代 2024.05", "订单", "2.5", "2024-05-06", "2024-05-17", "3", "16", "", "", "后端|数据", "",
					"周杰;", "50", "2024-03-12 14:02:55" },
			{ "1120345601001000103", "搜索结果排序优化", "按相关度与销量综合排序。", "优化", "已实现", "李娜;", "李娜", "2024-03-13 10:15:00", "中",
					"迭代 2024.04", "搜索", "2.4", "2024-04-01", "2024-04-05", "2", "12", "2024-04-05 18:30:00", "",
					"后端", "孙悦;", "黄敏;", "60", "2024-04-05 18:30:00" },
			{ "1120345601001000104", "搜索接口超时告警", "P99 超过 800ms 时通知值班。", "技术需求", "规划中", "高翔;", "Frank", "2024-03-15 16:45:31",
					"低", "", "搜索", "", "", "", "1", "4", "", "1120345601001000103", "后端|运维", "", "高翔;", "20",
					"2024-03-15 16:45:31" },
			{ "1120345601001000105", "优惠券叠加规则", "店铺券与平台券可叠加使用，规则可配置。", "功能需求", "规划中", "", "杨帆", "2024-03-18 11:11:11", "无关紧要",
					"", "订单", "", "", "", "", "", "", "", "", "", "", "", "2024-03-18 11:11:11" } };

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "samples");
		Files.write(dir.resolve("jira-export.csv"),
				("\uFEFF" + csv(JIRA_HEADER, JIRA_ROWS, "\r\n")).getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("zentao-stories.csv"),
				csv(ZENTAO_HEADER, ZENTAO_ROWS, "\r\n").getBytes(Charset.forName("GBK")));
		try (XSSFWorkbook workbook = new XSSFWorkbook();
				OutputStream out = Files.newOutputStream(dir.resolve("tapd-stories.xlsx"))) {
			Sheet sheet = workbook.createSheet("需求");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < TAPD_HEADER.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(TAPD_HEADER.get(i));
				cell.setCellStyle(bold);
			}
			for (int r = 0; r < TAPD_ROWS.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < TAPD_ROWS[r].length; i++) {
					String text = TAPD_ROWS[r][i];
					if (text.isEmpty()) {
						continue;
					}
					// TAPD writes counts as numbers and everything else, long ids too, as text
					String name = TAPD_HEADER.get(i);
					if (name.equals("规模") || name.equals("预估工时") || name.equals("业务价值")) {
						row.createCell(i).setCellValue(Double.parseDouble(text));
					}
					else {
						row.createCell(i).setCellValue(text);
					}
				}
			}
			workbook.write(out);
		}
	}

	static String csv(List<String> header, String[][] rows, String lineEnd) {
		StringBuilder text = new StringBuilder();
		line(text, header.toArray(String[]::new), lineEnd);
		for (String[] row : rows) {
			if (row.length != header.size()) {
				throw new IllegalStateException(row[0] + ": " + row.length + " cells for " + header.size() + " columns");
			}
			line(text, row, lineEnd);
		}
		return text.toString();
	}

	static void line(StringBuilder text, String[] cells, String lineEnd) {
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i];
			if (i > 0) {
				text.append(',');
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains(";")) {
				text.append('"').append(cell.replace("\"", "\"\"")).append('"');
			}
			else {
				text.append(cell);
			}
		}
		text.append(lineEnd);
	}

}
