package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.SpaceMetadataSource;
import fpimport.metadata.Template;
import fpimport.metadata.TestSpace;
import fpimport.metadata.WorkItemType;
import fpimport.source.RowSource;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** init-mapping's draft from a real CSV file's values, against in-memory spaces. */
class MappingDraftValuesTest {

	@TempDir
	Path dir;

	private final TestSpace space = new TestSpace();

	@Test
	void listsTheValuesAndPeopleTheSpaceDoesNotKnowToFillIn() throws IOException {
		MappingDraft draft = draft("""
				名称,优先级,标签,模块,负责人,关注人,研发,Watchers
				A,p1,"前端, urgent; 运维",前端/登录,wang@corp.com,"李四, 老王",孙八,x
				B,紧急,后端,登录,张伟,老王,,
				C,opt_p2,,网关,赵六,,,
				D,P1,,中台,,,,
				""", SpaceCatalog.load(this.space, "story"));

		assertThat(draft.yaml()).isEqualTo(
				"""
						# fpimport mapping for 需求 (story), drafted by init-mapping.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						project: demo
						type: story
						name: 名称
						fields:
						  priority:    # 优先级, select, required: P0, P1, P2, P3
						    column: 优先级
						    values:    # the file's values the space does not know: fill in each with one of P0, P1, P2, P3
						      紧急:
						      opt_p2: P2    # the option whose id is opt_p2; change it if the file means another
						  tags:    # 标签, multi_select: 前端, 后端, Urgent
						    column: 标签
						    values:    # the file's values the space does not know: fill in each with one of 前端, 后端, Urgent
						      运维:
						  module:    # 模块, tree_select: 前端, 后端
						    column: 模块
						    values:    # the file's values the space does not know: fill in each with one of 前端/登录, 前端/登出, 后端/网关
						      登录: 前端/登录
						      网关: 后端/网关
						      中台:    # unknown option '中台' for 模块; options: 前端, 后端
						  owner: 负责人    # 负责人, user
						  watchers: 关注人    # 关注人, multi_user
						roles:
						  rd: 研发    # role 研发, several people
						users:
						  aliases:    # people of the file the space does not know as written: fill in each with an e-mail, name or user_key (`fpimport meta --users` lists them)
						    张伟:    # name '张伟' is shared by 2 people: 张伟 <zhangwei1@corp.com>, 张伟 <zhangwei2@corp.com>
						    赵六:    # person '赵六' (赵六 <zhao@corp.com>) is resigned
						    老王:    # no person '老王' found by email, name, user_key
						# Headers with no field or role of the same name (map them by hand or leave them out):
						#   Watchers    (watchers is already mapped)
						""");
		assertThat(draft.blanks()).isEqualTo(6);
		assertThat(draft.settingHeaders()).isEmpty();
		assertThat(draft.unmatchedHeaders()).containsExactly("Watchers");
	}

	@Test
	void saysWhenAColumnHasMoreValuesThanItLists() throws IOException {
		StringBuilder csv = new StringBuilder("名称,标签\n");
		for (int i = 0; i <= DraftValues.MAX; i++) {
			csv.append("n").append(i).append(",t").append(i).append('\n');
		}
		MappingDraft draft = draft(csv.toString(), SpaceCatalog.load(this.space, "story"));

		assertThat(draft.yaml()).contains("only the first 200 are listed\n      t0:\n")
			.contains("\n      t199:\n")
			.doesNotContain("t200");
		assertThat(draft.blanks()).isEqualTo(200);
	}

	@Test
	void draftsAJiraExportTheJiraWay() throws IOException {
		MappingDraft draft = draft(
				"""
						Summary,Issue key,Issue id,Issue Type,Priority,Assignee,Reporter,Created,Labels,Labels,Component/s,Parent id,Status,Resolution,Comment,Attachment,Custom field (Story Points)
						Pay,BUG-1,101,Bug,Blocker,wang@corp.com,li@corp.com,12/Mar/24 10:20 AM,ios,,Web,,Open,,,,3
						""",
				SpaceCatalog.load(new JiraSpace(), "bug"));

		assertThat(draft.yaml()).isEqualTo(
				"""
						# fpimport mapping for 缺陷 (bug), drafted by init-mapping from a Jira export.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						project: demo
						type: bug
						key: "Issue key"    # identifies a row across runs: a second import skips what the first created
						key_field: f_key    # 外部编号 External ID (text) receives the key, so a stopped run finds what it created
						name: Summary
						fields:
						  priority:    # 优先级 Priority, select, required: 致命 Blocker, 严重 Critical
						    column: Priority
						    values:    # the file's values the space does not know: fill in each with one of 致命 Blocker, 严重 Critical
						      Blocker: "致命 Blocker"
						  f_created: Created    # 原创建时间 Original created, date
						  f_labels: Labels    # 标签 Labels, multi_select: iOS
						  f_components:    # 组件 Components, tree_multi_select: 端 Client
						    column: Component/s
						    values:    # the file's values the space does not know: fill in each with one of 端 Client/Web
						      Web: "端 Client/Web"
						  f_reporter: Reporter    # 原报告人 Original reporter, text: the original text, kept as it is
						roles:
						  operator: Assignee    # role 经办人 Assignee, one person
						  reporter: Reporter    # role 报告人 Reporter, one person
						state:    # after its create, each item is moved to the state or node its Status names
						  column: Status
						  values:    # each Status of the file to a state or node of the workflow, by name or key
						    Open:
						comments:    # one comment per non-empty cell, after the create; a Jira cell (date;author;body) keeps its date and author in the comment's first line
						  column: Comment
						# Columns left unmapped (map them by hand or leave them out):
						#   Issue id
						#   Issue Type
						#   Parent id    (the parent's Issue id; no relation field of 缺陷 points at 缺陷 items: add one to keep the parents, and map it with refers_to: {by: Issue id})
						#   Resolution    (values such as Won't Do can abort the item of a node-flow type: state.abort: {column: Resolution, values: [...]})
						#   Attachment    (no attachment (multi_file) field of 缺陷 to upload files to)
						#   Custom field (Story Points)
						""");
		assertThat(draft.settingHeaders()).containsExactly("Status", "Comment");
		assertThat(draft.blanks()).isEqualTo(1);
		assertThat(draft.unmatchedHeaders()).containsExactly("Issue id", "Issue Type", "Parent id", "Resolution",
				"Attachment", "Custom field (Story Points)");
	}

