package fpimport.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each fault knob, changed while the emulator runs. */
class FaultsTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0).withSeed(7));

	private final Caller caller = Caller.connected(this.emulator);

	@Test
	void latencyDelaysEveryAnswer() {
		this.emulator.faults().latency(Duration.ofMillis(150), Duration.ofMillis(50));
		long started = System.nanoTime();
		assertThat(this.caller.get("/open_api/demo/teams/all").errCode()).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		this.emulator.faults().reset();
		assertThat(this.emulator.faults().latency()).isZero();
	}

	@Test
	void serverErrorsAre500With50006AndCreateNothing() {
		this.emulator.faults().serverErrors(1.0);
		Caller.Reply reply = this.caller.create(Bodies.story());
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.errCode()).isEqualTo(50006);
		assertThat(reply.errMsg()).isEqualTo("openapi system err, please try again later");
		assertThat(this.emulator.space().itemCount()).isZero();
		assertThat(this.emulator.space().createCalls()).isEqualTo(1);
		// the token endpoint stays reachable, so a client can always re-authenticate
		assertThat(this.caller.newToken()).startsWith("p-");
		this.emulator.faults().serverErrors(0);
		assertThat(this.caller.create(Bodies.story()).errCode()).isZero();
	}

	@Test
	void gatewayErrorsAre502Or504WithAnHtmlBody() {
		this.emulator.faults().gatewayErrors(1.0);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Caller.Reply reply = this.caller.create(Bodies.story());
			statuses.add(reply.status());
			assertThat(reply.text()).startsWith("<html>");
			assertThat(reply.response().headers().firstValue("Content-Type")).contains("text/html");
		}
		assertThat(statuses).containsOnly(502, 504).contains(502, 504);
		assertThat(this.emulator.space().itemCount()).isZero();
	}

	@Test
	void aDroppedCreateIsStoredButNeverAnswered() throws IOException {
		this.emulator.faults().droppedCreates(1.0);
		assertThatIOException().isThrownBy(() -> this.caller.sendOrThrow("POST", "/open_api/demo/work_item/create",
				Bodies.story(), Map.of("X-IDEM-UUID", "row-9")));
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
		assertThat(this.emulator.space().droppedAnswers()).isEqualTo(1);
		// the client retries with the same key and learns the id of the item it made
		this.emulator.faults().droppedCreates(0);
		Caller.Reply retry = this.caller.createWithKey(Bodies.story(), "row-9");
		assertThat(retry.data().longValue()).isEqualTo(this.emulator.space().items().get(0).id());
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);
	}

	@Test
	void aDroppedUpdateIsCarriedOutButNeverAnswered() throws IOException {
		long id = this.caller.create(Bodies.story()).data().longValue();
		this.emulator.faults().droppedUpdates(1.0);
		assertThatIOException().isThrownBy(() -> this.caller.sendOrThrow("PUT", "/open_api/demo/work_item/story/" + id,
				Map.of("update_fields", List.of(Map.of("field_key", "field_c3d4e5", "field_value", "EXT-7"))),
				Map.of()));
		assertThat(this.emulator.space().item(id).orElseThrow().field("field_c3d4e5").orElseThrow().asString())
			.isEqualTo("EXT-7");
		assertThat(this.emulator.space().droppedAnswers()).isEqualTo(1);
		this.emulator.faults().reset();
		assertThat(
				this.caller
					.send("PUT", "/open_api/demo/work_item/story/" + id,
							Map.of("update_fields",
									List.of(Map.of("field_key", "field_c3d4e5", "field_value", "EXT-8"))),
							Map.of())
					.errCode())
			.isZero();
	}

	@Test
	void aCreateRefusedByNameStoresNothingUntilTakenAgain() {
		this.emulator.faults().refuseCreatesNamed("Refused story", 20050, "Option Value Not Valid");
		Caller.Reply refused = this.caller.create(Bodies.story().put("name", "Refused story"));
		assertThat(refused.errCode()).isEqualTo(20050);
		assertThat(refused.errMsg()).isEqualTo("Option Value Not Valid");
		assertThat(this.emulator.space().itemCount()).isZero();
		assertThat(this.caller.create(Bodies.story().put("name", "Another story")).errCode()).isZero();
		this.emulator.faults().acceptCreatesNamed("Refused story");
		assertThat(this.caller.create(Bodies.story().put("name", "Refused story")).errCode()).isZero();
		assertThat(this.emulator.space().items()).extracting(StoredItem::name)
			.containsExactly("Another story", "Refused story");
	}

	@Test
	void theSameSeedRollsTheSameFaults() {
		List<Integer> first = statuses(99);
		List<Integer> second = statuses(99);
		assertThat(first).isEqualTo(second).contains(200, 500);
	}

	private List<Integer> statuses(long seed) {
		this.emulator.faults().reseed(seed).serverErrors(0.5);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			statuses.add(this.caller.get("/open_api/demo/teams/all").status());
		}
		return statuses;
	}

	@Test
	void sharesOutside0To1AreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().serverErrors(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().droppedCreates(-0.1));
	}

}
