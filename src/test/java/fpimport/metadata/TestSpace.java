package fpimport.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A small in-memory space for tests: a story type with a field of every writable type
 * (and one that is not writable), three templates (one disabled), three roles, and people
 * with e-mails, a shared name, a resigned and a frozen one. It counts the lookups it
 * answers.
 */
public final class TestSpace implements SpaceMetadataSource, UserSource {

	public static final List<WorkItemType> TYPES = List.of(new WorkItemType("story", "需求", "Story", false),
			new WorkItemType("issue", "缺陷", "Issue", false), new WorkItemType("old", "旧需求", "Old", true));

	public static final List<FieldDefinition> STORY_FIELDS = List.of(field("name", "名称", "text", Requirement.REQUIRED),
			field("description", "描述", "multi_text", Requirement.OPTIONAL),
			field("priority", "优先级", "select", Requirement.REQUIRED, option("P0", "opt_p0"), option("P1", "opt_p1"),
					option("P2", "opt_p2"), option("P3", "opt_p3"), disabled("P4", "opt_p4")),
			field("size", "规模", "radio", Requirement.OPTIONAL, option("大", "big"), option("小", "small")),
			field("tags", "标签", "multi_select", Requirement.OPTIONAL, option("前端", "t_fe"), option("后端", "t_be"),
					option("Urgent", "t_urgent")),
			field("module", "模块", "tree_select", Requirement.OPTIONAL,
					option("前端", "fe", option("登录", "fe_login"), option("登出", "fe_logout")),
					option("后端", "be", option("网关", "be_gw"))),
			field("modules", "涉及模块", "tree_multi_select", Requirement.OPTIONAL,
					option("前端", "fe", option("登录", "fe_login"), option("登出", "fe_logout")),
					option("后端", "be", option("网关", "be_gw"))),
			field("owner", "负责人", "user", Requirement.OPTIONAL),
			field("watchers", "关注人", "multi_user", Requirement.OPTIONAL),
			field("planned_date", "计划日期", "date", Requirement.OPTIONAL),
			field("schedule", "排期", "schedule", Requirement.OPTIONAL),
			field("points", "估分", "number", Requirement.OPTIONAL),
			field("reviewed", "已评审", "bool", Requirement.OPTIONAL),
			field("doc_link", "文档", "link", Requirement.OPTIONAL),
			field("contact", "联系邮箱", "email", Requirement.OPTIONAL),
			field("phone", "电话", "telephone", Requirement.OPTIONAL),
			field("parent", "关联需求", "work_item_related_select", Requirement.OPTIONAL),
			field("blocks", "阻塞", "work_item_related_multi_select", Requirement.OPTIONAL),
			field("business", "业务线", "business", Requirement.OPTIONAL),
			field("external_id", "外部编号", "text", Requirement.OPTIONAL),
			field("attachment", "附件", "multi_file", Requirement.OPTIONAL),
			field("role_owners", "角色", "role_owners", Requirement.OPTIONAL),
			new FieldDefinition("field_5a3f", "acceptance", "验收标准", "text", Requirement.OPTIONAL, null, List.of()),
			new FieldDefinition("field_9c1e", null, "重复名", "text", Requirement.OPTIONAL, null, List.of()),
			new FieldDefinition("field_9c1f", null, "重复名", "text", Requirement.OPTIONAL, null, List.of()));

	public static final List<Template> STORY_TEMPLATES = List.of(new Template("1001", "默认流程", false),
			new Template("1002", "敏捷流程", false), new Template("1003", "旧流程", true));

	public static final List<Role> STORY_ROLES = List.of(new Role("role_pm", "PM", "产品经理", true, false),
			new Role("role_rd", "rd", "研发", false, true), new Role("role_qa", "qa", "测试", false, true));