	@Test
	void pairsEitherHalfOfABilingualNameBeforeTrackerWords() {
		MappingDraft draft = MappingDraft.of(List.of("标题", "Description", "优先级", "Priority", "labels", "报告人", "由谁创建",
				"Assignee", "Found on", "组件", "端"), SpaceCatalog.load(new JiraSpace(), "bug"), null,
				new SourceSection("需求", 2, "GBK", ";"));

		assertThat(draft.yaml()).isEqualTo(
				"""
						# fpimport mapping for 缺陷 (bug), drafted by init-mapping.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						# project: <project_key>    (or give --project)
						type: bug
						source:
						  sheet: 需求
						  header_row: 2
						  encoding: GBK
						  delimiter: ";"
						name: 标题
						fields:
						  description: Description    # 描述 Description, multi_text
						  priority: Priority    # 优先级 Priority, select, required: 致命 Blocker, 严重 Critical
						  f_labels: labels    # 标签 Labels, multi_select: iOS
						  f_found: "Found on"    # 发现日期 Found on, date
						  f_components: 组件    # 组件 Components, tree_multi_select: 端 Client
						roles:
						  reporter: 报告人    # role 报告人 Reporter, one person
						  operator: Assignee    # role 经办人 Assignee, one person
						# Headers with no field or role of the same name (map them by hand or leave them out):
						#   优先级    (priority is already mapped)
						#   由谁创建
						#   端
						""");
		assertThat(draft.unmatchedHeaders()).containsExactly("优先级", "由谁创建", "端");
	}

	private MappingDraft draft(String csv, SpaceCatalog catalog) throws IOException {
		Path file = Files.writeString(this.dir.resolve("f.csv"), csv, StandardCharsets.UTF_8);
		try (RowSource rows = Sources.open(file, SourceSettings.defaults())) {
			return MappingDraft.of(rows, catalog, this.space, "demo", SourceSection.DEFAULT);
		}
	}

	/** A bug type with the fields a Jira export fills. */
	private static final class JiraSpace implements SpaceMetadataSource {

		@Override
		public List<WorkItemType> types() {
			return List.of(new WorkItemType("bug", "缺陷", "bug", false));
		}

		@Override
		public List<FieldDefinition> fields(String typeKey) {
			return List.of(field("name", "标题 Title", "text", Requirement.REQUIRED),
					field("description", "描述 Description", "multi_text", Requirement.OPTIONAL),
					field("priority", "优先级 Priority", "select", Requirement.REQUIRED, option("致命 Blocker", "0"),
							option("严重 Critical", "1")),
					field("f_created", "原创建时间 Original created", "date", Requirement.OPTIONAL),
					field("f_found", "发现日期 Found on", "date", Requirement.OPTIONAL),
					field("f_reporter", "原报告人 Original reporter", "text", Requirement.OPTIONAL),
					field("f_labels", "标签 Labels", "multi_select", Requirement.OPTIONAL, option("iOS", "l_ios")),
					field("f_components", "组件 Components", "tree_multi_select", Requirement.OPTIONAL,
							option("端 Client", "c", option("Web", "c_web"))),
					field("f_key", "外部编号 External ID", "text", Requirement.OPTIONAL));
		}

		@Override
		public List<Template> templates(String typeKey) {
			return List.of(new Template("1", "流程", false));
		}

		@Override
		public List<Role> roles(String typeKey) {
			return List.of(new Role("r_rep", "reporter", "报告人 Reporter", true, false),
					new Role("r_op", "operator", "经办人 Assignee", true, false));
		}

		private static FieldDefinition field(String key, String name, String type, Requirement requirement,
				FieldOption... options) {
			return new FieldDefinition(key, null, name, type, requirement, null, List.of(options));
		}

		private static FieldOption option(String label, String value, FieldOption... children) {
			return new FieldOption(label, value, false, List.of(children));
		}

	}

}
