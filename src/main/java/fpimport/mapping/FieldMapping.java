package fpimport.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one field (under {@code fields:}), one role (under {@code roles:}) or the work item
 * name ({@code name:}) gets its value: from a column, from two columns (a schedule), or a
 * constant.
 *
 * @param target the YAML key: a field_key, alias or field name; a role id, key or name;
 * or {@code name}
 * @param path the YAML path of the entry, such as {@code fields.priority}, for messages
 * @param columns the source columns: one, two for a schedule, or none for a constant
 * @param value the constant cell text, or {@code null}
 * @param defaultValue the cell text used when the cell is empty, or {@code null}
 * @param values cell text to the text to translate instead (option label or id, person,
 * any value)
 * @param split the separator of multi-value cells, or {@code null} for the default
 * @param format the date pattern, or {@code null}
 * @param minLevel the shallowest level a cascading path may stop at, or {@code null} for
 * a leaf
 * @param join what a text field puts between the values of a repeated column, or
 * {@code null} for a newline
 * @param refersTo for a relation field whose cells name rows, how they are found; or
 * {@code null}
 */
public record FieldMapping(String target, String path, List<String> columns, String value, String defaultValue,
		Map<String, String> values, String split, String format, Integer minLevel, String join, RefersTo refersTo) {

	public FieldMapping {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(path, "path");
		columns = List.copyOf(columns);
		values = (values == null) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
		if (columns.isEmpty() == (value == null)) {
			throw new IllegalArgumentException(path + ": either columns or a value");
		}
	}

	/** A mapping without {@code refers_to}. */
	public FieldMapping(String target, String path, List<String> columns, String value, String defaultValue,
			Map<String, String> values, String split, String format, Integer minLevel, String join) {
		this(target, path, columns, value, defaultValue, values, split, format, minLevel, join, null);
	}

	/** A mapping without {@code join}. */
	public FieldMapping(String target, String path, List<String> columns, String value, String defaultValue,
			Map<String, String> values, String split, String format, Integer minLevel) {
		this(target, path, columns, value, defaultValue, values, split, format, minLevel, null, null);
	}

	/** A mapping of a target to one column and nothing else. */
	public static FieldMapping column(String target, String path, String column) {
		return new FieldMapping(target, path, List.of(column), null, null, Map.of(), null, null, null);
	}

}
