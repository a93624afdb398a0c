package fpimport.workitem;

import java.util.List;
import java.util.Objects;

/**
 * What one row asks for after its item is created, each part a step of its own: the moves
 * to its state, an abort, its comments (oldest first, each with its author line) and its
 * files.
 *
 * @param nodeFlow whether the moves complete nodes (node flow) rather than change states
 * @param hops the moves from the initial state or node to the target, in order
 * @param abortReason the reason of an abort after the moves, or {@code null} for none
 * @param comments the comments' texts, in order
 * @param fileField the key of the attachment field the files go to, or {@code null}
 * @param files the files' absolute paths, in order
 */
public record AfterCreatePlan(boolean nodeFlow, List<Hop> hops, String abortReason, List<String> comments,
		String fileField, List<String> files) {

	/** Nothing after the create. */
	public static final AfterCreatePlan NONE = new AfterCreatePlan(false, List.of(), null, List.of(), null, List.of());

	public AfterCreatePlan {
		hops = List.copyOf(hops);
		comments = List.copyOf(comments);
		files = List.copyOf(files);
		if (!files.isEmpty()) {
			Objects.requireNonNull(fileField, "fileField");
		}
	}

	/** Whether there is nothing to do after the create. */
	public boolean none() {
		return this.hops.isEmpty() && this.abortReason == null && this.comments.isEmpty() && this.files.isEmpty();
	}

	/**
	 * One move: a state change along {@code transitionId} (state flow), or the completion
	 * of node {@code from} (node flow), with the fields its form requires.
	 */
	public record Hop(String from, String to, long transitionId, List<FieldValuePair> fields) {

		public Hop {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			fields = List.copyOf(fields);
		}

	}

}
