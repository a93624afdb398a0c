package fpimport.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fpimport.api.ApiSettings;
import fpimport.api.CreateMeta;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.api.SearchRequest;
import fpimport.api.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance checks against a real space, for whoever has a tenant: the token, the
 * metadata, the documented search by {@code created_at} (and {@code created_by} refused),
 * and create + find + delete of one probe item. The space is named by
 * {@code FPIMPORT_LIVE_BASE_URL}, {@code FPIMPORT_LIVE_PLUGIN_ID},
 * {@code FPIMPORT_LIVE_PLUGIN_SECRET}, {@code FPIMPORT_LIVE_USER_KEY},
 * {@code FPIMPORT_LIVE_PROJECT} and optionally {@code FPIMPORT_LIVE_TYPE}; without them
 * every test is skipped, saying so.
 */
@Tag("live")
class LiveConformanceTest {

	static final List<String> REQUIRED = List.of("FPIMPORT_LIVE_BASE_URL", "FPIMPORT_LIVE_PLUGIN_ID",
			"FPIMPORT_LIVE_PLUGIN_SECRET", "FPIMPORT_LIVE_USER_KEY", "FPIMPORT_LIVE_PROJECT");

	@TempDir
	Path directory;

	private Map<String, String> live;

	private OpenApiClient client;

	private String project;

	private String type;

	@BeforeEach
	void connect() {
		this.live = System.getenv();
		List<String> missing = REQUIRED.stream()
			.filter((name) -> this.live.get(name) == null || this.live.get(name).isBlank())
			.toList();
		assumeTrue(missing.isEmpty(), () -> "live conformance skipped: set " + String.join(", ", missing)
				+ " to run it against a real space (README, 'Checking a real space')");
		this.client = new OpenApiClient(ApiSettings.of(this.live.get("FPIMPORT_LIVE_BASE_URL"),
				this.live.get("FPIMPORT_LIVE_PLUGIN_ID"), Secret.of(this.live.get("FPIMPORT_LIVE_PLUGIN_SECRET")),
				this.live.get("FPIMPORT_LIVE_USER_KEY")));
		this.project = this.live.get("FPIMPORT_LIVE_PROJECT");
		String wanted = this.live.get("FPIMPORT_LIVE_TYPE");
		this.type = (wanted != null && !wanted.isBlank()) ? wanted
				: this.client.types(this.project)
					.stream()
					.filter((candidate) -> !candidate.disabled())
					.findFirst()
					.orElseThrow()
					.typeKey();
	}

	@Test
	void aTokenIsIssuedAndTheProjectsTypesAreRead() {
		assertThat(this.client.types(this.project)).isNotEmpty();
	}

	@Test
	void theTypesCreateMetadataHasFields() {
		CreateMeta meta = this.client.meta(this.project, this.type);
		assertThat(meta.fields()).isNotEmpty();
		assertThat(this.client.meta(this.project, this.type).fields()).isNotEmpty();
	}

	@Test
	void searchByCreationTimeAndCreatorIsAccepted() {
		long since = Instant.now().minus(Duration.ofDays(1)).toEpochMilli();
		SearchRequest request = new SearchRequest(this.type, new SearchRequest.Group("AND", List.of(
				new SearchRequest.Param("created_at", ">=", since),
				new SearchRequest.Param("owner", "HAS ANY OF", List.of(this.live.get("FPIMPORT_LIVE_USER_KEY")))),
				List.of()), 1, 50);
		assertThat(this.client.search(this.project, request).items()).isNotNull();
	}

	@Test
	void createdByIsNoSearchParamAsDocumented() {
		OpenApiException refusal = catchThrowableOfType(OpenApiException.class, () -> this.client.search(this.project,
				SearchRequest.equal(this.type, "created_by", this.live.get("FPIMPORT_LIVE_USER_KEY"))));
		assertThat(refusal).as("the service accepted created_by, which the documents do not list").isNotNull();
		assertThat(refusal.errCode()).isEqualTo(20068);
	}

	@Test
	void theWriteProbeCreatesFindsAndDeletesOneItem() {
		List<String> args = new ArrayList<>(List.of("doctor", "--project", this.project, "--type", this.type,
				"--write-probe", "--base-url", this.live.get("FPIMPORT_LIVE_BASE_URL"), "--plugin-id",
				this.live.get("FPIMPORT_LIVE_PLUGIN_ID"), "--plugin-secret",
				this.live.get("FPIMPORT_LIVE_PLUGIN_SECRET"), "--user-key", this.live.get("FPIMPORT_LIVE_USER_KEY")));
		StringWriter out = new StringWriter();
		int code = FpImport.run(args.toArray(String[]::new), Map.of(), this.directory, new PrintWriter(out, true),
				new PrintWriter(out, true));
		CliRun doctor = new CliRun(code, out.toString(), "");

		assertThat(doctor.exitCode()).as(doctor.out()).isZero();
		assertThat(Stream.of(doctor.out().split("\n")).filter((line) -> line.contains("write probe"))).as(doctor.out())
			.singleElement()
			.asString()
			.containsPattern("^(PASS|WARN) write probe: item \\d+ found by search after \\d+ ms.*; deleted");
	}

}
