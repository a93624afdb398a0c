package fpimport.translation;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;

/** Small fields and settings for translator tests. */
final class Fields {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final FieldSettings PLAIN = FieldSettings.plain(SHANGHAI);

	private Fields() {
	}

	static FieldDefinition field(String key, String name, String type, FieldOption... options) {
		return new FieldDefinition(key, null, name, type, Requirement.OPTIONAL, null, List.of(options));
	}

	static FieldOption option(String label, String value, FieldOption... children) {
		return new FieldOption(label, value, false, List.of(children));
	}

	static FieldOption disabled(String label, String value) {
		return new FieldOption(label, value, true, List.of());
	}

	static FieldValueTranslator translator(FieldDefinition field) {
		return FieldValueTranslator.forField(field, PLAIN, People.none());
	}

	static FieldSettings withValues(Map<String, String> values) {
		return new FieldSettings(null, values, null, null, SHANGHAI);
	}

	static FieldSettings withFormat(String format) {
		return new FieldSettings(null, Map.of(), format, null, SHANGHAI);
	}

}
