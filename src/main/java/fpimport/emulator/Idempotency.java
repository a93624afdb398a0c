package fpimport.emulator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * {@code X-IDEM-UUID}: per token, per API, per key, the first successful write is kept
 * for the key's lifetime ({@link Unknowns#keyLifetime}). The same request again changes
 * nothing and answers as {@link Unknowns#replay} says (the first answer, or 10430); a
 * different request under the same key answers 429 / 10430. Refused writes are not kept,
 * since they changed nothing. An expired key is a new key.
 */
final class Idempotency {

	private record Done(String target, JsonNode body, Answer answer, long at) {
	}

	private final Map<String, Done> done = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final Unknowns unknowns;

	Idempotency(Unknowns unknowns) {
		this.unknowns = unknowns;
	}

	Answer run(String token, String api, String key, String target, JsonNode body, Supplier<Answer> write) {
		String id = token + '\n' + api + '\n' + key;
		// one request per key at a time, so two concurrent repeats cannot both create
		synchronized (this.locks.computeIfAbsent(id, (ignored) -> new Object())) {
			long now = System.currentTimeMillis();
			Done previous = this.done.get(id);
			if (previous != null && now - previous.at() >= this.unknowns.keyLifetime().toMillis()) {
				this.done.remove(id);
				previous = null;
			}
			if (previous != null) {
				if (previous.target().equals(target) && Objects.equals(previous.body(), body)
						&& this.unknowns.replay() == Unknowns.Replay.FIRST_ANSWER) {
					return previous.answer();
				}
				throw new ApiError(10430,
						"idempotent key conflict: X-IDEM-UUID " + key + " was already used under this token");
			}
			Answer answer = write.get();
			if (answer.status() == 200) {
				this.done.put(id, new Done(target, body, answer.delivered(), now));
			}
			return answer;
		}
	}

}
