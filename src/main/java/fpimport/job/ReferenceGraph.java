package fpimport.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fpimport.mapping.RowPlan;
import fpimport.mapping.RowPlanner;
import fpimport.source.SourceRow;
import fpimport.workitem.Reference;
import fpimport.workitem.ReferenceField;
import fpimport.workitem.RowProblem;

/**
 * The references between the rows of a run (relation fields with {@code refers_to:}):
 * what each value names (a row of this run, or an item imported before or found in the
 * space), the wave each row is created in, parents first, and the fields set only once
 * every row exists (a cycle, or {@code later: true}). One pass over the rows in preflight
 * builds it ({@link Survey}); it lives in memory and is built again on every restart.
 * docs/design.md#references-between-rows.
 */
final class ReferenceGraph {

	/** A run whose mapping names no rows. */
	static final ReferenceGraph NONE = new ReferenceGraph("", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 1);

	/** An in-file value that names several rows. */
	private static final long AMBIGUOUS = -1;

	/** What one value of a reference names. */
	sealed interface Target {

		/** A row of this run, by row number. */
		record Row(long rowNumber) implements Target {
		}

		/** An item that exists: imported before, or found in the space. */
		record Item(long workItemId) implements Target {
		}

		/** Nothing, or nothing certain: the row cannot be created. */
		record Unknown(String problem) implements Target {
		}

	}

	/** Looks up, for values a run's rows do not hold, the items that exist. */
	interface Existing {

		/** What each value names, for the values it finds; the others are absent. */
		Map<String, Target> find(ReferenceField field, Set<String> values);

	}

	private final String typeKey;

	/** {@code by} and value to the row of this run that holds it. */
	private final Map<String, Long> rows;

	/** Type, {@code by} and value to what exists outside this run. */
	private final Map<String, Target> existing;

	/** Rows created after the first wave, by row number. */
	private final Map<Long, Integer> waves;

	/** Per row, the fields set only once every row exists. */
	private final Map<Long, Set<String>> later;

	/** Per row that names other rows, what it names. */
	private final Map<Long, List<Reference>> referring;

	private final int waveCount;

	private ReferenceGraph(String typeKey, Map<String, Long> rows, Map<String, Target> existing,
			Map<Long, Integer> waves, Map<Long, Set<String>> later, Map<Long, List<Reference>> referring,
			int waveCount) {
		this.typeKey = typeKey;
		this.rows = rows;
		this.existing = existing;
		this.waves = waves;
		this.later = later;
		this.referring = referring;
		this.waveCount = waveCount;
	}

	/** How many waves the rows are created in: 1 when no row waits for another. */
	int waveCount() {
		return this.waveCount;
	}

	/** The wave of a row, from 0. */
	int wave(long rowNumber) {
		return this.waves.getOrDefault(rowNumber, 0);
	}

	/** Whether a row names other rows. */
	boolean refers(long rowNumber) {
		return this.referring.containsKey(rowNumber);
	}

	/** The rows that name other rows, in row order. */
	Set<Long> referringRows() {
		return new TreeSet<>(this.referring.keySet());
	}

	/** What a row names, as the survey read it. */
	List<Reference> references(long rowNumber) {
		return this.referring.getOrDefault(rowNumber, List.of());
	}

	/** Whether some field of a row is set only once every row exists. */
	boolean anyLater(long rowNumber) {
		return this.later.containsKey(rowNumber);
	}

	/** Whether a field of a row is set only once every row exists. */
	boolean later(long rowNumber, String fieldKey) {
		Set<String> fields = this.later.get(rowNumber);
		return fields != null && fields.contains(fieldKey);
	}

	/** What a value of a reference names. */
	Target target(ReferenceField field, String value) {
		if (field.typeKey().equals(this.typeKey)) {
			Long row = this.rows.get(rowKey(field, value));
			if (row != null) {
				return (row == AMBIGUOUS) ? new Target.Unknown("refers to " + value + ", which names several rows of "
						+ "this file by " + field.byLabel() + "; make that column unique") : new Target.Row(row);
			}
		}
		Target found = this.existing.get(existingKey(field, value));
		return (found != null) ? found
				: new Target.Unknown("refers to " + value + ", which is neither in this file nor imported before");
	}

