package fpimport.mapping;

import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Binding a mapping to a space and a file's header, before any row is planned. */
class MappingBinderTest {

	private final SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");

	@Test
	void aBoundMappingKnowsItsTypeTemplateKeyAndWhetherItNamesPeople() {
		BoundMapping bound = MappingBinder.bind(Fixtures.mapping("every-type.yaml"), this.story,
				Fixtures.headers("every-type.tsv"), "every-type.tsv", "Sheet1");
		assertThat(bound.fileName()).isEqualTo("every-type.tsv");
		assertThat(bound.sheet()).isEqualTo("Sheet1");
		assertThat(bound.typeKey()).isEqualTo("story");
		assertThat(bound.templateId()).isEqualTo(1002L);
		assertThat(bound.keyField()).isEqualTo("external_id");
		assertThat(bound.keyHeaders()).containsExactly("编号");
		assertThat(bound.namesPeople()).isTrue();
		assertThat(new RowPlanner(bound).bound()).isSameAs(bound);
	}

	@Test
	void aMappingWithoutPeopleNeedsNoLookUp() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				name: 标题
				fields: {priority: 优先级, reviewed: 已评审}
				""", "m.yaml");
		BoundMapping bound = MappingBinder.bind(spec, this.story, List.of("标题", "优先级", "已评审"), "f.csv", null);
		assertThat(bound.namesPeople()).isFalse();
		assertThat(bound.templateId()).isNull();
		assertThat(bound.keyField()).isNull();
		assertThat(bound.keyHeaders()).isEmpty();
	}

	@Test
	void theRulesOfTargetsHoldForTheFieldTheSpaceHasUnderAnotherName() {
		// 名称 is the name field, 角色 the role owners: only the space says so
		MappingSpec spec = MappingLoader.parse("""
				type: story
				name: 标题
				fields: {名称: 标题, 角色: 研发, priority: 优先级}
				""", "m.yaml");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> MappingBinder.bind(spec, this.story, List.of("标题", "优先级", "研发"), "f.csv", null))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"fields.名称: the name already comes from the top-level name:; map it once (CW-9)",
					"fields.角色: role owners come from roles:, one entry per role"));
		MappingSpec keyInTheName = MappingLoader.parse("""
				type: story
				name: 标题
				fields: {priority: 优先级}
				key_field: 名称
				""", "m.yaml");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> MappingBinder.bind(keyInTheName, this.story, List.of("标题", "优先级"), "f.csv", null))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("key_field: name cannot hold the row key; name a text field of your own"));
	}

	@Test
	void settingsThatDoNotFitAKindNameTheKindsTheyFit() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				name: 标题
				fields:
				  priority: 优先级
				  description: {columns: [开始, 结束]}
				  reviewed: {column: 已评审, format: yyyy}
				""", "m.yaml");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(
					() -> MappingBinder.bind(spec, this.story, List.of("标题", "优先级", "开始", "结束", "已评审"), "f.csv", null))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"fields.description.columns: two columns fit a schedule field only; 描述 is a multi_text field",
					"fields.reviewed.format: format applies to date and schedule fields only; 已评审 is a bool field"));
	}

}
