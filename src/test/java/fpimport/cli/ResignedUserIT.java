package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acting user has resigned (10302): the run stops at once with one clear line, rather
 * than every row failing alike.
 */
class ResignedUserIT {

	/** 郭涛, resigned in the demo space. */
	private static final String RESIGNED = "7264019283746501928";

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void aResignedActingUserStopsTheRunWithOneLine() throws Exception {
		Path file = this.cli.path("rows.csv");
		Files.writeString(file, ImportCommandIT.HEADER + "S-1,离职者 1,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-2,离职者 2,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", StandardCharsets.UTF_8);
		Path mapping = this.cli.path("m.yaml");
		Files.writeString(mapping, ImportCommandIT.MAPPING, StandardCharsets.UTF_8);
		List<String> args = new ArrayList<>(List.of("import", file.toString(), "--mapping", mapping.toString(),
				"--base-url", this.cli.emulator().baseUrl(), "--plugin-id",
				this.cli.emulator().space().fixture().plugin().id(), "--plugin-secret",
				this.cli.emulator().space().fixture().plugin().secret(), "--user-key", RESIGNED, "--db",
				this.cli.database()));

		CliRun run = this.cli.run(args.toArray(String[]::new));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
		List<String> errors = run.err().lines().filter((line) -> line.startsWith("error: ")).toList();
		assertThat(errors).as(run.toString()).singleElement().asString().contains("err_code 10302");
		assertThat(run.err()).contains("hint: the acting user (--user-key) has resigned").doesNotContain("\tat ");
		assertThat(this.cli.emulator().space().createCalls()).isZero();
	}

}
