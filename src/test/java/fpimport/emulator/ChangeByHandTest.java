package fpimport.emulator;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a rollback reads and does: an item's updated_at, set on create and on every
 * update, moved on by a change by hand; deletes counted, and refused without permission.
 */
class ChangeByHandTest {

	private OpenApiEmulator emulator;

	private Caller caller;

	@BeforeEach
	void start() {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo());
		this.caller = Caller.connected(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void updatedAtIsTheCreationUntilAnUpdateOrAChangeByHand() {
		long id = this.caller.create(Bodies.story()).data().longValue();
		JsonNode created = query(id);
		assertThat(created.path("updated_at").asLong()).isEqualTo(created.path("created_at").asLong()).isPositive();

		StoredItem changed = this.emulator.space().changeByHand(id, "ou_someone_else", "改过的名字");
		JsonNode after = query(id);
		assertThat(after.path("updated_at").asLong()).isEqualTo(changed.updatedAt())
			.isGreaterThan(created.path("updated_at").asLong());
		assertThat(after.path("updated_by").asString()).isEqualTo("ou_someone_else");
		assertThat(after.path("name").asString()).isEqualTo("改过的名字");

		// twice in the same millisecond still moves it on
		long before = this.emulator.space().item(id).orElseThrow().updatedAt();
		assertThat(this.emulator.space().changeByHand(id, "ou_x", null).updatedAt()).isGreaterThan(before);
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.space().changeByHand(1L, "ou_x", null));
	}

	@Test
	void aChangeByHandOverHttpAndDeletionsInTheStats() {
		long id = this.caller.create(Bodies.story()).data().longValue();
		long before = this.emulator.space().item(id).orElseThrow().updatedAt();
		Caller.Reply edited = this.caller.post("/__emulator/edit", Map.of("work_item_id", id, "user_key", "ou_web"));
		assertThat(edited.data().path("updated_by").asString()).isEqualTo("ou_web");
		assertThat(this.emulator.space().item(id).orElseThrow().updatedAt()).isGreaterThan(before);
		assertThat(this.caller.post("/__emulator/edit", Map.of("work_item_id", 1)).errCode()).isEqualTo(20006);

		assertThat(this.caller.send("DELETE", "/open_api/demo/work_item/story/" + id, null, Map.of()).errCode())
			.isZero();
		assertThat(this.caller.send("DELETE", "/open_api/demo/work_item/story/" + id, null, Map.of()).errCode())
			.isEqualTo(30005);
		assertThat(this.emulator.space().deletions()).isEqualTo(1);
		assertThat(this.caller.get("/__emulator/stats").body().path("deletions").asInt()).isEqualTo(1);
	}

	@Test
	void aDeleteWithoutPermissionIsRefusedWith10001() {
		long id = this.caller.create(Bodies.story()).data().longValue();
		this.emulator.space().revokePermission();

		Caller.Reply refused = this.caller.send("DELETE", "/open_api/demo/work_item/story/" + id, null, Map.of());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.errCode()).isEqualTo(10001);
		assertThat(this.emulator.space().item(id)).isPresent();
		assertThat(this.emulator.space().deletions()).isZero();
	}

	private JsonNode query(long id) {
		return this.caller.post("/open_api/demo/work_item/story/query", Map.of("work_item_ids", java.util.List.of(id)))
			.data()
			.get(0);
	}

}
