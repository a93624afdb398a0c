package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Relation;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.SpaceMetadataSource;
import fpimport.metadata.Template;
import fpimport.metadata.TestSpace;
import fpimport.metadata.Workflow;
import fpimport.metadata.WorkItemType;
import fpimport.source.RowSource;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * init-mapping's draft of the settings beyond fields and roles: a relation column naming
 * rows ({@code refers_to:}), and a Jira export's {@code state:}, {@code comments:} and
 * {@code attachments:}; real CSV files against in-memory spaces.
 */
class MappingDraftSettingsTest {

	private static final String JIRA = """
			Summary,Issue key,Issue id,Issue Type,Status,Parent id,Parent key,Comment,Comment,Attachment
			A,S-1,101,Story,Done,,,"01/Mar/24 2:11 PM;x;hi",,
			B,S-2,102,Sub-task,开发中,101,S-1,,,
			C,S-3,103,Story,testing,,,,,
			D,S-4,104,Story,In Progress,,,,,
			E,S-5,105,Story,Review,,,,,
			F,S-6,106,Story,done,,,,,
			""";

	/** A node flow with two nodes named Review. */
	private static final Workflow NODES = new Workflow("1001", true,
			List.of(new Workflow.State("started", "开始 Start"), new Workflow.State("review1", "需求评审 Review"),
					new Workflow.State("develop", "开发中 Development"), new Workflow.State("review2", "代码评审 Review"),
					new Workflow.State("testing", "测试中 Testing"), new Workflow.State("done", "已完成 Done")),
			List.of());

	@TempDir
	Path dir;

