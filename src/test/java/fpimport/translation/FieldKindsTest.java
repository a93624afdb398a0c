package fpimport.translation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import fpimport.metadata.FieldDefinition;
import fpimport.translation.FieldKind.Setting;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The one list of field kinds and what each says about its type. */
class FieldKindsTest {

	@Test
	void everyWritableTypeIsRegisteredOnceWithItsSettings() {
		Map<String, Set<Setting>> expected = new LinkedHashMap<>();
		for (String type : new String[] { "business", "link", "email", "telephone", "select", "radio", "number", "bool",
				"user", "work_item_related_select" }) {
			expected.put(type, Set.of());
		}
		expected.put("text", Set.of(Setting.JOIN));
		expected.put("multi_text", Set.of(Setting.JOIN));
		expected.put("multi_select", Set.of(Setting.SPLIT));
		expected.put("multi_user", Set.of(Setting.SPLIT));
		expected.put("work_item_related_multi_select", Set.of(Setting.SPLIT));
		expected.put("tree_select", Set.of(Setting.MIN_LEVEL));
		expected.put("tree_multi_select", Set.of(Setting.SPLIT, Setting.MIN_LEVEL));
		expected.put("date", Set.of(Setting.FORMAT));
		expected.put("schedule", Set.of(Setting.FORMAT, Setting.TWO_COLUMNS));
		Map<String, Set<Setting>> actual = new LinkedHashMap<>();
		FieldKinds.all().forEach((kind) -> actual.put(kind.typeKey(), kind.settings()));
		assertThat(actual).isEqualTo(expected);
		assertThat(FieldKinds.all()).hasSize(19);
	}

	@Test
	void onlyUserFieldsNamePeopleAndOnlySplitFieldsHoldSeveralValues() {
		assertThat(FieldKinds.all().stream().filter(FieldKind::namesPeople).map(FieldKind::typeKey))
			.containsExactly("user", "multi_user");
		assertThat(FieldKinds.of("multi_user").orElseThrow().takes(Setting.SPLIT)).isTrue();
		assertThat(FieldKinds.of("user").orElseThrow().takes(Setting.SPLIT)).isFalse();
		assertThat(FieldKinds.of("tree_multi_select").orElseThrow().takes(Setting.MIN_LEVEL)).isTrue();
		assertThat(FieldKinds.of("tree_multi_select").orElseThrow().takes(Setting.FORMAT)).isFalse();
	}

	@Test
	void messagesNameTheKindsThatTakeASettingInTheOrderRegistered() {
		assertThat(FieldKinds.taking(Setting.FORMAT)).containsExactly("date", "schedule");
		assertThat(FieldKinds.taking(Setting.TWO_COLUMNS)).containsExactly("schedule");
		assertThat(FieldKinds.taking(Setting.MIN_LEVEL)).containsExactly("tree_select", "tree_multi_select");
		assertThat(FieldKinds.taking(Setting.SPLIT)).containsExactly("multi_select", "tree_multi_select", "multi_user",
				"work_item_related_multi_select");
	}

	@Test
	void typesCreateCannotWriteHaveNoKind() {
		assertThat(FieldKinds.of("multi_file")).isEmpty();
		assertThat(FieldKinds.writable("multi_file")).isFalse();
		assertThat(FieldKinds.writable("role_owners")).isFalse();
		assertThat(FieldKinds.writable("template")).isFalse();
		assertThat(FieldKinds.writable("bool")).isTrue();
	}

	@Test
	void aKindMakesTheTranslatorOfItsType() {
		FieldDefinition reviewed = field("reviewed", "已评审", "bool");
		FieldValueTranslator bool = FieldKinds.of("bool")
			.orElseThrow()
			.translator(reviewed, Fields.PLAIN, People.none());
		assertThat(bool.translate("是")).isEqualTo(Translation.of(Boolean.TRUE));
		FieldKind kind = FieldKinds.of("bool").orElseThrow();
		assertThatNullPointerException().isThrownBy(() -> kind.translator(null, Fields.PLAIN, People.none()))
			.withMessage("field");
		assertThatNullPointerException().isThrownBy(() -> kind.translator(reviewed, null, People.none()))
			.withMessage("settings");
		assertThatNullPointerException().isThrownBy(() -> kind.translator(reviewed, Fields.PLAIN, null))
			.withMessage("people");
	}

	@Test
	void theSettingsOfAKindCannotChange() {
		FieldKind kind = new FieldKind("x", (field, settings, people) -> null, Set.of(Setting.SPLIT), false);
		assertThat(kind.settings()).containsExactly(Setting.SPLIT);
		assertThat(kind.takes(Setting.SPLIT)).isTrue();
		assertThat(kind.namesPeople()).isFalse();
		assertThatNullPointerException()
			.isThrownBy(() -> new FieldKind(null, (field, settings, people) -> null, Set.of(), false));
	}

}
