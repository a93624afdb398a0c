package fpimport.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.emulator.SpaceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fpimport doctor} against the emulator: all PASS for the demo mapping and file, a
 * wrong secret in one line without the secret, an unknown field named, a space that
 * refuses the reconcile search, and a write probe that measures the search lag and leaves
 * no item behind.
 */
class DoctorCommandIT {

	private static final String ROWS = ImportCommandIT.HEADER
			+ "S-1,体检需求 1,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,zhang.wei@example.com\n"
			+ "S-2,体检需求 2,,中,功能 Feature,平台 Platform/账号 Account,,2026/12/2,,\n";

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void theSandboxWithTheDemoMappingAndFilePassesEveryCheck() throws Exception {
		Path file = this.cli.write("rows.csv", ROWS);
		Path mapping = this.cli.write("m.yaml", ImportCommandIT.MAPPING);
		int requestsBefore = this.cli.emulator().space().createCalls();

		CliRun doctor = cli("doctor", file.toString(), "--mapping", mapping.toString());

		assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
		List<String> lines = doctor.out().lines().toList();
		assertThat(lines).as(doctor.toString()).allMatch((line) -> line.startsWith("PASS "));
		assertThat(lines).extracting((line) -> line.substring(5, line.indexOf(':')))
			.containsExactly("credentials", "user", "project", "mapping", "rows", "reconcile search", "key_field",
					"rate");
		assertThat(doctor.out()).contains("accepted: search/params on story: field_c3d4e5 = ");
		// read-only
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(requestsBefore);
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	@Test
	void aWrongSecretFailsInOneLineWithoutTheSecret() {
		SpaceFixture fixture = this.cli.emulator().space().fixture();
		String secret = "wrong-secret-4711-do-not-print";
		CliRun doctor = this.cli.run("doctor", "--project", "demo", "--base-url", this.cli.emulator().baseUrl(),
				"--plugin-id", fixture.plugin().id(), "--plugin-secret", secret, "--user-key",
				fixture.defaultUserKey());

		assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(4);
		assertThat(doctor.out().lines().toList()).as(doctor.toString()).hasSize(1);
		assertThat(doctor.out()).startsWith("FAIL credentials: POST /open_api/authen/plugin_token failed: err_code")
			.contains("check --plugin-id, --plugin-secret");
		assertThat(doctor.out() + doctor.err()).doesNotContain(secret).doesNotContain("4711");
	}

	@Test
	void aMappingNamingAnUnknownFieldExitsThreeNamingIt() throws Exception {
		Path mapping = this.cli.write("bad.yaml",
				ImportCommandIT.MAPPING.replace("  description: 描述\n", "  description: 描述\n  field_nope: 标签\n"));

		CliRun doctor = cli("doctor", "--mapping", mapping.toString());

		assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(3);
		assertThat(doctor.out().lines().filter((line) -> line.startsWith("FAIL ")).toList()).singleElement()
			.asString()
			.startsWith("FAIL mapping: ")
			.contains("field_nope");
	}

	@Test
	void aSpaceThatRefusesTheNameSearchFailsWithTheFix() throws Exception {
		Path mapping = this.cli.write("byname.yaml", ImportCommandIT.MAPPING.replace("key_field: field_c3d4e5\n", ""));
		this.cli.emulator().unknowns().refuseSearchParams(Set.of("name"));

		CliRun doctor = cli("doctor", "--mapping", mapping.toString());

		assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(4);
		assertThat(doctor.out()).contains("PASS mapping: ")
			.contains("FAIL reconcile search: search/params on story: name = ")
			.contains("err_code 20068")
			.contains("fix: this space refuses the search by name and creation time; set key_field");
	}

	@Test
	void theWriteProbeMeasuresTheSearchLagAndLeavesNoItem() throws Exception {
		Path mapping = this.cli.write("m.yaml", ImportCommandIT.MAPPING);
		this.cli.emulator().unknowns().searchLag(Duration.ofMillis(700));

		CliRun doctor = cli("doctor", "--mapping", mapping.toString(), "--write-probe", "--search-lag", "5s");

		assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
		Matcher probe = Pattern.compile("PASS write probe: item (\\d+) found by search after (\\d+) ms")
			.matcher(doctor.out());
		assertThat(probe.find()).as(doctor.toString()).isTrue();
		assertThat(Long.parseLong(probe.group(2))).isGreaterThanOrEqualTo(700);
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(1);
		assertThat(this.cli.emulator().space().itemCount()).isZero();
		assertThat(this.cli.emulator().space().item(Long.parseLong(probe.group(1)))).isEmpty();

		// a lag longer than the import's setting is a warning with the fix
		CliRun slow = cli("doctor", "--mapping", mapping.toString(), "--write-probe", "--search-lag", "200ms");
		assertThat(slow.exitCode()).as(slow.toString()).isZero();
		assertThat(slow.out()).contains("WARN write probe: ").contains("fix: set --search-lag");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** The command with the emulator's connection; doctor keeps no database. */
	private CliRun cli(String... args) {
		SpaceFixture fixture = this.cli.emulator().space().fixture();
		List<String> all = new java.util.ArrayList<>(List.of(args));
		all.addAll(List.of("--base-url", this.cli.emulator().baseUrl(), "--plugin-id", fixture.plugin().id(),
				"--plugin-secret", fixture.plugin().secret(), "--user-key", fixture.defaultUserKey()));
		return this.cli.run(all.toArray(String[]::new));
	}

}
