package fpimport.emulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, headers, permission and the space in the path. */
class AuthenticationTest {

	private OpenApiEmulator emulator;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	private Caller connect(EmulatorConfig config) {
		this.emulator = OpenApiEmulator.start(config);
		return Caller.connected(this.emulator);
	}

	@Test
	void startsOnAFreeLoopbackPort() {
		connect(EmulatorConfig.demo());
		assertThat(this.emulator.port()).isPositive();
		assertThat(this.emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + this.emulator.port());
	}

	@Test
	void tokenAnswersInItsOwnEnvelope() {
		connect(EmulatorConfig.demo());
		Caller caller = new Caller(this.emulator);
		SpaceFixture.Plugin plugin = SpaceFixture.demo().plugin();
		for (int type : new int[] { 0, 1 }) {
			Caller.Reply reply = caller.post("/open_api/authen/plugin_token",
					Map.of("plugin_id", plugin.id(), "plugin_secret", plugin.secret(), "type", type));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body().path("error").path("code").asInt()).isZero();
			assertThat(reply.body().path("error").path("msg").asString()).isEqualTo("success");
			assertThat(reply.body().path("data").path("token").asString()).startsWith((type == 0) ? "p-" : "v-");
			assertThat(reply.body().path("data").path("expire_time").asLong()).isEqualTo(7200);
			assertThat(reply.body().has("err_code")).isFalse();
		}
		Caller.Reply wrong = caller.post("/open_api/authen/plugin_token",
				Map.of("plugin_id", plugin.id(), "plugin_secret", "guess", "type", 0));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body().path("error").path("code").asInt()).isEqualTo(10204);
		assertThat(wrong.body().path("data").isNull()).isTrue();
		Caller.Reply badType = caller.post("/open_api/authen/plugin_token",
				Map.of("plugin_id", plugin.id(), "plugin_secret", plugin.secret(), "type", 2));
		assertThat(badType.body().path("error").path("code").asInt()).isEqualTo(20006);
	}

	@Test
	void missingTokenIs10021AndAnUnknownOneIs10022() {
		Caller caller = connect(EmulatorConfig.demo());
		caller.token = null;
		Caller.Reply missing = caller.get("/open_api/demo/work_item/all-types");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.errCode()).isEqualTo(10021);
		caller.token = "p-forged";
		Caller.Reply forged = caller.get("/open_api/demo/work_item/all-types");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.errCode()).isEqualTo(10022);
		assertThat(forged.response().headers().firstValue("X-Tt-Logid").orElseThrow())
			.isEqualTo(forged.body().path("err").path("log_id").asString());
	}

	@Test
	void tokensExpireAfterTheirLifetime() throws InterruptedException {
		Caller caller = connect(EmulatorConfig.demo().withTokenLifetime(Duration.ofMillis(1000)));
		SpaceFixture.Plugin plugin = this.emulator.space().fixture().plugin();
		assertThat(caller
			.post("/open_api/authen/plugin_token",
					Map.of("plugin_id", plugin.id(), "plugin_secret", plugin.secret(), "type", 0))
			.body()
			.path("data")
			.path("expire_time")
			.asLong()).isEqualTo(1);
		assertThat(caller.get("/open_api/demo/work_item/all-types").errCode()).isZero();
		Thread.sleep(1100);
		assertThat(caller.get("/open_api/demo/work_item/all-types").errCode()).isEqualTo(10022);
		caller.token = caller.newToken();
		assertThat(caller.get("/open_api/demo/work_item/all-types").errCode()).isZero();
	}

	@Test
	void forcedExpiryEndsEveryIssuedTokenButNotLaterOnes() {
		Caller caller = connect(EmulatorConfig.demo());
		Caller other = Caller.connected(this.emulator);
		this.emulator.faults().expireAllTokens();
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(10022);
		assertThat(other.get("/open_api/demo/teams/all").errCode()).isEqualTo(10022);
		caller.token = caller.newToken();
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
	}

	@Test
	void userKeyMissingIs20039AndUnknownIs20042() {
		Caller caller = connect(EmulatorConfig.demo());
		caller.userKey = null;
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(20039);
		caller.userKey = "0000000000000000000";
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(20042);
		caller.userKey = "7264019283746501928";
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).as("resigned user").isEqualTo(10302);
	}

	@Test
	void permissionCanBeRevokedAndGrantedAgain() {
		Caller caller = connect(EmulatorConfig.demo());
		this.emulator.space().revokePermission();
		Caller.Reply refused = caller.create(Bodies.story());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.errCode()).isEqualTo(10001);
		assertThat(this.emulator.space().itemCount()).isZero();
		this.emulator.space().grantPermission();
		assertThat(caller.create(Bodies.story()).errCode()).isZero();

		this.emulator.space().revokePermission(Caller.USER);
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isEqualTo(10001);
		caller.userKey = "7312204958161301508";
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
		this.emulator.space().grantPermission(Caller.USER);
		caller.userKey = Caller.USER;
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
	}

	@Test
	void aPluginNotInstalledIs401With10301() {
		Caller caller = connect(EmulatorConfig.demo());
		this.emulator.space().uninstallPlugin();
		Caller.Reply reply = caller.get("/open_api/demo/work_item/all-types");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errCode()).isEqualTo(10301);
		assertThat(caller.newToken()).as("tokens are still issued").startsWith("p-");
		this.emulator.space().installPlugin();
		assertThat(caller.get("/open_api/demo/work_item/all-types").errCode()).isZero();
	}

	@Test
	void theSpaceIsNamedByKeyOrSimpleNameOnly() {
		Caller caller = connect(EmulatorConfig.demo());
		assertThat(caller.get("/open_api/" + Caller.PROJECT + "/work_item/all-types").errCode()).isZero();
		assertThat(caller.get("/open_api/demo/work_item/all-types").errCode()).isZero();
		Caller.Reply other = caller.get("/open_api/doc/work_item/all-types");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.errCode()).isEqualTo(10001);
	}

	@Test
	void unknownPathsAnswerAPlain404NotTheProjectPermissionCode() {
		Caller caller = connect(EmulatorConfig.demo());
		Caller.Reply reply = caller.get("/open_api/demo/work_item/create");
		assertThat(reply.status()).isEqualTo(404);
		// 10404 is "No Project Permission" (403) in the error code table
		assertThat(reply.errCode()).isNotEqualTo(10404);
		assertThat(reply.text()).startsWith("404 page not found");
	}

	@Test
	void aBodyThatIsNotJsonIs20006() {
		Caller caller = connect(EmulatorConfig.demo());
		Caller.Reply reply = caller.create("{not json");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(20006);
	}

}
