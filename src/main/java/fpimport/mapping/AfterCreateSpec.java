package fpimport.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a mapping asks for after each create (docs/mapping.md "State, comments,
 * attachments"): the state or node to move the item to, its comments and its files.
 *
 * @param state the state to reach, or {@code null}
 * @param comments the comment columns, in order (empty: none)
 * @param attachments the attachments, or {@code null}
 */
public record AfterCreateSpec(StateSpec state, List<String> comments, AttachmentSpec attachments) {

	/** The word of {@code state.values} that aborts the item instead of moving it. */
	public static final String ABORT = "abort";

	public AfterCreateSpec {
		comments = List.copyOf(comments);
	}

	/** Whether the mapping asks for anything after the create. */
	public boolean any() {
		return this.state != null || !this.comments.isEmpty() || this.attachments != null;
	}

	/**
	 * The state to reach.
	 *
	 * @param column the column holding the state, or {@code null} with {@code value}
	 * @param value one state for every row, or {@code null}
	 * @param values cell text to state or node name or key ({@value #ABORT} aborts)
	 * @param fields what the transitions' forms require, written like {@code fields:}
	 * @param abortColumn a column whose listed values abort the item (Jira's Resolution),
	 * or {@code null}
	 * @param abortValues the values of {@code abortColumn} that abort
	 */
	public record StateSpec(String column, String value, Map<String, String> values, List<FieldMapping> fields,
			String abortColumn, List<String> abortValues) {

		public StateSpec {
			values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
			fields = List.copyOf(fields);
			abortValues = List.copyOf(abortValues);
		}

	}

	/**
	 * The files to upload.
	 *
	 * @param columns the columns naming files (paths, or Jira attachment cells)
	 * @param dir the folder file names are looked up in, relative to the imported file's
	 * folder unless absolute, or {@code null} for that folder
	 * @param field the attachment field's key or name, or {@code null} for the type's
	 * first {@code multi_file} field
	 */
	public record AttachmentSpec(List<String> columns, String dir, String field) {

		public AttachmentSpec {
			columns = List.copyOf(columns);
		}

	}

}
