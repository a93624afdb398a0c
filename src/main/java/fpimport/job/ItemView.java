package fpimport.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.api.Comment;
import fpimport.api.OpenApiClient;
import fpimport.api.WorkItemInfo;
import fpimport.api.WorkflowPosition;

/**
 * One created item as the space shows it, read when a step first asks and read again
 * after each call that changes it: where it stands in its workflow, its comments and the
 * files of its attachment field.
 */
final class ItemView {

	private final OpenApiClient client;

	private final String projectKey;

	private final String typeKey;

	private final long itemId;

	private WorkflowPosition position;

	private List<String> comments;

	private List<Map<String, Object>> files;

	private WorkItemInfo info;

	ItemView(OpenApiClient client, String projectKey, String typeKey, long itemId) {
		this.client = client;
		this.projectKey = projectKey;
		this.typeKey = typeKey;
		this.itemId = itemId;
	}

	OpenApiClient client() {
		return this.client;
	}

	String projectKey() {
		return this.projectKey;
	}

	String typeKey() {
		return this.typeKey;
	}

	long itemId() {
		return this.itemId;
	}

	WorkflowPosition position(boolean nodeFlow) {
		if (this.position == null) {
			this.position = this.client.position(this.projectKey, this.typeKey, this.itemId, nodeFlow);
		}
		return this.position;
	}

	List<String> comments() {
		if (this.comments == null) {
			this.comments = new ArrayList<>(this.client.comments(this.projectKey, this.typeKey, this.itemId)
				.stream()
				.map(Comment::content)
				.toList());
		}
		return this.comments;
	}

	/** The files of an attachment field: {@code name}, {@code size}, ... each. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> files(String fieldKey) {
		if (this.files == null) {
			List<Map<String, Object>> found = new ArrayList<>();
			for (WorkItemInfo info : this.client.query(this.projectKey, this.typeKey, List.of(this.itemId))) {
				Object value = info.value(fieldKey).orElse(null);
				if (value instanceof List<?> list) {
					for (Object file : list) {
						if (file instanceof Map<?, ?> map) {
							found.add((Map<String, Object>) map);
						}
					}
				}
			}
			this.files = found;
		}
		return this.files;
	}

	/** A field's value as the item holds it, or {@code null}. */
	Object value(String fieldKey) {
		if (this.info == null) {
			List<WorkItemInfo> found = this.client.query(this.projectKey, this.typeKey, List.of(this.itemId));
			if (found.isEmpty()) {
				return null;
			}
			this.info = found.get(0);
		}
		return this.info.value(fieldKey).orElse(null);
	}

	/** Forgets the fields read, after a call that changed them. */
	void updated() {
		this.info = null;
	}

	void moved() {
		this.position = null;
	}

	void commented(String text) {
		if (this.comments != null) {
			this.comments.add(text);
		}
	}

	void uploaded(Path file, long size) {
		if (this.files != null) {
			this.files.add(Map.of("name", file.getFileName().toString(), "size", size));
		}
	}

}