	/** The problems of a row's references that name nothing, or nothing certain. */
	List<RowProblem> problems(RowPlan plan) {
		List<RowProblem> problems = new ArrayList<>();
		for (Reference reference : plan.references()) {
			ReferenceField field = reference.field();
			for (String value : reference.values()) {
				if (target(field, value) instanceof Target.Unknown unknown) {
					problems
						.add(new RowProblem(plan.row(), field.column(), field.fieldKey(), value, unknown.problem()));
				}
			}
		}
		return problems;
	}

	private static String rowKey(ReferenceField field, String value) {
		return ((field.by() != null) ? field.by() : "") + '\u0000' + value;
	}

	private static String existingKey(ReferenceField field, String value) {
		return field.typeKey() + '\u0000' + rowKey(field, value);
	}

	/**
	 * Reads the rows once and then decides: {@link #observe} each row, then
	 * {@link #finish}.
	 */
	static final class Survey {

		private final RowPlanner planner;

		private final String typeKey;

		/** The columns of this run's rows that other rows name them by. */
		private final Set<String> byColumns = new LinkedHashSet<>();

		private final boolean byRowKey;

		private final Map<String, Long> rows = new HashMap<>();

		private final Map<Long, List<Reference>> references = new LinkedHashMap<>();

		Survey(RowPlanner planner, String typeKey) {
			this.planner = planner;
			this.typeKey = typeKey;
			boolean rowKey = false;
			for (ReferenceField field : planner.bound().referenceFields()) {
				if (field.typeKey().equals(typeKey)) {
					if (field.by() == null) {
						rowKey = true;
					}
					else {
						this.byColumns.add(field.by());
					}
				}
			}
			this.byRowKey = rowKey;
		}

		void observe(SourceRow row) {
			if (row.problem() != null) {
				return;
			}
			for (String column : this.byColumns) {
				String value = this.planner.cell(row, column);
				if (value != null && !value.isEmpty()) {
					index(column + '\u0000' + value, row.rowNumber());
				}
			}
			if (this.byRowKey) {
				index('\u0000' + this.planner.rowKey(row), row.rowNumber());
			}
			List<Reference> named = this.planner.references(row);
			if (!named.isEmpty()) {
				this.references.put(row.rowNumber(), named);
			}
		}

		private void index(String key, long rowNumber) {
			Long before = this.rows.putIfAbsent(key, rowNumber);
			if (before != null && before != rowNumber) {
				this.rows.put(key, AMBIGUOUS);
			}
		}

		ReferenceGraph finish(Existing lookup) {
			if (this.references.isEmpty()) {
				return new ReferenceGraph(this.typeKey, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 1);
			}
			// what the run's rows do not hold, asked once per field
			Map<ReferenceField, Set<String>> outside = new LinkedHashMap<>();
			for (List<Reference> named : this.references.values()) {
				for (Reference reference : named) {
					ReferenceField field = reference.field();
					for (String value : reference.values()) {
						if (!field.typeKey().equals(this.typeKey) || !this.rows.containsKey(rowKey(field, value))) {
							outside.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(value);
						}
					}
				}
			}
			Map<String, Target> existing = new HashMap<>();
			outside.forEach((field, values) -> lookup.find(field, values)
				.forEach((value, target) -> existing.put(existingKey(field, value), target)));
			ReferenceGraph unordered = new ReferenceGraph(this.typeKey, this.rows, existing, Map.of(), Map.of(),
					this.references, 1);
			return unordered.ordered(this.references);
		}

	}