	@Test
	void draftsAJiraExportsParentStatusCommentsAndAttachmentsAsSettings() throws IOException {
		MappingDraft draft = draft(JIRA, SpaceCatalog.load(new TestSpace(), "story"), NODES);

		assertThat(draft.yaml())
			.contains(
					"""
							  parent:    # 关联需求, work_item_related_select
							    column: "Parent id"
							    refers_to: {by: "Issue id"}    # Jira's Parent id holds the parent's Issue id; parents are created first, rows of earlier runs are found too
							""")
			.contains(
					"""
							state:    # after its create, each item is moved to the node its Status names
							  column: Status
							  values:    # each Status of the file to one of the template's nodes: 开始 Start, 需求评审 Review, 开发中 Development, 代码评审 Review, 测试中 Testing, 已完成 Done; or abort
							    Done: "已完成 Done"
							    开发中: "开发中 Development"
							    testing: "测试中 Testing"
							    "In Progress":
							    Review:
							comments:    # one comment per non-empty cell, after the create; a Jira cell (date;author;body) keeps its date and author in the comment's first line
							  column: Comment
							attachments:    # uploads the file each cell names; a Jira cell (date;author;file;url) names it by a URL that needs Jira's login, so download the files first
							  column: Attachment
							  # dir: FOLDER    the folder the files were downloaded to, where each cell's file name is looked up (relative to the imported file's folder, which is used without dir); a file not found makes its row invalid
							""")
			.contains("#   Parent key    (parent is already mapped)\n")
			.doesNotContain("not built yet");
		assertThat(draft.settingHeaders()).containsExactly("Issue id", "Status", "Comment ×2", "Attachment");
		assertThat(draft.unmatchedHeaders()).containsExactly("Issue Type", "Parent key");
		assertThat(draft.blanks()).isEqualTo(2);
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> MappingLoader.parse(draft.yaml(), "draft.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"state.values.In Progress: empty; write what it stands for (an option, a person ...) or delete the line",
					"state.values.Review: empty; write what it stands for (an option, a person ...) or delete the line"));
		MappingSpec filled = MappingLoader
			.parse(draft.yaml().replace("    \"In Progress\":\n", "").replace("    Review:\n", ""), "draft.yaml");
		assertThat(filled.after().state().column()).isEqualTo("Status");
		assertThat(filled.after().state().values()).containsExactly(Map.entry("Done", "已完成 Done"),
				Map.entry("开发中", "开发中 Development"), Map.entry("testing", "测试中 Testing"));
		assertThat(filled.after().comments()).containsExactly("Comment");
		assertThat(filled.after().attachments().columns()).containsExactly("Attachment");
		assertThat(filled.after().attachments().dir()).isNull();
		FieldMapping parent = filled.fields().stream().filter((f) -> f.target().equals("parent")).findFirst().get();
		assertThat(parent.refersTo().by()).isEqualTo("Issue id");
	}

	@Test
	void aStateFlowListsItsStatesAndAParentKeyNamesRowsByTheirKey() throws IOException {
		Workflow states = new Workflow("1001", false, List.of(new Workflow.State("OPEN", "Open"),
				new Workflow.State("DONE", "已完成 Done"), new Workflow.State("DEV", "开发中")), List.of());
		MappingDraft draft = draft("""
				Summary,Issue key,Issue id,Issue Type,Status,Custom field (Epic Link)
				A,S-1,101,Epic,open,
				B,S-2,102,Story,Done,S-1
				""", SpaceCatalog.load(new TestSpace(), "story"), states);

		assertThat(draft.yaml())
			.contains("  parent:    # 关联需求, work_item_related_select\n"
					+ "    column: \"Custom field (Epic Link)\"\n    refers_to: {by: \"Issue key\"}    "
					+ "# Jira's Custom field (Epic Link) holds the parent's Issue key; parents are created first, "
					+ "rows of earlier runs are found too\n")
			.contains("""
					state:    # after its create, each item is moved to the state its Status names
					  column: Status
					  values:    # each Status of the file to one of the template's states: Open, 已完成 Done, 开发中
					    open: Open
					    Done: "已完成 Done"
					""");
		// the key column is the row key, not a setting; Issue id names nothing here
		assertThat(draft.settingHeaders()).containsExactly("Status");
		assertThat(draft.unmatchedHeaders()).containsExactly("Issue id", "Issue Type");
		assertThat(draft.blanks()).isZero();
	}

	@Test
	void aParentGoesToTheRelationFieldNamedLikeAParentAndNeverToOneOfAnotherType() throws IOException {
		Space space = new Space();
		space.fields.add(field("field_up", "父需求 Parent story", "work_item_related_select"));
		space.relationIds.put("field_up", "r_parent");
		MappingDraft draft = draft(JIRA, SpaceCatalog.load(space, "story"), null);
		assertThat(draft.yaml()).contains("  field_up:    # 父需求 Parent story, work_item_related_select\n")
			.contains("    column: \"Parent id\"\n")
			.contains("state:    # after its create, each item is moved to the state or node its Status names\n"
					+ "  column: Status\n  values:    # each Status of the file to a state or node of the workflow, "
					+ "by name or key\n    Done:\n    开发中:\n");
		assertThat(draft.blanks()).isEqualTo(5);

		Space other = new Space();
		other.fields.add(field("field_bugs", "父缺陷 Parent bug", "work_item_related_select"));
		other.relationIds.put("field_bugs", "r_bug");
		other.relationIds.put("f_rel", "r_bug");
		MappingDraft none = draft(JIRA, SpaceCatalog.load(other, "story"), null);
		assertThat(none.yaml()).doesNotContain("column: \"Parent id\"")
			.contains("#   Parent id    (the parent's Issue id; no relation field of 需求 points at 需求 items: add one "
					+ "to keep the parents, and map it with refers_to: {by: Issue id})\n")
			.contains("#   Parent key    (the parent's Issue key; no relation field of 需求 points at 需求 items");
		assertThat(none.unmatchedHeaders()).contains("Issue id", "Parent id", "Parent key");
	}

	@Test
	void aRelationColumnNamingRowsOfTheFileReferToThemByTheColumnHoldingItsValues() throws IOException {
		SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");
		MappingDraft byKey = draft("""
				ID,标题,关联需求,阻塞
				1,A,,
				2,B,1,
				3,C,2,"1,2"
				""", story, null);
		String note = "    # the cells hold the ID of rows of this file; parents are created first, "
				+ "rows of earlier runs are found too\n";
		assertThat(byKey.yaml()).contains("  parent:    # 关联需求, work_item_related_select\n    column: 关联需求\n"
				+ "    refers_to: {by: ID}" + note + "  blocks:    # 阻塞, work_item_related_multi_select\n"
				+ "    column: 阻塞\n    refers_to: {by: ID}" + note);
		assertThat(byKey.settingHeaders()).isEmpty();

		MappingDraft byName = draft("""
				编号,标题,关联需求,阻塞
				1,A,,
				2,B,A,7
				3,C,B,
				""", story, null);
		assertThat(byName.yaml()).contains("    column: 关联需求\n    refers_to: {by: 标题}    # the cells hold the 标题 of")
			.contains("  blocks: 阻塞    # 阻塞, work_item_related_multi_select\n");

		MappingDraft empty = draft("标题,关联需求\nA,\n", story, null);
		assertThat(empty.yaml()).contains("  parent: 关联需求    # 关联需求, work_item_related_select\n");

		MappingDraft headersOnly = MappingDraft.of(List.of("ID", "标题", "关联需求"), story, null, SourceSection.DEFAULT);
		assertThat(headersOnly.yaml()).contains("  parent: 关联需求    # 关联需求, work_item_related_select\n");
	}

	@Test
	void aReferenceMayNameRowsByAnIdColumnOtherThanTheKeyAndByTheHeaderAsTheFileSpellsIt() throws IOException {
		SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");
		MappingDraft byId = draft("""
				编号,ID,标题,关联需求
				S-1,11,A,
				S-2,12,B,11
				""", story, null);
		assertThat(byId.yaml()).contains("key: 编号    #").contains("    column: 关联需求\n    refers_to: {by: ID}    #");

		MappingDraft spelled = draft("""
				Summary,Issue key,issue ID,Issue Type,Parent id
				A,S-1,101,Story,
				B,S-2,102,Sub-task,101
				""", story, null);
		assertThat(spelled.yaml()).contains("    refers_to: {by: \"issue ID\"}    #");
		assertThat(spelled.settingHeaders()).containsExactly("issue ID");
	}

	@Test
	void saysWhenAStatusColumnHasMoreValuesThanItLists() throws IOException {
		StringBuilder csv = new StringBuilder("Summary,Issue key,Issue id,Issue Type,Status\n");
		for (int i = 0; i <= DraftValues.MAX; i++) {
			csv.append("n,K-").append(i).append(',').append(i).append(",Story,s").append(i).append('\n');
		}
		MappingDraft draft = draft(csv.toString(), SpaceCatalog.load(new TestSpace(), "story"), NODES);
		assertThat(draft.yaml()).contains("; or abort; only the first 200 are listed\n    s0:\n")
			.doesNotContain("s200");
		assertThat(draft.blanks()).isEqualTo(200);
	}

	@Test
	void onlyAJiraExportWithAStatusColumnMovesItems() {
		assertThat(MappingDraft.movesState(List.of("Summary", "Issue key", "Issue id", "Issue Type", "status")))
			.isTrue();
		assertThat(MappingDraft.movesState(List.of("Summary", "Issue key", "Issue id", "Issue Type"))).isFalse();
		assertThat(MappingDraft.movesState(List.of("Summary", "Issue key", "Status"))).isFalse();
		assertThat(JiraHeaders.parentBy("Parent")).isEqualTo("Issue id");
		assertThat(JiraHeaders.parentBy("Parent key")).isEqualTo("Issue key");
		assertThat(JiraHeaders.parentBy("Parent summary")).isNull();
	}

	@Test
	void aStateIsNamedByItsNameItsKeyOrOneHalfOfItsNameOnlyWhenOneMatches() {
		assertThat(MappingDraft.stateNamed(NODES, "develop")).isEqualTo("开发中 Development");
		assertThat(MappingDraft.stateNamed(NODES, "已完成 done")).isEqualTo("已完成 Done");
		assertThat(MappingDraft.stateNamed(NODES, "Testing")).isEqualTo("测试中 Testing");
		assertThat(MappingDraft.stateNamed(NODES, "Review")).isNull();
		assertThat(MappingDraft.stateNamed(NODES, "Closed")).isNull();
	}

	private MappingDraft draft(String csv, SpaceCatalog catalog, Workflow workflow) throws IOException {
		Path file = Files.writeString(this.dir.resolve("f.csv"), csv, StandardCharsets.UTF_8);
		try (RowSource rows = Sources.open(file, SourceSettings.defaults())) {
			return MappingDraft.of(rows, catalog, new TestSpace(), "demo", SourceSection.DEFAULT, workflow);
		}
	}

	private static FieldDefinition field(String key, String name, String type) {
		return new FieldDefinition(key, null, name, type, Requirement.OPTIONAL, null, List.of());
	}

	/**
	 * A story type with a name, a key field and the relation fields a test adds: r_parent
	 * relates stories to stories, r_bug stories to bugs.
	 */
	private static final class Space implements SpaceMetadataSource {

		final List<FieldDefinition> fields = new ArrayList<>(List.of(field("name", "名称", "text"),
				field("f_rel", "关联需求 Related", "work_item_related_select"), field("external_id", "外部编号", "text")));

		final Map<String, String> relationIds = new java.util.HashMap<>(Map.of("f_rel", "r_parent"));

		@Override
		public List<WorkItemType> types() {
			return TestSpace.TYPES;
		}

		@Override
		public List<FieldDefinition> fields(String typeKey) {
			return this.fields;
		}

		@Override
		public List<Template> templates(String typeKey) {
			return TestSpace.STORY_TEMPLATES;
		}

		@Override
		public List<Role> roles(String typeKey) {
			return List.of();
		}

		@Override
		public Map<String, String> relationIds(String typeKey) {
			return this.relationIds;
		}

		@Override
		public List<Relation> relations() {
			return List.of(new Relation("r_parent", "父子", false, "story", List.of(new Relation.Target("p", "story"))),
					new Relation("r_bug", "缺陷", false, "story", List.of(new Relation.Target("p", "issue"))));
		}

	}

}
