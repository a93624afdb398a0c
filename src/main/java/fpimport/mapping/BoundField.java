package fpimport.mapping;

import java.util.List;

import fpimport.source.SourceRow;
import fpimport.translation.FieldValueTranslator;
import fpimport.translation.RememberingTranslator;
import fpimport.translation.Translation;
import fpimport.workitem.RowProblem;
import fpimport.workitem.ReferenceField;
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

	/** The mapping's columns bound to the file's header. */
	private final List<BoundColumn> columns;

	/** The columns' names as problems name them: {@code 开始日期, 结束日期}. */
	private final String columnNames;

	private final FieldValueTranslator translator;

	/** The translated constant or default, when they name nobody. */
	private final Translation constant;

	private final Translation fallback;

	/** For a relation field whose cells name rows, what it names; else {@code null}. */
	private final ReferenceField reference;

	BoundField(FieldMapping mapping, String key, String label, boolean required, boolean people,
			List<BoundColumn> columns, FieldValueTranslator translator, Translation constant, Translation fallback) {
		this(mapping, key, label, required, people, columns, translator, constant, fallback, null);
	}

	BoundField(FieldMapping mapping, String key, String label, boolean required, boolean people,
			List<BoundColumn> columns, FieldValueTranslator translator, Translation constant, Translation fallback,
			ReferenceField reference) {
		this.reference = reference;
		this.mapping = mapping;
		this.key = key;
		this.label = label;
		this.required = required;
		this.people = people;
		this.columns = List.copyOf(columns);
		this.columnNames = String.join(", ", this.columns.stream().map(BoundColumn::name).toList());
		// a column's repeated cells are translated once (options, people, dates)
		this.translator = (translator instanceof RememberingTranslator) ? translator
				: new RememberingTranslator(translator);
		this.constant = constant;
		this.fallback = fallback;
	}

	/**
	 * For a relation field whose cells name rows ({@code refers_to:}), what it names; its
	 * translation is then the names, not ids. {@code null} for other fields.
	 */
	ReferenceField reference() {
		return this.reference;
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

	List<BoundColumn> columns() {
		return this.columns;
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
		String column = this.columnNames;
		List<String> values;
		if (this.columns.size() == 2) {
			String start = single(this.columns.get(0), row, ref, problems);
			String end = single(this.columns.get(1), row, ref, problems);
			if (start == null || end == null) {
				return null;
			}
			if (start.isEmpty() != end.isEmpty()) {
				String empty = start.isEmpty() ? this.columns.get(0).name() : this.columns.get(1).name();
				problems.add(new RowProblem(ref, column, this.key, start + SCHEDULE_JOIN + end,
						this.label + " needs both a start and an end; " + empty + " is empty"));
				return null;
			}
			values = start.isEmpty() ? List.of() : List.of(start + SCHEDULE_JOIN + end);
		}
		else {
			values = this.columns.get(0).values(row, this.translator.readsShownText());
		}
		if (values.isEmpty()) {
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
		if (values.size() == 1) {
			return collect(this.translator.translate(values.get(0)), ref, column, values.get(0).strip(), problems);
		}
		if (!this.translator.takesSeveral()) {
			problems.add(new RowProblem(ref, column, this.key, null, this.columns.get(0).tooMany(values, taker())));
			return null;
		}
		String shown = String.join(" | ", values.stream().map(String::strip).toList());
		return collect(this.translator.translate(values), ref, column, shown, problems);
	}

	/**
	 * The one value of a column, stripped, or the empty string; {@code null} (and a
	 * problem) when it holds several.
	 */
	private String single(BoundColumn column, SourceRow row, RowRef ref, List<RowProblem> problems) {
		List<String> values = column.values(row);
		if (values.size() > 1) {
			problems.add(new RowProblem(ref, column.name(), this.key, null, column.tooMany(values, taker())));
			return null;
		}
		return values.isEmpty() ? "" : values.get(0).strip();
	}

	/** What takes the value, for messages: {@code field 'Priority'}. */
	private String taker() {
		return "field '" + this.label + "'";
	}

	private Translation collect(Translation translated, RowRef ref, String column, String value,
			List<RowProblem> problems) {
		for (String problem : translated.problems()) {
			problems.add(new RowProblem(ref, column, this.key, value, problem));
		}
		return translated;
	}

}
