package fpimport.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fpimport.metadata.PersonMatch;
import fpimport.metadata.UserDirectory;
import fpimport.metadata.Workflow;
import fpimport.source.SourceRow;
import fpimport.translation.JiraCells;
import fpimport.translation.Translation;
import fpimport.workitem.AfterCreatePlan;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.MatchKey;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;

/**
 * The mapping's {@code state:}, {@code comments:} and {@code attachments:} bound to the
 * file's header and the type's fields; with the template's workflow
 * ({@link #useWorkflow}) it plans each row's steps after the create, or finds why it
 * cannot: a state the template cannot reach, a transition needing a field the mapping
 * does not give, a missing file, a file over 100 MB, more than 50 files.
 */
public final class AfterCreateBinding {

	/** The largest file the service takes. */
	public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

	/** The most files one attachment field holds. */
	public static final int MAX_FILES = 50;

	private static final DateTimeFormatter AUTHOR_LINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
			Locale.ROOT);

	private final AfterCreateSpec.StateSpec state;

	private final BoundColumn stateColumn;

	private final Map<String, String> stateValues = new LinkedHashMap<>();

	private final List<BoundField> stateFields;

	private final BoundColumn abortColumn;

	private final Set<String> abortValues;

	private final List<BoundColumn> commentColumns;

	private final List<BoundColumn> fileColumns;

	private final String dir;

	private final String fileField;

	private final DirectoryPeople people;

	private volatile Workflow workflow;

	private volatile Path folder = Path.of("");

	AfterCreateBinding(AfterCreateSpec.StateSpec state, BoundColumn stateColumn, List<BoundField> stateFields,
			BoundColumn abortColumn, List<BoundColumn> commentColumns, List<BoundColumn> fileColumns, String dir,
			String fileField, DirectoryPeople people) {
		this.state = state;
		this.stateColumn = stateColumn;
		if (state != null) {
			state.values().forEach((from, to) -> this.stateValues.put(MatchKey.of(from), to));
		}
		this.stateFields = List.copyOf(stateFields);
		this.abortColumn = abortColumn;
		this.abortValues = (state == null) ? Set.of()
				: state.abortValues().stream().map(MatchKey::of).collect(Collectors.toUnmodifiableSet());
		this.commentColumns = List.copyOf(commentColumns);
		this.fileColumns = List.copyOf(fileColumns);
		this.dir = dir;
		this.fileField = fileField;
		this.people = people;
	}

	/** Whether the mapping moves items, so the template's workflow is needed. */
	public boolean needsWorkflow() {
		return this.state != null;
	}

	/** Whether the mapping asks for anything after the create. */
	public boolean any() {
		return this.state != null || !this.commentColumns.isEmpty() || !this.fileColumns.isEmpty();
	}

	/** The template's workflow, read once before any row is planned. */
	public void useWorkflow(Workflow found) {
		this.workflow = found;
	}

	/**
	 * The folder of the imported file: {@code attachments.dir} and relative paths are
	 * read from it.
	 */
	public void useFolder(Path sourceFolder) {
		this.folder = (sourceFolder != null) ? sourceFolder : Path.of("");
	}

	/** Whether comment cells name authors to look up. */
	boolean commentsNamePeople() {
		return !this.commentColumns.isEmpty();
	}

	/** The authors of the rows' comments, to look up with the other people. */
	List<String> authors(SourceRow row) {
		List<String> authors = new ArrayList<>();
		for (BoundColumn column : this.commentColumns) {
			for (String cell : column.values(row)) {
				JiraCells.Comment comment = JiraCells.comment(cell);
				if (comment.author() != null) {
					authors.add(comment.author());
				}
			}
		}
		return authors;
	}

	/** The steps of a row after its create, or {@code null} with its problems added. */
	AfterCreatePlan plan(SourceRow row, RowRef ref, List<RowProblem> problems) {
		int before = problems.size();
		List<AfterCreatePlan.Hop> hops = new ArrayList<>();
		String abortReason = null;
		boolean nodeFlow = false;
		if (this.state != null) {
			Workflow graph = this.workflow;
			if (graph == null) {
				throw new IllegalStateException("useWorkflow must run before rows that change state are planned");
			}
			nodeFlow = graph.nodeFlow();
			String cell = (this.stateColumn != null) ? one(this.stateColumn, row, ref, problems) : this.state.value();
			String target = this.stateValues.getOrDefault(MatchKey.of(cell), cell);
			if (target.equalsIgnoreCase(AfterCreateSpec.ABORT)) {
				abortReason = cell;
			}
			else if (!target.isBlank()) {
				hops = hops(graph, cell, target, row, ref, problems);
			}
			if (this.abortColumn != null) {
				String resolution = one(this.abortColumn, row, ref, problems);
				if (!resolution.isEmpty() && this.abortValues.contains(MatchKey.of(resolution))) {
					abortReason = resolution;
				}
			}
			if (abortReason != null && !graph.nodeFlow()) {
				problems.add(new RowProblem(ref, name(this.abortColumn), "state", abortReason, "'" + abortReason
						+ "' aborts the item, but the template's workflow is a state flow, which cannot be aborted;"
						+ " map it to a state in state.values"));
			}
		}
		List<String> comments = comments(row);
		List<String> files = files(row, ref, problems);
		if (problems.size() > before) {
			return null;
		}
		return new AfterCreatePlan(nodeFlow, hops, abortReason, comments, this.fileField, files);
	}

	private List<AfterCreatePlan.Hop> hops(Workflow graph, String cell, String target, SourceRow row, RowRef ref,
			List<RowProblem> problems) {
		String column = name(this.stateColumn);
		Optional<Workflow.State> found = graph.state(target);
		if (found.isEmpty()) {
			problems.add(new RowProblem(ref, column, "state", cell,
					"unknown state '" + target + "'; the template's " + (graph.nodeFlow() ? "nodes" : "states") + ": "
							+ String.join(", ", graph.names())
							+ ((this.stateColumn != null) ? "; map the cell in state.values" : "")));
			return List.of();
		}
		Optional<List<Workflow.Connection>> path = graph.path(graph.initial().key(), found.get().key());
		if (path.isEmpty()) {
			problems.add(new RowProblem(ref, column, "state", cell, "state '" + found.get().name()
					+ "' cannot be reached from '" + graph.initial().name() + "' in the template's workflow"));
			return List.of();
		}
		Map<String, FieldValuePair> given = new LinkedHashMap<>();
		List<AfterCreatePlan.Hop> hops = new ArrayList<>();
		for (Workflow.Connection hop : path.get()) {
			List<FieldValuePair> fields = new ArrayList<>();
			for (String key : hop.requiredFields()) {
				FieldValuePair pair = given.computeIfAbsent(key, (wanted) -> stateField(wanted, row, ref, problems));
				if (pair == null) {
					problems.add(new RowProblem(ref, column, "state", cell,
							"the move " + hop.from() + " -> " + hop.to() + " needs field " + key
									+ ", which state.fields does not give; add it there (like an entry of fields:)"));
				}
				else {
					fields.add(pair);
				}
			}
			hops.add(new AfterCreatePlan.Hop(hop.from(), hop.to(), hop.transitionId(), fields));
		}
		return hops;
	}

	private FieldValuePair stateField(String key, SourceRow row, RowRef ref, List<RowProblem> problems) {
		for (BoundField field : this.stateFields) {
			if (field.key().equals(key)) {
				Translation translated = field.translate(row, ref, problems);
				return (translated != null && translated.ok()) ? new FieldValuePair(key, translated.value()) : null;
			}
		}
		return null;
	}

	private List<String> comments(SourceRow row) {
		List<JiraCells.Comment> cells = new ArrayList<>();
		for (BoundColumn column : this.commentColumns) {
			for (String cell : column.values(row)) {
				cells.add(JiraCells.comment(cell));
			}
		}
		// oldest first; those without a readable date keep their place among equals
		List<JiraCells.Comment> ordered = new ArrayList<>(cells);
		if (ordered.stream().allMatch((c) -> c.time() != null)) {
			ordered.sort(java.util.Comparator.comparing(JiraCells.Comment::time));
		}
		return ordered.stream().map(this::text).toList();
	}

	private String text(JiraCells.Comment comment) {
		if (!comment.composite()) {
			return comment.body();
		}
		String when = (comment.time() != null) ? AUTHOR_LINE_TIME.format(comment.time()) : comment.dateText();
		String author = author(comment.author());
		String line = (author != null) ? when + " · " + author : when;
		return line + "\n" + comment.body();
	}

	private String author(String written) {
		if (written == null) {
			return null;
		}
		UserDirectory directory = this.people.directory();
		if (directory != null) {
			PersonMatch match = directory.find(written);
			if (match.found()) {
				String name = match.user().nameEn();
				return (name != null && !name.isBlank()) ? name : match.user().nameCn();
			}
		}
		return written;
	}

	private List<String> files(SourceRow row, RowRef ref, List<RowProblem> problems) {
		List<String> files = new ArrayList<>();
		Path base = (this.dir == null) ? this.folder : this.folder.resolve(this.dir);
		for (BoundColumn column : this.fileColumns) {
			String header = column.name();
			for (String cell : column.values(row)) {
				String path = file(base, header, cell, ref, problems);
				if (path != null) {
					files.add(path);
				}
			}
		}
		if (files.size() > MAX_FILES) {
			problems.add(new RowProblem(ref, null, "attachments", null,
					"the row names " + files.size() + " files; an attachment field holds at most " + MAX_FILES));
		}
		return files;
	}

	/**
	 * The path of the file an attachment cell names, or {@code null} with its problem
	 * added: not a file name, not found, over 100 MB, unreadable.
	 */
	private String file(Path base, String header, String cell, RowRef ref, List<RowProblem> problems) {
		JiraCells.Attachment attachment = JiraCells.attachment(cell);
		Path file;
		try {
			file = base.resolve(attachment.fileName()).toAbsolutePath().normalize();
		}
		catch (java.nio.file.InvalidPathException ex) {
			problems.add(new RowProblem(ref, header, "attachments", cell, "not a file name: " + ex.getMessage()));
			return null;
		}
		if (!Files.isRegularFile(file)) {
			problems.add(new RowProblem(ref, header, "attachments", attachment.fileName(),
					"file not found: " + file + ((this.dir != null) ? " (attachments.dir: " + this.dir + ")" : "")));
			return null;
		}
		try {
			long size = Files.size(file);
			if (size > MAX_FILE_BYTES) {
				problems.add(new RowProblem(ref, header, "attachments", attachment.fileName(),
						file + " has " + size + " bytes; the service takes files up to 100 MB"));
				return null;
			}
		}
		catch (IOException ex) {
			problems.add(new RowProblem(ref, header, "attachments", attachment.fileName(),
					"cannot read " + file + ": " + ex.getMessage()));
			return null;
		}
		return file.toString();
	}

	/**
	 * The one value of a column that takes one, or the empty string; a repeated column
	 * holding more adds a problem and gives the first.
	 */
	private static String one(BoundColumn column, SourceRow row, RowRef ref, List<RowProblem> problems) {
		List<String> values = column.values(row);
		if (values.size() > 1) {
			problems.add(new RowProblem(ref, column.name(), "state", values.get(0), column.tooMany(values, "state")));
		}
		return values.isEmpty() ? "" : values.get(0).strip();
	}

	private static String name(BoundColumn column) {
		return (column != null) ? column.name() : null;
	}

}
