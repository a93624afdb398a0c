package fpimport.api;

/**
 * A comment of a work item ({@code comments}): who added it, when, and its text.
 *
 * @param createdAt epoch milliseconds
 */
public record Comment(long id, String content, String operator, long createdAt) {

	public Comment {
		content = (content == null) ? "" : content;
	}

}
