package fpimport.translation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fpimport.metadata.FieldDefinition;
import fpimport.translation.FieldKind.Setting;
import fpimport.translation.TextTranslator.Form;

/**
 * Every field type the importer writes on create, each registered once. A new type is a
 * translator class and one line here; the mapping's checks, the planner, init-mapping and
 * the documentation test all ask this list.
 */
public final class FieldKinds {

	private static final List<FieldKind> ALL = List.of( //
			FieldKind.of("text", (field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.ANY),
					Setting.JOIN),
			FieldKind.of("multi_text",
					(field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.ANY),
					Setting.JOIN),
			FieldKind.of("business",
					(field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.ID)),
			FieldKind.of("link",
					(field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.LINK)),
			FieldKind.of("email",
					(field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.EMAIL)),
			FieldKind.of("telephone",
					(field, settings, people) -> new TextTranslator(field.fieldName(), settings, Form.TELEPHONE)),
			FieldKind.of("select", (field, settings, people) -> new OptionTranslator(field, settings, false)),
			FieldKind.of("radio", (field, settings, people) -> new OptionTranslator(field, settings, false)),
			FieldKind.of("multi_select", (field, settings, people) -> new OptionTranslator(field, settings, true),
					Setting.SPLIT),
			FieldKind.of("tree_select", (field, settings, people) -> new TreeOptionTranslator(field, settings, false),
					Setting.MIN_LEVEL),
			FieldKind.of("tree_multi_select",
					(field, settings, people) -> new TreeOptionTranslator(field, settings, true), Setting.SPLIT,
					Setting.MIN_LEVEL),
			FieldKind.people("user",
					(field, settings, people) -> new UserTranslator(field.fieldName(), settings, people, false)),
			FieldKind.people("multi_user",
					(field, settings, people) -> new UserTranslator(field.fieldName(), settings, people, true),
					Setting.SPLIT),
			FieldKind.of("date", (field, settings, people) -> new DateTranslator(field.fieldName(), settings),
					Setting.FORMAT),
			FieldKind.of("schedule", (field, settings, people) -> new ScheduleTranslator(field.fieldName(), settings),
					Setting.FORMAT, Setting.TWO_COLUMNS),
			FieldKind.of("number", (field, settings, people) -> new NumberTranslator(field.fieldName(), settings)), //
			FieldKind.of("bool", (field, settings, people) -> new BoolTranslator(field.fieldName(), settings)),
			FieldKind.of("work_item_related_select",
					(field, settings, people) -> new WorkItemIdTranslator(field.fieldName(), settings, false)),
			FieldKind.of("work_item_related_multi_select",
					(field, settings, people) -> new WorkItemIdTranslator(field.fieldName(), settings, true),
					Setting.SPLIT));

	/** Type key to kind; a type registered twice fails here, at class loading. */
	private static final Map<String, FieldKind> BY_TYPE_KEY = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(FieldKind::typeKey, Function.identity()));

	private FieldKinds() {
	}

	/** Every kind, in the order registered. */
	public static List<FieldKind> all() {
		return ALL;
	}

	/** The kind of a {@code field_type_key}, or empty when create cannot write it. */
	public static Optional<FieldKind> of(String typeKey) {
		return Optional.ofNullable(BY_TYPE_KEY.get(typeKey));
	}

	/**
	 * The problem of a field whose type create cannot write: {@code field 附件 (attachment)
	 * has type multi_file, which cannot be written on create}.
	 */
	public static String notWritable(FieldDefinition field) {
		return "field " + field.fieldName() + " (" + field.fieldKey() + ") has type " + field.fieldTypeKey()
				+ ", which cannot be written on create";
	}

	/** Whether create can write fields of this {@code field_type_key}. */
	public static boolean writable(String typeKey) {
		return BY_TYPE_KEY.containsKey(typeKey);
	}

	/**
	 * The type keys of the kinds that take a setting, in the order registered: for
	 * messages such as "format applies to date and schedule fields only".
	 */
	public static List<String> taking(Setting setting) {
		return ALL.stream().filter((kind) -> kind.takes(setting)).map(FieldKind::typeKey).toList();
	}

}
