package fpimport.emulator;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspection endpoints under /__emulator/, which need no token. */
class InspectionTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo());

	@Test
	void itemsAndStatsOverHttp() {
		Caller caller = Caller.connected(this.emulator.get());
		long id = caller.create(Bodies.story()).data().longValue();
		caller.create(Bodies.without(Bodies.story(), "priority"));
		caller.create(Bodies.issue());
		Caller anonymous = new Caller(this.emulator.get());
		anonymous.userKey = null;
		JsonNode items = anonymous.get("/__emulator/items").body().path("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).path("id").asLong()).isEqualTo(id);
		assertThat(anonymous.get("/__emulator/items?type=issue").body().path("items")).hasSize(1);
		JsonNode stats = anonymous.get("/__emulator/stats").body();
		assertThat(stats.path("items").asInt()).isEqualTo(2);
		assertThat(stats.path("create_calls").asInt()).isEqualTo(3);
		assertThat(stats.path("answers").path("20038").asInt()).isEqualTo(1);
		assertThat(stats.path("project_key").asString()).isEqualTo(Caller.PROJECT);
		assertThat(anonymous.get("/__emulator/nothing").status()).isEqualTo(404);
	}

	@Test
	void faultsAndPermissionCanBeSetOverHttp() {
		Caller caller = Caller.connected(this.emulator.get());
		Caller.Reply set = caller.post("/__emulator/faults",
				java.util.Map.of("server_errors", 1.0, "latency_ms", 5, "jitter_ms", 0));
		assertThat(set.data().path("server_errors").asDouble()).isEqualTo(1.0);
		assertThat(this.emulator.faults().latency()).hasMillis(5);
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(50006);
		caller.post("/__emulator/faults", java.util.Map.of("server_errors", 0, "expire_tokens", true));
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(10022);
		caller.token = caller.newToken();
		caller.post("/__emulator/permission", java.util.Map.of("granted", false));
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(10001);
		caller.post("/__emulator/permission", java.util.Map.of("granted", true));
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
		assertThat(caller.post("/__emulator/faults", java.util.Map.of("gateway_errors", 2)).errCode()).isEqualTo(20006);
		assertThat(caller.get("/__emulator/stats").body().path("faults").path("latency_ms").asInt()).isEqualTo(5);
	}

	@Test
	void theJavaViewCountsTheSame() {
		Caller caller = Caller.connected(this.emulator.get());
		caller.create(Bodies.story());
		assertThat(this.emulator.space().createCalls()).isEqualTo(1);
		assertThat(this.emulator.space().answers(0)).isEqualTo(2);
		assertThat(this.emulator.space().requests()).isEqualTo(2);
		this.emulator.space().clearItems();
		assertThat(this.emulator.space().itemCount()).isZero();
	}

}
