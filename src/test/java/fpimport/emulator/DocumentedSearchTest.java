package fpimport.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator as strict as the documents: search/params refuses undocumented keys
 * (20068), operators a param does not allow (20063) and values of the wrong shape
 * (20069); statuses follow the error code table; and the knobs for what the documents
 * leave open (search lag, idempotent replay, key lifetime, refused params) act.
 */
class DocumentedSearchTest {

	private static final String SEARCH = "/open_api/demo/work_item/story/search/params";

	private OpenApiEmulator emulator;

	private Caller caller;

	@BeforeEach
	void start() {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo().withQps(0));
		this.caller = Caller.connected(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private long create(String name, String externalId) {
		Caller.Reply reply = this.caller
			.create(Bodies.with(Bodies.story().put("name", name), "field_c3d4e5", "\"" + externalId + "\""));
		assertThat(reply.errCode()).as(reply.text()).isZero();
		return reply.data().longValue();
	}

	private Caller.Reply search(Object... keyOperatorValue) {
		List<Map<String, Object>> params = new java.util.ArrayList<>();
		for (int i = 0; i < keyOperatorValue.length; i += 3) {
			params.add(Map.of("param_key", keyOperatorValue[i], "operator", keyOperatorValue[i + 1], "value",
					keyOperatorValue[i + 2]));
		}
		return this.caller.post(SEARCH,
				Map.of("search_group",
						Map.of("conjunction", "AND", "search_params", params, "search_groups", List.of()), "page_num",
						1, "page_size", 50));
	}

	@Test
	void createdByIsNoDocumentedParamKey() {
		create("A", "EXT-A");
		Caller.Reply reply = search("created_by", "=", Caller.USER);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(20068);
		assertThat(reply.errMsg()).contains("created_by");
		// the creator is searched through owner, HAS ANY OF a list of user keys
		assertThat(search("owner", "HAS ANY OF", List.of(Caller.USER)).data().findValuesAsString("name"))
			.containsExactly("A");
		// an unknown field, and a documented key the emulator does not model
		assertThat(search("field_nope", "=", "x").errCode()).isEqualTo(20068);
		assertThat(search("current_nodes", "HAS ANY OF", List.of("开始")).errCode()).isEqualTo(20068);
	}

	@Test
	void anOperatorTheParamDoesNotAllowIs20063() {
		assertThat(search("created_at", "HAS ANY OF", List.of(1L)).errCode()).isEqualTo(20063);
		assertThat(search("name", "CONTAINS", "x").errCode()).isEqualTo(20063);
		assertThat(search("priority", ">", List.of("1")).errCode()).isEqualTo(20063);
		assertThat(search("owner", ">=", List.of(Caller.USER)).errCode()).isEqualTo(20063);
	}

	@Test
	void aValueOfTheWrongShapeIs20069() {
		long id = create("Shapes", "EXT-S");
		// text-like fields take a string
		assertThat(search("field_c3d4e5", "=", List.of("EXT-S")).errCode()).isEqualTo(20069);
		// select and user fields a list
		assertThat(search("priority", "=", "1").errCode()).isEqualTo(20069);
		assertThat(search("owner", "HAS ANY OF", Caller.USER).errCode()).isEqualTo(20069);
		// numbers a number, times an int64
		assertThat(search("field_44aa1b", "=", "8").errCode()).isEqualTo(20069);
		assertThat(search("created_at", ">=", "1764000000000").errCode()).isEqualTo(20069);
		// relation fields a list of int64, even with =
		assertThat(search("field_5d6e7f", "=", id).errCode()).isEqualTo(20069);
		Caller.Reply reply = search("field_5d6e7f", "=", "x");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errMsg()).contains("field_5d6e7f").contains("a list of int64 numbers");
		// the right shapes are accepted
		assertThat(search("field_c3d4e5", "=", "EXT-S").data().findValuesAsString("name")).containsExactly("Shapes");
		assertThat(search("field_5d6e7f", "=", List.of(id)).errCode()).isZero();
		assertThat(search("work_item_id", "HAS ANY OF", List.of(id)).data().findValuesAsString("name"))
			.containsExactly("Shapes");
	}

