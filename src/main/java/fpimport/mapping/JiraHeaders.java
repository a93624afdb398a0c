package fpimport.mapping;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@code init-mapping} knows of a Jira "CSV (all fields)" export: the header
 * signature that recognises one, the names of the fields and roles its columns go to, and
 * the columns that become settings: the parent columns a {@code refers_to:}, Status the
 * {@code state:}, Comment the {@code comments:}, Attachment the {@code attachments:}.
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

	static final String ISSUE_ID = HeaderNames.key("Issue id");

	/** Columns holding the parent's numeric {@code Issue id}. */
	static final Set<String> PARENT_BY_ID = HeaderNames.words("Parent", "Parent id");

	/** Columns holding the parent's (or epic's) {@code Issue key}. */
	static final Set<String> PARENT_BY_KEY = HeaderNames.words("Parent key", "Custom field (Epic Link)");

	static final String STATUS = HeaderNames.key("Status");

	static final String RESOLUTION = HeaderNames.key("Resolution");

	static final String COMMENT = HeaderNames.key("Comment");

	static final String ATTACHMENT = HeaderNames.key("Attachment");

	/**
	 * Names of the relation field a parent goes to, among those relating the type to
	 * itself.
	 */
	static final Set<String> PARENT_WORDS = HeaderNames.words("父", "父需求", "父任务", "父级", "父工作项", "上级", "上级需求", "Parent",
			"Parent story", "Parent issue", "Parent task", "Epic");

	private JiraHeaders() {
	}

	/** Whether the headers are those of a Jira export. */
	static boolean recognises(Collection<String> headers) {
		Set<String> keys = new HashSet<>();
		headers.forEach((header) -> keys.add(HeaderNames.key(header)));
		return keys.containsAll(SIGNATURE);
	}

	/**
	 * The column of the parent rows that a parent column names them by ({@code Issue id}
	 * or {@code Issue key}), or {@code null} when the header is not a parent column.
	 */
	static String parentBy(String header) {
		String key = HeaderNames.key(header);
		if (PARENT_BY_ID.contains(key)) {
			return "Issue id";
		}
		return PARENT_BY_KEY.contains(key) ? "Issue key" : null;
	}

}
