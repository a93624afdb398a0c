package fpimport.mapping;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@code init-mapping} knows of a Jira "CSV (all fields)" export: the header
 * signature that recognises one, the names of the fields and roles its columns go to, and
 * the columns that wait for features not built yet.
 */
final class JiraHeaders {

	/** Every one of these headers is in a Jira export. */
	static final Set<String> SIGNATURE = HeaderNames.words("Summary", "Issue key", "Issue id", "Issue Type");

	static final String SUMMARY = HeaderNames.key("Summary");

	static final String ISSUE_KEY = HeaderNames.key("Issue key");

	static final String DESCRIPTION = HeaderNames.key("Description");

	static final String PRIORITY = HeaderNames.key("Priority");

	static final String ASSIGNEE = HeaderNames.key("Assignee");

	static final String REPORTER = HeaderNames.key("Reporter");

	static final String CREATED = HeaderNames.key("Created");

	static final Set<String> LABELS = HeaderNames.words("Labels");

	static final Set<String> COMPONENTS = HeaderNames.words("Component/s", "Components", "Component");

	/** Names of the role or people field an assignee goes to. */
	static final Set<String> ASSIGNEE_WORDS = HeaderNames.words("Assignee", "经办人", "负责人", "处理人", "指派给", "Owner");

	/** Names of the role or people field a reporter goes to. */
	static final Set<String> REPORTER_WORDS = HeaderNames.words("Reporter", "报告人", "提出人", "需求提出人", "Requester", "创建人");

	/** Names of a text field that keeps the reporter's name as Jira wrote it. */
	static final Set<String> ORIGINAL_REPORTER_WORDS = HeaderNames.words("原报告人", "原始报告人", "Original reporter",
			"Jira reporter");

	/** Names of the date field the creation time goes to. */
	static final Set<String> CREATED_WORDS = HeaderNames.words("Created", "创建时间", "创建日期", "原创建时间", "原始创建时间",
			"Original created", "发现日期", "Found on");

	static final Set<String> LABEL_WORDS = HeaderNames.words("Labels", "Label", "Tags", "标签");

	static final Set<String> COMPONENT_WORDS = HeaderNames.words("Components", "Component/s", "Component", "组件", "模块",
			"Module");

	private static final Set<String> PARENT = HeaderNames.words("Parent", "Parent id", "Parent key", "Parent summary",
			"Custom field (Epic Link)", "Epic Link Summary", "Custom field (Epic Name)");

	private static final Set<String> STATE = HeaderNames.words("Status", "Status Category", "Resolution", "Resolved");

	private JiraHeaders() {
	}

	/** Whether the headers are those of a Jira export. */
	static boolean recognises(Collection<String> headers) {
		Set<String> keys = new HashSet<>();
		headers.forEach((header) -> keys.add(HeaderNames.key(header)));
		return keys.containsAll(SIGNATURE);
	}

	/**
	 * What a column waits for, as a comment line, or {@code null} when it is not one of
	 * those columns.
	 */
	static String later(String header) {
		String key = HeaderNames.key(header.replaceFirst(" ×[0-9]+$", ""));
		if (key.equals(HeaderNames.key("Issue id"))) {
			return header + ": the id the parent columns refer to; for references between rows (not built yet)";
		}
		if (PARENT.contains(key)) {
			return header + ": the parent issue; for references between rows (not built yet)";
		}
		if (STATE.contains(key)) {
			return header + ": where the issue stands; for the state after create (not built yet)";
		}
		if (key.equals(HeaderNames.key("Comment"))) {
			return header + ": date;author;body cells; for comments after create (not built yet)";
		}
		if (key.equals(HeaderNames.key("Attachment"))) {
			return header + ": date;author;file;url cells; for attachments after create (not built yet)";
		}
		return null;
	}

}
