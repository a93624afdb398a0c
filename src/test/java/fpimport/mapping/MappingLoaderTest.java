package fpimport.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import fpimport.metadata.PersonForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MappingLoaderTest {

	@Test
	void readsEverySetting() {
		MappingSpec spec = Fixtures.mapping("every-type.yaml");
		assertThat(spec.project()).isEqualTo("demo");
		assertThat(spec.type()).isEqualTo("需求");
		assertThat(spec.template()).isEqualTo("敏捷流程");
		assertThat(spec.key()).containsExactly("编号");
		assertThat(spec.keyField()).isEqualTo("external_id");
		assertThat(spec.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(spec.source()).isEqualTo(SourceSection.DEFAULT);
		assertThat(spec.name()).isEqualTo(FieldMapping.column("name", "name", "标题"));
		assertThat(spec.fields()).hasSize(19);
		assertThat(spec.fields().get(1)).isEqualTo(new FieldMapping("优先级", "fields.优先级", List.of("优先级"), null, "P2",
				Map.of("紧急", "P0", "高", "P1"), null, null, null));
		assertThat(spec.fields().get(3))
			.isEqualTo(new FieldMapping("tags", "fields.tags", List.of("标签"), null, null, Map.of(), "|", null, null));
		assertThat(spec.fields().get(9)).isEqualTo(new FieldMapping("schedule", "fields.schedule", List.of("开始", "结束"),
				null, null, Map.of(), null, null, null));
		assertThat(spec.fields().get(17)).isEqualTo(new FieldMapping("business", "fields.business", List.of(),
				"662f0e13b1a20d5dd5fb3320", null, Map.of(), null, null, null));
		assertThat(spec.roles()).containsExactly(FieldMapping.column("PM", "roles.PM", "产品经理"),
				new FieldMapping("研发", "roles.研发", List.of("研发"), null, null, Map.of(), ",", null, null));
		assertThat(spec.users()).isEqualTo(new UserSettings(
				List.of(PersonForm.EMAIL, PersonForm.NAME, PersonForm.USER_KEY), Map.of("老王", "wang@corp.com")));
	}

	@Test
	void readsTheSourceSettingsAndDefaults() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				key: 编号
				source: {sheet: 2, header_row: 3, encoding: GBK, delimiter: ";"}
				fields: {description: 描述}
				""", "m.yaml");
		assertThat(spec.source()).isEqualTo(new SourceSection("2", 3, "GBK", ";"));
		assertThat(spec.key()).containsExactly("编号");
		assertThat(spec.timezone()).isNull();
		assertThat(spec.zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(spec.users()).isEqualTo(UserSettings.DEFAULT);
	}

	@Test
	void reportsEveryProblemAtOnceWithItsYamlPath() {
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> Fixtures.mapping("broken.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"template_name: unknown setting; settings here: project, type, template, key, key_field, timezone, source, name, fields, roles, users, state, comments, attachments",
					"project: must be a single value, not a list or mapping",
					"type: missing; write the work item type key or name, such as type: story",
					"timezone: unknown time zone 'Asia/Shangai'; write a zone such as Asia/Shanghai or UTC",
					"source.quote: unknown setting; settings here: sheet, header_row, encoding, delimiter",
					"source.header_row: must be a row number, 1 or more; got '0'",
					"name.split: unknown setting; settings here: column, value, default",
					"fields.priority.colum: unknown setting; settings here: column, columns, value, default, values, split, format, min_level, join, refers_to",
					"fields.priority: give column:, columns: or value:",
					"fields.tags: give only one of column:, columns: and value:",
					"fields.planned_date.format: bad date format 'yyyy/M/ddd': Too many pattern letters: d; write a pattern such as yyyy/M/d or dd.MM.yyyy HH:mm",
					"fields.module.min_level: must be a level number, 1 or more; got '0'",
					"fields.schedule.columns: give two columns, the start and the end of a schedule",
					"fields.description: empty; write the column, or settings such as column:",
					"fields.points.default: a constant value: needs no default",
					"fields.watchers.split: empty; write the separator, such as \",\"",
					"users.match[1]: unknown form 'phone'; use email, name and user_key, in the order to try them",
					"users.match[2]: email is listed twice", "users.aliases.老王: must be a single value",
					"fields.template_id: the template is chosen by the top-level template:, never as a field (CW-10)",
					"key_field: external_id is also mapped at fields.external_id; a field takes one value (CW-5)"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("mapping broken.yaml has 21 problems:\n  template_name: unknown setting; settings here: "));
	}

	@Test
	void theNameIsMappedOnce() {
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> MappingLoader.parse("""
				type: story
				name: 标题
				fields:
				  name: 标题
				""", "m.yaml"))
			.withMessage("mapping m.yaml has 1 problem:\n"
					+ "  fields.name: the name already comes from the top-level name:; map it once (CW-9)");
	}

	@Test
	void reportsBadYamlWithItsLine() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> MappingLoader.parse("type: story\nfields:\n  a: 1\n  a: 2\n", "dup.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"line 4, column 4: not valid YAML: Duplicate Object property \"a\"; the line reads '  a: 2'"));
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> MappingLoader.parse("", "e.yaml"))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("(top): the mapping is empty; it needs at least type: and fields:"));
	}

}
