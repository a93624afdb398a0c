package fpimport.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** X-IDEM-UUID: a key under one token for one API creates at most one item. */
class IdempotencyTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	private final Caller caller = Caller.connected(this.emulator);

	@Test
	void theSameKeyAndBodyTwiceCreatesOneItemAndAnswersTheSameId() {
		Caller.Reply first = this.caller.createWithKey(Bodies.story(), "row-7f3a");
		Caller.Reply second = this.caller.createWithKey(Bodies.story(), "row-7f3a");
		assertThat(first.errCode()).isZero();
		assertThat(second.errCode()).isZero();
		assertThat(second.data().longValue()).isEqualTo(first.data().longValue());
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
		assertThat(this.emulator.space().createCalls()).isEqualTo(2);
	}

	@Test
	void theSameKeyWithAnotherBodyIs429With10430() {
		this.caller.createWithKey(Bodies.story(), "row-1");
		Caller.Reply conflict = this.caller.createWithKey(Bodies.with(Bodies.story(), "priority", "{\"value\": \"2\"}"),
				"row-1");
		assertThat(conflict.status()).isEqualTo(429);
		assertThat(conflict.errCode()).isEqualTo(10430);
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
	}

	@Test
	void concurrentRepeatsStillCreateOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Caller.Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				replies.add(pool.submit(() -> this.caller.createWithKey(Bodies.story(), "same-key")));
			}
			long id = replies.get(0).get().data().longValue();
			for (Future<Caller.Reply> reply : replies) {
				assertThat(reply.get().data().longValue()).isEqualTo(id);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
	}

	@Test
	void aRefusedWriteIsNotRememberedSoTheFixedRequestGoesThrough() {
		Caller.Reply refused = this.caller.createWithKey(Bodies.without(Bodies.story(), "priority"), "row-2");
		assertThat(refused.errCode()).isEqualTo(20038);
		assertThat(this.caller.createWithKey(Bodies.story(), "row-2").errCode()).isZero();
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
	}

	@Test
	void keysAreScopedPerTokenAndPerApi() {
		long id = this.caller.createWithKey(Bodies.story(), "row-3").data().longValue();
		Caller.Reply update = this.caller.send("PUT", "/open_api/demo/work_item/story/" + id,
				Map.of("update_fields", List.of(Map.of("field_key", "field_c3d4e5", "field_value", "EXT-3"))),
				Map.of("X-IDEM-UUID", "row-3"));
		assertThat(update.errCode()).as("another API, same key").isZero();
		this.caller.token = this.caller.newToken();
		assertThat(this.caller.createWithKey(Bodies.story(), "row-3").errCode()).isZero();
		assertThat(this.emulator.space().itemCount()).as("a new token does not know the old keys").isEqualTo(2);
	}

	@Test
	void withoutAKeyEveryCreateCreates() {
		this.caller.create(Bodies.story());
		this.caller.create(Bodies.story());
		assertThat(this.emulator.space().itemCount()).isEqualTo(2);
	}

}
