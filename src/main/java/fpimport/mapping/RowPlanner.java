package fpimport.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.UserDirectory;
import fpimport.metadata.UserSource;
import fpimport.source.SourceRow;
import fpimport.translation.DayMonthOrder;
import fpimport.translation.Translation;
import fpimport.workitem.AfterCreatePlan;
import fpimport.workitem.ColumnKeys;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.Reference;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import fpimport.workitem.WorkItemDraft;

/**
 * Turns the rows of one file into row plans with a {@link BoundMapping}. First
 * {@link #resolvePeople} looks up the file's people in batches; then {@link #plan} is
 * pure and may run on several threads.
 */
public final class RowPlanner {

	private final BoundMapping bound;

	/**
	 * @param bound the mapping bound to the space and the file's header; the planner
	 * looks up its people
	 */
	public RowPlanner(BoundMapping bound) {
		this.bound = Objects.requireNonNull(bound, "bound");
	}

	/**
	 * Binds a mapping with {@link MappingBinder#bind} and makes its planner.
	 * @throws InvalidMappingException with every problem of the mapping
	 */
	public static RowPlanner prepare(MappingSpec spec, SpaceCatalog catalog, List<String> headers, String fileName,
			String sheet) {
		return new RowPlanner(MappingBinder.bind(spec, catalog, headers, fileName, sheet));
	}

	/** The mapping the planner plans with. */
	public BoundMapping bound() {
		return this.bound;
	}

	/** Whether some field or role names people, so {@link #resolvePeople} is needed. */
	public boolean namesPeople() {
		return this.bound.namesPeople();
	}

	/**
	 * The distinct texts naming people in the rows, constants and defaults: every text
	 * {@link #resolvePeople} looks up.
	 */
	public Set<String> personCells(Iterable<SourceRow> rows) {
		Set<String> persons = new LinkedHashSet<>();
		List<BoundField> targets = this.bound.peopleTargets();
		for (BoundField target : targets) {
			for (String text : new String[] { target.mapping().value(), target.mapping().defaultValue() }) {
				if (text != null && !text.isBlank()) {
					persons.addAll(target.translator().persons(text));
				}
			}
		}
		for (SourceRow row : rows) {
			if (row.problem() != null) {
				continue;
			}
			persons.addAll(this.bound.after().authors(row));
			for (BoundField target : targets) {
				if (!target.columns().isEmpty()) {
					for (String cell : target.columns().get(0).values(row)) {
						persons.addAll(target.translator().persons(cell));
					}
				}
			}
		}
		return persons;
	}

	/**
	 * Looks up every distinct person the rows name, in batches of at most
	 * {@value UserSource#MAX_BATCH}; call it once before planning rows that name people.
	 * @return the directory the planner now uses
	 */
	public UserDirectory resolvePeople(Iterable<SourceRow> rows, UserSource users) {
		UserDirectory found = UserDirectory.lookUp(users, this.bound.users().match(), this.bound.users().aliases(),
				personCells(rows));
		this.bound.people().use(found);
		return found;
	}

	/**
	 * Reads the rows once before any is planned: looks up the people they name, as
	 * {@link #resolvePeople}, when the mapping names people, and decides the day/month
	 * order of each date column whose cells prove it ({@link DayMonthOrder}). Call it
	 * once before planning.
	 * @return one note per date column whose order a cell decided, for the run summary:
	 * {@code column Created: dates read as day/month, proved by row 14 '13/04/2024'}
	 */
	public List<String> survey(Iterable<SourceRow> rows, UserSource users) {
		List<BoundField> dated = new ArrayList<>();
		for (BoundField field : this.bound.fields()) {
			if (field.translator().dayMonthOrder() != null && !field.columns().isEmpty()) {
				dated.add(field);
			}
		}
		Iterable<SourceRow> observed = dated.isEmpty() ? rows : () -> observing(rows.iterator(), dated);
		if (namesPeople()) {
			resolvePeople(observed, users);
		}
		else {
			observed.forEach((row) -> {
			});
		}
		List<String> notes = new ArrayList<>();
		for (BoundField field : dated) {
			String note = field.translator().dayMonthOrder().note();
			if (note != null) {
				notes.add("column " + String.join(", ", field.columns().stream().map(BoundColumn::name).toList()) + ": "
						+ note);
			}
		}
		return notes;
	}

