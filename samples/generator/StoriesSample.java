// Writes samples/stories.xlsx: about 200 stories (需求) for the demo space of `fpimport sandbox`,
// and a few rows that fail on purpose. Not part of the build; run it once from the repository root:
//
//   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
//   java -cp "$(cat target/cp.txt)" samples/generator/StoriesSample.java samples/stories.xlsx
//
// The output is deterministic (a fixed seed), so rerunning it gives the same rows.

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public class StoriesSample {

	static final List<String> HEADER = List.of("编号", "标题", "描述", "优先级", "需求类型", "标签", "所属模块", "影响端", "需求提出人",
			"关注人", "期望上线日期", "开始日期", "结束日期", "预估工时", "是否对外", "需求文档", "对接人邮箱", "联系电话", "关联需求", "关联缺陷", "验收标准",
			"产品经理", "研发", "测试");

	static final String[][] TITLES = { { "登录页改版", "统一登录页的视觉风格，支持深色模式。" },
			{ "支持手机号一键登录", "接入运营商一键登录，减少验证码短信费用。" }, { "账号注销流程", "用户可在 App 内自助注销账号，满足合规要求。" },
			{ "密码强度校验", "注册和修改密码时提示密码强度。" }, { "单点登录 SSO 接入", "企业客户通过 SAML 2.0 登录。" },
			{ "权限管理支持角色继承", "子角色自动获得父角色的权限。" }, { "操作日志审计", "记录管理员的关键操作，保留 180 天。" },
			{ "批量导入成员", "管理员上传表格批量添加成员。" }, { "订单列表增加导出", "支持按筛选条件导出订单为 Excel。" },
			{ "订单超时自动取消", "未支付订单 30 分钟后自动取消并释放库存。" }, { "下单页地址自动补全", "输入地址时给出联想，减少填写错误。" },
			{ "购物车商品数量上限调整", "单个购物车最多 200 件商品。" }, { "购物车跨端同步", "App 与 Web 的购物车实时同步。" },
			{ "优惠券叠加规则", "店铺券与平台券可叠加使用，规则可配置。" }, { "发票信息管理", "用户可保存多个开票抬头。" },
			{ "数据看板增加周环比", "核心指标展示周环比与同比。" }, { "搜索结果排序优化", "按相关度与销量综合排序。" },
			{ "消息中心改版", "消息按类型分组，支持全部已读。" }, { "多语言切换", "支持简体中文、English 与日本語。" },
			{ "客服入口前置", "订单详情页直接发起客服会话。" }, { "Dark mode for the settings page", "Follow the system theme on iOS and Android." },
			{ "Export order history as CSV", "Customers download up to 12 months of orders." },
			{ "Two-factor authentication", "TOTP apps and SMS as a fallback." },
			{ "Improve checkout load time", "Checkout must render in under 1.5 s on 4G." },
			{ "Audit log retention policy", "Keep audit logs 180 days, then archive them." },
			{ "Bulk edit of member permissions", "Select several members and change their roles at once." },
			{ "Saved carts for business buyers", "Business accounts keep named carts for repeat orders." },
			{ "Address book sync", "Import shipping addresses from the user's profile." },
			{ "Order status webhooks", "Notify partner systems when an order changes state." },
			{ "Coupon usage report", "Weekly report of coupons issued and redeemed." },
			{ "SSO login for partners", "Partners sign in with their own identity provider." },
			{ "Password reset by e-mail link", "Replace the security questions with a signed link." },
			{ "Accessibility review of the cart", "Screen-reader labels and focus order on the cart page." },
			{ "Retry failed payments automatically", "Retry once after 10 minutes for soft declines." },
			{ "Invoice PDF redesign", "New layout with the company's tax id and QR code." },
			{ "Search suggestions in English", "Suggest English product names as the user types." },
			{ "Session timeout warning", "Warn two minutes before an admin session expires." },
			{ "Role templates for new teams", "Start a team from a role template." },
			{ "Order notes for warehouse", "Buyers leave a note the warehouse sees on the picking list." },
			{ "Data export for finance", "Monthly export of settled orders for the finance team." } };

	static final String[] PHASES = { "", "（一期）", "（二期）", "（Web）", "（App）" };

	static final String[] PRIORITIES = { "紧急", "高", "高", "中", "中", "中", "低", "P1", "P2" };

	static final String[] KINDS = { "功能", "功能", "功能", "优化", "优化", "技术债", "Feature", "Improvement" };

	static final String[] TAGS = { "前端", "后端", "数据", "前端, 后端", "后端, 数据", "Frontend", "Backend, Data", "" };

	static final String[] MODULES = { "平台 Platform/账号 Account", "平台 Platform/权限 Permission", "交易 Trade/下单 Ordering",
			"交易 Trade/下单 Ordering/购物车 Cart" };

	static final String[] PLATFORMS = { "iOS, Android", "PC", "H5", "iOS, Android, H5", "PC, H5", "Android", "" };

	static final String[] REQUESTERS = { "张伟", "李娜", "刘洋", "陈静", "老张", "Frank", "Na Li", "zhou.jie@example.com", "吴婷",
			"深圳王芳" };

	static final String[] WATCHERS = { "陈静, 吴婷", "孙悦", "", "朱琳, 林晓", "Yang Liu", "", "何雪", "黄敏, 周杰" };

	static final String[] PMS = { "zhang.wei@example.com", "wang.fang@example.com", "yang.fan@example.com",
			"fang.wang.sz@example.com", "" };

	static final String[] DEVS = { "liu.yang@example.com", "zhao.lei@example.com, huang.min@example.com",
			"zhou.jie@example.com", "xu.qiang@example.com, ma.chao@example.com", "hu.bin@example.com",
			"gao.xiang@example.com, liu.yang@example.com", "" };

	static final String[] QAS = { "li.na@example.com", "chen.jing@example.com, wu.ting@example.com", "sun.yue@example.com",
			"zhu.lin@example.com", "lin.xiao@example.com, he.xue@example.com", "" };

	static final String[] EXTERNAL = { "是", "否", "否", "Yes", "No", "" };

	static final String[] CONTACTS = { "ops@partner.example.com", "support@shop.example.com", "it@client.example.cn", "",
			"" };

	static final String[] PHONES = { "+86 138 0013 8000", "010-6552 9988", "021-5888 1234", "+86 (755) 8666-0001", "",
			"" };

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "samples/stories.xlsx");
		Random random = new Random(20261127L);
		List<Map<String, Object>> rows = new ArrayList<>();
		int number = 1001;
		outer: for (String phase : PHASES) {
			for (String[] title : TITLES) {
				if (rows.size() == 200) {
					break outer;
				}
				rows.add(row(random, number++, title[0] + phase, title[1]));
			}
		}
		// rows that fail on purpose, each for one clear reason
		fail(rows, 16, "优先级", "最高");                                   // unknown option
		fail(rows, 37, "标签", "前端, 运维");                                // a disabled option
		fail(rows, 60, "关注人", "郭涛, 李娜");                              // a resigned person
		fail(rows, 87, "产品经理", "王芳");                                  // two people named 王芳
		fail(rows, 111, "所属模块", "平台 Platform");                        // the path stops at level 1
		fail(rows, 138, "期望上线日期", "2026-02-30");                        // no such day
		fail(rows, 162, "开始日期", "03/04/2026");                           // day and month could be swapped
		fail(rows, 186, "关联需求", "4899999999");                           // the service knows no such item
		write(rows, out);
		System.out.println("wrote " + out + ": " + rows.size() + " rows");
	}

	static Map<String, Object> row(Random random, int number, String title, String description) {
		Map<String, Object> row = new LinkedHashMap<>();
		LocalDate start = LocalDate.of(2026, 12, 1).plusDays(random.nextInt(120));
		LocalDate end = start.plusDays(3 + random.nextInt(25));
		LocalDate release = end.plusDays(1 + random.nextInt(14));
		row.put("编号", "REQ-" + number);
		row.put("标题", title);
		row.put("描述", description);
		row.put("优先级", pick(random, PRIORITIES));
		row.put("需求类型", pick(random, KINDS));
		row.put("标签", pick(random, TAGS));
		row.put("所属模块", pick(random, MODULES));
		row.put("影响端", pick(random, PLATFORMS));
		row.put("需求提出人", pick(random, REQUESTERS));
		row.put("关注人", pick(random, WATCHERS));
		// release dates are real Excel dates, mostly; some are typed as text, as people do
		switch (random.nextInt(6)) {
			case 0 -> row.put("期望上线日期", release.getYear() + "年" + release.getMonthValue() + "月" + release.getDayOfMonth() + "日");
			case 1 -> row.put("期望上线日期", "");
			default -> row.put("期望上线日期", release);
		}
		boolean slash = random.nextBoolean();
		row.put("开始日期", slash ? start.getYear() + "/" + start.getMonthValue() + "/" + start.getDayOfMonth() : start.toString());
		row.put("结束日期", slash ? end.getYear() + "/" + end.getMonthValue() + "/" + end.getDayOfMonth() : end.toString());
		int hours = 4 * (1 + random.nextInt(20));
		row.put("预估工时", random.nextInt(5) == 0 ? (Object) (hours + 0.5) : (Object) hours);
		row.put("是否对外", pick(random, EXTERNAL));
		row.put("需求文档", random.nextInt(4) == 0 ? "" : "https://docs.example.com/prd/REQ-" + number);
		row.put("对接人邮箱", pick(random, CONTACTS));
		row.put("联系电话", pick(random, PHONES));
		row.put("关联需求", "");
		row.put("关联缺陷", "");
		row.put("验收标准", "1. " + description + "\n2. 覆盖 iOS、Android 与 Web。\n3. 埋点上报成功率 ≥ 99%。");
		row.put("产品经理", pick(random, PMS));
		row.put("研发", pick(random, DEVS));
		row.put("测试", pick(random, QAS));
		return row;
	}

	static void fail(List<Map<String, Object>> rows, int index, String column, Object value) {
		rows.get(index).put(column, value);
	}

	static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	static void write(List<Map<String, Object>> rows, Path out) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("需求清单");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(HEADER.get(i));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (Map<String, Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < HEADER.size(); i++) {
					Object value = values.get(HEADER.get(i));
					if (value == null || "".equals(value)) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (value instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else {
						cell.setCellValue(value.toString());
						if (value.toString().contains("\n")) {
							cell.setCellStyle(wrap);
						}
					}
				}
			}
			int[] widths = { 10, 28, 36, 8, 10, 14, 30, 16, 12, 14, 14, 12, 12, 10, 8, 36, 24, 20, 12, 12, 40, 26, 36, 36 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			sheet.createFreezePane(2, 1);
			Files.createDirectories(out.toAbsolutePath().getParent());
			try (OutputStream stream = Files.newOutputStream(out)) {
				workbook.write(stream);
			}
		}
	}

}
