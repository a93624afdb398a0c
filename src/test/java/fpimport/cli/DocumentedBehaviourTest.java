package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fpimport.job.JobSettings;
import fpimport.source.SourceFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the docs and the help say agrees with what the code does, where they once drifted
 * apart: the default chunk size, the files {@code init-mapping} reads, and options a
 * command lists in its help but does not use.
 */
class DocumentedBehaviourTest {

	private static final Pattern DEFAULT_NUMBER = Pattern.compile("default (\\d+)");

	@TempDir
	Path directory;

	@Test
	void everyDefaultChunkSizeTheDocsStateIsTheCodesDefault() throws IOException {
		List<String> stated = new ArrayList<>();
		for (Path doc : docs()) {
			for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
				if (!line.toLowerCase(Locale.ROOT).contains("chunk")) {
					continue;
				}
				Matcher matcher = DEFAULT_NUMBER.matcher(line);
				while (matcher.find()) {
					stated.add(doc.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		// docs/cli.md (the option) and docs/operations.md (the rows step, the watcher's
		// stop)
		assertThat(stated).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((entry) -> assertThat(entry).endsWith(": " + JobSettings.DEFAULT_CHUNK_SIZE));
		assertThat(run("import", "--help")).contains("(default " + JobSettings.DEFAULT_CHUNK_SIZE + ")");
	}

	@Test
	void theInitMappingDocsNameEveryFormatItReadsAndRefuseNone() throws IOException {
		String section = section(Files.readString(Path.of("docs", "cli.md"), StandardCharsets.UTF_8),
				"## `init-mapping`");
		String fileRow = section.lines().filter((line) -> line.startsWith("| `FILE` |")).findFirst().orElseThrow();
		for (String extension : SourceFormats.extensions()) {
			assertThat(fileRow).contains("`." + extension + "`");
		}
		assertThat(fileRow).doesNotContain("refused");
		assertThat(run("init-mapping", "--help")).contains(SourceFormats.extensionsInWords());
	}

	@Test
	void watchDoesNotOfferTheSummaryJsonItRefuses() {
		assertThat(run("watch", "--help")).doesNotContain("--summary-json").contains("--chunk-size");
		StringWriter err = new StringWriter();
		int exit = FpImport.run(
				new String[] { "watch", this.directory.toString(), "-m", "m.yaml", "--summary-json", "s.json" },
				Map.of(), this.directory, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
		assertThat(exit).isEqualTo(ExitCode.USAGE.code());
		assertThat(err.toString()).startsWith("error: watch writes no --summary-json\n");
	}

	@Test
	void resumeDoesNotOfferTheProjectItIgnores() {
		assertThat(run("resume", "--help")).doesNotContain("--project").contains("--plugin-id");
		assertThat(run("import", "--help")).contains("--project");
	}

	private String run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = FpImport.run(args, Map.of(), this.directory, new PrintWriter(out, true), new PrintWriter(err, true));
		assertThat(exit).as(err.toString()).isZero();
		return out.toString();
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>();
		docs.add(Path.of("README.md"));
		try (Stream<Path> files = Files.list(Path.of("docs"))) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

	/** The text from a heading to the next heading of the same level. */
	private static String section(String text, String heading) {
		int start = text.indexOf(heading);
		assertThat(start).as(heading).isNotNegative();
		int end = text.indexOf("\n## ", start + heading.length());
		return text.substring(start, (end < 0) ? text.length() : end);
	}

}
