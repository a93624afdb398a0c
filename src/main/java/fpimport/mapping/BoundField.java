package fpimport.mapping;

import java.util.List;

import fpimport.source.SourceRow;
import fpimport.translation.FieldValueTranslator;
import fpimport.translation.Translation;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;

/**
 * How one field, role or the name is filled, bound to the space and the file's header.
 */
final class BoundField {

	/** What goes between the start and end columns of a schedule. */
	private static final String SCHEDULE_JOIN = " ~ ";

	private final FieldMapping mapping;

	/** The field key, the role id, or {@code name}. */
	private final String key;

	/** The name shown in problems. */
	private final String label;

	private final boolean required;

	private final boolean people;

	/** The file's headers of the mapping's columns. */
	private final List<String> headers;

	private final FieldValueTranslator translator;

	/** The translated constant or default, when they name nobody. */
	private final Translation constant;

	private final Translation fallback;

	BoundField(FieldMapping mapping, String key, String label, boolean required, boolean people, List<String> headers,
			FieldValueTranslator translator, Translation constant, Translation fallback) {
		this.mapping = mapping;
		this.key = key;
		this.label = label;
		this.required = required;
		this.people = people;
		this.headers = List.copyOf(headers);
		this.translator = translator;
		this.constant = constant;
		this.fallback = fallback;
	}

	FieldMapping mapping() {
		return this.mapping;
	}

	String key() {
		return this.key;
	}

	boolean people() {
		return this.people;
	}

	List<String> headers() {
		return this.headers;
	}

	FieldValueTranslator translator() {
		return this.translator;
	}

	/**
	 * The value for a row, {@code null} when the row leaves it empty; adds problems.
	 */
	Translation translate(SourceRow row, RowRef ref, List<RowProblem> problems) {
		if (this.mapping.value() != null) {
			return collect((this.constant != null) ? this.constant : this.translator.translate(this.mapping.value()),
					ref, null, this.mapping.value(), problems);
		}
		String column = String.join(", ", this.headers);
		String text;
		if (this.headers.size() == 2) {
			String start = row.cell(this.headers.get(0)).strip();
			String end = row.cell(this.headers.get(1)).strip();
			if (start.isEmpty() != end.isEmpty()) {
				String empty = start.isEmpty() ? this.headers.get(0) : this.headers.get(1);
				problems.add(new RowProblem(ref, column, this.key, start + SCHEDULE_JOIN + end,
						this.label + " needs both a start and an end; " + empty + " is empty"));
				return null;
			}
			text = start.isEmpty() ? "" : start + SCHEDULE_JOIN + end;
		}
		else {
			text = row.cell(this.headers.get(0));
		}
		if (text.isBlank()) {
			if (this.mapping.defaultValue() != null) {
				Translation value = (this.fallback != null) ? this.fallback
						: this.translator.translate(this.mapping.defaultValue());
				return collect(value, ref, column, this.mapping.defaultValue(), problems);
			}
			if (this.required) {
				problems.add(new RowProblem(ref, column, this.key, null, "required field " + this.label
						+ " is empty; fill the cell or give the field a default: in the mapping"));
			}
			return null;
		}
		return collect(this.translator.translate(text), ref, column, text.strip(), problems);
	}

	private Translation collect(Translation translated, RowRef ref, String column, String value,
			List<RowProblem> problems) {
		for (String problem : translated.problems()) {
			problems.add(new RowProblem(ref, column, this.key, value, problem));
		}
		return translated;
	}

}