	/** The rows, each shown on the way to the date columns not yet decided. */
	private static Iterator<SourceRow> observing(Iterator<SourceRow> rows, List<BoundField> dated) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return rows.hasNext();
			}

			@Override
			public SourceRow next() {
				SourceRow row = rows.next();
				if (row.problem() == null) {
					for (BoundField field : dated) {
						DayMonthOrder order = field.translator().dayMonthOrder();
						for (int i = 0; i < field.columns().size() && !order.decided(); i++) {
							for (String cell : field.columns().get(i).values(row)) {
								if (order.observe(cell, row.rowNumber())) {
									break;
								}
							}
						}
					}
				}
				return row;
			}

		};
	}

	/** The key that identifies a row across runs, as {@link #plan} gives it. */
	public String rowKey(SourceRow row) {
		if (row.problem() != null) {
			// an unreadable row has no cells to identify it; it is never created
			return "unreadable row " + row.rowNumber();
		}
		if (!this.bound.keyColumns().isEmpty()) {
			List<String> values = new ArrayList<>();
			for (BoundColumn column : this.bound.keyColumns()) {
				values.add(text(column, row));
			}
			return String.join(" / ", values);
		}
		StringBuilder canonical = new StringBuilder();
		this.bound.hashedHeaders().forEach((column, header) -> {
			String value = text(header, row);
			canonical.append(column.length())
				.append(':')
				.append(column)
				.append(value.length())
				.append(':')
				.append(value);
		});
		return sha256(canonical.toString());
	}

	/** The draft of a row, or every problem of the row; pure and thread-safe. */
	public RowPlan plan(SourceRow row) {
		RowRef ref = new RowRef(this.bound.fileName(), this.bound.sheet(), row.rowNumber());
		String rowKey = rowKey(row);
		if (row.problem() != null) {
			return new RowPlan(ref, rowKey, null, List.of(new RowProblem(ref, null, null, null, row.problem())));
		}
		if (namesPeople() && !this.bound.people().lookedUp()) {
			throw new IllegalStateException("resolvePeople must run before rows that name people are planned");
		}
		List<RowProblem> problems = new ArrayList<>();
		for (BoundColumn column : this.bound.keyColumns()) {
			List<String> values = column.values(row);
			if (values.isEmpty()) {
				problems.add(new RowProblem(ref, column.name(), null, null,
						"the key column " + column.name() + " is empty; every row needs a key (key: in the mapping)"));
			}
			else if (values.size() > 1) {
				problems.add(new RowProblem(ref, column.name(), null, null, column.tooMany(values, "a row key")));
			}
		}
		String itemName = null;
		if (this.bound.name() != null) {
			Translation translated = this.bound.name().translate(row, ref, problems);
			itemName = (translated != null && translated.ok()) ? (String) translated.value() : null;
		}
		List<FieldValuePair> pairs = new ArrayList<>();
		List<Reference> references = new ArrayList<>();
		for (BoundField field : this.bound.fields()) {
			Translation translated = field.translate(row, ref, problems);
			if (translated != null && translated.ok()) {
				if (field.reference() != null) {
					references.add(new Reference(field.reference(), names(translated.value())));
				}
				else {
					pairs.add(new FieldValuePair(field.key(), translated.value()));
				}
			}
		}
		List<Object> owners = new ArrayList<>();
		for (BoundField role : this.bound.roles()) {
			Translation translated = role.translate(row, ref, problems);
			if (translated != null && translated.ok()) {
				owners.add(translated.value());
			}
		}
		if (!owners.isEmpty()) {
			pairs.add(new FieldValuePair(TargetRules.ROLE_OWNERS, List.copyOf(owners)));
		}
		if (this.bound.keyField() != null) {
			pairs.add(new FieldValuePair(this.bound.keyField(), rowKey));
		}
		AfterCreatePlan after = this.bound.after().any() ? this.bound.after().plan(row, ref, problems)
				: AfterCreatePlan.NONE;
		if (!problems.isEmpty()) {
			return new RowPlan(ref, rowKey, null, problems);
		}
		return new RowPlan(ref, rowKey,
				new WorkItemDraft(this.bound.typeKey(), this.bound.templateId(), itemName, pairs), List.of(), after,
				references);
	}

	/**
	 * The rows a row names through its relation fields ({@code refers_to:}), read alone,
	 * without planning the row: empty for a row whose references cannot be read (its plan
	 * says why).
	 */
	public List<Reference> references(SourceRow row) {
		if (row.problem() != null || !this.bound.refers()) {
			return List.of();
		}
		RowRef ref = new RowRef(this.bound.fileName(), this.bound.sheet(), row.rowNumber());
		List<Reference> references = new ArrayList<>();
		for (BoundField field : this.bound.fields()) {
			if (field.reference() != null) {
				Translation translated = field.translate(row, ref, new ArrayList<>());
				if (translated != null && translated.ok()) {
					references.add(new Reference(field.reference(), names(translated.value())));
				}
			}
		}
		return references;
	}

	/**
	 * The stripped text of a column of a row, for rows named by that column; {@code null}
	 * when the file has no such column or the row cannot be read.
	 */
	public String cell(SourceRow row, String column) {
		if (row.problem() != null) {
			return null;
		}
		List<String> keys = ColumnKeys.find(column, this.bound.headers());
		if (keys.isEmpty()) {
			return null;
		}
		String value = row.cell(keys.get(0));
		return (value == null) ? null : value.strip();
	}

	private static List<String> names(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value));
	}

	/**
	 * A column's values as one text: the stripped cell of a single column, the stripped
	 * values of a repeated name's columns one a line.
	 */
	private static String text(BoundColumn column, SourceRow row) {
		List<String> values = column.values(row);
		if (values.size() == 1) {
			return values.get(0).strip();
		}
		return String.join("\n", values.stream().map(String::strip).toList());
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
