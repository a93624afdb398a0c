package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 2, 3 and 6 for {@code watch}: links out of the inbox are not followed,
 * a file cut in the middle of a row is not imported, and a file name cannot forge a line
 * of the log.
 */
class HostileWatchIT {

	private static final String ROW = ",高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n";

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(500));

	private Path inbox;

	@BeforeEach
	void start() throws IOException {
		this.inbox = Files.createDirectories(this.cli.path("inbox"));
		this.cli.write("m.yaml", ImportCommandIT.MAPPING);
	}

	@Test
	void linksOutOfTheInboxAreSkippedCutFilesWaitAndNamesCannotForgeLogLines() throws Exception {
		Path secret = Files.writeString(this.cli.path("secret.csv"), ImportCommandIT.HEADER + "S-9,机密,root:x:0:0" + ROW,
				StandardCharsets.UTF_8);
		Files.createSymbolicLink(this.inbox.resolve("link.csv"), secret);
		drop("ok.csv", ImportCommandIT.HEADER + "S-1,正常,描述" + ROW);
		drop("evil\n2026-01-01T00:00:00Z forged.csv", ImportCommandIT.HEADER + "S-2,名字,描述" + ROW);
		// the writer paused in the middle of a row
		drop("cut.csv", ImportCommandIT.HEADER + "S-3,完整,描述" + ROW + "S-4,半");

		CliRun run = watchOnce();

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(names()).containsExactlyInAnyOrder("正常", "名字");
		// the link: skipped, said once, nothing of its target read or written
		assertThat(run.out().lines().filter((line) -> line.contains("skipped link.csv: a symbolic link"))).hasSize(1);
		assertThat(run.out()).doesNotContain("机密", "root:x");
		assertThat(this.inbox.resolve("link.csv")).isSymbolicLink();
		assertThat(secret).hasContent(ImportCommandIT.HEADER + "S-9,机密,root:x:0:0" + ROW);
		try (Stream<Path> files = Files.walk(this.cli.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("link.") && !name.equals("link.csv"));
		}
		// the cut file: left where it is, not imported
		assertThat(run.out().lines().filter((line) -> line.contains(" cut.csv: "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("cut.csv: still being written: left for the next look")
				.contains("its last line has no line end"));
		assertThat(this.inbox.resolve("cut.csv")).exists();
		// the name with a line break: one line of the log, escaped
		assertThat(run.out()).contains("evil\\n2026-01-01T00:00:00Z forged.csv: imported");
		assertThat(run.out().lines()).noneMatch((line) -> line.startsWith("2026-01-01T00:00:00Z forged"));

		// the rest of the row arrives: the whole file is imported
		Files.writeString(this.inbox.resolve("cut.csv"), "的行,描述" + ROW, StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		CliRun again = watchOnce();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(names()).containsExactlyInAnyOrder("正常", "名字", "完整", "半的行");
	}

	private CliRun watchOnce() {
		List<String> args = List.of("watch", this.inbox.toString(), "--mapping", this.cli.path("m.yaml").toString(),
				"--once", "--settle", "100ms");
		return this.cli.runConnected(args.toArray(String[]::new));
	}

	private void drop(String name, String text) throws IOException {
		Path temporary = this.cli.path("drop.tmp");
		Files.writeString(temporary, text, StandardCharsets.UTF_8);
		Files.move(temporary, this.inbox.resolve(name));
	}

	private List<String> names() {
		return this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
	}

}
