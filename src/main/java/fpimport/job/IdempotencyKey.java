package fpimport.job;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fpimport.workitem.WorkItemDraft;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code X-IDEM-UUID} of a row's create: the same space, type, row key and body
 * always give the same key, so a create sent again (after a dropped answer or a crash)
 * never makes a second item; a changed body (a fixed mapping) gives a new key, because
 * the service refuses a key reused with a different body.
 */
final class IdempotencyKey {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IdempotencyKey() {
	}

	static String of(String projectKey, String typeKey, String rowKey, WorkItemDraft draft) {
		String body = JSON.writeValueAsString(draft);
		String text = projectKey + "\n" + typeKey + "\n" + rowKey + "\n" + body;
		return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
