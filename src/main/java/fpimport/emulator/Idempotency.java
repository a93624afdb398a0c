package fpimport.emulator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * {@code X-IDEM-UUID}: per token, per API, per key, the first successful write is kept
 * for the emulator's lifetime. The same request again gets the same answer and changes
 * nothing; a different request under the same key answers 429 / 10430. Refused writes are
 * not kept, since they changed nothing.
 */
final class Idempotency {

	private record Done(String target, JsonNode body, Answer answer) {
	}

	private final Map<String, Done> done = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	Answer run(String token, String api, String key, String target, JsonNode body, Supplier<Answer> write) {
		String id = token + '\n' + api + '\n' + key;
		// one request per key at a time, so two concurrent repeats cannot both create
		synchronized (this.locks.computeIfAbsent(id, (ignored) -> new Object())) {
			Done previous = this.done.get(id);
			if (previous != null) {
				if (previous.target().equals(target) && Objects.equals(previous.body(), body)) {
					return previous.answer();
				}
				throw new ApiError(10430, "idempotent key conflict: X-IDEM-UUID " + key
						+ " was already used with a different request under this token");
			}
			Answer answer = write.get();
			if (answer.status() == 200) {
				this.done.put(id, new Done(target, body, answer.delivered()));
			}
			return answer;
		}
	}

}