	/**
	 * This graph with its waves: a row goes in the wave after the last of the rows it
	 * names; a cycle is broken at its lowest row, whose fields naming rows of the cycle
	 * are set later.
	 */
	private ReferenceGraph ordered(Map<Long, List<Reference>> references) {
		Map<Long, Set<String>> setLater = new HashMap<>();
		// per row, per field, the rows of this run it waits for
		Map<Long, Map<String, Set<Long>>> waits = new HashMap<>();
		Map<Long, Set<Long>> dependents = new HashMap<>();
		for (Map.Entry<Long, List<Reference>> entry : references.entrySet()) {
			long row = entry.getKey();
			for (Reference reference : entry.getValue()) {
				ReferenceField field = reference.field();
				Set<Long> targets = new HashSet<>();
				for (String value : reference.values()) {
					if (target(field, value) instanceof Target.Row named) {
						targets.add(named.rowNumber());
					}
				}
				if (targets.isEmpty()) {
					continue;
				}
				if (field.later() || targets.contains(row)) {
					setLater.computeIfAbsent(row, (r) -> new HashSet<>()).add(field.fieldKey());
					continue;
				}
				waits.computeIfAbsent(row, (r) -> new LinkedHashMap<>()).put(field.fieldKey(), targets);
				targets.forEach((target) -> dependents.computeIfAbsent(target, (t) -> new HashSet<>()).add(row));
			}
		}
		Map<Long, Integer> waveOf = new HashMap<>();
		Map<Long, Integer> open = new HashMap<>();
		Deque<Long> ready = new ArrayDeque<>();
		Set<Long> nodes = new TreeSet<>(waits.keySet());
		nodes.addAll(dependents.keySet());
		for (long node : nodes) {
			int count = waitCount(waits.get(node));
			open.put(node, count);
			if (count == 0) {
				waveOf.put(node, 0);
				ready.add(node);
			}
		}
		int settled = 0;
		while (settled < nodes.size()) {
			while (!ready.isEmpty()) {
				long done = ready.poll();
				settled++;
				for (long dependent : dependents.getOrDefault(done, Set.of())) {
					int left = open.merge(dependent, -1, Integer::sum);
					if (left == 0) {
						waveOf.put(dependent, waveAfter(waits.get(dependent), waveOf));
						ready.add(dependent);
					}
				}
			}
			if (settled < nodes.size()) {
				// a cycle: its lowest row waits for none of the rows still open
				long lowest = nodes.stream().filter((node) -> open.get(node) > 0).findFirst().orElseThrow();
				Map<String, Set<Long>> fields = waits.get(lowest);
				for (Map.Entry<String, Set<Long>> field : List.copyOf(fields.entrySet())) {
					if (field.getValue().stream().anyMatch((target) -> open.getOrDefault(target, 0) > 0)) {
						setLater.computeIfAbsent(lowest, (r) -> new HashSet<>()).add(field.getKey());
						fields.remove(field.getKey());
						for (long target : field.getValue()) {
							if (!waveOf.containsKey(target)) {
								dependents.get(target).remove(lowest);
							}
						}
					}
				}
				open.put(lowest, 0);
				waveOf.put(lowest, waveAfter(fields, waveOf));
				ready.add(lowest);
			}
		}
		Map<Long, Integer> waves = new HashMap<>();
		int last = 0;
		for (Map.Entry<Long, Integer> entry : waveOf.entrySet()) {
			if (entry.getValue() > 0) {
				waves.put(entry.getKey(), entry.getValue());
				last = Math.max(last, entry.getValue());
			}
		}
		return new ReferenceGraph(this.typeKey, this.rows, this.existing, waves, setLater, this.referring, last + 1);
	}

	private static int waitCount(Map<String, Set<Long>> fields) {
		if (fields == null) {
			return 0;
		}
		Set<Long> all = new HashSet<>();
		fields.values().forEach(all::addAll);
		return all.size();
	}

	/** The wave after the last of the rows a row still waits for. */
	private static int waveAfter(Map<String, Set<Long>> fields, Map<Long, Integer> waveOf) {
		int wave = 0;
		if (fields != null) {
			for (Set<Long> targets : fields.values()) {
				for (long target : targets) {
					wave = Math.max(wave, waveOf.getOrDefault(target, 0) + 1);
				}
			}
		}
		return wave;
	}

}
