package fpimport.mapping;

import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class MappingDraftTest {

	private final SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");

	@Test
	void pairsHeadersWithFieldsAndRolesAndListsTheRest() {
		String yaml = MappingDraft.write(List.of("名称", " 优先级 ", "计划日期", "研发", "备注", "附件", "Priority", "Due Date", "PM"),
				this.story, "demo");
		assertThat(yaml).isEqualTo(
				"""
						# fpimport mapping for 需求 (story), drafted by init-mapping.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						project: demo
						type: story
						name: 名称
						fields:
						  priority: " 优先级 "    # 优先级, select, required: P0, P1, P2, P3
						  planned_date: 计划日期    # 计划日期, date
						roles:
						  rd: 研发    # role 研发, several people
						  PM: PM    # role 产品经理, one person
						# Headers with no field or role of the same name (map them by hand or leave them out):
						#   备注
						#   附件
						#   Priority    (priority is already mapped)
						#   Due Date
						""");
		MappingSpec spec = MappingLoader.parse(yaml, "draft.yaml");
		assertThat(spec.fields()).hasSize(2);
	}

	@Test
	void listsRequiredFieldsStillUnmapped() {
		String yaml = MappingDraft.write(List.of("描述", "备注"), this.story);
		assertThat(yaml).isEqualTo(
				"""
						# fpimport mapping for 需求 (story), drafted by init-mapping.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						# project: <project_key>    (or give --project)
						type: story
						fields:
						  description: 描述    # 描述, multi_text
						# Headers with no field or role of the same name (map them by hand or leave them out):
						#   备注
						# Required fields no column fills yet (add them under fields:, or name: for the name):
						#   name (名称, text)
						#   priority (优先级, select)
						""");
	}

	@Test
	void aDraftWhoseHeadersAllMatchedLoadsAndFitsTheSpace() {
		List<String> headers = List.of("名称", "优先级", "Tags", "负责人", "测试", "external_id", "Due: \"soon\"");
		String yaml = MappingDraft.write(headers.subList(0, 6), this.story, "demo");
		MappingSpec spec = MappingLoader.parse(yaml, "draft.yaml");
		assertThatNoException().isThrownBy(() -> RowPlanner.prepare(spec, this.story, headers, "f.csv", null));
		assertThat(MappingDraft.scalar("Due: \"soon\"")).isEqualTo("\"Due: \\\"soon\\\"\"");
		assertThat(MappingDraft.scalar("yes")).isEqualTo("\"yes\"");
	}

	@Test
	void pairsTrackerWordsAndWritesCandidatesForLikeNames() {
		MappingDraft draft = MappingDraft.of(List.of("标题", "编号", "开始日期", "结束日期", "模块名", "测试人员", "详细描述", "抄送人"),
				this.story, "demo", SourceSection.DEFAULT);
		assertThat(draft.yaml()).isEqualTo(
				"""
						# fpimport mapping for 需求 (story), drafted by init-mapping.
						# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml
						project: demo
						type: story
						key: 编号    # identifies a row across runs: a second import skips what the first created
						key_field: external_id    # 外部编号 (text) receives the key, so a stopped run finds what it created
						name: 标题
						fields:
						  schedule: {columns: [开始日期, 结束日期]}    # 排期, schedule
						  description: 详细描述    # 描述, multi_text
						  watchers: 抄送人    # 关注人, multi_user
						  # module: 模块名    # a candidate: 模块, tree_select: 前端, 后端
						# roles:
						  # qa: 测试人员    # a candidate: role 测试
						# Headers with no field or role of the same name (map them by hand or leave them out):
						#   模块名    (a candidate line is commented out above)
						#   测试人员    (a candidate line is commented out above)
						# Required fields no column fills yet (add them under fields:, or name: for the name):
						#   priority (优先级, select)
						""");
		assertThat(draft.unmatchedHeaders()).containsExactly("模块名", "测试人员");
		assertThat(draft.blanks()).isZero();
	}

}