	public static final List<User> USERS = List.of(
			new User("u_wang", "wang@corp.com", "王五", "Wang Wu", "wangwu", "activated"),
			new User("u_li", "li@corp.com", "李四", "Li Si", "lisi", "activated"),
			new User("u_zw1", "zhangwei1@corp.com", "张伟", "Zhang Wei", "zhangwei1", "activated"),
			new User("u_zw2", "zhangwei2@corp.com", "张伟", "Zhang Wei", "zhangwei2", "activated"),
			new User("u_zhao", "zhao@corp.com", "赵六", "Zhao Liu", "zhaoliu", "resigned"),
			new User("u_chen", "chen@corp.com", "陈七", "Chen Qi", "chenqi", "frozen"),
			new User("7351585340534063109", "sun@corp.com", "孙八", "Sun Ba", "sunba", "activated"));

	/**
	 * The sizes of the lookups answered, as {@code emails:3}, {@code keys:1},
	 * {@code name:张伟}.
	 */
	public final List<String> lookups = new ArrayList<>();

	@Override
	public List<WorkItemType> types() {
		return TYPES;
	}

	@Override
	public List<FieldDefinition> fields(String typeKey) {
		return typeKey.equals("story") ? STORY_FIELDS : List.of(field("name", "名称", "text", Requirement.REQUIRED),
				field("severity", "严重程度", "select", Requirement.REQUIRED, option("致命", "s1")));
	}

	@Override
	public List<Template> templates(String typeKey) {
		return typeKey.equals("story") ? STORY_TEMPLATES : List.of(new Template("2001", "缺陷流程", false));
	}

	@Override
	public List<Role> roles(String typeKey) {
		return typeKey.equals("story") ? STORY_ROLES : List.of();
	}

	/**
	 * The story's relation fields are bound: parent to stories, blocks to stories and
	 * issues.
	 */
	@Override
	public java.util.Map<String, String> relationIds(String typeKey) {
		return typeKey.equals("story") ? java.util.Map.of("parent", "r_parent", "blocks", "r_blocks")
				: java.util.Map.of();
	}

	@Override
	public List<Relation> relations() {
		return List.of(new Relation("r_parent", "父子", false, "story", List.of(new Relation.Target("p", "story"))),
				new Relation("r_blocks", "阻塞", false, "story",
						List.of(new Relation.Target("p", "story"), new Relation.Target("p", "issue"))));
	}

	/** The same space, as a source that cannot say what relation fields point at. */
	public static SpaceMetadataSource withoutRelations() {
		TestSpace space = new TestSpace();
		return new SpaceMetadataSource() {

			@Override
			public List<WorkItemType> types() {
				return space.types();
			}

			@Override
			public List<FieldDefinition> fields(String typeKey) {
				return space.fields(typeKey);
			}

			@Override
			public List<Template> templates(String typeKey) {
				return space.templates(typeKey);
			}

			@Override
			public List<Role> roles(String typeKey) {
				return space.roles(typeKey);
			}

		};
	}

	@Override
	public List<User> findByEmails(Collection<String> emails) {
		check(emails);
		this.lookups.add("emails:" + emails.size());
		return USERS.stream()
			.filter((user) -> emails.stream().anyMatch((email) -> email.equalsIgnoreCase(user.email())))
			.toList();
	}

	@Override
	public List<User> findByUserKeys(Collection<String> userKeys) {
		check(userKeys);
		this.lookups.add("keys:" + userKeys.size());
		return USERS.stream().filter((user) -> userKeys.contains(user.userKey())).toList();
	}

	@Override
	public List<User> searchByName(String query) {
		this.lookups.add("name:" + query);
		// fuzzy like the real search: a part of any name matches
		return USERS.stream()
			.filter((user) -> user.nameCn().contains(query) || user.nameEn().contains(query)
					|| query.contains(user.nameCn()))
			.toList();
	}

	private static void check(Collection<String> values) {
		if (values.isEmpty() || values.size() > MAX_BATCH) {
			throw new IllegalArgumentException("a lookup takes 1 to 100 values, got " + values.size());
		}
	}

	static FieldDefinition field(String key, String name, String type, Requirement requirement,
			FieldOption... options) {
		return new FieldDefinition(key, null, name, type, requirement, null, List.of(options));
	}

	static FieldOption option(String label, String value, FieldOption... children) {
		return new FieldOption(label, value, false, List.of(children));
	}

	static FieldOption disabled(String label, String value) {
		return new FieldOption(label, value, true, List.of());
	}

}