	@Test
	void theKeyFieldTypesAreSearchedWithEqualsAndAString() {
		Caller.Reply created = this.caller.create(
				Bodies.with(
						Bodies.with(Bodies.with(Bodies.story().put("name", "Keyed"), "field_6b7c8d",
								"\"https://x.test/k-1\""), "field_1a2b3c", "\"k-1@example.com\""),
						"field_8e9f0a", "\"+86 10 1234 5678\""));
		assertThat(created.errCode()).as(created.text()).isZero();
		for (Map.Entry<String, String> field : Map
			.of("field_6b7c8d", "https://x.test/k-1", "field_1a2b3c", "k-1@example.com", "field_8e9f0a",
					"+86 10 1234 5678")
			.entrySet()) {
			assertThat(search(field.getKey(), "=", field.getValue()).data().findValuesAsString("name"))
				.as(field.getKey())
				.containsExactly("Keyed");
		}
	}

	@Test
	void statusesFollowTheErrorCodeTable() {
		assertThat(ApiError.statusOf(10211)).isEqualTo(403);
		assertThat(ApiError.statusOf(10404)).isEqualTo(403);
		assertThat(ApiError.statusOf(10001)).isEqualTo(403);
		for (int code = 30005; code <= 30015; code++) {
			assertThat(ApiError.statusOf(code)).as("%d", code).isEqualTo(404);
		}
		Caller.Reply typeNotFound = this.caller.get("/open_api/demo/work_item/epic/meta");
		assertThat(typeNotFound.errCode()).isEqualTo(30014);
		assertThat(typeNotFound.status()).isEqualTo(404);
	}

	@Test
	void newItemsAreFoundBySearchOnlyAfterTheSearchLagButByIdAtOnce() throws InterruptedException {
		this.emulator.unknowns().searchLag(Duration.ofMillis(400));
		long id = create("Lagging", "EXT-L");
		assertThat(search("name", "=", "Lagging").data()).isEmpty();
		assertThat(this.caller.post("/open_api/demo/work_item/story/query", Map.of("work_item_ids", List.of(id)))
			.data()
			.findValuesAsString("name")).containsExactly("Lagging");
		Thread.sleep(450);
		assertThat(search("name", "=", "Lagging").data().findValuesAsString("name")).containsExactly("Lagging");
	}

	@Test
	void aRepeatedKeyAnswersTheFirstIdOr10430AsSetAndExpires() throws InterruptedException {
		Caller.Reply first = this.caller.createWithKey(Bodies.story(), "row-1");
		assertThat(this.caller.createWithKey(Bodies.story(), "row-1").data().longValue())
			.isEqualTo(first.data().longValue());

		this.emulator.unknowns().replay(Unknowns.Replay.CONFLICT);
		Caller.Reply conflict = this.caller.createWithKey(Bodies.story(), "row-1");
		assertThat(conflict.status()).isEqualTo(429);
		assertThat(conflict.errCode()).isEqualTo(10430);
		assertThat(this.emulator.space().itemCount()).isEqualTo(1);

		this.emulator.unknowns().keyLifetime(Duration.ofMillis(200));
		Thread.sleep(250);
		Caller.Reply afterExpiry = this.caller.createWithKey(Bodies.story(), "row-1");
		assertThat(afterExpiry.errCode()).isZero();
		assertThat(afterExpiry.data().longValue()).isNotEqualTo(first.data().longValue());
		assertThat(this.emulator.space().itemCount()).isEqualTo(2);
	}

	@Test
	void aSpaceCanRefuseADocumentedParam() {
		create("Refused", "EXT-R");
		this.emulator.unknowns().refuseSearchParams(Set.of("name"));
		Caller.Reply reply = search("name", "=", "Refused");
		assertThat(reply.errCode()).isEqualTo(20068);
		assertThat(search("field_c3d4e5", "=", "EXT-R").data()).hasSize(1);
	}

	@Test
	void theUnknownsCanBeSetOverHttp() {
		Caller.Reply reply = this.caller.post(OpenApiEmulator.INSPECTION_PREFIX + "unknowns", Map.of("search_lag_ms",
				3000, "replay", "conflict", "key_lifetime_ms", 60000, "refused_search_params", List.of("name")));
		assertThat(reply.errCode()).as(reply.text()).isZero();
		assertThat(this.emulator.unknowns().searchLag()).isEqualTo(Duration.ofSeconds(3));
		assertThat(this.emulator.unknowns().replay()).isEqualTo(Unknowns.Replay.CONFLICT);
		assertThat(this.emulator.unknowns().keyLifetime()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.emulator.unknowns().refusedSearchParams()).containsExactly("name");
	}

}
